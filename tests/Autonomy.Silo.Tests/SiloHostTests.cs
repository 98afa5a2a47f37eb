using System.Net;
using System.Text.Json.Nodes;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Silo.Tests.Support;

namespace Autonomy.Silo.Tests;

public sealed class SiloHostTests(SiloHostFixture fixture) : IClassFixture<SiloHostFixture>
{
    public static TheoryData<string> SampleNames { get; } = [.. SampleTools.Names];

    [Fact]
    public async Task Start_FreshDataFolder_HealthAnswersWithTheSamplesLoaded()
    {
        using var response = await fixture.Host.Http.GetAsync(new Uri("health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ok", body["status"]!.GetValue<string>());
        Assert.Equal(10, body["tools"]!.GetValue<int>());
        Assert.True(File.Exists(fixture.Host.DatabasePath));
    }

    [Fact]
    public async Task Start_FreshDataFolder_ServesTheDashboardPage()
    {
        using var response = await fixture.Host.Http.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Orleans Dashboard</title>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_FreshDataFolder_DashboardListsTheToolGrainTypes()
    {
        var types = await fixture.Host.Http.GetFromJsonArrayAsync("GrainTypes");

        Assert.Contains("Autonomy.Grains.Tools.ToolGrain", types);
        Assert.Contains("Autonomy.Grains.Execution.ToolExecutorGrain", types);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task Start_FreshDataFolder_DeploysEverySampleAsVersionOne(string name)
    {
        var description = await fixture.Host.Grains.GetGrain<IToolGrain>(name).DescribeAsync();

        Assert.Equal(1, description.ActiveVersion);
        Assert.Equal([1], description.Versions.Select(v => v.Version));
        Assert.False(description.Archived);
    }

    [Fact]
    public async Task Execute_SampleTool_Succeeds()
    {
        var executor = fixture.Host.Grains.GetGrain<IToolExecutorGrain>(0);

        var reply = await executor.ExecuteAsync("slugify", """{"text": "Hello, World!"}""");

        Assert.Equal(ToolExecutionStatus.Executed, reply.Status);
        Assert.Equal(ExecutionOutcome.Success, reply.Result.Outcome);
        Assert.Equal(1, reply.Version);
        Assert.NotEqual(Guid.Empty, reply.ExecutionId);
        Assert.Equal("hello-world", JsonNode.Parse(reply.Result.Output!)!["slug"]!.GetValue<string>());
    }
}
