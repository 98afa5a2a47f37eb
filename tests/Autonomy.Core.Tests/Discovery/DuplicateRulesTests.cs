using Autonomy.Core.Discovery;

namespace Autonomy.Core.Tests.Discovery;

/// <summary>The thresholds and banding of <see cref="DuplicateFinder"/>, on fingerprints made to measure.</summary>
public sealed class DuplicateRulesTests
{
    private const int Functions = DuplicateOptions.DefaultHashFunctions;
    private const int Rows = DuplicateOptions.DefaultHashFunctions / DuplicateOptions.DefaultBands;

    private readonly DuplicateFinder _finder = new();

    [Fact]
    public void Find_AlikeInMeaningWithNoStructuralBandInCommon_FindsThePairThroughTheSemanticBands()
    {
        // Two of every six rows agree: a structural similarity of 1/3, over the floor, but no band agrees whole.
        var a = new ToolFingerprint("a", Base(), Direction(0, 0.0f));
        var b = new ToolFingerprint("b", Variant(row => row % Rows < 2), Direction(0, 0.2f));

        var pair = Assert.Single(_finder.Find([a, b]));

        Assert.Equal(("a", "b"), (pair.A, pair.B));
        Assert.Equal(1.0 / 3, pair.StructuralSimilarity, 6);
        Assert.Equal(1 / Math.Sqrt(1.04), pair.SemanticSimilarity!.Value, 5);
        Assert.Equal("Same purpose by meaning (semantic similarity 0.98) with related code (structural similarity 0.33).", pair.Reason);
    }

    [Fact]
    public void Find_AlikeInMeaningButStructureUnderTheFloor_PairsNothing()
    {
        var a = new ToolFingerprint("a", Base(), Direction(0, 0.0f));
        var b = new ToolFingerprint("b", Variant(row => row % Rows == 0), Direction(0, 0.1f));

        Assert.Empty(_finder.Find([a, b]));
        Assert.Null(_finder.Judge(a, b));
    }

    [Fact]
    public void Judge_StructureAtTheThresholdWithoutEmbeddings_PairsByStructure()
    {
        var agreeing = (int)Math.Ceiling(DuplicateOptions.DefaultStructuralThreshold * Functions);
        var a = new ToolFingerprint("x_tool", Base(), null);
        var b = new ToolFingerprint("a_tool", Variant(row => row < agreeing), null);
        var justUnder = new ToolFingerprint("b_tool", Variant(row => row < agreeing - 1), null);

        var pair = _finder.Judge(a, b);

        Assert.NotNull(pair);
        Assert.Equal(("a_tool", "x_tool", (double?)null), (pair.A, pair.B, pair.SemanticSimilarity));
        Assert.Null(_finder.Judge(a, justUnder));
    }

    [Fact]
    public void Find_OrthogonalMeaningAndDifferentStructure_PairsNothing()
    {
        var a = new ToolFingerprint("a", Base(), Direction(0, 0f));
        var b = new ToolFingerprint("b", Variant(_ => false), Direction(1, 0f));

        Assert.Empty(_finder.Find([a, b]));
    }

    [Fact]
    public void Find_RepeatedNameOrWrongSignatureLength_Throws()
    {
        var a = new ToolFingerprint("a", Base(), null);

        Assert.Throws<ArgumentException>(() => _finder.Find([a, a with { Signature = Variant(_ => false) }]));
        Assert.Throws<ArgumentException>(() => _finder.Find([a, new ToolFingerprint("b", new uint[Functions - 1], null)]));
    }

    [Fact]
    public void Constructor_HashFunctionsNotAMultipleOfBands_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DuplicateFinder(new DuplicateOptions { HashFunctions = 100, Bands = 32 }));
    }

    /// <summary>The base signature: distinct values.</summary>
    private static uint[] Base() => Variant(_ => true);

    /// <summary>A signature that takes the base's value where <paramref name="agreeing"/> holds and another value elsewhere.</summary>
    private static uint[] Variant(Func<int, bool> agreeing)
        => [.. Enumerable.Range(0, Functions).Select(row => agreeing(row) ? (uint)row : (uint)(row + 1_000))];

    /// <summary>A unit axis of 16 dimensions, tilted by <paramref name="tilt"/> towards the next axis.</summary>
    private static float[] Direction(int axis, float tilt)
    {
        var vector = new float[16];
        vector[axis] = 1;
        vector[axis + 1] = tilt;
        return vector;
    }
}
