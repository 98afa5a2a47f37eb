using Autonomy.Abstractions.Execution;
using Autonomy.Core.Storage;

namespace Autonomy.Storage.Tests.ExecutionLog;

/// <summary>Builds execution records for the tests, from real <see cref="ExecutionResult"/>s.</summary>
internal static class ExecutionRecords
{
    public static readonly DateTimeOffset BaseTime = new(2030, 3, 4, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A unique tool name, so tests sharing a database never see each other's rows.</summary>
    public static string NewToolName(string prefix = "tool") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>A record of <paramref name="outcome"/> with every column filled the way the executor fills it.</summary>
    public static ExecutionRecord Create(
        string toolName,
        int version = 1,
        ExecutionOutcome outcome = ExecutionOutcome.Success,
        DateTimeOffset? startedAt = null,
        TimeSpan? duration = null,
        string? input = """{"text":"hello"}""",
        string? output = null,
        Guid? id = null)
    {
        var started = startedAt ?? BaseTime;
        var result = new ExecutionResult(
            outcome,
            outcome is ExecutionOutcome.Success or ExecutionOutcome.InvalidOutput ? output ?? """{"length":5}""" : null,
            outcome == ExecutionOutcome.Success ? null : $"{outcome} happened",
            outcome == ExecutionOutcome.ToolError ? new ToolErrorInfo("System.FormatException", "bad date", 17, "Parse") : null,
            outcome == ExecutionOutcome.BudgetExceeded ? ExceededBudget.Steps : ExceededBudget.None,
            duration ?? TimeSpan.FromMilliseconds(3.25),
            Steps: 1234,
            AllocatedBytes: 5678,
            Log: [new LogLine(started.AddMilliseconds(1), "Information", "parsing \"hello\"")],
            DroppedLogLines: 0);
        return ExecutionRecord.FromResult(
            id ?? Guid.CreateVersion7(started),
            toolName,
            version,
            started,
            input,
            result,
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(started.AddSeconds(1)),
            caller: "agent-7",
            silo: "silo-a");
    }

    /// <summary>Records of several outcomes, versions, hours and durations for one tool.</summary>
    public static List<ExecutionRecord> Mixed(string toolName, int count, int seed = 1)
    {
        var random = new Random(seed);
        var outcomes = Enum.GetValues<ExecutionOutcome>();
        var records = new List<ExecutionRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var started = BaseTime.AddMinutes(random.Next(0, 180)).AddMilliseconds(random.Next(0, 60_000));
            records.Add(Create(
                toolName,
                version: 1 + (i % 2),
                outcome: outcomes[random.Next(outcomes.Length)],
                startedAt: started,
                duration: TimeSpan.FromMicroseconds(random.Next(20, 2_000_000)),
                id: Guid.NewGuid()));
        }

        return records;
    }
}
