using System.Globalization;
using static Autonomy.Core.Analysis.FindingText;

namespace Autonomy.Core.Analysis;

/// <summary>
/// Ranks input features by how strongly they go with failure in a sample of executions: lift (the failure rate
/// with the feature over the sample's rate), then coverage (the share of failures that have it). A feature is
/// reported only when enough executions have it, some do not, it fails more often with than without, and the
/// difference is unlikely to be chance (a two-proportion z of at least <see cref="MinimumZ"/>).
/// </summary>
public static class FeatureLiftRanker
{
    /// <summary>The z statistic a difference in failure rates needs.</summary>
    public const double MinimumZ = 3;

    /// <summary>One sampled execution: its input's features and whether it failed.</summary>
    /// <param name="Features">The features, each with the value that shows it.</param>
    /// <param name="Failed">Whether the execution counts against the tool.</param>
    public sealed record Sample(IReadOnlyDictionary<InputFeature, string?> Features, bool Failed);

    /// <summary>The features that go with failure, strongest first.</summary>
    /// <param name="samples">Attributable executions (invalid input left out).</param>
    /// <param name="minimumSupport">The fewest executions that must have a feature.</param>
    /// <param name="limit">The most findings to return.</param>
    public static IReadOnlyList<InputFeatureFinding> Rank(IReadOnlyList<Sample> samples, int minimumSupport, int limit)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var total = samples.Count;
        var failures = samples.Count(s => s.Failed);
        if (total == 0 || failures == 0 || failures == total)
        {
            return [];
        }

        var counts = new Dictionary<InputFeature, (int With, int Failed, string? Example)>();
        foreach (var sample in samples)
        {
            foreach (var (feature, value) in sample.Features)
            {
                counts.TryGetValue(feature, out var count);
                counts[feature] = (count.With + 1, count.Failed + (sample.Failed ? 1 : 0), count.Example ?? (sample.Failed ? value : null));
            }
        }

        var baseRate = (double)failures / total;
        var findings = new List<InputFeatureFinding>();
        foreach (var (feature, (with, failedWith, example)) in counts)
        {
            var without = total - with;
            var failedWithout = failures - failedWith;
            if (with < minimumSupport || without == 0 || failedWith == 0)
            {
                continue;
            }

            var rateWith = (double)failedWith / with;
            var rateWithout = (double)failedWithout / without;
            if (rateWith <= rateWithout || Z(failedWith, with, failedWithout, without) < MinimumZ)
            {
                continue;
            }

            var withCounts = new FeatureCounts(with, failedWith);
            var withoutCounts = new FeatureCounts(without, failedWithout);
            findings.Add(new InputFeatureFinding(
                feature.Field,
                feature.Feature,
                Describe(feature, withCounts, withoutCounts),
                withCounts,
                withoutCounts,
                rateWith / baseRate,
                (double)failedWith / failures,
                example));
        }

        return findings
            .OrderByDescending(f => Math.Round(f.Lift, 6))
            .ThenByDescending(f => f.Coverage)
            .ThenByDescending(f => f.With.Executions)
            .ThenBy(f => f.Field, StringComparer.Ordinal)
            .ThenBy(f => f.Feature, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>"fails on 94 % of inputs whose `date` field uses dd/MM/yyyy (47 of 50), 0 % otherwise (0 of 150)".</summary>
    public static string Describe(InputFeature feature, FeatureCounts with, FeatureCounts without)
    {
        var subject = feature.Field == InputFeatureExtractor.Root
            ? $"inputs that {PluralVerb(InputFeatureExtractor.Phrase(feature.Feature))}"
            : feature.Feature == "missing"
                ? $"inputs without a `{feature.Field}` field"
                : $"inputs whose `{feature.Field}` field {InputFeatureExtractor.Phrase(feature.Feature)}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"fails on {Percent(with.FailureRate)} of {subject} ({with.Failures} of {with.Executions}), {Percent(without.FailureRate)} otherwise ({without.Failures} of {without.Executions})");
    }

    private static string PluralVerb(string phrase) =>
        phrase.StartsWith("is ", StringComparison.Ordinal) ? "are " + phrase[3..]
        : phrase.StartsWith("has ", StringComparison.Ordinal) ? "have " + phrase[4..]
        : phrase;

    private static double Z(int failedWith, int with, int failedWithout, int without)
    {
        var pooled = (double)(failedWith + failedWithout) / (with + without);
        var variance = pooled * (1 - pooled) * ((1.0 / with) + (1.0 / without));
        return variance <= 0 ? 0 : (((double)failedWith / with) - ((double)failedWithout / without)) / Math.Sqrt(variance);
    }
}
