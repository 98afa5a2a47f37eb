using System.Text.Json;
using Autonomy.Core.Analysis;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Policy;
using Autonomy.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Autonomy.Core.Repair;

/// <summary>
/// Runs one improvement attempt on a tool version, end to end but without deploying: takes the latest
/// investigation of that version (or investigates), builds the repair cases from its executions, feedback and
/// examples, records the attempt, runs the <see cref="RepairEngine"/> with the configured generators, and records
/// what it found. An accepted candidate leaves the attempt in progress for the caller (the tool's grain) to deploy
/// and close with <see cref="RecordDeployedAsync"/> or <see cref="RecordRejectedAsync"/>; no candidate closes it as failed.
/// </summary>
public sealed class ToolImprover
{
    /// <summary>How old an investigation of the same version may be and still guide an attempt.</summary>
    public static readonly TimeSpan InvestigationMaxAge = TimeSpan.FromHours(1);

    private readonly ProjectStores _stores;
    private readonly IExecutionStore _executions;
    private readonly IToolInvestigator _investigator;
    private readonly IReadOnlyList<IRepairGenerator> _generators;
    private readonly ToolPolicy _policy;
    private readonly IOptions<CompilerOptions> _compilerOptions;
    private readonly ToolExecutor _executor;
    private readonly RepairOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates an improver.</summary>
    public ToolImprover(
        ProjectStores stores,
        IExecutionStore executions,
        IToolInvestigator investigator,
        IEnumerable<IRepairGenerator> generators,
        ToolPolicy policy,
        IOptions<CompilerOptions> compilerOptions,
        ToolExecutor executor,
        IOptions<RepairOptions> options,
        TimeProvider time,
        ILogger<ToolImprover>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(executions);
        ArgumentNullException.ThrowIfNull(investigator);
        ArgumentNullException.ThrowIfNull(generators);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(compilerOptions);
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _stores = stores;
        _executions = executions;
        _investigator = investigator;
        _generators = generators.ToList();
        _policy = policy;
        _compilerOptions = compilerOptions;
        _executor = executor;
        _options = options.Value;
        _time = time;
        _logger = logger ?? NullLogger<ToolImprover>.Instance;
    }

    /// <summary>The generators, in the order they are tried.</summary>
    public IReadOnlyList<IRepairGenerator> Generators => _generators;

    /// <summary>Runs one attempt on <paramref name="baseVersion"/> of <paramref name="toolName"/>.</summary>
    /// <exception cref="UnknownToolException">The tool has no such version.</exception>
    public async Task<ImprovementRun> ImproveAsync(string toolName, int baseVersion, IProgress<RepairProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        var version = await _stores.Versions.GetAsync(toolName, baseVersion, cancellationToken)
            ?? throw new UnknownToolException($"Tool '{toolName}' has no version {baseVersion}.", new KeyNotFoundException(toolName));
        var (findings, reportId) = await InvestigationAsync(toolName, baseVersion, cancellationToken);

        using var evaluator = new CandidateEvaluator(new ToolCompiler(_policy, _compilerOptions), _executor, _options);
        var compiled = await evaluator.Compiler.CompileAsync(version.Source, cancellationToken);
        var examples = compiled.Tool?.Metadata.Examples ?? [];
        var (given, heldBack) = await RepairCaseBuilder.BuildAsync(toolName, baseVersion, examples, _executions, _stores.Feedback, _options, cancellationToken);
        var problem = new RepairProblem(toolName, baseVersion, version.Source, findings, given, heldBack);

        var startDetails = JsonSerializer.Serialize(new
        {
            generators = _generators.Select(g => g.Name).ToList(),
            casesGiven = given.Count,
            casesHeldBack = heldBack.Count,
            failingCases = given.Concat(heldBack).Count(c => c.IsFailing),
            strategy = findings?.Repair.Kind is { } kind ? AnalysisJson.Name(kind) : null,
        });
        var attempt = await _stores.ImprovementAttempts.StartAsync(new NewImprovementAttempt(toolName, baseVersion, reportId, startDetails), cancellationToken);
        Log.AttemptStarted(_logger, attempt.Id, toolName, baseVersion, given.Count, heldBack.Count);

        RepairResult result;
        try
        {
            result = await new RepairEngine(_generators, _options, _time).RepairAsync(problem, evaluator, progress, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await _stores.ImprovementAttempts.CompleteAsync(attempt.Id, ImprovementStatus.Failed, null, "the repair failed: " + ex.Message, null, CancellationToken.None);
            throw;
        }
        catch (OperationCanceledException)
        {
            await _stores.ImprovementAttempts.CompleteAsync(attempt.Id, ImprovementStatus.Failed, null, "cancelled", null, CancellationToken.None);
            throw;
        }

        var details = Details(result, given.Count, heldBack.Count);
        if (result.Accepted is null)
        {
            attempt = await _stores.ImprovementAttempts.CompleteAsync(attempt.Id, ImprovementStatus.Failed, null, result.Verdict, details, cancellationToken);
        }

        Log.AttemptSearched(_logger, attempt.Id, toolName, result.Verdict, result.CandidatesTried, result.Elapsed.TotalMilliseconds);
        return new ImprovementRun(attempt, result, findings, details);
    }

    /// <summary>Closes an attempt whose candidate became <paramref name="candidateVersion"/> and was deployed.</summary>
    public Task<ImprovementAttempt> RecordDeployedAsync(ImprovementRun run, int candidateVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _stores.ImprovementAttempts.CompleteAsync(run.Attempt.Id, ImprovementStatus.Deployed, candidateVersion, null, run.DetailsJson, cancellationToken);
    }

    /// <summary>Closes an attempt whose candidate was not deployed, and why.</summary>
    public Task<ImprovementAttempt> RecordRejectedAsync(ImprovementRun run, string reason, int? candidateVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return _stores.ImprovementAttempts.CompleteAsync(run.Attempt.Id, ImprovementStatus.Rejected, candidateVersion, reason, run.DetailsJson, cancellationToken);
    }

    private async Task<(ToolInvestigation? Findings, long? ReportId)> InvestigationAsync(string toolName, int baseVersion, CancellationToken cancellationToken)
    {
        var latest = await _stores.InvestigationReports.GetLatestAsync(toolName, cancellationToken);
        if (latest is not null && latest.Version == baseVersion && _time.GetUtcNow() - latest.CreatedAt <= InvestigationMaxAge
            && AnalysisJson.Deserialize<ToolInvestigation>(latest.FindingsJson) is { } stored)
        {
            return (stored, latest.Id);
        }

        var run = await _investigator.InvestigateAsync(toolName, null, cancellationToken);
        return run.Findings.Version == baseVersion ? (run.Findings, run.Stored.Id) : (null, run.Stored.Id);
    }

    private static string Details(RepairResult result, int given, int heldBack) => JsonSerializer.Serialize(new
    {
        verdict = result.Verdict,
        generator = result.Accepted?.Generator,
        rationale = result.Accepted?.Rationale,
        editSize = result.Accepted?.EditSize,
        diff = result.Diff,
        candidatesTried = result.CandidatesTried,
        plausibleFound = result.PlausibleFound,
        rejectedByValidation = result.RejectedByValidation,
        elapsedMs = Math.Round(result.Elapsed.TotalMilliseconds),
        firstPlausibleMs = result.TimeToFirstPlausible is { } first ? Math.Round(first.TotalMilliseconds) : (double?)null,
        casesGiven = given,
        casesHeldBack = heldBack,
        fixedWithSuccess = result.Evaluation?.FixedWithSuccess,
        casesDropped = result.CasesDropped,
        generators = result.Generators.Select(g => new { g.Generator, g.CandidatesTried, g.PlausibleFound, elapsedMs = Math.Round(g.Elapsed.TotalMilliseconds) }),
    });
}
