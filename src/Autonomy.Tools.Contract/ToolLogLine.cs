namespace Autonomy.Tools;

/// <summary>One line a tool wrote to its log.</summary>
/// <param name="At">When it was written, by the execution's clock.</param>
/// <param name="Level">Its severity.</param>
/// <param name="Message">The text, cut to <see cref="ToolLog.MaxLineLength"/> characters.</param>
public sealed record ToolLogLine(DateTimeOffset At, ToolLogLevel Level, string Message);
