using System.Collections.Concurrent;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;

namespace Autonomy.Silo.Demo;

/// <summary>What the demo's traffic did so far: calls, their outcomes, failures per tool and feedback reported. Thread-safe.</summary>
internal sealed class TrafficStatistics
{
    private readonly ConcurrentDictionary<string, long> _failuresByTool = new(StringComparer.Ordinal);
    private long _calls;
    private long _succeeded;
    private long _failed;
    private long _invalidInput;
    private long _notRun;
    private long _callErrors;
    private long _feedback;

    /// <summary>Counts a call the executor answered.</summary>
    public void Record(string tool, ToolExecutionReply reply)
    {
        Interlocked.Increment(ref _calls);
        if (reply.Status != ToolExecutionStatus.Executed)
        {
            Interlocked.Increment(ref _notRun);
        }
        else if (reply.Result.Outcome == ExecutionOutcome.Success)
        {
            Interlocked.Increment(ref _succeeded);
        }
        else if (reply.Result.Outcome == ExecutionOutcome.InvalidInput)
        {
            Interlocked.Increment(ref _invalidInput);
        }
        else
        {
            Interlocked.Increment(ref _failed);
            _failuresByTool.AddOrUpdate(tool, 1, (_, count) => count + 1);
        }
    }

    /// <summary>Counts a call that threw (the silo was stopping or unreachable); returns how many did so far.</summary>
    public long RecordCallError()
    {
        Interlocked.Increment(ref _calls);
        return Interlocked.Increment(ref _callErrors);
    }

    /// <summary>Counts feedback that was stored.</summary>
    public void RecordFeedback() => Interlocked.Increment(ref _feedback);

    /// <summary>The counts now.</summary>
    public TrafficSnapshot Snapshot() => new(
        Interlocked.Read(ref _calls),
        Interlocked.Read(ref _succeeded),
        Interlocked.Read(ref _failed),
        Interlocked.Read(ref _invalidInput),
        Interlocked.Read(ref _notRun),
        Interlocked.Read(ref _callErrors),
        Interlocked.Read(ref _feedback),
        _failuresByTool.ToDictionary(StringComparer.Ordinal));
}
