namespace Autonomy.Tools;

/// <summary>
/// The per-execution log of a tool. It is bounded: past <see cref="MaxLines"/> lines, further lines are counted
/// in <see cref="DroppedLines"/> and not kept, so a chatty tool cannot exhaust memory. Thread-safe.
/// </summary>
public sealed class ToolLog
{
    /// <summary>The default number of lines kept per execution.</summary>
    public const int DefaultMaxLines = 200;

    /// <summary>Longer lines are cut to this many characters.</summary>
    public const int MaxLineLength = 2_000;

    // Made at the first line: most executions log nothing.
    private List<ToolLogLine>? _lines;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private int _dropped;

    /// <summary>Creates an empty log.</summary>
    /// <param name="time">The clock that stamps lines.</param>
    /// <param name="maxLines">How many lines to keep.</param>
    public ToolLog(TimeProvider time, int maxLines = DefaultMaxLines)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLines);
        _time = time;
        MaxLines = maxLines;
    }

    /// <summary>How many lines this log keeps.</summary>
    public int MaxLines { get; }

    /// <summary>How many lines were written past <see cref="MaxLines"/> and not kept.</summary>
    public int DroppedLines
    {
        get
        {
            lock (_gate)
            {
                return _dropped;
            }
        }
    }

    /// <summary>Writes an informational line.</summary>
    public void Info(string message) => Write(ToolLogLevel.Info, message);

    /// <summary>Writes a warning.</summary>
    public void Warning(string message) => Write(ToolLogLevel.Warning, message);

    /// <summary>Writes an error line.</summary>
    public void Error(string message) => Write(ToolLogLevel.Error, message);

    /// <summary>Writes a line at the given level.</summary>
    public void Write(ToolLogLevel level, string message)
    {
        message ??= string.Empty;
        if (message.Length > MaxLineLength)
        {
            message = message[..MaxLineLength];
        }

        var line = new ToolLogLine(_time.GetUtcNow(), level, message);
        lock (_gate)
        {
            _lines ??= [];
            if (_lines.Count < MaxLines)
            {
                _lines.Add(line);
            }
            else
            {
                _dropped++;
            }
        }
    }

    /// <summary>A copy of the lines kept so far.</summary>
    public IReadOnlyList<ToolLogLine> Snapshot()
    {
        lock (_gate)
        {
            return _lines is null ? [] : [.. _lines];
        }
    }
}
