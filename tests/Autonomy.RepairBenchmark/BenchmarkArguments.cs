using System.Globalization;

namespace Autonomy.RepairBenchmark;

/// <summary>The runner's command line.</summary>
/// <param name="Json">Print the report as JSON instead of Markdown.</param>
/// <param name="Filter">Run only defects whose id contains this text.</param>
/// <param name="MaxSeconds">The time budget of each repair attempt.</param>
/// <param name="CheckOnly">Only check the corpus; repair nothing.</param>
/// <param name="Diffs">Print each accepted patch on stderr.</param>
/// <param name="Corpus">The corpus folder.</param>
/// <param name="Show">Print what the reference and the defective tool do with every input, on stderr.</param>
public sealed record BenchmarkArguments(bool Json, string? Filter, int MaxSeconds, bool CheckOnly, bool Diffs, string Corpus, bool Show = false)
{
    /// <summary>The default time budget per defect.</summary>
    public const int DefaultMaxSeconds = 60;

    /// <summary>The usage line.</summary>
    public const string Usage = "usage: Autonomy.RepairBenchmark [--json] [--filter id] [--max-seconds N] [--check] [--show] [--diffs] [--corpus folder]";

    /// <summary>Parses the command line, or returns null with an error.</summary>
    public static BenchmarkArguments? Parse(IReadOnlyList<string> args, string defaultCorpus, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = new BenchmarkArguments(false, null, DefaultMaxSeconds, false, false, defaultCorpus);
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--json":
                    parsed = parsed with { Json = true };
                    break;
                case "--check":
                    parsed = parsed with { CheckOnly = true };
                    break;
                case "--show":
                    parsed = parsed with { Show = true };
                    break;
                case "--diffs":
                    parsed = parsed with { Diffs = true };
                    break;
                case "--filter" when Value() is { } filter:
                    parsed = parsed with { Filter = filter };
                    break;
                case "--corpus" when Value() is { } corpus:
                    parsed = parsed with { Corpus = corpus };
                    break;
                case "--max-seconds" when int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and <= 3_600:
                    parsed = parsed with { MaxSeconds = seconds };
                    break;
                default:
                    error = $"unknown or incomplete argument '{args[i]}'";
                    return null;
            }
        }

        return parsed;
    }
}
