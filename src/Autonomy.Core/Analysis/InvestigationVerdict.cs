namespace Autonomy.Core.Analysis;

/// <summary>The kind of conclusion an investigation reached.</summary>
public enum InvestigationVerdict
{
    /// <summary>Too few attributable executions to judge.</summary>
    InsufficientData,

    /// <summary>The tool works; failures are rare and show no pattern.</summary>
    Healthy,

    /// <summary>The failures are the callers' (invalid input); the tool is not at fault.</summary>
    CallerFault,

    /// <summary>The tool is correct but slow.</summary>
    Slow,

    /// <summary>A defect in the tool: a failure pattern tied to a line and, where found, an input feature.</summary>
    Defect,

    /// <summary>A defect that a version deploy introduced.</summary>
    Regression,

    /// <summary>The tool returns outputs that callers report wrong.</summary>
    WrongOutput,
}
