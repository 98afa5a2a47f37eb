using System.Text.Json;
using System.Threading.Channels;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Verification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Grains.Execution;

/// <summary>
/// Runs candidates in live shadow off the callers' path, one per silo. A worker that answered a sampled call hands
/// the input and the active version's result here with <see cref="TryEnqueue"/> (constant time, never blocks: a full
/// queue drops the sample), and returns its reply. One background loop runs the candidate on the input, and the
/// active version once more (a second run of the same code whose differing fields are noise, as Diffy learns it),
/// judges the pair with <see cref="ShadowPairJudge"/>, and reports the counts to the tool's grain in batches.
/// </summary>
public sealed class LiveShadowRunner : IAsyncDisposable
{
    /// <summary>Samples waiting at most; more are dropped.</summary>
    public const int QueueCapacity = 256;

    /// <summary>Comparisons of one candidate sent to its grain at once.</summary>
    public const int ReportEvery = 10;

    private readonly Channel<ShadowSample> _queue = Channel.CreateBounded<ShadowSample>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly IGrainFactory _grains;
    private readonly ToolCompiler _compiler;
    private readonly ToolExecutor _executor;
    private readonly ComparisonOptions _comparison;
    private readonly ILogger<LiveShadowRunner> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<(string Tool, int Version), Pending> _pending = [];
    private readonly Task _loop;

    /// <summary>Creates the runner and starts its loop.</summary>
    public LiveShadowRunner(IGrainFactory grains, ToolCompiler compiler, ToolExecutor executor, IOptions<VerificationOptions> options, ILogger<LiveShadowRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _grains = grains;
        _compiler = compiler;
        _executor = executor;
        _comparison = ShadowTester.Comparison(options.Value);
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues a sampled call; false when the queue is full and the sample is dropped.</summary>
    public bool TryEnqueue(string toolName, ShadowCandidate candidate, CompiledTool active, string input, ExecutionResult activeResult)
    {
        // A full queue drops the sample: the shadow then takes a little longer to reach its target.
        return _queue.Writer.TryWrite(new ShadowSample(toolName, candidate, active, input, activeResult));
    }

    /// <summary>Sends every comparison not reported yet.</summary>
    public async Task FlushAsync()
    {
        List<KeyValuePair<(string Tool, int Version), Pending>> batches;
        lock (_pending)
        {
            batches = [.. _pending];
            _pending.Clear();
        }

        foreach (var ((tool, version), pending) in batches)
        {
            await ReportAsync(tool, version, pending);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var sample in _queue.Reader.ReadAllAsync(_stopping.Token))
        {
            try
            {
                await CompareAsync(sample);
                if (_queue.Reader.Count == 0)
                {
                    // Quiet: report what is pending rather than wait for a full batch.
                    await FlushAsync();
                }
            }
#pragma warning disable CA1031 // A sample that cannot be compared is lost; the loop must go on for the others.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                Log.ShadowCompareFailed(_logger, sample.ToolName, sample.Candidate.Version, ex);
            }
        }
    }

    private async Task CompareAsync(ShadowSample sample)
    {
        var candidate = _compiler.TryGetCached(sample.Candidate.SourceHash, out var cached)
            ? cached
            : (await _compiler.CompileAsync(sample.Candidate.Source, _stopping.Token)).Tool;
        if (candidate is null)
        {
            return;
        }

        var again = await _executor.ExecuteAsync(sample.Active, sample.Input, _stopping.Token);
        var next = await _executor.ExecuteAsync(candidate, sample.Input, _stopping.Token);
        var noise = sample.ActiveResult.Outcome == ExecutionOutcome.Success && again.Outcome == ExecutionOutcome.Success
            ? NoiseProfile.Learn([(sample.ActiveResult.Output, again.Output)], _comparison)
            : NoiseProfile.None;
        var judged = new ShadowPairJudge(_comparison, noise).Judge(sample.ActiveResult, next);
        Pending? ready = null;
        var key = (sample.ToolName, sample.Candidate.Version);
        lock (_pending)
        {
            var pending = _pending.TryGetValue(key, out var existing) ? existing : _pending[key] = new Pending();
            pending.Add(judged.Class);
            if (!ShadowTally.IsAgreeing(judged.Class) && ShadowTally.IsJudged(judged.Class) && pending.Samples.Count < Tools.ToolGrain.MaxShadowSamples)
            {
                pending.Samples.Add(JsonSerializer.Serialize(new
                {
                    input = sample.Input,
                    @class = judged.Class.ToString(),
                    reason = judged.Reason,
                    active = sample.ActiveResult.Output ?? sample.ActiveResult.Message,
                    candidate = next.Output ?? next.Message,
                }));
            }

            if (pending.Count >= ReportEvery)
            {
                _pending.Remove(key);
                ready = pending;
            }
        }

        if (ready is not null)
        {
            await ReportAsync(sample.ToolName, sample.Candidate.Version, ready);
        }
    }

    private async Task ReportAsync(string toolName, int version, Pending pending)
    {
        try
        {
            await _grains.GetGrain<IToolGrain>(toolName).ReportShadowAsync(new ShadowObservations(version, pending.Counts(), [.. pending.Samples]));
        }
#pragma warning disable CA1031 // Lost shadow counts only slow the shadow down; its deadline still ends it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ShadowReportFailed(_logger, toolName, version, ex);
        }
    }

    private sealed record ShadowSample(string ToolName, ShadowCandidate Candidate, CompiledTool Active, string Input, ExecutionResult ActiveResult);

    private sealed class Pending
    {
        private ShadowTally _tally = ShadowTally.Empty;

        public List<string> Samples { get; } = [];

        public int Count => _tally.Total;

        public void Add(ShadowPairClass pairClass) => _tally = _tally.Add(pairClass);

        public ShadowCounts Counts() => new(
            _tally.Agreeing, _tally.Disagree, _tally.CandidateBreaks, _tally.CandidateFixes, _tally.BothFailDifferently, _tally.Noisy);
    }
}
