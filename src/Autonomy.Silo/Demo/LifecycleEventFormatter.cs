using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Autonomy.Core.Storage;

namespace Autonomy.Silo.Demo;

/// <summary>
/// Turns a lifecycle event into the line the progress reporter prints, e.g. <c>parse_date: investigated — defect</c>,
/// <c>parse_date: v2 deployed (autonomous), replacing v1</c> or <c>slugify: rolled back v2 → v1 (automatic): …</c>.
/// Event types it does not know print their type, version and details.
/// </summary>
internal static class LifecycleEventFormatter
{
    /// <summary>The longest free text (a reason, a message, details) a line carries before it is cut.</summary>
    public const int MaxTextLength = 200;

    /// <summary>The whole line: the tool's name, a colon and <see cref="Describe"/>.</summary>
    /// <param name="lifecycleEvent">The event.</param>
    /// <param name="author">The author of the event's version (<c>human</c> or <c>autonomous</c>), when known; deploys show it.</param>
    public static string Format(LifecycleEvent lifecycleEvent, string? author = null)
    {
        ArgumentNullException.ThrowIfNull(lifecycleEvent);
        return $"{lifecycleEvent.ToolName}: {Describe(lifecycleEvent, author)}";
    }

    /// <summary>What happened, without the tool's name.</summary>
    /// <param name="lifecycleEvent">The event.</param>
    /// <param name="author">The author of the event's version, when known; deploys show it.</param>
    public static string Describe(LifecycleEvent lifecycleEvent, string? author = null)
    {
        ArgumentNullException.ThrowIfNull(lifecycleEvent);
        var details = Parse(lifecycleEvent.DetailsJson);
        var version = Version(lifecycleEvent.Version);
        return lifecycleEvent.EventType switch
        {
            "version_registered" => $"{version} registered by {Text(details, "author") ?? author ?? "?"}{Then(" — ", Text(details, "reason"))}",
            "deployed" => $"{version} deployed{(author is null ? "" : $" ({author})")}{Then(", replacing ", Version(Int(details, "previousVersion")))}",
            "rolled_back" => RolledBack(details, version),
            "pinned" => $"{version} pinned",
            "unpinned" => $"{version} unpinned",
            "archived" => $"archived{Then(" — ", Text(details, "reason"))}",
            "opportunity_detected" => Investigated(details),
            "shadow_started" => $"shadow started for {version}",
            "shadow_ended" => ShadowEnded(details, version),
            _ => Generic(lifecycleEvent.EventType, version, details),
        };
    }

    private static string RolledBack(JsonObject? details, string? version)
    {
        var from = Version(Int(details, "fromVersion"));
        var how = Bool(details, "automatic") == true ? " (automatic)" : "";
        return $"rolled back {(from is null ? "" : $"{from} ")}→ {version}{how}{Then(": ", Text(details, "reason"))}";
    }

    private static string Investigated(JsonObject? details)
    {
        if (Text(details, "verdict") is not { } verdict)
        {
            return $"not investigated — {Text(details, "message") ?? Text(details, "investigation") ?? "no report"}";
        }

        var notes = new List<string>();
        if (Int(details, "reportId") is { } report)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"report {report}"));
        }

        if (Bool(details, "shouldImprove") == true)
        {
            notes.Add("improvement suggested");
        }

        return $"investigated — {verdict}{(notes.Count == 0 ? "" : $" ({string.Join("; ", notes)})")}";
    }

    private static string ShadowEnded(JsonObject? details, string? version)
    {
        var passed = Bool(details, "passed") switch
        {
            true => "passed",
            false => "failed",
            null => null,
        };
        var verdict = Text(details, "verdict");
        var outcome = (passed, verdict) switch
        {
            (null, null) => "",
            (null, _) => $" — {verdict}",
            (_, null) => $" — {passed}",
            _ => $" — {passed}: {verdict}",
        };
        return $"shadow ended for {version}{outcome}";
    }

    private static string Generic(string eventType, string? version, JsonObject? details)
    {
        var text = new StringBuilder(eventType);
        if (version is not null)
        {
            text.Append(' ').Append(version);
        }

        if (details is { Count: > 0 })
        {
            text.Append(' ').Append(Clip(details.ToJsonString()));
        }

        return text.ToString();
    }

    private static string? Version(int? version) => version is { } v ? string.Create(CultureInfo.InvariantCulture, $"v{v}") : null;

    private static string Then(string separator, string? text) => text is null ? "" : separator + text;

    private static JsonObject? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonObject? details, string name) =>
        details?[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? Clip(text) : null;

    private static int? Int(JsonObject? details, string name) =>
        details?[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;

    private static bool? Bool(JsonObject? details, string name) =>
        details?[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    /// <summary>One line of at most <see cref="MaxTextLength"/> characters: runs of white space become one space.</summary>
    private static string Clip(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxTextLength ? line : string.Concat(line.AsSpan(0, MaxTextLength - 1), "…");
    }
}
