using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Storage;
using Autonomy.Core.Verification;
using Autonomy.Storage.Tests.Analysis;
using Autonomy.Storage.Tests.Conformance;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Autonomy.Storage.Tests.Verification;

/// <summary>
/// Verification of candidates on every backend, from recorded traffic: real executions of real sample tools through
/// the sandbox and the execution-log writer, then <see cref="CandidateVerifier"/> with the real compiler, asserting
/// the verdict, the strategies chosen and the rows stored in <c>replay_test_results</c>, <c>shadow_test_results</c>
/// and the <c>testing_summary</c> view.
/// </summary>
public abstract class VerificationScenarios
{
    private static readonly TimeSpan Spacing = TimeSpan.FromMinutes(6);

    protected abstract ProjectStores CreateStores(TimeProvider time);

    protected abstract IExecutionLogSink CreateSink();

    protected abstract IExecutionStore CreateExecutionStore();

    [ConformanceFact]
    public async Task Verify_TheDocumentedParseDateFix_PassesEveryStrategyAndStoresReplayAndShadow()
    {
        var (harness, tool) = Harness("parse_date");
        var baseline = await harness.DeployAsync(tool, ScenarioSources.Sample("parse_date"));
        var records = await harness.RunAsync(tool, baseline, InvestigationScenarios.DateInputs(120, seed: 5), Spacing);
        var failing = records.Count(r => r.CountsAsToolFailure);
        Assert.True(failing > 10, $"the scenario needs failures, got {failing}");
        var candidate = await AppendAsync(harness, tool, ScenarioSources.FixedParseDate());

        var report = await Verifier(harness).VerifyAsync(Request(harness, tool, baseline, candidate, ScenarioSources.FixedParseDate()));

        Assert.Equal(VerificationVerdict.Passed, report.Verdict);
        Assert.All(report.Plan, p => Assert.True(p.Applies, p.Reason));
        Assert.Equal([TestingStrategy.Synthetic, TestingStrategy.Replay, TestingStrategy.Shadow], report.Results.Select(r => r.Strategy));
        var replay = report.Results.Single(r => r.Strategy == TestingStrategy.Replay);
        Assert.Equal(50, replay.Cases);
        Assert.Equal(replay.Cases, replay.PassedCases);
        var summary = await harness.Stores.TestResults.ListSummaryAsync(tool, 10);
        Assert.Equal([TestKind.Shadow, TestKind.Replay], summary.Select(s => s.TestType).Order());
        var replayRow = summary.Single(s => s.TestType == TestKind.Replay);
        Assert.Equal((baseline, candidate, 50, 50, 0, true), (replayRow.BaselineVersion, replayRow.NewVersion, replayRow.TotalCases, replayRow.PassedCases, replayRow.Regressions, replayRow.Passed));
        var shadow = report.Results.Single(r => r.Strategy == TestingStrategy.Shadow);
        Assert.True(shadow.Passed, shadow.Summary);
        Assert.Contains("fixed", shadow.Summary, StringComparison.Ordinal);
    }

    [ConformanceFact]
    public async Task Verify_ACandidateThatChangesCorrectOutputs_FailsWithReplayRegressionsAndShadowMismatches()
    {
        var (harness, tool) = Harness("parse_date");
        var baseline = await harness.DeployAsync(tool, ScenarioSources.Sample("parse_date"));
        await harness.RunAsync(tool, baseline, InvestigationScenarios.DateInputs(120, seed: 6), Spacing);
        var broken = ScenarioSources.FixedParseDate().Replace("[\"dayOfYear\"] = date.DayOfYear,", "[\"dayOfYear\"] = date.DayOfYear - 1,", StringComparison.Ordinal);
        Assert.NotEqual(ScenarioSources.FixedParseDate(), broken);
        var candidate = await AppendAsync(harness, tool, broken);

        var report = await Verifier(harness).VerifyAsync(Request(harness, tool, baseline, candidate, broken));

        Assert.Equal(VerificationVerdict.Failed, report.Verdict);
        Assert.All(report.Results, r => Assert.False(r.Passed, r.Summary));
        var replayRow = (await harness.Stores.TestResults.ListSummaryAsync(tool, 10)).Single(s => s.TestType == TestKind.Replay);
        Assert.False(replayRow.Passed);
        Assert.True(replayRow.Regressions > 0, "every kept output changed, so every kept case regresses");
        Assert.StartsWith("failed verification", report.Summary, StringComparison.Ordinal);
    }

    [ConformanceFact]
    public async Task Verify_NoHistoryNoExamplesNoSchema_NeedsApprovalAndStoresNothing()
    {
        var (harness, tool) = Harness("bare");
        var source = Bare(tool, "input");
        var baseline = await harness.DeployAsync(tool, source);
        var changed = Bare(tool, "changed");
        var candidate = await AppendAsync(harness, tool, changed);

        var report = await Verifier(harness).VerifyAsync(Request(harness, tool, baseline, candidate, changed));

        Assert.Equal(VerificationVerdict.NeedsApproval, report.Verdict);
        Assert.Empty(report.Results);
        Assert.Equal(
            ["no declared examples and no input schema", "only 0 distinct recorded inputs in the last 30 days (needs 10)", "only 0 inputs to run side by side (needs 5)"],
            report.Plan.Select(p => p.Reason));
        Assert.Empty(await harness.Stores.TestResults.ListSummaryAsync(tool, 10));
    }

    private static string Bare(string tool, string key) => $$""""
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Autonomy.Tools;

        namespace Autonomy.Scenarios;

        [Tool("{{tool}}", "Echoes its input under a key.")]
        public sealed class BareTool : ITool
        {
            public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context) =>
                Task.FromResult<JsonNode?>(new JsonObject { ["{{key}}"] = input?.DeepClone() });
        }
        """";

    private static async Task<int> AppendAsync(ScenarioHarness harness, string tool, string source)
    {
        var latest = await harness.Stores.Versions.GetLatestAsync(tool);
        var stored = await harness.Stores.Versions.AppendAsync(new NewToolVersion(tool, latest!.Version + 1, source, latest.Version, VersionAuthor.Autonomous, "candidate"));
        return stored.Version;
    }

    private static VerificationRequest Request(ScenarioHarness harness, string tool, int baseline, int candidate, string candidateSource) =>
        new(tool, baseline, harness.Stores.Versions.GetAsync(tool, baseline).Result!.Source, candidate, candidateSource, null);

    private static CandidateVerifier Verifier(ScenarioHarness harness) => new(
        new ToolCompiler(),
        new ToolExecutor(),
        harness.Executions,
        harness.Stores.Feedback,
        harness.Stores.TestResults,
        Options.Create(new VerificationOptions()),
        harness.Time);

    private (ScenarioHarness Harness, string Tool) Harness(string name)
    {
        var time = new FakeTimeProvider(InvestigationScenarios.Start);
        var harness = new ScenarioHarness(CreateStores(time), CreateSink(), CreateExecutionStore(), time);
        return (harness, $"{name}_{Guid.NewGuid():N}");
    }
}
