using Autonomy.Abstractions.Execution;
using Autonomy.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Autonomy.Core.Analysis;

/// <summary>
/// The self-investigation of the predecessor, without an LLM: analyses the tool, then for the newest version with
/// executions maps its dominant error clusters to the syntax that throws, ranks input features by lift over a
/// sample of its recent executions, finds the onset and the deploy it coincides with, separates caller faults,
/// concludes (<see cref="InvestigationConclusion"/>), lets an optional <see cref="IInvestigationNarrator"/> add a
/// narrative, and stores the report.
/// </summary>
public sealed class ToolInvestigator : IToolInvestigator
{
    /// <summary>The most error clusters reported.</summary>
    public const int MaxClusters = 5;

    /// <summary>The smallest share of the version's sampled failures a cluster needs to be reported.</summary>
    public const double MinimumClusterShare = 0.05;

    /// <summary>The most input features reported.</summary>
    public const int MaxFeatures = 10;

    /// <summary>The lifecycle events read for deploys.</summary>
    public const int MaxEventsRead = 500;

    /// <summary>How long a narrator may take.</summary>
    public static readonly TimeSpan NarratorTimeout = TimeSpan.FromSeconds(30);

    private readonly ToolAnalyzer _analyzer;
    private readonly IExecutionStore _executions;
    private readonly IToolVersionStore _versions;
    private readonly ILifecycleEventStore _lifecycle;
    private readonly IInvestigationReportStore _reports;
    private readonly AnalysisOptions _options;
    private readonly IInvestigationNarrator? _narrator;
    private readonly ILogger _logger;

    /// <summary>Creates an investigator.</summary>
    public ToolInvestigator(
        ToolAnalyzer analyzer,
        IExecutionStore executions,
        IToolVersionStore versions,
        ILifecycleEventStore lifecycle,
        IInvestigationReportStore reports,
        IOptions<AnalysisOptions> options,
        IInvestigationNarrator? narrator = null,
        ILogger<ToolInvestigator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        ArgumentNullException.ThrowIfNull(executions);
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(options);
        _analyzer = analyzer;
        _executions = executions;
        _versions = versions;
        _lifecycle = lifecycle;
        _reports = reports;
        _options = options.Value;
        _narrator = narrator;
        _logger = logger ?? NullLogger<ToolInvestigator>.Instance;
    }

    /// <inheritdoc />
    public async Task<InvestigationRun> InvestigateAsync(string toolName, TimeSpan? window = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        var versions = await _versions.ListAsync(toolName, cancellationToken);
        if (versions.Count == 0)
        {
            throw new UnknownToolException(toolName);
        }

        var (analysis, samples) = await _analyzer.AnalyzeWithSamplesAsync(toolName, window, cancellationToken);
        var current = analysis.Versions.LastOrDefault(v => v.Outcomes.Total > 0);
        var version = current?.Version;
        var statistics = current ?? analysis.Overall;
        var source = version is null ? null : versions.FirstOrDefault(v => v.Version == version)?.Source;

        var clusters = Clusters(samples, version, source);
        var recent = await _executions.ReadRecentAsync(toolName, version, _options.FeatureSampleSize, null, cancellationToken);
        var wrongIds = samples.WrongOutputs.Select(w => w.ExecutionId).ToHashSet();
        var features = Features(recent, wrongIds);
        var deploys = await DeploysAsync(toolName, cancellationToken);
        var onset = OnsetFinder.Find(samples.Rollups, deploys, version, _options.ChangePointThreshold);
        var callerFaults = CallerFaults(statistics, recent);
        var previous = version is null ? null : analysis.Versions.LastOrDefault(v => v.Version < version && v.Outcomes.Attributable > 0);

        var evidence = new InvestigationEvidence(version, statistics, analysis, clusters, features, onset, callerFaults, previous);
        var (verdict, shouldImprove, rootCause, confidence, facts, repair) = InvestigationConclusion.Decide(evidence, _options);
        var findings = new ToolInvestigation(
            toolName, version, analysis.WindowStart, analysis.WindowEnd, verdict, shouldImprove, rootCause, confidence,
            facts, clusters, features, onset, callerFaults, repair, analysis, null);
        findings = findings with { Narrative = await NarrateAsync(findings, source, cancellationToken) };

        var stored = await _reports.SaveAsync(
            new NewInvestigationReport(toolName, version, shouldImprove, rootCause, confidence, AnalysisJson.Serialize(findings)),
            cancellationToken);
        Log.Investigated(_logger, toolName, version, AnalysisJson.Name(verdict), shouldImprove, confidence);
        return new InvestigationRun(stored, findings);
    }

    private static List<ErrorClusterFinding> Clusters(AnalysisSamples samples, int? version, string? source)
    {
        var failures = samples.Failures.Where(f => version is null || f.ToolVersion == version).ToList();
        var wrong = samples.WrongOutputs.Where(f => version is null || f.ToolVersion == version).ToList();
        return ErrorPatternClusterer.Cluster(failures, wrong)
            .Where(p => p.Share >= MinimumClusterShare)
            .Take(MaxClusters)
            .Select(p => new ErrorClusterFinding(
                p,
                source is not null && p.Line is { } line ? ThrowSiteLocator.Locate(source, line, p.ExceptionType, p.ExampleMessage) : null))
            .ToList();
    }

    private List<InputFeatureFinding> Features(IReadOnlyList<ExecutionRecord> recent, HashSet<Guid> wrongIds)
    {
        // Invalid input is the caller's fault: it neither fails nor passes the tool.
        var attributable = recent.Where(r => r.Outcome != ExecutionOutcome.InvalidInput && !r.InputTruncated).ToList();
        var known = attributable.SelectMany(r => InputFeatureExtractor.FieldsOf(r.Input)).ToHashSet(StringComparer.Ordinal);
        var samples = attributable
            .Select(r => new FeatureLiftRanker.Sample(
                InputFeatureExtractor.Extract(r.Input, known),
                r.CountsAsToolFailure || wrongIds.Contains(r.ExecutionId)))
            .ToList();
        return FeatureLiftRanker.Rank(samples, _options.MinimumFeatureSupport, MaxFeatures).ToList();
    }

    private async Task<List<(int Version, DateTimeOffset At)>> DeploysAsync(string toolName, CancellationToken cancellationToken)
    {
        var events = await _lifecycle.ListEventsAsync(toolName, MaxEventsRead, cancellationToken);
        return events
            .Where(e => e.Version is not null && e.EventType is "deployed" or "rolled_back")
            .Select(e => (e.Version!.Value, e.OccurredAt))
            .ToList();
    }

    private static CallerFaultSummary CallerFaults(VersionStatistics statistics, IReadOnlyList<ExecutionRecord> recent)
    {
        var invalid = statistics.Outcomes.InvalidInput;
        var failures = statistics.Outcomes.Failures;
        var messages = recent
            .Where(r => r.Outcome == ExecutionOutcome.InvalidInput)
            .GroupBy(r => ErrorMessageNormalizer.Normalize(r.Message))
            .OrderByDescending(g => g.Count())
            .Take(3)
            .Select(g => g.Key)
            .ToList();
        return new CallerFaultSummary(invalid, failures, invalid + failures == 0 ? 0 : (double)invalid / (invalid + failures), messages);
    }

    private async Task<string?> NarrateAsync(ToolInvestigation findings, string? source, CancellationToken cancellationToken)
    {
        if (_narrator is null)
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(NarratorTimeout);
        try
        {
            return await _narrator.NarrateAsync(findings, source, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.NarratorFailed(_logger, findings.ToolName, "timed out");
            return null;
        }
#pragma warning disable CA1031 // The narrative is optional: a failing narrator must not lose the structured findings.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.NarratorFailed(_logger, findings.ToolName, ex.Message);
            return null;
        }
    }
}
