namespace Autonomy.Tools;

/// <summary>The severity of a tool log line.</summary>
public enum ToolLogLevel
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
