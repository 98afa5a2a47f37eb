using System.Diagnostics;
using System.Diagnostics.Metrics;
using Autonomy.Abstractions.Execution;

namespace Autonomy.Grains.Diagnostics;

/// <summary>
/// The cluster's instruments, on the one meter <see cref="MeterName"/>: executions and their latency (per tool and
/// outcome), deploys, rollbacks, and the loop's scans and opportunities. A singleton per silo; the meter comes from
/// the host's <see cref="IMeterFactory"/> when it has one, so exporters and tests see it scoped to the silo.
/// </summary>
public sealed class AutonomyMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Autonomy.Orleans";

    /// <summary>The tag naming the tool.</summary>
    public const string ToolTag = "autonomy.tool";

    /// <summary>The tag naming an execution's outcome (<c>success</c>, <c>tool_error</c>, ...).</summary>
    public const string OutcomeTag = "autonomy.outcome";

    /// <summary>The tag saying whether a rollback was automatic.</summary>
    public const string AutomaticTag = "autonomy.automatic";

    /// <summary>The tag naming how a scan or maintenance run ended (<c>completed</c>, <c>skipped</c>, <c>failed</c>).</summary>
    public const string ResultTag = "autonomy.result";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _executions;
    private readonly Histogram<double> _executionDuration;
    private readonly Counter<long> _deploys;
    private readonly Counter<long> _rollbacks;
    private readonly Counter<long> _scans;
    private readonly Counter<long> _opportunities;
    private readonly Counter<long> _maintenanceRuns;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on a private meter when null.</summary>
    public AutonomyMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _executions = _meter.CreateCounter<long>(
            "autonomy.tool.executions", "{execution}", "Tool executions that ran, by tool and outcome.");
        _executionDuration = _meter.CreateHistogram<double>(
            "autonomy.tool.execution.duration", "ms", "Time a tool execution took in the sandbox, by tool and outcome.");
        _deploys = _meter.CreateCounter<long>(
            "autonomy.tool.deploys", "{deploy}", "Versions made active by a deploy, by tool.");
        _rollbacks = _meter.CreateCounter<long>(
            "autonomy.tool.rollbacks", "{rollback}", "Rollbacks, by tool and whether the health check triggered them.");
        _scans = _meter.CreateCounter<long>(
            "autonomy.loop.scans", "{scan}", "Opportunity scans, by result.");
        _opportunities = _meter.CreateCounter<long>(
            "autonomy.loop.opportunities", "{opportunity}", "Opportunities the scans found.");
        _maintenanceRuns = _meter.CreateCounter<long>(
            "autonomy.loop.maintenance.runs", "{run}", "Maintenance runs, by result.");
    }

    /// <summary>Counts one execution that ran, and its latency.</summary>
    public void RecordExecution(string toolName, ExecutionOutcome outcome, TimeSpan duration)
    {
        if (!_executions.Enabled && !_executionDuration.Enabled)
        {
            return;
        }

        var tags = new TagList { { ToolTag, toolName }, { OutcomeTag, OutcomeName(outcome) } };
        _executions.Add(1, tags);
        _executionDuration.Record(duration.TotalMilliseconds, tags);
    }

    /// <summary>Counts a deploy.</summary>
    public void RecordDeploy(string toolName)
    {
        if (_deploys.Enabled)
        {
            _deploys.Add(1, new KeyValuePair<string, object?>(ToolTag, toolName));
        }
    }

    /// <summary>Counts a rollback.</summary>
    public void RecordRollback(string toolName, bool automatic)
    {
        if (_rollbacks.Enabled)
        {
            _rollbacks.Add(1, new KeyValuePair<string, object?>(ToolTag, toolName), new KeyValuePair<string, object?>(AutomaticTag, automatic));
        }
    }

    /// <summary>Counts a scan and what it found.</summary>
    public void RecordScan(string result, int opportunities)
    {
        if (_scans.Enabled)
        {
            _scans.Add(1, new KeyValuePair<string, object?>(ResultTag, result));
        }

        if (opportunities > 0 && _opportunities.Enabled)
        {
            _opportunities.Add(opportunities);
        }
    }

    /// <summary>Counts a maintenance run.</summary>
    public void RecordMaintenance(string result)
    {
        if (_maintenanceRuns.Enabled)
        {
            _maintenanceRuns.Add(1, new KeyValuePair<string, object?>(ResultTag, result));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    /// <summary>The tag value of an outcome: lower-case, snake-case, never allocated.</summary>
    public static string OutcomeName(ExecutionOutcome outcome) => outcome switch
    {
        ExecutionOutcome.Success => "success",
        ExecutionOutcome.ToolError => "tool_error",
        ExecutionOutcome.Timeout => "timeout",
        ExecutionOutcome.BudgetExceeded => "budget_exceeded",
        ExecutionOutcome.InvalidInput => "invalid_input",
        ExecutionOutcome.InvalidOutput => "invalid_output",
        _ => "unknown",
    };
}
