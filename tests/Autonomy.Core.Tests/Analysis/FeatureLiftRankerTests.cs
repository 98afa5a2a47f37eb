using System.Globalization;
using Autonomy.Core.Analysis;

namespace Autonomy.Core.Tests.Analysis;

/// <summary>Ranking input features by how strongly they go with failure.</summary>
public sealed class FeatureLiftRankerTests
{
    [Fact]
    public void Rank_PlantedDayFirstDates_RankFirstWithExactCounts()
    {
        // 50 day-first dates that all fail, 150 month-first dates that all pass; every date is different.
        var samples = new List<FeatureLiftRanker.Sample>();
        for (var i = 0; i < 50; i++)
        {
            samples.Add(Sample(Invariant($$"""{"date": "{{13 + (i % 16)}}/{{1 + (i / 16):D2}}/2024"}"""), failed: true));
        }

        for (var i = 0; i < 150; i++)
        {
            samples.Add(Sample(Invariant($$"""{"date": "{{1 + (i % 12):D2}}/{{13 + (i / 12)}}/2024"}"""), failed: false));
        }

        var findings = FeatureLiftRanker.Rank(samples, minimumSupport: 5, limit: 10);

        var top = Assert.Single(findings);
        Assert.Equal("date", top.Field);
        Assert.Equal("date:dd/MM/yyyy", top.Feature);
        Assert.Equal(new FeatureCounts(50, 50), top.With);
        Assert.Equal(new FeatureCounts(150, 0), top.Without);
        Assert.Equal(4.0, top.Lift, 12);
        Assert.Equal(1.0, top.Coverage, 12);
        Assert.Equal("\"13/01/2024\"", top.Example);
        Assert.Equal("fails on 100 % of inputs whose `date` field uses dd/MM/yyyy (50 of 50), 0 % otherwise (0 of 150)", top.Description);
    }

    [Fact]
    public void Rank_MissingField_IsDescribedAsWithoutTheField()
    {
        string[] known = ["value", "precision"];
        var samples = Enumerable.Range(0, 20)
            .Select(i => new FeatureLiftRanker.Sample(
                InputFeatureExtractor.Extract(i < 8 ? Invariant($$"""{"value": {{i}}}""") : Invariant($$"""{"value": {{i}}, "precision": 2}"""), known),
                Failed: i < 8))
            .ToList();

        var top = FeatureLiftRanker.Rank(samples, minimumSupport: 5, limit: 10)[0];

        Assert.Equal(new InputFeature("precision", "missing"), new InputFeature(top.Field, top.Feature));
        Assert.Equal("fails on 100 % of inputs without a `precision` field (8 of 8), 0 % otherwise (0 of 12)", top.Description);
    }

    [Fact]
    public void Rank_StrongerFeature_RanksBeforeWeakerOne()
    {
        var strong = new InputFeature("code", "value:\"NZ\"");
        var weak = new InputFeature("code", "uppercase");
        var samples = new List<FeatureLiftRanker.Sample>();

        // 20 "NZ" (all fail), 40 other upper-case codes (4 fail), 140 lower-case codes (none fail).
        samples.AddRange(Enumerable.Range(0, 20).Select(_ => Features(true, strong, weak)));
        samples.AddRange(Enumerable.Range(0, 40).Select(i => Features(i < 4, weak)));
        samples.AddRange(Enumerable.Range(0, 140).Select(_ => Features(false)));

        var findings = FeatureLiftRanker.Rank(samples, minimumSupport: 5, limit: 10);

        Assert.Equal([strong, weak], findings.Select(f => new InputFeature(f.Field, f.Feature)));
        Assert.Equal(new FeatureCounts(60, 24), findings[1].With);
        Assert.Equal(24.0 / 60 / (24.0 / 200), findings[1].Lift, 12);
    }

    [Fact]
    public void Rank_FeatureBelowMinimumSupport_IsDropped()
    {
        var rare = new InputFeature("code", "value:\"NZ\"");
        var samples = Enumerable.Range(0, 4).Select(_ => Features(true, rare))
            .Concat(Enumerable.Range(0, 96).Select(i => Features(i < 2)))
            .ToList();

        Assert.Empty(FeatureLiftRanker.Rank(samples, minimumSupport: 5, limit: 10));
        Assert.Single(FeatureLiftRanker.Rank(samples, minimumSupport: 4, limit: 10));
    }

    [Fact]
    public void Rank_DifferenceWithinChance_IsDropped()
    {
        // 3 of 10 with the feature fail, 15 of 90 without: z ≈ 1.0, far below 3.
        var feature = new InputFeature("flag", "value:true");
        var samples = Enumerable.Range(0, 10).Select(i => Features(i < 3, feature))
            .Concat(Enumerable.Range(0, 90).Select(i => Features(i < 15)))
            .ToList();

        Assert.Empty(FeatureLiftRanker.Rank(samples, minimumSupport: 5, limit: 10));
    }

    [Fact]
    public void Rank_FeatureEveryInputHas_IsDropped()
    {
        var everywhere = new InputFeature("date", "type:string");
        var samples = Enumerable.Range(0, 100).Select(i => Features(i < 50, everywhere)).ToList();

        Assert.Empty(FeatureLiftRanker.Rank(samples, minimumSupport: 5, limit: 10));
    }

    [Fact]
    public void Rank_NoFailuresOrOnlyFailures_IsEmpty()
    {
        var feature = new InputFeature("a", "null");

        Assert.Empty(FeatureLiftRanker.Rank([.. Enumerable.Range(0, 50).Select(i => Features(false, feature))], 5, 10));
        Assert.Empty(FeatureLiftRanker.Rank([.. Enumerable.Range(0, 50).Select(i => Features(true, feature))], 5, 10));
        Assert.Empty(FeatureLiftRanker.Rank([], 5, 10));
    }

    [Fact]
    public void Rank_Limit_CutsList()
    {
        var a = new InputFeature("a", "null");
        var b = new InputFeature("b", "null");
        var samples = Enumerable.Range(0, 30).Select(_ => Features(true, a, b))
            .Concat(Enumerable.Range(0, 70).Select(_ => Features(false)))
            .ToList();

        Assert.Equal(2, FeatureLiftRanker.Rank(samples, 5, 10).Count);
        Assert.Equal("a", Assert.Single(FeatureLiftRanker.Rank(samples, 5, 1)).Field);
    }

    [Fact]
    public void Describe_RootFeature_ReadsAsInputsThat()
    {
        var text = FeatureLiftRanker.Describe(new InputFeature(InputFeatureExtractor.Root, "not-json"), new FeatureCounts(10, 9), new FeatureCounts(90, 1));

        Assert.StartsWith("fails on 90 % of inputs that ", text, StringComparison.Ordinal);
        Assert.EndsWith("(9 of 10), 1 % otherwise (1 of 90)", text, StringComparison.Ordinal);
    }

    private static FeatureLiftRanker.Sample Sample(string json, bool failed) => new(InputFeatureExtractor.Extract(json, ["date"]), failed);

    private static FeatureLiftRanker.Sample Features(bool failed, params InputFeature[] features) =>
        new(features.ToDictionary(f => f, _ => (string?)"x"), failed);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
