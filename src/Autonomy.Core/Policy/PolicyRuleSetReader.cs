using System.Text.Json;

namespace Autonomy.Core.Policy;

/// <summary>Reads the JSON shape of a rule set strictly: unknown keys and wrong types are errors, not ignored.</summary>
internal static class PolicyRuleSetReader
{
    private static readonly JsonDocumentOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] s_rootKeys = ["rules"];
    private static readonly string[] s_ruleKeys = ["id", "description", "deny", "allow", "constructs"];

    public static List<PolicyRule> Read(string json, string sourceName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, s_options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The policy rule set {sourceName} is invalid: it is not valid JSON ({ex.Message}).", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(sourceName, "the root must be an object with a \"rules\" array.");
            }

            CheckKeys(sourceName, root, s_rootKeys, "the root");
            if (!root.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(sourceName, "\"rules\" must be an array.");
            }

            var result = new List<PolicyRule>();
            var index = 0;
            foreach (var rule in rules.EnumerateArray())
            {
                result.Add(ReadRule(sourceName, rule, $"rules[{index}]"));
                index++;
            }

            return result;
        }
    }

    private static PolicyRule ReadRule(string sourceName, JsonElement rule, string where)
    {
        if (rule.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(sourceName, $"{where} must be an object.");
        }

        if (rule.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String && idValue.GetString()!.Trim() is { Length: > 0 } label)
        {
            where = $"{where} ('{label}')";
        }

        CheckKeys(sourceName, rule, s_ruleKeys, where);
        var id = ReadString(sourceName, rule, "id", where);

        return new PolicyRule(
            id,
            ReadString(sourceName, rule, "description", where),
            ReadStrings(sourceName, rule, "deny", where),
            ReadStrings(sourceName, rule, "allow", where),
            ReadStrings(sourceName, rule, "constructs", where));
    }

    private static void CheckKeys(string sourceName, JsonElement element, string[] known, string where)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Invalid(sourceName, $"{where} has the unknown key \"{property.Name}\" (known keys: {string.Join(", ", known)}).");
            }

            if (!seen.Add(property.Name))
            {
                throw Invalid(sourceName, $"{where} has the key \"{property.Name}\" twice.");
            }
        }
    }

    private static string ReadString(string sourceName, JsonElement rule, string key, string where)
    {
        if (!rule.TryGetProperty(key, out var value))
        {
            throw Invalid(sourceName, $"{where} has no \"{key}\".");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Invalid(sourceName, $"{where}: \"{key}\" must be a string.");
        }

        var text = value.GetString()!.Trim();
        return text.Length > 0 ? text : throw Invalid(sourceName, $"{where} has an empty \"{key}\".");
    }

    private static List<string> ReadStrings(string sourceName, JsonElement rule, string key, string where)
    {
        if (!rule.TryGetProperty(key, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw Invalid(sourceName, $"{where}: \"{key}\" must be an array of strings.");
        }

        return [.. value.EnumerateArray().Select(e => e.GetString()!)];
    }

    private static InvalidDataException Invalid(string sourceName, string problem) =>
        new($"The policy rule set {sourceName} is invalid: {problem}");
}
