using System.Text.Json.Nodes;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests.Improvement;

/// <summary>
/// The improvement grain on a real defective sample: <c>unit_convert</c> (its line 44 throws for inputs without the
/// optional <c>precision</c>; samples/tools/DEFECTS.md), registered through its tool grain and run through the
/// execution workers, so the repair cases come from recorded executions.
/// </summary>
public sealed class ImprovementGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IImprovementGrain Grain(string name) => fixture.Client.GetGrain<IImprovementGrain>(name);

    /// <summary>Registers and deploys <c>unit_convert</c> under <paramref name="name"/>, and runs failing and passing inputs through the cluster.</summary>
    private async Task DefectiveToolWithTrafficAsync(string name)
    {
        var tool = fixture.Client.GetGrain<IToolGrain>(name);
        var registered = await tool.RegisterVersionAsync(UnitConvertSample.Named(name), "human", "sample");
        Assert.True(registered.Accepted, string.Join("; ", registered.Diagnostics));
        var deployed = await tool.DeployAsync(registered.Version!.Value);
        Assert.True(deployed.Succeeded, deployed.Message);

        var failures = await ToolDriver.RunAsync(fixture.Client, name, [.. UnitConvertSample.FailingInputs, .. UnitConvertSample.PassingInputs]);
        Assert.Equal(UnitConvertSample.FailingInputs.Count, failures);
        await fixture.FlushExecutionLogsAsync();
    }

    [Fact]
    public async Task ImproveAsync_UnitConvertFailsWithoutPrecision_DeploysAnAutonomousVersionThatUsesTheDefault()
    {
        var name = ToolDriver.NewName("unit_convert");
        await DefectiveToolWithTrafficAsync(name);

        var reply = await Grain(name).ImproveAsync();

        Assert.True(reply.Outcome == ImprovementOutcome.Deployed, reply.Message);
        Assert.Equal(("v2 fixes v1, passed verification and is deployed", (int?)2), (reply.Message, reply.ActiveVersion));
        var attempt = reply.Attempt!;
        Assert.Equal((name, ImprovementAttemptStatus.Deployed, 1, (int?)2, (string?)null), (attempt.ToolName, attempt.Status, attempt.BaseVersion, attempt.CandidateVersion, attempt.Error));
        Assert.NotNull(attempt.CompletedAt);
        Assert.StartsWith("verified: synthetic: ", attempt.Verification, StringComparison.Ordinal);
        Assert.Contains("replay: ", attempt.Verification, StringComparison.Ordinal);
        Assert.NotNull(attempt.Generator);
        Assert.False(string.IsNullOrWhiteSpace(attempt.Rationale));
        Assert.StartsWith($"fixed by {attempt.Generator}: ", attempt.Verdict, StringComparison.Ordinal);
        Assert.InRange(attempt.CandidatesTried, 1, int.MaxValue);
        Assert.InRange(attempt.PlausibleFound, 1, attempt.CandidatesTried);
        Assert.NotNull(attempt.Elapsed);
        Assert.Contains("-        var precision = input!", attempt.Diff, StringComparison.Ordinal);
        Assert.Contains("+", attempt.Diff, StringComparison.Ordinal);

        // The tool's grain has the fix as an autonomous version whose reason names the attempt, deployed over v1.
        var description = await fixture.Client.GetGrain<IToolGrain>(name).DescribeAsync();
        Assert.Equal(((int?)2, (int?)1, (int?)null), (description.ActiveVersion, description.PreviousVersion, description.PinnedVersion));
        var version = description.Versions[^1];
        Assert.Equal((2, "autonomous", (int?)1), (version.Version, version.Author, version.ParentVersion));
        Assert.Equal($"improvement attempt {attempt.Id}: {attempt.Verdict}", version.Reason);

        // Stored as deployed with the new version.
        var stored = await fixture.Service<IImprovementAttemptStore>().GetAsync(attempt.Id);
        Assert.Equal((ImprovementStatus.Deployed, (int?)2), (stored!.Status, stored.CandidateVersion));

        // The input that used to throw now gets the documented default of 4 decimals; a kept output is unchanged.
        var worker = fixture.Client.GetGrain<IToolExecutorGrain>(0);
        var fixedReply = await worker.ExecuteAsync(name, """{"value": 5, "from": "km", "to": "mi"}""");
        Assert.Equal((ToolExecutionStatus.Executed, 2, ExecutionOutcome.Success), (fixedReply.Status, fixedReply.Version, fixedReply.Result.Outcome));
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse("""{"value": 3.1069, "unit": "mi", "category": "length"}"""), JsonNode.Parse(fixedReply.Result.Output!)),
            fixedReply.Result.Output);
        var kept = await worker.ExecuteAsync(name, """{"value": 5, "from": "km", "to": "mi", "precision": 3}""");
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse("""{"value": 3.107, "unit": "mi", "category": "length"}"""), JsonNode.Parse(kept.Result.Output!)),
            kept.Result.Output);

        // The attempt is listed, newest first, and no attempt runs any more.
        var listed = await Grain(name).ListAttemptsAsync(10);
        Assert.Equal(attempt, Assert.Single(listed));
        Assert.Null(await Grain(name).GetProgressAsync());
    }

    [Theory]
    [InlineData("parse_date")]
    [InlineData("roman_numerals")]
    [InlineData("country_info")]
    public async Task ImproveAsync_OtherDefectiveSamples_DeploysAFixThatGivesTheDocumentedOutput(string sampleTool)
    {
        var sample = DefectiveSamples.ByTool(sampleTool);
        var name = ToolDriver.NewName(sampleTool);
        var tool = fixture.Client.GetGrain<IToolGrain>(name);
        var registered = await tool.RegisterVersionAsync(sample.Named(name), "human", "sample");
        Assert.True(registered.Accepted, string.Join("; ", registered.Diagnostics));
        Assert.True((await tool.DeployAsync(registered.Version!.Value)).Succeeded);
        Assert.Equal(sample.FailingInputs.Count, await ToolDriver.RunAsync(fixture.Client, name, [.. sample.FailingInputs, .. sample.PassingInputs]));
        await fixture.FlushExecutionLogsAsync();

        var reply = await Grain(name).ImproveAsync();

        Assert.True(reply.Outcome == ImprovementOutcome.Deployed, reply.Message);
        Assert.Equal((ImprovementAttemptStatus.Deployed, (int?)2, (int?)2), (reply.Attempt!.Status, reply.Attempt.CandidateVersion, reply.ActiveVersion));
        var worker = fixture.Client.GetGrain<IToolExecutorGrain>(0);
        var fixedReply = await worker.ExecuteAsync(name, sample.Trigger);
        Assert.Equal((2, ExecutionOutcome.Success), (fixedReply.Version, fixedReply.Result.Outcome));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sample.CorrectOutput), JsonNode.Parse(fixedReply.Result.Output!)), fixedReply.Result.Output);
        Assert.Equal(0, await ToolDriver.RunAsync(fixture.Client, name, [.. sample.FailingInputs, .. sample.PassingInputs]));
    }

    [Fact]
    public async Task ImproveAsync_PinnedTool_RefusedWithNoAttemptAndNothingChanges()
    {
        var name = ToolDriver.NewName("unit_convert");
        await DefectiveToolWithTrafficAsync(name);
        var pinned = await fixture.Client.GetGrain<IToolGrain>(name).PinAsync(null);
        Assert.True(pinned.Succeeded, pinned.Message);

        var reply = await Grain(name).ImproveAsync();

        Assert.Equal((ImprovementOutcome.Pinned, (ImprovementAttemptSummary?)null, (int?)1), (reply.Outcome, reply.Attempt, reply.ActiveVersion));
        Assert.Equal($"tool '{name}' is pinned to v1; the loop does not change a pinned tool ('autonomy tools unpin {name}' lifts the pin)", reply.Message);
        var description = await fixture.Client.GetGrain<IToolGrain>(name).DescribeAsync();
        Assert.Equal(((int?)1, (int?)1, 1), (description.ActiveVersion, description.PinnedVersion, description.Versions.Count));
        Assert.Empty(await Grain(name).ListAttemptsAsync(10));
        Assert.Empty(await fixture.Service<IImprovementAttemptStore>().ListAsync(name, 10));
    }

    [Fact]
    public async Task ImproveAsync_UnknownTool_UnknownToolAndNoAttempt()
    {
        var name = ToolDriver.NewName("ghost");

        var reply = await Grain(name).ImproveAsync();

        Assert.Equal((ImprovementOutcome.UnknownTool, (ImprovementAttemptSummary?)null, (int?)null), (reply.Outcome, reply.Attempt, reply.ActiveVersion));
        Assert.Equal($"no tool is named '{name}'; 'autonomy tools list' shows the tools", reply.Message);
        Assert.Empty(await Grain(name).ListAttemptsAsync(10));
    }

    [Fact]
    public async Task ImproveAsync_ArchivedTool_ArchivedAndNoAttempt()
    {
        var name = ToolDriver.NewName("unit_convert");
        await DefectiveToolWithTrafficAsync(name);
        var archived = await fixture.Client.GetGrain<IToolGrain>(name).ArchiveAsync("retired");
        Assert.True(archived.Succeeded, archived.Message);

        var reply = await Grain(name).ImproveAsync();

        Assert.Equal((ImprovementOutcome.Archived, (ImprovementAttemptSummary?)null, $"tool '{name}' is archived"), (reply.Outcome, reply.Attempt, reply.Message));
        Assert.Empty(await fixture.Service<IImprovementAttemptStore>().ListAsync(name, 10));
    }

    [Fact]
    public async Task ImproveAsync_RegisteredButNeverDeployed_NotDeployedAndNoAttempt()
    {
        var name = ToolDriver.NewName("unit_convert");
        var registered = await fixture.Client.GetGrain<IToolGrain>(name).RegisterVersionAsync(UnitConvertSample.Named(name), "human", "sample");
        Assert.True(registered.Accepted);

        var reply = await Grain(name).ImproveAsync();

        Assert.Equal((ImprovementOutcome.NotDeployed, (ImprovementAttemptSummary?)null), (reply.Outcome, reply.Attempt));
        Assert.Empty(await fixture.Service<IImprovementAttemptStore>().ListAsync(name, 10));
    }

    [Fact]
    public async Task GetProgressAsync_NoAttemptRunning_Null()
    {
        Assert.Null(await Grain(ToolDriver.NewName("idle")).GetProgressAsync());
    }
}
