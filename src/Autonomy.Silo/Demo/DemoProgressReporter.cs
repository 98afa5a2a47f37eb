using Autonomy.Core.Storage;
using Autonomy.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Silo.Demo;

/// <summary>
/// Prints the autonomous loop's progress for a person watching the console, in the
/// <see cref="DemoOptions.LogCategory"/> log category: every <see cref="EventPeriod"/> a line per lifecycle event
/// recorded since the last look (events older than the host's start are skipped), and every
/// <see cref="SummaryPeriod"/> a one-line summary of the demo traffic. Embedded mode only.
/// </summary>
internal sealed class DemoProgressReporter : BackgroundService
{
    /// <summary>How often new lifecycle events are read and printed.</summary>
    public static readonly TimeSpan EventPeriod = TimeSpan.FromSeconds(2);

    /// <summary>How often the traffic summary is printed.</summary>
    public static readonly TimeSpan SummaryPeriod = TimeSpan.FromSeconds(30);

    /// <summary>The events read per query.</summary>
    public const int PageSize = 200;

    /// <summary>The most version authors remembered (a version's author never changes, so forgetting only costs a read).</summary>
    private const int MaxAuthors = 1_000;

    private readonly ILifecycleEventStore _events;
    private readonly IToolVersionStore _versions;
    private readonly TrafficStatistics _statistics;
    private readonly DemoOptions _options;
    private readonly SiloMode _mode;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<(string Tool, int Version), string> _authors = [];

    public DemoProgressReporter(
        ILifecycleEventStore events,
        IToolVersionStore versions,
        TrafficStatistics statistics,
        IOptions<DemoOptions> options,
        SiloMode mode,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        _events = events;
        _versions = versions;
        _statistics = statistics;
        _options = options.Value;
        _mode = mode;
        _time = time;
        _logger = loggers.CreateLogger(DemoOptions.LogCategory);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // In cluster mode the traffic generator says why the demo is off.
        if (!_options.Enabled || !_options.ReportProgress || _mode != SiloMode.Embedded)
        {
            return;
        }

        try
        {
            long? lastId = null;
            var previous = _statistics.Snapshot();
            var summarised = _time.GetTimestamp();
            using var timer = new PeriodicTimer(EventPeriod, _time);
            do
            {
                try
                {
                    lastId = lastId is { } last ? await ReportAfterAsync(last, stoppingToken) : await SkipExistingAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.ProgressReadFailed(_logger, exception);
                }

                var period = _time.GetElapsedTime(summarised);
                // Half a tick of slack: the ticks, not the summary, set the pace.
                if (period >= SummaryPeriod - (EventPeriod / 2))
                {
                    var now = _statistics.Snapshot();
                    if (now.Calls > 0)
                    {
                        Log.TrafficSummary(_logger, now.Since(previous).Describe(period, now));
                    }

                    previous = now;
                    summarised = _time.GetTimestamp();
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>The id of the newest event, so that only events recorded from now on are printed.</summary>
    private async Task<long> SkipExistingAsync(CancellationToken cancellationToken)
    {
        long last = 0;
        while (true)
        {
            var page = await _events.ListEventsAfterAsync(last, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                return last;
            }

            last = page[^1].Id;
        }
    }

    private async Task<long> ReportAfterAsync(long last, CancellationToken cancellationToken)
    {
        IReadOnlyList<LifecycleEvent> page;
        do
        {
            page = await _events.ListEventsAfterAsync(last, PageSize, cancellationToken);
            foreach (var lifecycleEvent in page)
            {
                var author = await AuthorAsync(lifecycleEvent, cancellationToken);
                Log.LifecycleEvent(_logger, lifecycleEvent.ToolName, LifecycleEventFormatter.Describe(lifecycleEvent, author));
                last = lifecycleEvent.Id;
            }
        }
        while (page.Count == PageSize);

        return last;
    }

    /// <summary>The author of a deployed version (remembered, else read from the version store); null for other events.</summary>
    private async Task<string?> AuthorAsync(LifecycleEvent lifecycleEvent, CancellationToken cancellationToken)
    {
        if (lifecycleEvent.Version is not { } version || !string.Equals(lifecycleEvent.EventType, "deployed", StringComparison.Ordinal))
        {
            return null;
        }

        var key = (lifecycleEvent.ToolName, version);
        if (_authors.TryGetValue(key, out var author))
        {
            return author;
        }

        author = await ReadAuthorAsync(lifecycleEvent.ToolName, version, cancellationToken);
        Remember(key, author);
        return author;
    }

    private async Task<string?> ReadAuthorAsync(string tool, int version, CancellationToken cancellationToken) =>
        await _versions.GetAsync(tool, version, cancellationToken) is { } stored
            ? stored.Author == VersionAuthor.Autonomous ? "autonomous" : "human"
            : null;

    private void Remember((string Tool, int Version) key, string? author)
    {
        if (author is null)
        {
            return;
        }

        if (_authors.Count >= MaxAuthors)
        {
            _authors.Clear();
        }

        _authors[key] = author;
    }
}
