using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Silo.Tests.Support;

namespace Autonomy.Silo.Tests;

public sealed class SiloRestartTests
{
    [Fact]
    public async Task Restart_SameDataFile_KeepsVersionsAndTheExecutionFlushedOnShutdown()
    {
        using var directory = new TempDirectory();

        // Batches only by size or by a minute's age: the record below reaches the file only through the drain.
        Guid executionId;
        await using (var first = await TestSiloHost.StartAsync(directory.DatabasePath, "--Autonomy:ExecutionLog:MaxBatchAgeMilliseconds=60000"))
        {
            var reply = await first.Grains.GetGrain<IToolExecutorGrain>(0).ExecuteAsync("roman_numerals", """{"number": 1994}""");
            Assert.Equal(ExecutionOutcome.Success, reply.Result.Outcome);
            Assert.Equal("MCMXCIV", JsonNode.Parse(reply.Result.Output!)!["roman"]!.GetValue<string>());
            executionId = reply.ExecutionId;
            Assert.Equal(0, await TestSiloHost.CountExecutionsAsync(directory.DatabasePath, executionId));

            await first.StopAsync();
        }

        Assert.Equal(1, await TestSiloHost.CountExecutionsAsync(directory.DatabasePath, executionId));

        await using var second = await TestSiloHost.StartAsync(directory.DatabasePath);
        foreach (var name in SampleTools.Names)
        {
            var description = await second.Grains.GetGrain<IToolGrain>(name).DescribeAsync();
            Assert.Equal(1, description.ActiveVersion);
            Assert.Equal([1], description.Versions.Select(v => v.Version));
        }

        var health = await second.Http.GetFromJsonAsync<JsonObject>(new Uri("health", UriKind.Relative));
        Assert.Equal(10, health!["tools"]!.GetValue<int>());
        Assert.Equal(1, await TestSiloHost.CountExecutionsAsync(directory.DatabasePath, executionId));
        await second.StopAsync();
    }
}
