using System.Text.Json;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Tests.Support;

namespace Autonomy.Cli.Tests.Cluster;

/// <summary>
/// <c>autonomy investigate</c> against a real embedded silo, after traffic to the defective sample
/// <c>parse_date</c> (it throws a FormatException at line 59 for day-first dates; samples/tools/DEFECTS.md).
/// </summary>
public sealed class InvestigateCommandTests(ClusterSiloFixture silo) : IClassFixture<ClusterSiloFixture>
{
    private static readonly string[] DayFirst = [.. Enumerable.Range(13, 12).Select(day => $$"""{"date": "{{day}}/06/2024"}""")];

    private static readonly string[] Good =
    [
        .. Enumerable.Range(1, 12).Select(month => $$"""{"date": "2024-{{month:00}}-15"}"""),
        .. Enumerable.Range(1, 6).Select(month => $$"""{"date": "{{month:00}}/05/2024"}"""),
    ];

    /// <summary>Adds <c>parse_date</c> under a fresh name with the CLI, and runs day-first and good dates through the cluster.</summary>
    private async Task<string> DefectiveToolWithTrafficAsync()
    {
        var name = ClusterSiloFixture.NewToolName();
        var source = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SampleTools, "parse_date.cs")))
            .Replace("[Tool(\"parse_date\",", $"[Tool(\"{name}\",", StringComparison.Ordinal);
        var path = Path.Combine(silo.Directory, $"{name}.cs");
        await File.WriteAllTextAsync(path, source);
        var add = await silo.RunAsync("tools", "add", path);
        Assert.True(add.ExitCode == 0, add.Error);

        var worker = silo.Grains.GetGrain<IToolExecutorGrain>(0);
        foreach (var input in DayFirst.Concat(Good))
        {
            var reply = await worker.ExecuteAsync(name, input);
            Assert.Equal(ToolExecutionStatus.Executed, reply.Status);
            Assert.Equal(DayFirst.Contains(input) ? ExecutionOutcome.ToolError : ExecutionOutcome.Success, reply.Result.Outcome);
        }

        return name;
    }

    [Fact]
    public async Task Investigate_DefectiveSampleAfterTraffic_HumanReportNamesTheFailingLine()
    {
        var name = await DefectiveToolWithTrafficAsync();

        var run = await silo.RunAsync("investigate", name);

        Assert.True(run.ExitCode == 0, run.Error);
        var output = run.Output.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains($"tool            {name}\n", output, StringComparison.Ordinal);
        Assert.Contains("verdict         defect\n", output, StringComparison.Ordinal);
        Assert.Contains("should improve  yes\n", output, StringComparison.Ordinal);
        Assert.Contains("System.FormatException at line 59", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^    line 59 +date = DateTime\.ParseExact\(text, ""M/d/yyyy"", CultureInfo\.InvariantCulture\);$", output);
        Assert.Matches(@"(?m)^  - fails on 100 % of inputs whose `date` field uses dd/MM/yyyy \(12 of 12\)", output);
        foreach (var section in new[] { "Evidence", "Error clusters", "Input features", "Onset", "Caller faults", "Suggested repair" })
        {
            Assert.Contains($"\n{section}\n", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Investigate_Json_PrintsTheReportWithFindingsAsAnObject_AndLatestReadsItBack()
    {
        var name = await DefectiveToolWithTrafficAsync();

        var run = await silo.RunAsync("investigate", name, "--window-days", "7", "--json");
        var latest = await silo.RunAsync("investigate", name, "--latest", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var report = document.RootElement;
        Assert.Equal(name, report.GetProperty("tool").GetString());
        Assert.Equal(1, report.GetProperty("version").GetInt32());
        Assert.Equal("defect", report.GetProperty("verdict").GetString());
        Assert.True(report.GetProperty("shouldImprove").GetBoolean());
        var findings = report.GetProperty("findings");
        Assert.Equal(JsonValueKind.Object, findings.ValueKind);
        Assert.Equal("defect", findings.GetProperty("verdict").GetString());
        Assert.Equal(59, findings.GetProperty("errorClusters")[0].GetProperty("pattern").GetProperty("line").GetInt32());
        Assert.Equal(
            TimeSpan.FromDays(7),
            findings.GetProperty("windowEnd").GetDateTimeOffset() - findings.GetProperty("windowStart").GetDateTimeOffset());

        Assert.True(latest.ExitCode == 0, latest.Error);
        using var stored = JsonDocument.Parse(latest.Output);
        Assert.Equal(report.GetProperty("id").GetInt64(), stored.RootElement.GetProperty("id").GetInt64());
        Assert.Equal("defect", stored.RootElement.GetProperty("verdict").GetString());
    }

    [Theory]
    [InlineData]
    [InlineData("--latest")]
    public async Task Investigate_UnknownTool_ExitFourAndNothingOnStandardOutput(params string[] options)
    {
        var name = ClusterSiloFixture.NewToolName();

        var run = await silo.RunAsync(["investigate", name, .. options, "--json"]);

        Assert.Equal(4, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal($"autonomy: no tool is named '{name}'; 'autonomy tools list' shows the tools", run.Error.TrimEnd());
    }

    [Fact]
    public async Task InvestigateLatest_BeforeAnyReport_ExitFour()
    {
        var name = ClusterSiloFixture.NewToolName();
        var add = await silo.RunAsync("tools", "add", silo.WriteTool(name));
        Assert.True(add.ExitCode == 0, add.Error);

        var run = await silo.RunAsync("investigate", name, "--latest");

        Assert.Equal(4, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains("has not been investigated yet", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--window-days", "0")]
    [InlineData("--window-days", "367")]
    [InlineData("--window-days", "7", "--latest")]
    public async Task Investigate_BadOptions_UsageErrorWithoutConnecting(params string[] options)
    {
        // No silo listens on this gateway: a usage error is found before connecting.
        var run = await CliRunner.InProcessAsync(["investigate", "any", .. options, "--gateway", $"127.0.0.1:{ClusterSiloFixture.FreePort()}"]);

        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith("autonomy investigate: --window-days", run.Error, StringComparison.Ordinal);
    }
}
