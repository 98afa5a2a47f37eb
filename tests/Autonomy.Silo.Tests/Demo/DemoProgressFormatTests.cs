using Autonomy.Core.Storage;
using Autonomy.Silo.Demo;

namespace Autonomy.Silo.Tests.Demo;

/// <summary>The lines the progress reporter prints for lifecycle events and traffic.</summary>
public sealed class DemoProgressFormatTests
{
    [Theory]
    [InlineData("version_registered", 2, """{"author":"human","reason":"demo: a deliberately bad deploy","sourceHash":"ab12"}""", null,
        "slugify: v2 registered by human — demo: a deliberately bad deploy")]
    [InlineData("deployed", 2, """{"previousVersion":1}""", "autonomous", "slugify: v2 deployed (autonomous), replacing v1")]
    [InlineData("deployed", 1, """{"previousVersion":null}""", "human", "slugify: v1 deployed (human)")]
    [InlineData("deployed", 3, """{"previousVersion":2}""", null, "slugify: v3 deployed, replacing v2")]
    [InlineData("rolled_back", 1, """{"fromVersion":2,"reason":"success rate fell 45 points below v1","automatic":true}""", null,
        "slugify: rolled back v2 → v1 (automatic): success rate fell 45 points below v1")]
    [InlineData("rolled_back", 1, """{"fromVersion":2,"reason":"by hand","automatic":false}""", null, "slugify: rolled back v2 → v1: by hand")]
    [InlineData("pinned", 1, "{}", null, "slugify: v1 pinned")]
    [InlineData("unpinned", 1, "{}", null, "slugify: v1 unpinned")]
    [InlineData("archived", 1, """{"reason":"unused for 90 days"}""", null, "slugify: archived — unused for 90 days")]
    [InlineData("opportunity_detected", 1,
        """{"reason":"success rate","investigation":"Completed","reportId":7,"verdict":"defect","shouldImprove":true,"confidence":0.9,"message":null}""", null,
        "slugify: investigated — defect (report 7; improvement suggested)")]
    [InlineData("opportunity_detected", 1, """{"investigation":"Completed","reportId":8,"verdict":"caller_fault","shouldImprove":false}""", null,
        "slugify: investigated — caller_fault (report 8)")]
    [InlineData("opportunity_detected", null, """{"investigation":"NoExecutions","reportId":null,"verdict":null,"message":"no executions to investigate"}""", null,
        "slugify: not investigated — no executions to investigate")]
    [InlineData("shadow_started", 2, """{"against":1}""", null, "slugify: shadow started for v2")]
    [InlineData("shadow_ended", 2, """{"passed":true,"verdict":"no regression on 120 replayed inputs"}""", null,
        "slugify: shadow ended for v2 — passed: no regression on 120 replayed inputs")]
    [InlineData("shadow_ended", 2, """{"passed":false,"verdict":"3 outputs changed"}""", null, "slugify: shadow ended for v2 — failed: 3 outputs changed")]
    [InlineData("shadow_ended", 2, "{}", null, "slugify: shadow ended for v2")]
    [InlineData("retired", 4, """{"why":"superseded",  "by":5}""", null, """slugify: retired v4 {"why":"superseded","by":5}""")]
    [InlineData("note", null, "{}", null, "slugify: note")]
    public void Format_EventType_PrintsItsLine(string eventType, int? version, string details, string? author, string expected)
    {
        var lifecycleEvent = new LifecycleEvent(42, "slugify", eventType, null, null, version, details, DateTimeOffset.UnixEpoch);

        Assert.Equal(expected, LifecycleEventFormatter.Format(lifecycleEvent, author));
    }

    [Fact]
    public void Format_LongMultiLineReason_OneLineCutToTheLimit()
    {
        var reason = "first line\n  second line " + new string('x', 300);
        var lifecycleEvent = new LifecycleEvent(1, "t", "archived", null, null, 1, $$"""{"reason":{{System.Text.Json.JsonSerializer.Serialize(reason)}}}""", DateTimeOffset.UnixEpoch);

        var line = LifecycleEventFormatter.Describe(lifecycleEvent);

        Assert.StartsWith("archived — first line second line xxx", line, StringComparison.Ordinal);
        Assert.Equal("archived — ".Length + LifecycleEventFormatter.MaxTextLength, line.Length);
        Assert.EndsWith("x…", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_DetailsNotJson_PrintsWhatIsKnown()
    {
        var lifecycleEvent = new LifecycleEvent(1, "t", "deployed", null, null, 3, "not json", DateTimeOffset.UnixEpoch);

        Assert.Equal("t: v3 deployed (human)", LifecycleEventFormatter.Format(lifecycleEvent, "human"));
    }

    [Fact]
    public void Describe_TrafficSinceTheLastSummary_CallsSuccessShareAndFailuresWorstFirst()
    {
        var earlier = new TrafficSnapshot(1_000, 900, 90, 10, 0, 0, 5, new Dictionary<string, long> { ["parse_date"] = 50, ["slugify"] = 40 });
        var now = new TrafficSnapshot(1_600, 1_400, 190, 10, 0, 0, 17, new Dictionary<string, long> { ["parse_date"] = 80, ["slugify"] = 110, ["word_count"] = 40 });

        var line = now.Since(earlier).Describe(TimeSpan.FromSeconds(30), now);

        Assert.Equal(
            "600 calls in the last 30 s, 83.3 % succeeded, 12 outputs reported wrong; failures: slugify 70, word_count 40, parse_date 30 (1,600 calls in all)",
            line);
    }

    [Fact]
    public void Describe_NoFailuresNoFeedback_SaysNone()
    {
        var now = new TrafficSnapshot(20, 20, 0, 0, 0, 0, 0, new Dictionary<string, long>());

        Assert.Equal("20 calls in the last 30 s, 100.0 % succeeded; failures: none (20 calls in all)", now.Since(TrafficSnapshot.Empty).Describe(TimeSpan.FromSeconds(30), now));
    }
}
