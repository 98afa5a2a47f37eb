using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.Samples.Tools;

[Tool("word_count", "Counts characters, words, sentences and lines in a text and reports the average word length.")]
[ToolInputSchema("""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "text": { "type": "string", "description": "The text to measure." }
  },
  "required": ["text"],
  "additionalProperties": false
}
""")]
[ToolOutputSchema("""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "characters": { "type": "integer" },
    "charactersExcludingSpaces": { "type": "integer" },
    "words": { "type": "integer" },
    "sentences": { "type": "integer" },
    "lines": { "type": "integer" },
    "averageWordLength": { "type": "number" }
  },
  "required": ["characters", "charactersExcludingSpaces", "words", "sentences", "lines", "averageWordLength"]
}
""")]
[ToolExample("""{"text": "Hello world. How are you?"}""",
    """{"characters": 25, "charactersExcludingSpaces": 21, "words": 5, "sentences": 2, "lines": 1, "averageWordLength": 3.8}""")]
[ToolExample("""{"text": "One line\nand another one!\n"}""",
    """{"characters": 26, "charactersExcludingSpaces": 21, "words": 5, "sentences": 1, "lines": 2, "averageWordLength": 4}""")]
[ToolExample("""{"text": ""}""",
    """{"characters": 0, "charactersExcludingSpaces": 0, "words": 0, "sentences": 0, "lines": 0, "averageWordLength": 0}""")]
public sealed class WordCountTool : ITool
{
    private static readonly Regex Word = new(@"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant);
    private static readonly Regex SentenceEnd = new(@"[.!?]+", RegexOptions.CultureInvariant);

    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var text = input?["text"]?.GetValue<string>() ?? throw new InvalidToolInputException("'text' is required.");

        var words = Word.Matches(text).Select(m => m.Value).ToList();
        var sentences = SentenceEnd.Split(text).Count(part => part.Any(char.IsLetterOrDigit));
        var lines = text.Length == 0 ? 0 : text.TrimEnd('\n', '\r').Split('\n').Length;
        var average = words.Count == 0 ? 0 : Math.Round(words.Average(w => w.Length), 2);

        context.Log.Info($"Measured {text.Length} characters, {words.Count} words.");
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["characters"] = text.Length,
            ["charactersExcludingSpaces"] = text.Count(c => !char.IsWhiteSpace(c)),
            ["words"] = words.Count,
            ["sentences"] = sentences,
            ["lines"] = lines,
            ["averageWordLength"] = average,
        });
    }
}
