namespace Autonomy.Storage.Tests.Analysis;

/// <summary>The tool sources of the investigation scenarios: the repository's sample tools, and a few written for a scenario.</summary>
internal static class ScenarioSources
{
    private static readonly string SampleTools = Path.Combine(FindRoot(), "samples", "tools");

    public static string Sample(string name) => File.ReadAllText(Path.Combine(SampleTools, name + ".cs"));

    /// <summary>parse_date with the one-line fix of samples/tools/DEFECTS.md: day-first slash dates parse too.</summary>
    public static string FixedParseDate() =>
        Sample("parse_date").Replace(
            "DateTime.ParseExact(text, \"M/d/yyyy\", CultureInfo.InvariantCulture);",
            "DateTime.ParseExact(text, [\"M/d/yyyy\", \"d/M/yyyy\"], CultureInfo.InvariantCulture, DateTimeStyles.None);",
            StringComparison.Ordinal);

    /// <summary>A correct tool that burns CPU in proportion to its input: slow, never wrong.</summary>
    public const string SlowSum = """
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Autonomy.Tools;

        namespace Autonomy.Scenarios;

        [Tool("slow_sum", "Sums the integers below n, one at a time.")]
        public sealed class SlowSumTool : ITool
        {
            public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
            {
                var n = input?["n"]?.GetValue<long>() ?? throw new InvalidToolInputException("'n' is required.");
                long sum = 0;
                for (long i = 0; i < n; i++)
                {
                    sum += i % 7;
                }

                return Task.FromResult<JsonNode?>(new JsonObject { ["n"] = n, ["sum"] = sum });
            }
        }
        """;

    /// <summary>
    /// A healthy tool with rare failures that no input feature explains: one request id in 50 (by a hash of the
    /// whole id) hits a "flaky upstream".
    /// </summary>
    public const string RarelyFlaky = """
        using System;
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Autonomy.Tools;

        namespace Autonomy.Scenarios;

        [Tool("rarely_flaky", "Echoes a request id with its length.")]
        public sealed class RarelyFlakyTool : ITool
        {
            public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
            {
                var id = input?["id"]?.GetValue<string>() ?? throw new InvalidToolInputException("'id' is required.");
                var hash = 17;
                foreach (var c in id)
                {
                    hash = unchecked((hash * 31) + c);
                }

                if ((hash & 0x7fffffff) % 50 == 0)
                {
                    throw new InvalidOperationException("upstream did not answer in time");
                }

                return Task.FromResult<JsonNode?>(new JsonObject { ["id"] = id, ["length"] = id.Length });
            }
        }
        """;

    private static string FindRoot([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        // The test binaries may be built outside the tree (--artifacts-path), so start from this source file too.
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(thisFile) })
        {
            for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Autonomy.Orleans.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Autonomy.Orleans.sln was not found.");
    }
}
