using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autonomy.Core.Storage;

/// <summary>
/// The hot write path of the execution log. Records go into a bounded buffer (by count and by bytes) and a single
/// background loop writes them to an <see cref="IExecutionLogSink"/> in batches, by size or by age. A failed
/// write is retried with exponential backoff until it succeeds (the sink is idempotent, so a retry never
/// duplicates); a batch the database refuses is bisected until the rows at fault are isolated, reported through
/// <see cref="Rejected"/>, <see cref="RecentRejections"/>, a log entry and a counter, and the rest are written.
/// <see cref="DisposeAsync"/> drains the buffer, then has the sink write what it deferred
/// (<see cref="IExecutionLogSink.FlushAsync"/>). See docs/decisions/0005-execution-log.md for the loss window.
/// </summary>
public sealed class ExecutionLogWriter : IAsyncDisposable
{
    private const int RecordOverheadBytes = 256;

    private readonly IExecutionLogSink _sink;
    private readonly ExecutionLogOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ExecutionLogMetrics _metrics;
    private readonly Channel<ExecutionRecord> _channel;
    private readonly CancellationTokenSource _abandon = new();
    private readonly Lock _rejectionsLock = new();
    private readonly Queue<ExecutionRejection> _rejections = new();
    private readonly Lock _stopLock = new();
    private readonly Task _loop;

    private TaskCompletionSource _space = NewSignal();
    private TaskCompletionSource _progress = NewSignal();
    private CancellationTokenSource _wake = new();
    private Task? _stopped;
    private int _stopping;
    private long _bufferedBytes;
    private long _reserved;
    private long _processed;
    private long _flushTarget;
    private long _accepted;
    private long _taken;
    private long _fillAt = long.MaxValue;
    private long _written;
    private long _alreadyStored;
    private long _rejected;
    private long _dropped;
    private long _refused;
    private long _retries;
    private long _batches;

    /// <summary>Starts a writer and its background loop.</summary>
    /// <param name="sink">Where batches go.</param>
    /// <param name="options">Buffer, batching, caps and retries.</param>
    /// <param name="timeProvider">The clock for batch ages, retry delays and the shutdown timeout.</param>
    /// <param name="logger">Where failures, rejections and drops are logged.</param>
    /// <param name="meterFactory">Creates the <c>Autonomy.ExecutionLog</c> meter; a private meter when null.</param>
    public ExecutionLogWriter(
        IExecutionLogSink sink,
        ExecutionLogOptions options,
        TimeProvider timeProvider,
        ILogger<ExecutionLogWriter>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDocumentBytes, 64);

        _sink = sink;
        _options = options;
        _time = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _channel = Channel.CreateBounded<ExecutionRecord>(new BoundedChannelOptions(options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
            AllowSynchronousContinuations = false,
        });
        _metrics = new ExecutionLogMetrics(meterFactory, () => _channel.Reader.Count);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Raised on the writer's loop for each record the database refused on its own.</summary>
    public event EventHandler<ExecutionRejection>? Rejected;

    /// <summary>Records buffered and not yet written.</summary>
    public int QueueDepth => _channel.Reader.Count;

    /// <summary>The bytes of the buffered records, as estimated from their strings.</summary>
    public long BufferedBytes => Volatile.Read(ref _bufferedBytes);

    /// <summary>The counts since the writer started.</summary>
    public ExecutionLogStatistics Statistics => new(
        Volatile.Read(ref _accepted),
        Volatile.Read(ref _written),
        Volatile.Read(ref _alreadyStored),
        Volatile.Read(ref _rejected),
        Volatile.Read(ref _dropped),
        Volatile.Read(ref _refused),
        Volatile.Read(ref _retries),
        Volatile.Read(ref _batches));

    /// <summary>The latest records the database refused, oldest first (at most <see cref="ExecutionLogOptions.MaxRecentRejections"/>).</summary>
    public IReadOnlyList<ExecutionRejection> RecentRejections
    {
        get
        {
            lock (_rejectionsLock)
            {
                return [.. _rejections];
            }
        }
    }

    /// <summary>
    /// Buffers a record if there is room, without waiting. Oversized documents are capped and flagged, never
    /// refused. Returns false when the buffer is full (the record is not kept; the caller may use
    /// <see cref="RecordAsync"/>) or the writer is stopped.
    /// </summary>
    public bool TryRecord(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Volatile.Read(ref _stopping) != 0)
        {
            Drop(1, "recorded after the writer was stopped");
            return false;
        }

        var capped = ExecutionDocumentCap.Apply(record, _options.MaxDocumentBytes);
        var size = EstimateBytes(capped);
        if (!TryReserveBytes(size))
        {
            Refuse();
            return false;
        }

        Interlocked.Increment(ref _reserved);
        if (_channel.Writer.TryWrite(capped))
        {
            Accepted();
            return true;
        }

        Interlocked.Decrement(ref _reserved);
        ReleaseBytes(size);
        if (Volatile.Read(ref _stopping) != 0)
        {
            Drop(1, "recorded after the writer was stopped");
        }
        else
        {
            Refuse();
        }

        return false;
    }

    /// <summary>
    /// Buffers a record, waiting while the buffer is full: the backpressure that keeps the writer's memory bounded
    /// when the database is slow or down. Oversized documents are capped and flagged, never refused.
    /// </summary>
    /// <exception cref="InvalidOperationException">The writer is stopped; the record is counted as dropped.</exception>
    /// <exception cref="OperationCanceledException">The wait was cancelled; the record was not buffered.</exception>
    public async ValueTask RecordAsync(ExecutionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var capped = ExecutionDocumentCap.Apply(record, _options.MaxDocumentBytes);
        var size = EstimateBytes(capped);
        while (true)
        {
            ThrowIfStopping();
            var space = Volatile.Read(ref _space).Task;
            if (TryReserveBytes(size))
            {
                break;
            }

            await space.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Increment(ref _reserved);
        try
        {
            await _channel.Writer.WriteAsync(capped, cancellationToken).ConfigureAwait(false);
            Accepted();
        }
        catch (ChannelClosedException)
        {
            Interlocked.Decrement(ref _reserved);
            ReleaseBytes(size);
            ThrowIfStopping();
            throw;
        }
        catch
        {
            Interlocked.Decrement(ref _reserved);
            ReleaseBytes(size);
            throw;
        }
    }

    /// <summary>
    /// Writes what is buffered now without waiting for batches to fill, and completes when every record whose
    /// <see cref="TryRecord"/> or <see cref="RecordAsync"/> call finished before this call is written, rejected
    /// or dropped; then has the sink write what it deferred (<see cref="IExecutionLogSink.FlushAsync"/>, the latency
    /// histograms on PostgreSQL), so that a reader after a flush sees everything.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = Volatile.Read(ref _reserved);
        long current;
        do
        {
            current = Volatile.Read(ref _flushTarget);
        }
        while (current < target && Interlocked.CompareExchange(ref _flushTarget, target, current) != current);

        await Volatile.Read(ref _wake).CancelAsync().ConfigureAwait(false);
        while (true)
        {
            var progress = Volatile.Read(ref _progress).Task;
            var processed = Volatile.Read(ref _processed);
            if (processed >= target || processed >= Volatile.Read(ref _reserved) || _loop.IsCompleted)
            {
                await FlushDeferredAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            await progress.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops taking records and drains the buffer, retrying failed writes, until everything is written or
    /// <paramref name="cancellationToken"/> fires; what is left then is reported as dropped (log, counter).
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_stopLock)
        {
            if (_stopped is null)
            {
                Volatile.Write(ref _stopping, 1);
                _channel.Writer.TryComplete();
                Volatile.Read(ref _wake).Cancel();
                Volatile.Read(ref _space).TrySetResult();
                _stopped = _loop;
            }
        }

        return WaitForLoopAsync(cancellationToken);
    }

    /// <summary>Stops the writer, waiting up to <see cref="ExecutionLogOptions.ShutdownTimeoutSeconds"/> for the buffer to drain.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.ShutdownTimeoutSeconds), _time))
        {
            await StopAsync(timeout.Token).ConfigureAwait(false);
        }

        _metrics.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static long EstimateBytes(ExecutionRecord record) =>
        RecordOverheadBytes + (2L * ((record.Input?.Length ?? 0) + (record.Output?.Length ?? 0) + (record.Message?.Length ?? 0)
            + (record.LogLines?.Length ?? 0) + record.ToolName.Length + (record.ErrorType?.Length ?? 0)
            + (record.ErrorMember?.Length ?? 0) + (record.Caller?.Length ?? 0) + (record.Silo?.Length ?? 0)));

    private async Task WaitForLoopAsync(CancellationToken cancellationToken)
    {
        await using (cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abandon))
        {
            await _loop.ConfigureAwait(false);
        }
    }

    private void ThrowIfStopping()
    {
        if (Volatile.Read(ref _stopping) != 0)
        {
            Drop(1, "recorded after the writer was stopped");
            throw new InvalidOperationException("The execution log writer is stopped; the record was not kept.");
        }
    }

    private bool TryReserveBytes(long size)
    {
        while (true)
        {
            var current = Volatile.Read(ref _bufferedBytes);

            // One record always fits in an empty buffer, however large: the cap bounds it.
            if (current > 0 && current + size > _options.MaxBufferedBytes)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _bufferedBytes, current + size, current) == current)
            {
                return true;
            }
        }
    }

    private void ReleaseBytes(long size)
    {
        Interlocked.Add(ref _bufferedBytes, -size);
        Interlocked.Exchange(ref _space, NewSignal()).TrySetResult();
    }

    private void Refuse()
    {
        Interlocked.Increment(ref _refused);
        _metrics.Refused.Add(1);
    }

    private void Drop(int count, string reason)
    {
        Interlocked.Add(ref _dropped, count);
        _metrics.RowsDropped.Add(count);
        ExecutionLogMessages.Dropped(_logger, count, reason);
    }

    private bool FlushPending() => Volatile.Read(ref _processed) < Volatile.Read(ref _flushTarget);

    private async Task RunAsync()
    {
        var reader = _channel.Reader;
        var batch = new List<ExecutionRecord>(_options.BatchSize);
        var inFlight = new Queue<(Task Write, List<ExecutionRecord> Batch)>();
        var maxAge = TimeSpan.FromMilliseconds(_options.MaxBatchAgeMilliseconds);
        try
        {
            while (true)
            {
                // With nothing more to read, finish the writes in flight before waiting, so that FlushAsync and
                // the statistics see them promptly.
                while (inFlight.Count > 0 && reader.Count == 0)
                {
                    await CompleteOldestAsync(inFlight).ConfigureAwait(false);
                }

                if (!await reader.WaitToReadAsync().ConfigureAwait(false))
                {
                    break;
                }

                var started = _time.GetTimestamp();
                while (batch.Count < _options.BatchSize)
                {
                    if (reader.TryRead(out var record))
                    {
                        batch.Add(record);
                        _taken++;
                        continue;
                    }

                    var remaining = maxAge - _time.GetElapsedTime(started);
                    if (remaining <= TimeSpan.Zero || !await WaitToFillAsync(_options.BatchSize - batch.Count, remaining).ConfigureAwait(false))
                    {
                        break;
                    }
                }

                if (batch.Count > 0)
                {
                    inFlight.Enqueue((WriteBatchAsync(batch), batch));
                    batch = new List<ExecutionRecord>(_options.BatchSize);
                    while (inFlight.Count >= _options.MaxConcurrentBatches)
                    {
                        await CompleteOldestAsync(inFlight).ConfigureAwait(false);
                    }
                }
            }

            while (inFlight.Count > 0)
            {
                await CompleteOldestAsync(inFlight).ConfigureAwait(false);
            }

            await FlushSinkAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The loop must not die silently: whatever is left is reported as dropped.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var reason = $"the writer's loop failed: {exception.Message}";
            while (inFlight.TryDequeue(out var pending))
            {
                batch.AddRange(pending.Batch);
            }

            while (reader.TryRead(out var left))
            {
                batch.Add(left);
            }

            Drop(batch.Count, reason);
            Processed(batch);
        }

        ExecutionLogMessages.Stopped(_logger, Volatile.Read(ref _written), Volatile.Read(ref _rejected), Volatile.Read(ref _dropped));
    }

    private async Task CompleteOldestAsync(Queue<(Task Write, List<ExecutionRecord> Batch)> inFlight)
    {
        // Batches are accounted for in the order they were read, so "processed" is always a prefix of the buffer.
        var (write, batch) = inFlight.Peek();
        await write.ConfigureAwait(false);
        inFlight.Dequeue();
        Processed(batch);
    }

    /// <summary>
    /// Sleeps until the buffer holds the <paramref name="missing"/> records that fill the batch, the batch's age runs
    /// out, or a flush or stop wants the batch now (false: write it without reading more). A steady stream of
    /// records wakes the loop once per batch: waking it for every record cost the loop a wake-up, a timer and three
    /// token sources per record or two.
    /// </summary>
    private async Task<bool> WaitToFillAsync(int missing, TimeSpan remaining)
    {
        var wake = new CancellationTokenSource();
        Volatile.Write(ref _wake, wake);
        var fillAt = _taken + missing;
        Volatile.Write(ref _fillAt, fillAt);

        // Checked after the new wake-up source and fill mark are published, so a flush, stop or filling record that
        // comes later cancels the wait, and one that came before is seen here.
        if (FlushPending() || Volatile.Read(ref _stopping) != 0)
        {
            return false;
        }

        if (Volatile.Read(ref _accepted) < fillAt)
        {
            try
            {
                await Task.Delay(remaining, _time, wake.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Filled, flushed or stopped: which one is read below.
            }
        }

        Volatile.Write(ref _fillAt, long.MaxValue);
        return !FlushPending() && Volatile.Read(ref _stopping) == 0;
    }

    /// <summary>Counts an accepted record, and wakes the loop when this record fills the batch it is waiting on.</summary>
    private void Accepted()
    {
        if (Interlocked.Increment(ref _accepted) == Volatile.Read(ref _fillAt))
        {
            // Asynchronously: the loop's continuation must not run on the recording caller's thread.
            _ = Volatile.Read(ref _wake).CancelAsync();
        }
    }

    private void Processed(List<ExecutionRecord> batch)
    {
        long bytes = 0;
        foreach (var record in batch)
        {
            bytes += EstimateBytes(record);
        }

        Interlocked.Add(ref _processed, batch.Count);
        ReleaseBytes(bytes);
        Interlocked.Exchange(ref _progress, NewSignal()).TrySetResult();
    }

    private async Task WriteBatchAsync(List<ExecutionRecord> batch)
    {
        // Off the loop, so the loop can assemble the next batch meanwhile.
        await Task.Yield();
        var records = batch.ToArray();
        _metrics.BatchSize.Record(records.Length);
        Interlocked.Increment(ref _batches);

        // Bisection: a segment the database refuses is split in two until each refused row stands alone.
        var pending = new Stack<ArraySegment<ExecutionRecord>>();
        pending.Push(new ArraySegment<ExecutionRecord>(records));
        while (pending.TryPop(out var segment))
        {
            var failures = 0;
            while (true)
            {
                if (_abandon.IsCancellationRequested)
                {
                    var left = segment.Count;
                    while (pending.TryPop(out var rest))
                    {
                        left += rest.Count;
                    }

                    Drop(left, "the shutdown timeout ran out before they could be written");
                    return;
                }

                var started = _time.GetTimestamp();
                try
                {
                    var inserted = await _sink.WriteAsync(segment, _abandon.Token).ConfigureAwait(false);
                    _metrics.WriteDuration.Record(_time.GetElapsedTime(started).TotalSeconds);
                    Interlocked.Add(ref _written, segment.Count);
                    Interlocked.Add(ref _alreadyStored, segment.Count - inserted);
                    _metrics.RowsWritten.Add(segment.Count);
                    if (failures > 0)
                    {
                        ExecutionLogMessages.Recovered(_logger, segment.Count, failures);
                    }

                    break;
                }
                catch (ExecutionBatchRejectedException rejected)
                {
                    _metrics.WriteDuration.Record(_time.GetElapsedTime(started).TotalSeconds);
                    if (segment.Count == 1)
                    {
                        Reject(segment[0], rejected);
                        break;
                    }

                    ExecutionLogMessages.Bisecting(_logger, segment.Count, rejected.ErrorCode);
                    var half = segment.Count / 2;
                    pending.Push(segment.Slice(half));
                    pending.Push(segment.Slice(0, half));
                    break;
                }
                catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
                {
                    // Stopped past the shutdown timeout: the check at the top reports what is left.
                }
#pragma warning disable CA1031 // Any other failure may be transient; the idempotent sink makes the retry safe.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    _metrics.WriteDuration.Record(_time.GetElapsedTime(started).TotalSeconds);
                    failures++;
                    Interlocked.Increment(ref _retries);
                    _metrics.Retries.Add(1);
                    var delay = Backoff(failures);
                    ExecutionLogMessages.WriteFailed(_logger, segment.Count, failures, delay.TotalMilliseconds, exception);
                    try
                    {
                        await Task.Delay(delay, _time, _abandon.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        // Abandoned: handled at the top of the loop.
                    }
                }
            }
        }
    }

    private async Task FlushDeferredAsync(CancellationToken cancellationToken)
    {
        if (_loop.IsCompleted)
        {
            return;
        }

        try
        {
            await _sink.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Deferred data is kept by the sink and written with a later batch; a reader's flush must not fail for it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ExecutionLogMessages.WriteFailed(_logger, 0, 1, 0, exception);
        }
    }

    /// <summary>
    /// Has the sink write what it deferred (<see cref="IExecutionLogSink.FlushAsync"/>), retried like a batch until
    /// it succeeds or the shutdown timeout runs out; what it deferred is then lost, as documented in
    /// docs/decisions/0005-execution-log.md.
    /// </summary>
    private async Task FlushSinkAsync()
    {
        var failures = 0;
        while (!_abandon.IsCancellationRequested)
        {
            try
            {
                await _sink.FlushAsync(_abandon.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure may be transient; the sink keeps what it deferred until a flush commits.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failures++;
                Interlocked.Increment(ref _retries);
                _metrics.Retries.Add(1);
                var delay = Backoff(failures);
                ExecutionLogMessages.WriteFailed(_logger, 0, failures, delay.TotalMilliseconds, exception);
                try
                {
                    await Task.Delay(delay, _time, _abandon.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Abandoned: the loop ends.
                }
            }
        }
    }

    private TimeSpan Backoff(int failures)
    {
        // Exponential with "equal jitter": half fixed, half random, so silos that lost the database together
        // do not come back in lockstep.
        var ceiling = Math.Min(
            _options.RetryMaxDelayMilliseconds,
            _options.RetryInitialDelayMilliseconds * Math.Pow(2, Math.Min(failures - 1, 30)));
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
#pragma warning restore CA5394
    }

    private void Reject(ExecutionRecord record, ExecutionBatchRejectedException exception)
    {
        Interlocked.Increment(ref _rejected);
        _metrics.RowsRejected.Add(1);
        ExecutionLogMessages.Rejected(_logger, record.ExecutionId, record.ToolName, record.ToolVersion, exception.ErrorCode, exception.Message);
        var rejection = new ExecutionRejection(record, exception.Message, exception.ErrorCode, _time.GetUtcNow());
        lock (_rejectionsLock)
        {
            _rejections.Enqueue(rejection);
            while (_rejections.Count > _options.MaxRecentRejections)
            {
                _rejections.Dequeue();
            }
        }

        try
        {
            Rejected?.Invoke(this, rejection);
        }
#pragma warning disable CA1031 // A faulty handler must not stop the log.
        catch (Exception handlerFailure)
#pragma warning restore CA1031
        {
            ExecutionLogMessages.RejectionHandlerFailed(_logger, handlerFailure);
        }
    }
}
