namespace Autonomy.RepairBenchmark.Corpus;

/// <summary>The defect classes: the 14 single-line classes of the QuixBugs study, and production-style exceptions.</summary>
public static class DefectClasses
{
    /// <summary>The QuixBugs classes (Lin et al., 2017), in the study's order.</summary>
    public static readonly IReadOnlyList<string> QuixBugs =
    [
        "incorrect-operator",
        "off-by-one",
        "wrong-variable",
        "missing-condition",
        "missing-added-call",
        "incorrect-comparison",
        "swapped-arguments",
        "incorrect-field-dereference",
        "incorrect-data-structure-constant",
        "variable-prepend",
        "missing-line",
        "incorrect-array-slice",
        "incorrect-method-called",
        "infinite-loop",
    ];

    /// <summary>Production-style exception defects.</summary>
    public static readonly IReadOnlyList<string> Exceptions =
    [
        "exception-null-field",
        "exception-missing-key",
        "exception-parse-culture",
        "exception-empty-sequence",
        "exception-division-by-zero",
        "exception-index",
    ];

    /// <summary>Every class, QuixBugs first.</summary>
    public static readonly IReadOnlyList<string> All = [.. QuixBugs, .. Exceptions];
}
