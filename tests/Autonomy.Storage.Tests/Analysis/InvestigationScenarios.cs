using System.Globalization;
using System.Text.Json.Nodes;
using Autonomy.Core.Analysis;
using Autonomy.Core.Storage;
using Autonomy.Storage.Tests.Conformance;
using Microsoft.Extensions.Time.Testing;

namespace Autonomy.Storage.Tests.Analysis;

/// <summary>
/// The investigation scenarios of issue 5, on every backend: each records real executions of real tools through the
/// sandbox and the execution-log writer, then investigates and asserts the report's concrete findings (the line,
/// the syntax, the input feature, the version, the verdict).
/// </summary>
public abstract class InvestigationScenarios
{
    /// <summary>The scenarios' clock starts at a whole hour, so deploys fall on hour boundaries.</summary>
    public static readonly DateTimeOffset Start = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Spacing = TimeSpan.FromMinutes(6);

    protected abstract ProjectStores CreateStores(TimeProvider time);

    protected abstract IExecutionLogSink CreateSink();

    protected abstract IExecutionStore CreateExecutionStore();

    [ConformanceFact]
    public async Task Investigate_CultureParsingDefect_NamesLine59TheParseCallAndDayFirstDates()
    {
        var (harness, tool) = Harness("parse_date");
        var version = await harness.DeployAsync(tool, ScenarioSources.Sample("parse_date"));
        var records = await harness.RunAsync(tool, version, DateInputs(200, seed: 11), Spacing);
        var dayFirst = records.Count(r => IsDayFirstSlash(r.Input!));

        var run = await harness.Investigator().InvestigateAsync(tool);

        var findings = run.Findings;
        Assert.Equal((InvestigationVerdict.Defect, true, 1), (findings.Verdict, findings.ShouldImprove, findings.Version));
        var cluster = findings.ErrorClusters[0];
        Assert.Equal(("System.FormatException", 59, dayFirst), (cluster.Pattern.ExceptionType, cluster.Pattern.Line, cluster.Pattern.Count));
        Assert.Equal("InvocationExpression", cluster.Site!.SyntaxKind);
        Assert.Equal("DateTime.ParseExact(text, \"M/d/yyyy\", CultureInfo.InvariantCulture)", cluster.Site.Expression);
        var feature = findings.InputFeatures[0];
        Assert.Equal(("date", "date:dd/MM/yyyy"), (feature.Field, feature.Feature));
        Assert.Equal((dayFirst, dayFirst, records.Count - dayFirst, 0), (feature.With.Executions, feature.With.Failures, feature.Without.Executions, feature.Without.Failures));
        Assert.StartsWith("fails on 100 % of inputs whose `date` field uses dd/MM/yyyy", feature.Description, StringComparison.Ordinal);
        Assert.Equal((RepairStrategyKind.FixTemplate, FixTemplates.ParseFormats), (findings.Repair.Kind, findings.Repair.Template));
        Assert.Equal([59], findings.Repair.SuspiciousLines);
        Assert.Equal((OnsetMethod.SinceVersionStart, 1, Start), (findings.Onset!.Method, findings.Onset.Version, findings.Onset.At));
        Assert.Contains("line 59", findings.RootCause, StringComparison.Ordinal);
        Assert.Contains("dd/MM/yyyy", findings.RootCause, StringComparison.Ordinal);

        await AssertStoredAsync(harness, tool, run, "defect");
        var analytics = await harness.Stores.Analytics.GetLatestAsync(tool);
        Assert.Equal((200L, 200L - dayFirst), (analytics!.TotalExecutions, analytics.SuccessfulExecutions));
    }

    [ConformanceFact]
    public async Task Investigate_MissingOptionalField_NamesLine44TheNullForgivingReadAndMissingPrecision()
    {
        var (harness, tool) = Harness("unit_convert");
        var version = await harness.DeployAsync(tool, ScenarioSources.Sample("unit_convert"));
        var records = await harness.RunAsync(tool, version, ConversionInputs(150, seed: 5), Spacing);
        var withoutPrecision = records.Count(r => JsonNode.Parse(r.Input!)!["precision"] is null);

        var run = await harness.Investigator().InvestigateAsync(tool);

        var findings = run.Findings;
        Assert.Equal((InvestigationVerdict.Defect, true), (findings.Verdict, findings.ShouldImprove));
        var cluster = Assert.Single(findings.ErrorClusters);
        Assert.Equal(("System.NullReferenceException", 44, withoutPrecision), (cluster.Pattern.ExceptionType, cluster.Pattern.Line, cluster.Pattern.Count));
        Assert.Equal(("SuppressNullableWarningExpression", "input![\"precision\"]!"), (cluster.Site!.SyntaxKind, cluster.Site.Expression));
        var feature = findings.InputFeatures[0];
        Assert.Equal(("precision", "missing", withoutPrecision, 1.0, 0), (feature.Field, feature.Feature, feature.With.Executions, feature.With.FailureRate, feature.Without.Failures));
        Assert.StartsWith("fails on 100 % of inputs without a `precision` field", feature.Description, StringComparison.Ordinal);
        Assert.Equal((RepairStrategyKind.FixTemplate, FixTemplates.NullGuard), (findings.Repair.Kind, findings.Repair.Template));
        await AssertStoredAsync(harness, tool, run, "defect");
    }

    [ConformanceFact]
    public async Task Investigate_DefectOnlyInNewVersion_RegressionIntroducedByVersion2AtItsDeploy()
    {
        var (harness, tool) = Harness("parse_date");
        var good = await harness.DeployAsync(tool, ScenarioSources.FixedParseDate());
        var goodRecords = await harness.RunAsync(tool, good, DateInputs(120, seed: 3), Spacing);
        var deployedAt = harness.Time.GetUtcNow();
        var bad = await harness.DeployAsync(tool, ScenarioSources.Sample("parse_date"));
        await harness.RunAsync(tool, bad, DateInputs(120, seed: 4), Spacing);

        var run = await harness.Investigator().InvestigateAsync(tool);

        var findings = run.Findings;
        Assert.All(goodRecords, r => Assert.Equal(Abstractions.Execution.ExecutionOutcome.Success, r.Outcome));
        Assert.Equal((InvestigationVerdict.Regression, true, 2), (findings.Verdict, findings.ShouldImprove, findings.Version));
        var onset = findings.Onset!;
        Assert.Equal((OnsetMethod.ChangePoint, 2, deployedAt), (onset.Method, onset.Version, onset.DeployedAt));
        Assert.Equal((0.0, 120L), (onset.FailureRateBefore, onset.ExecutionsBefore));
        Assert.StartsWith("regression introduced by version 2", onset.Description, StringComparison.Ordinal);
        Assert.Equal(("System.FormatException", 59), (findings.ErrorClusters[0].Pattern.ExceptionType, findings.ErrorClusters[0].Pattern.Line));
        Assert.Contains("version 1", findings.Repair.Rationale, StringComparison.Ordinal);
        Assert.Contains("regression introduced by version 2", findings.RootCause, StringComparison.OrdinalIgnoreCase);
        await AssertStoredAsync(harness, tool, run, "regression");
    }

    [ConformanceFact]
    public async Task Investigate_OnlyCallerInvalidInput_CallerFaultDoNotImprove()
    {
        var (harness, tool) = Harness("parse_date");
        var version = await harness.DeployAsync(tool, ScenarioSources.Sample("parse_date"));
        var inputs = Enumerable.Range(0, 100).Select(i => i % 5 < 2
            ? Json(i % 2 == 0 ? "2024-03-05" : "March 5, 2024")
            : Json(i % 3 == 0 ? "next blursday" : i % 3 == 1 ? "32.13.2024" : "soon"));
        await harness.RunAsync(tool, version, inputs, Spacing);

        var run = await harness.Investigator().InvestigateAsync(tool);

        var findings = run.Findings;
        Assert.Equal((InvestigationVerdict.CallerFault, false), (findings.Verdict, findings.ShouldImprove));
        Assert.Equal((60L, 0L), (findings.CallerFaults.InvalidInput, findings.CallerFaults.ToolFailures));
        Assert.Contains("is not a date format this tool understands", findings.CallerFaults.TopMessages[0], StringComparison.Ordinal);
        Assert.Equal(RepairStrategyKind.None, findings.Repair.Kind);
        Assert.Empty(findings.ErrorClusters);
        Assert.Equal(1.0, findings.Analysis.Overall.SuccessRate.Rate);
        await AssertStoredAsync(harness, tool, run, "caller_fault");
    }

    [ConformanceFact]
    public async Task Investigate_SlowButCorrect_SlowNotImprove()
    {
        var (harness, tool) = Harness("slow_sum");
        var version = await harness.DeployAsync(tool, ScenarioSources.SlowSum);
        var random = new Random(8);
        await harness.RunAsync(tool, version, Enumerable.Range(0, 30).Select(_ => $$"""{"n": {{random.Next(2_000_000, 3_000_000)}}}"""), Spacing);
        var options = new AnalysisOptions { SlowP95Milliseconds = 2 };

        var run = await harness.Investigator(options).InvestigateAsync(tool);

        var findings = run.Findings;
        Assert.Equal((InvestigationVerdict.Slow, false), (findings.Verdict, findings.ShouldImprove));
        Assert.True(findings.Analysis.Overall.Latency!.P95Ms > 2, $"p95 {findings.Analysis.Overall.Latency.P95Ms} ms");
        Assert.Equal(1.0, findings.Analysis.Overall.SuccessRate.Rate);
        Assert.Empty(findings.ErrorClusters);
        Assert.Contains(findings.Analysis.Recommendations, r => r.StartsWith("p95 latency", StringComparison.Ordinal));
        await AssertStoredAsync(harness, tool, run, "slow");
    }

    [ConformanceFact]
    public async Task Investigate_HealthyToolWithRareFailures_NotFlagged()
    {
        var (harness, tool) = Harness("rarely_flaky");
        var version = await harness.DeployAsync(tool, ScenarioSources.RarelyFlaky);
        var random = new Random(21);
        var records = await harness.RunAsync(tool, version, Enumerable.Range(0, 300).Select(_ => $$"""{"id": "req-{{random.Next():x8}}"}"""), Spacing);
        var failures = records.Count(r => r.CountsAsToolFailure);

        var run = await harness.Investigator().InvestigateAsync(tool);

        var findings = run.Findings;
        Assert.InRange(failures, 2, 15);
        Assert.Equal((InvestigationVerdict.Healthy, false), (findings.Verdict, findings.ShouldImprove));
        Assert.False(findings.Analysis.IsOpportunity);
        Assert.Equal(failures, findings.ErrorClusters.Sum(c => c.Pattern.Count));
        Assert.DoesNotContain(findings.InputFeatures, f => f.With.FailureRate >= InvestigationConclusion.ExplainingFailureRate);
        await AssertStoredAsync(harness, tool, run, "healthy");
    }

    [ConformanceFact]
    public async Task Investigate_WithChatClient_StoresItsNarrativeAndTheSameFindings()
    {
        var (harness, tool) = Harness("unit_convert");
        var version = await harness.DeployAsync(tool, ScenarioSources.Sample("unit_convert"));
        await harness.RunAsync(tool, version, ConversionInputs(60, seed: 9), Spacing);
        var chat = new ScriptedChatClient(_ => "  Line 44 reads the optional precision as if it were required.  ");

        var run = await harness.Investigator(narrator: new ChatClientInvestigationNarrator(chat)).InvestigateAsync(tool);
        var without = await harness.Investigator().InvestigateAsync(tool);

        Assert.Equal("Line 44 reads the optional precision as if it were required.", run.Findings.Narrative);
        var request = Assert.Single(chat.Requests);
        Assert.Equal(ChatClientInvestigationNarrator.SystemPrompt, request[0].Text);
        Assert.Contains("\"line\":44", request[1].Text, StringComparison.Ordinal);
        Assert.Contains("input![\"precision\"]!.GetValue<int>()", request[1].Text, StringComparison.Ordinal);
        Assert.Equal(
            (without.Findings.Verdict, without.Findings.RootCause, without.Findings.Confidence, AnalysisJson.Serialize(without.Findings.Repair)),
            (run.Findings.Verdict, run.Findings.RootCause, run.Findings.Confidence, AnalysisJson.Serialize(run.Findings.Repair)));
        Assert.Null(without.Findings.Narrative);
        Assert.Equal("Line 44 reads the optional precision as if it were required.", JsonNode.Parse((await harness.Stores.InvestigationReports.ListAsync(tool, 10)).Single(r => r.Id == run.Stored.Id).FindingsJson)!["narrative"]!.GetValue<string>());
    }

    [ConformanceFact]
    public async Task Investigate_ChatClientFails_ReportStoredWithoutNarrative()
    {
        var (harness, tool) = Harness("unit_convert");
        var version = await harness.DeployAsync(tool, ScenarioSources.Sample("unit_convert"));
        await harness.RunAsync(tool, version, ConversionInputs(60, seed: 10), Spacing);
        var chat = new ScriptedChatClient(_ => throw new HttpRequestException("connection refused"));

        var run = await harness.Investigator(narrator: new ChatClientInvestigationNarrator(chat)).InvestigateAsync(tool);

        Assert.Single(chat.Requests);
        Assert.Null(run.Findings.Narrative);
        Assert.Equal((InvestigationVerdict.Defect, true), (run.Findings.Verdict, run.Findings.ShouldImprove));
        await AssertStoredAsync(harness, tool, run, "defect");
    }

    [ConformanceFact]
    public async Task Investigate_UnknownTool_ThrowsAndStoresNothing()
    {
        var (harness, tool) = Harness("nothing");

        await Assert.ThrowsAsync<UnknownToolException>(() => harness.Investigator().InvestigateAsync(tool));

        Assert.Null(await harness.Stores.InvestigationReports.GetLatestAsync(tool));
    }

    private (ScenarioHarness Harness, string Tool) Harness(string name)
    {
        var time = new FakeTimeProvider(Start);
        var harness = new ScenarioHarness(CreateStores(time), CreateSink(), CreateExecutionStore(), time);
        return (harness, $"{name}-{Guid.NewGuid():N}");
    }

    private static async Task AssertStoredAsync(ScenarioHarness harness, string tool, InvestigationRun run, string verdict)
    {
        var stored = await harness.Stores.InvestigationReports.GetLatestAsync(tool);
        Assert.NotNull(stored);
        Assert.Equal((run.Stored.Id, run.Findings.ShouldImprove, run.Findings.RootCause), (stored.Id, stored.ShouldImprove, stored.RootCause));
        var json = JsonNode.Parse(stored.FindingsJson)!;
        Assert.Equal(verdict, json["verdict"]!.GetValue<string>());
        Assert.Equal(run.Findings.ErrorClusters.Count, json["errorClusters"]!.AsArray().Count);
    }

    private static string Json(string date) => new JsonObject { ["date"] = date }.ToJsonString();

    private static bool IsDayFirstSlash(string input)
    {
        var text = JsonNode.Parse(input)!["date"]!.GetValue<string>();
        var parts = text.Split('/');
        return parts.Length == 3 && int.Parse(parts[0], CultureInfo.InvariantCulture) > 12;
    }

    /// <summary>A mix of date layouts, a quarter of them day-first slash dates (the ones the defect breaks).</summary>
    internal static IEnumerable<string> DateInputs(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var month = random.Next(1, 13);
            var day = random.Next(13, 29);
            var small = random.Next(1, 13);
            var text = (i % 8) switch
            {
                0 or 1 => $"{day:00}/{month:00}/2024",
                2 => $"{month}/{day}/2024",
                3 => $"{month:00}/{small:00}/2024",
                4 or 5 => $"2024-{month:00}-{day:00}",
                6 => $"{day:00}.{month:00}.2024",
                _ => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {day}, 2024",
            };
            yield return Json(text);
        }
    }

    /// <summary>Conversions within a category; two in five leave out the optional precision.</summary>
    private static IEnumerable<string> ConversionInputs(int count, int seed)
    {
        (string From, string To)[] pairs = [("km", "mi"), ("C", "F"), ("kg", "lb"), ("m", "ft"), ("g", "oz")];
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (from, to) = pairs[random.Next(pairs.Length)];
            var input = new JsonObject { ["value"] = Math.Round(random.NextDouble() * 100, 2), ["from"] = from, ["to"] = to };
            if (i % 5 >= 2)
            {
                input["precision"] = random.Next(0, 5);
            }

            yield return input.ToJsonString();
        }
    }
}
