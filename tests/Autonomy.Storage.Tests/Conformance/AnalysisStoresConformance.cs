using Autonomy.Core.Storage;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>Analytics snapshots, investigation reports and improvement attempts, identically on every backend.</summary>
public abstract class AnalysisStoresConformance(StoreBackend backend) : StoreConformance(backend)
{
    [ConformanceFact]
    public async Task SaveAsync_Analytics_RoundTripsAndLatestIsNewest()
    {
        var tool = NewToolName();
        var first = await Stores.Analytics.SaveAsync(new NewToolAnalytics(
            tool, 1, Now.AddDays(-30), Now, 100, 60, 0.6, 12.5, 40.25, """{"errors":{"NullReferenceException":40}}"""));
        Time.Advance(TimeSpan.FromHours(1));

        var second = await Stores.Analytics.SaveAsync(new NewToolAnalytics(tool, null, Now.AddDays(-30), Now, 0, 0, null, null, null, "{}"));

        Assert.Equal(
            (tool, (int?)1, Now.AddDays(-30).AddHours(-1), Now.AddHours(-1), 100L, 60L, (double?)0.6, (double?)12.5, (double?)40.25, Now.AddHours(-1)),
            (first.ToolName, first.Version, first.WindowStart, first.WindowEnd, first.TotalExecutions, first.SuccessfulExecutions,
             first.SuccessRate, first.AverageDurationMs, first.P95DurationMs, first.AnalyzedAt));
        AssertJsonEqual("""{"errors":{"NullReferenceException":40}}""", first.DetailsJson);
        Assert.Equal(second, await Stores.Analytics.GetLatestAsync(tool));
        Assert.Equal([second.Id, first.Id], (await Stores.Analytics.ListAsync(tool, 10)).Select(a => a.Id));
        Assert.Null(second.SuccessRate);
        Assert.Null(await Stores.Analytics.GetLatestAsync(NewToolName()));
    }

    [ConformanceFact]
    public async Task SaveAsync_AnalyticsWithMoreSuccessesThanExecutions_IsRejected()
    {
        var tool = NewToolName();

        await Assert.ThrowsAsync<ArgumentException>(
            () => Stores.Analytics.SaveAsync(new NewToolAnalytics(tool, 1, Now, Now, 1, 2, 2.0, null, null, "{}")));

        Assert.Null(await Stores.Analytics.GetLatestAsync(tool));
    }

    [ConformanceFact]
    public async Task SaveAsync_InvestigationReports_LatestIsNewestAndListIsNewestFirst()
    {
        var tool = NewToolName();
        var older = await Stores.InvestigationReports.SaveAsync(
            new NewInvestigationReport(tool, 1, true, "Null input is not handled.", 0.8, """{"evidence":["e1"]}"""));
        Time.Advance(TimeSpan.FromMinutes(5));
        var newer = await Stores.InvestigationReports.SaveAsync(
            new NewInvestigationReport(tool, 2, false, "Transient.", 0.3, """{"evidence":[]}"""));

        Assert.Equal(newer, await Stores.InvestigationReports.GetLatestAsync(tool));
        Assert.Equal([newer, older], await Stores.InvestigationReports.ListAsync(tool, 10));
        Assert.Equal([newer], await Stores.InvestigationReports.ListAsync(tool, 1));
        Assert.Equal((tool, (int?)1, true, "Null input is not handled.", 0.8, Now.AddMinutes(-5)),
            (older.ToolName, older.Version, older.ShouldImprove, older.RootCause, older.Confidence, older.CreatedAt));
        AssertJsonEqual("""{"evidence":["e1"]}""", older.FindingsJson);
    }

    [ConformanceFact]
    public async Task SaveAsync_ReportWithConfidenceAboveOne_ThrowsArgumentOutOfRange()
    {
        var tool = NewToolName();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Stores.InvestigationReports.SaveAsync(new NewInvestigationReport(tool, 1, true, "x", 1.5, "{}")));
    }

    [ConformanceFact]
    public async Task CompleteAsync_InProgressAttempt_EndsOnceWithOutcome()
    {
        var tool = NewToolName();
        var report = await Stores.InvestigationReports.SaveAsync(new NewInvestigationReport(tool, 1, true, "cause", 0.9, "{}"));
        var started = await Stores.ImprovementAttempts.StartAsync(new NewImprovementAttempt(tool, 1, report.Id, """{"strategy":"llm"}"""));
        Time.Advance(TimeSpan.FromMinutes(3));

        var completed = await Stores.ImprovementAttempts.CompleteAsync(started.Id, ImprovementStatus.Deployed, 2, null);

        Assert.Equal((ImprovementStatus.InProgress, (DateTimeOffset?)null), (started.Status, started.CompletedAt));
        Assert.Equal(
            started with { Status = ImprovementStatus.Deployed, CandidateVersion = 2, CompletedAt = Now },
            completed);
        Assert.Equal(completed, await Stores.ImprovementAttempts.GetAsync(started.Id));
        var again = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Stores.ImprovementAttempts.CompleteAsync(started.Id, ImprovementStatus.Failed, null, "late"));
        Assert.Equal($"Improvement attempt {started.Id} has already ended as Deployed.", again.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Stores.ImprovementAttempts.CompleteAsync(long.MaxValue, ImprovementStatus.Failed, null, "missing"));
    }

    [ConformanceFact]
    public async Task CompleteAsync_WithDetails_ReplacesTheStartDetails()
    {
        var tool = NewToolName();
        var started = await Stores.ImprovementAttempts.StartAsync(new NewImprovementAttempt(tool, 1, null, """{"stage":"started"}"""));

        var completed = await Stores.ImprovementAttempts.CompleteAsync(started.Id, ImprovementStatus.Failed, null, "no plausible candidate", """{"stage":"done","candidatesTried":42}""");

        AssertJsonEqual("""{"stage":"done","candidatesTried":42}""", completed.DetailsJson);
        AssertJsonEqual("""{"stage":"done","candidatesTried":42}""", (await Stores.ImprovementAttempts.GetAsync(started.Id))!.DetailsJson);
    }

    [ConformanceFact]
    public async Task RequestApprovalAsync_InProgressAttempt_WaitsUntilCompletedAndIsListedMeanwhile()
    {
        var tool = NewToolName();
        var started = await Stores.ImprovementAttempts.StartAsync(new NewImprovementAttempt(tool, 1, null, """{"stage":"started"}"""));
        Time.Advance(TimeSpan.FromMinutes(2));

        var waiting = await Stores.ImprovementAttempts.RequestApprovalAsync(started.Id, 2, "no testing strategy applies", """{"verification":{"verdict":"NeedsApproval"}}""");

        Assert.Equal((ImprovementStatus.AwaitingApproval, 2, "no testing strategy applies", Now, (DateTimeOffset?)null), (waiting.Status, waiting.CandidateVersion, waiting.Error, waiting.ApprovalRequestedAt, waiting.CompletedAt));
        AssertJsonEqual("""{"verification":{"verdict":"NeedsApproval"}}""", waiting.DetailsJson);
        Assert.Contains(await Stores.ImprovementAttempts.ListAwaitingApprovalAsync(100), a => a.Id == started.Id);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Stores.ImprovementAttempts.RequestApprovalAsync(started.Id, 2, "again"));

        var approved = await Stores.ImprovementAttempts.CompleteAsync(started.Id, ImprovementStatus.Deployed, 2, null);

        Assert.Equal(ImprovementStatus.Deployed, approved.Status);
        Assert.DoesNotContain(await Stores.ImprovementAttempts.ListAwaitingApprovalAsync(100), a => a.Id == started.Id);
    }

    [ConformanceFact]
    public async Task RecordDetailsAsync_InProgressOnly_ReplacesTheDetails()
    {
        var tool = NewToolName();
        var started = await Stores.ImprovementAttempts.StartAsync(new NewImprovementAttempt(tool, 1, null, """{"stage":"started"}"""));

        var updated = await Stores.ImprovementAttempts.RecordDetailsAsync(started.Id, """{"stage":"shadow"}""");

        AssertJsonEqual("""{"stage":"shadow"}""", updated.DetailsJson);
        Assert.Equal(ImprovementStatus.InProgress, updated.Status);
        await Stores.ImprovementAttempts.CompleteAsync(started.Id, ImprovementStatus.Rejected, 2, "disagreed");
        await Assert.ThrowsAsync<InvalidOperationException>(() => Stores.ImprovementAttempts.RecordDetailsAsync(started.Id, """{"stage":"late"}"""));
    }

    [ConformanceFact]
    public async Task StartAsync_UnknownInvestigationReport_ThrowsArgumentException()
    {
        var tool = NewToolName();

        await Assert.ThrowsAsync<ArgumentException>(
            () => Stores.ImprovementAttempts.StartAsync(new NewImprovementAttempt(tool, 1, long.MaxValue, "{}")));

        Assert.Empty(await Stores.ImprovementAttempts.ListAsync(tool, 10));
    }

    [ConformanceFact]
    public async Task ListAsync_Attempts_NewestFirst()
    {
        var tool = NewToolName();
        var first = await Stores.ImprovementAttempts.StartAsync(new NewImprovementAttempt(tool, 1, null, "{}"));
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = await Stores.ImprovementAttempts.StartAsync(new NewImprovementAttempt(tool, 1, null, "{}"));
        await Stores.ImprovementAttempts.CompleteAsync(first.Id, ImprovementStatus.Rejected, null, "shadow test disagreed");

        var attempts = await Stores.ImprovementAttempts.ListAsync(tool, 10);

        Assert.Equal([second.Id, first.Id], attempts.Select(a => a.Id));
        Assert.Equal([ImprovementStatus.InProgress, ImprovementStatus.Rejected], attempts.Select(a => a.Status));
        Assert.Equal("shadow test disagreed", attempts[1].Error);
    }
}
