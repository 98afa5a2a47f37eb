using Autonomy.Core.Storage;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>Shadow and replay results and the testing_summary view, identically on every backend.</summary>
public abstract class TestResultStoreConformance(StoreBackend backend) : StoreConformance(backend)
{
    [ConformanceFact]
    public async Task RecordShadowAsync_RoundTrips()
    {
        var tool = NewToolName();

        var shadow = await Stores.TestResults.RecordShadowAsync(
            new NewShadowTestResult(tool, 1, 2, null, 20, 19, 1, true, "json", """{"disagreements":[{"input":"{}"}]}"""));

        Assert.Equal(
            (tool, 1, 2, (long?)null, 20, 19, 1, true, "json", Now),
            (shadow.ToolName, shadow.OldVersion, shadow.NewVersion, shadow.ImprovementAttemptId, shadow.TotalCases, shadow.Agreements,
             shadow.Errors, shadow.Passed, shadow.ComparisonStrategy, shadow.TestedAt));
        AssertJsonEqual("""{"disagreements":[{"input":"{}"}]}""", shadow.DetailsJson);
    }

    [ConformanceFact]
    public async Task ListSummaryAsync_ShadowAndReplay_OneRowPerRunNewestFirstWithRates()
    {
        var tool = NewToolName();
        var attempt = await Stores.ImprovementAttempts.StartAsync(new NewImprovementAttempt(tool, 1, null, "{}"));
        var shadow = await Stores.TestResults.RecordShadowAsync(new NewShadowTestResult(tool, 1, 2, attempt.Id, 20, 19, 0, true, "exact", "{}"));
        Time.Advance(TimeSpan.FromMinutes(1));
        var replay = await Stores.TestResults.RecordReplayAsync(new NewReplayTestResult(tool, 1, 2, attempt.Id, 40, 30, 2, 5, false, "{}"));
        Time.Advance(TimeSpan.FromMinutes(1));
        var empty = await Stores.TestResults.RecordReplayAsync(new NewReplayTestResult(tool, 1, 3, null, 0, 0, 0, 0, false, "{}"));
        await Stores.TestResults.RecordShadowAsync(new NewShadowTestResult(NewToolName(), 1, 2, null, 1, 1, 0, true, "exact", "{}"));

        var summary = await Stores.TestResults.ListSummaryAsync(tool, 10);

        Assert.Equal(
            [
                new TestingSummaryRow(TestKind.Replay, empty.Id, tool, 1, 3, null, 0, 0, null, 0, false, Now),
                new TestingSummaryRow(TestKind.Replay, replay.Id, tool, 1, 2, attempt.Id, 40, 30, 0.75, 2, false, Now.AddMinutes(-1)),
                new TestingSummaryRow(TestKind.Shadow, shadow.Id, tool, 1, 2, attempt.Id, 20, 19, 0.95, null, true, Now.AddMinutes(-2)),
            ],
            summary);
        Assert.Equal([TestKind.Replay], (await Stores.TestResults.ListSummaryAsync(tool, 1)).Select(r => r.TestType));
    }

    [ConformanceFact]
    public async Task RecordReplayAsync_MoreSuccessesThanReplays_IsRejected()
    {
        var tool = NewToolName();

        await Assert.ThrowsAsync<ArgumentException>(
            () => Stores.TestResults.RecordReplayAsync(new NewReplayTestResult(tool, 1, 2, null, 1, 2, 0, 0, true, "{}")));

        Assert.Empty(await Stores.TestResults.ListSummaryAsync(tool, 10));
    }
}
