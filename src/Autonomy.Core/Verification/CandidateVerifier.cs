using System.Globalization;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Storage;
using Microsoft.Extensions.Options;

namespace Autonomy.Core.Verification;

/// <summary>
/// Verifies a candidate before it may be deployed: gathers what is known about the tool (recorded inputs in the
/// replay window, declared examples, the input schema, non-deterministic constructs), lets
/// <see cref="TestingStrategySelector"/> choose the strategies and say why, runs each that applies (synthetic,
/// replay, shadow; replay and shadow results are stored), and concludes. The candidate passes only if every
/// applicable strategy passes; with none applicable there is no evidence, and the verdict is
/// <see cref="VerificationVerdict.NeedsApproval"/>: a person decides, the loop never deploys on no evidence.
/// </summary>
public sealed class CandidateVerifier
{
    private readonly ToolCompiler _compiler;
    private readonly IExecutionStore _executions;
    private readonly IFeedbackStore _feedback;
    private readonly ReplayTester _replay;
    private readonly ShadowTester _shadow;
    private readonly SyntheticTester _synthetic;
    private readonly VerificationOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier.</summary>
    public CandidateVerifier(
        ToolCompiler compiler,
        ToolExecutor executor,
        IExecutionStore executions,
        IFeedbackStore feedback,
        ITestResultStore results,
        IOptions<VerificationOptions> options,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(compiler);
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(executions);
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _compiler = compiler;
        _executions = executions;
        _feedback = feedback;
        _options = options.Value;
        _time = time;
        _replay = new ReplayTester(executor, results, _options);
        _shadow = new ShadowTester(executor, results, _options);
        _synthetic = new SyntheticTester(executor);
    }

    /// <summary>Verifies the candidate of <paramref name="request"/>.</summary>
    public async Task<VerificationReport> VerifyAsync(VerificationRequest request, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var baseline = await _compiler.CompileAsync(request.BaselineSource, cancellationToken).ConfigureAwait(false);
        var candidate = await _compiler.CompileAsync(request.CandidateSource, cancellationToken).ConfigureAwait(false);
        if (candidate.Tool is null || baseline.Tool is null)
        {
            var which = candidate.Tool is null ? "candidate" : "baseline";
            return new VerificationReport(VerificationVerdict.Failed, [], [], $"the {which} does not compile under the policy");
        }

        progress?.Report("choosing testing strategies");
        var metadata = candidate.Tool.Metadata;
        var replayCases = await ReplaySelection.ReadAsync(
            request.ToolName, request.BaselineVersion, _executions, _feedback, _options, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var examples = metadata.Examples.Where(e => e.ExpectedOutput is not null).ToList();
        var generated = SyntheticTester.Generate(metadata, _options);
        var shadowInputs = ShadowTester.ChooseInputs(replayCases, metadata.Examples, generated, _options);
        var facts = new TestingFacts(
            replayCases.Count,
            shadowInputs.Count,
            examples.Count,
            !string.IsNullOrWhiteSpace(metadata.InputSchema),
            DeterminismScanner.Scan(request.BaselineSource));
        var plan = TestingStrategySelector.Select(facts, _options);
        if (!plan.Any(p => p.Applies))
        {
            return new VerificationReport(
                VerificationVerdict.NeedsApproval, plan, [], "no testing strategy applies (" + string.Join("; ", plan.Select(p => p.Reason)) + "): a person must approve");
        }

        var results = new List<StrategyResult>();
        foreach (var decision in plan.Where(p => p.Applies))
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(decision.Strategy.ToString().ToLowerInvariant() + " testing");
            results.Add(decision.Strategy switch
            {
                TestingStrategy.Synthetic => await _synthetic.RunAsync(baseline.Tool, candidate.Tool, examples, generated, cancellationToken).ConfigureAwait(false),
                TestingStrategy.Replay => await _replay.RunAsync(
                    request.ToolName, request.BaselineVersion, request.CandidateVersion, candidate.Tool, replayCases, request.AttemptId, cancellationToken).ConfigureAwait(false),
                _ => await _shadow.RunAsync(
                    request.ToolName, request.BaselineVersion, request.CandidateVersion, baseline.Tool, candidate.Tool, shadowInputs, request.AttemptId, cancellationToken).ConfigureAwait(false),
            });
        }

        var passed = results.All(r => r.Passed);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"{(passed ? "verified" : "failed verification")}: {string.Join("; ", results.Select(r => r.Summary))}");
        var skipped = plan.Where(p => !p.Applies).Select(p => p.Strategy.ToString().ToLowerInvariant() + " skipped (" + p.Reason + ")").ToList();
        if (skipped.Count > 0)
        {
            summary += "; " + string.Join("; ", skipped);
        }

        return new VerificationReport(passed ? VerificationVerdict.Passed : VerificationVerdict.Failed, plan, results, summary);
    }
}
