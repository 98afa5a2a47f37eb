namespace Autonomy.Core.Storage;

/// <summary>Shadow and replay test results, and the <c>testing_summary</c> view over both.</summary>
public interface ITestResultStore
{
    /// <summary>Records a shadow test and returns it as stored.</summary>
    Task<ShadowTestResult> RecordShadowAsync(NewShadowTestResult result, CancellationToken cancellationToken = default);

    /// <summary>Records a replay test and returns it as stored.</summary>
    Task<ReplayTestResult> RecordReplayAsync(NewReplayTestResult result, CancellationToken cancellationToken = default);

    /// <summary>A tool's test runs of both kinds from <c>testing_summary</c>, newest first.</summary>
    Task<IReadOnlyList<TestingSummaryRow>> ListSummaryAsync(string toolName, int limit, CancellationToken cancellationToken = default);
}
