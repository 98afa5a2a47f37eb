using Autonomy.Core.Repair.Mutation;

namespace Autonomy.Core.Tests.Repair;

public sealed class MutationFaultLocalizerTests
{
    [Fact]
    public void Rank_LineRunOnlyByFailingRuns_RanksFirstWithScoreOne()
    {
        // Line 3 runs in both failing runs and no passing one; line 1 runs everywhere; line 4 only in passing runs.
        (bool Failed, IReadOnlySet<int> Lines)[] runs =
        [
            (true, new HashSet<int> { 1, 2, 3 }),
            (true, new HashSet<int> { 1, 3 }),
            (false, new HashSet<int> { 1, 2, 4 }),
            (false, new HashSet<int> { 1, 4 }),
        ];

        var ranking = FaultLocalizer.Rank(runs);

        Assert.Equal([3, 1, 2, 4], ranking.Select(l => l.Line));
        Assert.Equal(1.0, ranking[0].Score, 6);
        Assert.Equal(2 / Math.Sqrt(2 * 4), ranking[1].Score, 6);
        Assert.Equal(1 / Math.Sqrt(2 * 2), ranking[2].Score, 6);
        Assert.Equal(0, ranking[3].Score);
    }

    [Fact]
    public void Ochiai_NoFailingRun_IsZero() => Assert.Equal(0, FaultLocalizer.Ochiai(0, 5, 0));
}
