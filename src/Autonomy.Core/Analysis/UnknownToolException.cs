namespace Autonomy.Core.Analysis;

/// <summary>Thrown when a tool to analyse or investigate has no version in the store.</summary>
public sealed class UnknownToolException : Exception
{
    /// <summary>Creates the exception for a tool.</summary>
    public UnknownToolException(string toolName)
        : base($"No tool named '{toolName}' is registered.")
    {
        ToolName = toolName;
    }

    /// <summary>Creates the exception with a message.</summary>
    public UnknownToolException()
        : this(string.Empty)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public UnknownToolException(string message, Exception innerException)
        : base(message, innerException)
    {
        ToolName = string.Empty;
    }

    /// <summary>The tool's name.</summary>
    public string ToolName { get; }
}
