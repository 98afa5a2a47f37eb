using System.Text.Json;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Autonomy.Grains.Investigation;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests.Investigation;

/// <summary>
/// The investigation grain on a real defective sample: <c>parse_date</c> (samples/tools/DEFECTS.md), registered
/// through its tool grain and run through the execution workers, so the report rests on recorded executions.
/// </summary>
public sealed class InvestigationGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IInvestigationGrain Grain(string name) => fixture.Client.GetGrain<IInvestigationGrain>(name);

    [Fact]
    public async Task InvestigateAsync_ParseDateFailsOnDayFirstDates_StoresADefectReportOnLine59()
    {
        var name = ToolDriver.NewName("parse_date");
        await ToolDriver.RegisterParseDateAsync(fixture.Client, name);
        var failures = await ToolDriver.RunAsync(fixture.Client, name, [.. ToolSources.ParseDateDayFirstInputs, .. ToolSources.ParseDateGoodInputs]);
        Assert.Equal(ToolSources.ParseDateDayFirstInputs.Count, failures);
        await fixture.FlushExecutionLogsAsync();

        var reply = await Grain(name).InvestigateAsync(null);

        Assert.Equal((InvestigationStatus.Completed, (string?)null), (reply.Status, reply.Message));
        var report = reply.Report!;
        Assert.Equal((name, (int?)1, "defect", true), (report.ToolName, report.Version, report.Verdict, report.ShouldImprove));
        Assert.InRange(report.Confidence, 0.5, 1);

        // Stored in investigation_reports, with the findings the reply carries.
        var stored = await fixture.Service<IInvestigationReportStore>().GetLatestAsync(name);
        Assert.NotNull(stored);
        Assert.Equal((report.Id, report.FindingsJson, true), (stored.Id, stored.FindingsJson, stored.ShouldImprove));
        using var findings = JsonDocument.Parse(stored.FindingsJson);
        Assert.Equal("defect", findings.RootElement.GetProperty("verdict").GetString());
        var cluster = findings.RootElement.GetProperty("errorClusters")[0];
        var pattern = cluster.GetProperty("pattern");
        Assert.Equal(59, pattern.GetProperty("line").GetInt32());
        Assert.Equal("System.FormatException", pattern.GetProperty("exceptionType").GetString());
        Assert.Equal(ToolSources.ParseDateDayFirstInputs.Count, pattern.GetProperty("count").GetInt32());
        var site = cluster.GetProperty("site");
        Assert.Equal(59, site.GetProperty("line").GetInt32());
        Assert.Contains("DateTime.ParseExact", site.GetProperty("lineText").GetString(), StringComparison.Ordinal);

        // The stored report is what GetLatestAsync serves, with the verdict read back from its findings.
        var latest = await Grain(name).GetLatestAsync();
        Assert.Equal(InvestigationStatus.Completed, latest.Status);
        Assert.Equal(
            (report.Id, report.ToolName, report.Version, report.Verdict, report.ShouldImprove, report.RootCause, report.FindingsJson),
            (latest.Report!.Id, latest.Report.ToolName, latest.Report.Version, latest.Report.Verdict, latest.Report.ShouldImprove, latest.Report.RootCause, latest.Report.FindingsJson));
    }

    [Fact]
    public async Task InvestigateAsync_UnknownTool_UnknownToolAndNothingStored()
    {
        var name = ToolDriver.NewName("ghost");

        var reply = await Grain(name).InvestigateAsync(null);

        Assert.Equal((InvestigationStatus.UnknownTool, (InvestigationSummary?)null), (reply.Status, reply.Report));
        Assert.Contains($"'{name}'", reply.Message, StringComparison.Ordinal);
        Assert.Null(await fixture.Service<IInvestigationReportStore>().GetLatestAsync(name));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(367)]
    public async Task InvestigateAsync_WindowOutsideOneTo366Days_InvalidRequest(int days)
    {
        var name = ToolDriver.NewName("window");
        await ToolDriver.RegisterParseDateAsync(fixture.Client, name);

        var reply = await Grain(name).InvestigateAsync(days);

        Assert.Equal((InvestigationStatus.InvalidRequest, (InvestigationSummary?)null), (reply.Status, reply.Report));
        Assert.Equal($"the window must be 1 to 366 days, not {days}", reply.Message);
        Assert.Null(await fixture.Service<IInvestigationReportStore>().GetLatestAsync(name));
    }

    [Fact]
    public async Task InvestigateAsync_OneDayWindowOnAToolWithNoExecutions_StoresAReportOnInsufficientData()
    {
        var name = ToolDriver.NewName("idle");
        await ToolDriver.RegisterParseDateAsync(fixture.Client, name);

        var reply = await Grain(name).InvestigateAsync(1);

        Assert.Equal(InvestigationStatus.Completed, reply.Status);
        Assert.Equal(("insufficient_data", false), (reply.Report!.Verdict, reply.Report.ShouldImprove));
        using var findings = JsonDocument.Parse(reply.Report.FindingsJson);
        var start = findings.RootElement.GetProperty("windowStart").GetDateTimeOffset();
        var end = findings.RootElement.GetProperty("windowEnd").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(1), end - start);
    }

    [Fact]
    public async Task GetLatestAsync_ToolNeverInvestigated_NoReport()
    {
        var name = ToolDriver.NewName("fresh");
        await ToolDriver.RegisterParseDateAsync(fixture.Client, name);

        var reply = await Grain(name).GetLatestAsync();

        Assert.Equal((InvestigationStatus.NoReport, (InvestigationSummary?)null), (reply.Status, reply.Report));
        Assert.Contains($"autonomy investigate {name}", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetLatestAsync_UnknownTool_UnknownTool()
    {
        var reply = await Grain(ToolDriver.NewName("ghost")).GetLatestAsync();

        Assert.Equal((InvestigationStatus.UnknownTool, (InvestigationSummary?)null), (reply.Status, reply.Report));
    }

    [Theory]
    [InlineData("""{"verdict": "caller_fault", "shouldImprove": false}""", "caller_fault")]
    [InlineData("""{"shouldImprove": false}""", null)]
    [InlineData("""{"verdict": 3}""", null)]
    [InlineData("""["verdict"]""", null)]
    [InlineData("not json", null)]
    public void ReadVerdict_StoredFindings_TheVerdictPropertyOrNull(string findingsJson, string? expected) =>
        Assert.Equal(expected, InvestigationGrain.ReadVerdict(findingsJson));
}
