using System.Numerics;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Execution;
using Autonomy.Grains.Tools;
using Autonomy.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Silo.Demo;

/// <summary>
/// The demo's callers. Once the host has started and the tools of the traffic file have an active version, it
/// calls <see cref="IToolExecutorGrain.ExecuteAsync"/> at <see cref="DemoOptions.CallsPerSecond"/> on average
/// (Poisson arrivals), picking tools and inputs by weight with a seeded <see cref="Random"/>. When an input names the
/// output its caller expects and the tool answers anything else, it reports the execution wrong through
/// <see cref="IToolExecutorGrain.ReportFeedbackAsync"/>, with the expected output. It also runs the deliberately bad
/// deploy (<see cref="BadDeployer"/>). Embedded mode only; nothing that goes wrong with a call ends the traffic.
/// </summary>
internal sealed class TrafficGenerator : BackgroundService
{
    /// <summary>The most calls waiting for an answer at once; a slow silo slows the traffic instead of piling it up.</summary>
    public const int MaxCallsInFlight = 64;

    /// <summary>How long to wait for the tools to have an active version before sending traffic to those that have one.</summary>
    public static readonly TimeSpan ToolsReadyTimeout = TimeSpan.FromSeconds(60);

    private const string FeedbackComment = "demo traffic: the output differs from the expected one";

    private static readonly TimeSpan ReadyPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>How far the schedule may fall behind before it is reset, so that a stall is not followed by a burst.</summary>
    private static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Past a worker's metrics period, so that its timer has flushed once more.</summary>
    private static readonly TimeSpan FlushMargin = TimeSpan.FromMilliseconds(250);

    private readonly IGrainFactory _grains;
    private readonly DemoOptions _options;
    private readonly SiloMode _mode;
    private readonly TrafficStatistics _statistics;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeSpan _metricsFlushPeriod;
    private readonly ILogger _logger;

    // Not disposed: a call cut off by the drain's timeout may still release its slot afterwards.
    private readonly SemaphoreSlim _inFlight = new(MaxCallsInFlight, MaxCallsInFlight);

    public TrafficGenerator(
        IGrainFactory grains,
        IOptions<DemoOptions> options,
        SiloMode mode,
        TrafficStatistics statistics,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        IOptions<ToolGrainOptions> toolOptions,
        ILoggerFactory loggers)
    {
        _grains = grains;
        _options = options.Value;
        _mode = mode;
        _statistics = statistics;
        _time = time;
        _lifetime = lifetime;
        _metricsFlushPeriod = TimeSpan.FromMilliseconds(toolOptions.Value.MetricsFlushMilliseconds);
        _logger = loggers.CreateLogger(DemoOptions.LogCategory);
    }

    /// <summary>The gap before the next call of a Poisson process of <paramref name="callsPerSecond"/>: exponential, mean 1/rate.</summary>
    public static TimeSpan NextGap(Random random, double callsPerSecond) =>
        TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) / callsPerSecond);

    /// <summary>Whether the caller of <paramref name="input"/> would report <paramref name="reply"/> wrong.</summary>
    public static bool IsWrong(TrafficInput input, ToolExecutionReply reply) =>
        input.Expected is { } expected
        && reply.Status == ToolExecutionStatus.Executed
        && reply.ExecutionId != Guid.Empty
        && reply.Result.Outcome != ExecutionOutcome.InvalidInput
        && (reply.Result.Outcome != ExecutionOutcome.Success || !ExampleRunner.JsonEquals(expected, reply.Result.Output));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        if (_mode != SiloMode.Embedded)
        {
            Log.NotEmbedded(_logger, _mode.ToString());
            return;
        }

        try
        {
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var path = DemoDirectory.ResolveTrafficFile(_options);
        if (path is null || !File.Exists(path))
        {
            Log.TrafficFileMissing(_logger, path ?? DemoDirectory.RepositoryTrafficFile);
            return;
        }

        TrafficPlan plan;
        try
        {
            plan = await TrafficPlan.LoadAsync(path, cancellationToken);
        }
        catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException)
        {
            Log.TrafficFileUnusable(_logger, path, exception.Message);
            return;
        }

        await WaitForStartAsync(cancellationToken);
        plan = await WaitForToolsAsync(plan, cancellationToken);
        if (plan.Tools.Count == 0)
        {
            return;
        }

        Log.TrafficStarted(_logger, _options.CallsPerSecond, plan.Tools.Count, _options.Seed, path);
        var badDeploy = Task.CompletedTask;
        if (_options.BadDeployAfterSeconds > 0)
        {
            var tool = _options.BadDeployTool;
            badDeploy = new BadDeployer(_grains, _time, _logger)
                .RunAsync(tool, DemoDirectory.BadDeployFile(path, tool), TimeSpan.FromSeconds(_options.BadDeployAfterSeconds), cancellationToken);
        }

        try
        {
            await SendAsync(plan, cancellationToken);
        }
        finally
        {
            await DrainAsync();
            await badDeploy;
            Log.TrafficStopped(_logger, _statistics.Snapshot().Calls);
        }
    }

    private async Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = _lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }

    private async Task<TrafficPlan> WaitForToolsAsync(TrafficPlan plan, CancellationToken cancellationToken)
    {
        var waiting = plan.Tools.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var ready = new HashSet<string>(StringComparer.Ordinal);
        var start = _time.GetTimestamp();
        while (true)
        {
            foreach (var name in waiting.ToList())
            {
                try
                {
                    var description = await _grains.GetGrain<IToolGrain>(name).DescribeAsync();
                    if (description.Archived || description.ActiveVersion is not null)
                    {
                        waiting.Remove(name);
                        if (!description.Archived)
                        {
                            ready.Add(name);
                        }
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // Not ready yet; asked again at the next poll.
                }
            }

            if (waiting.Count == 0)
            {
                break;
            }

            if (_time.GetElapsedTime(start) >= ToolsReadyTimeout)
            {
                Log.ToolsNotReady(_logger, string.Join(", ", waiting.Order(StringComparer.Ordinal)), (int)ToolsReadyTimeout.TotalSeconds);
                break;
            }

            await Task.Delay(ReadyPoll, _time, cancellationToken);
        }

        return plan.Only(ready);
    }

    private async Task SendAsync(TrafficPlan plan, CancellationToken cancellationToken)
    {
        var random = new Random(_options.Seed);
        var executor = _grains.GetGrain<IToolExecutorGrain>(0);
        var start = _time.GetTimestamp();
        var due = TimeSpan.Zero;
        while (!cancellationToken.IsCancellationRequested)
        {
            due += NextGap(random, _options.CallsPerSecond);
            var wait = due - _time.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, cancellationToken);
            }
            else if (wait < -MaxLag)
            {
                due = _time.GetElapsedTime(start);
            }

            var tool = plan.Pick(random);
            var input = tool.Pick(random);
            await _inFlight.WaitAsync(cancellationToken);
            _ = CallAsync(executor, tool.Name, input, cancellationToken);
        }
    }

    private async Task CallAsync(IToolExecutorGrain executor, string tool, TrafficInput input, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await executor.ExecuteAsync(tool, input.Json, cancellationToken);
            _statistics.Record(tool, reply);
            if (IsWrong(input, reply))
            {
                var receipt = await executor.ReportFeedbackAsync(reply.ExecutionId, tool, reply.Version, false, input.Expected, FeedbackComment);
                if (receipt.Accepted)
                {
                    _statistics.RecordFeedback();
                }
                else
                {
                    Log.FeedbackRefused(_logger, tool, receipt.Message ?? "refused");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Logged at 1, 2, 4, 8... so that a silo in trouble does not flood the console.
            var errors = _statistics.RecordCallError();
            if (BitOperations.IsPow2(errors))
            {
                Log.CallFailed(_logger, exception, tool, errors);
            }
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private async Task DrainAsync()
    {
        using var timeout = new CancellationTokenSource(DrainTimeout, _time);
        try
        {
            for (var i = 0; i < MaxCallsInFlight; i++)
            {
                await _inFlight.WaitAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Calls still running past the timeout are left to end on their own.
        }

        // The workers flush their last counts on a timer while the silo still runs (the demo stops before it);
        // a flush left to their deactivation would find the tool grains of a stopping silo gone.
        await Task.Delay(_metricsFlushPeriod + FlushMargin, _time, CancellationToken.None);
    }
}
