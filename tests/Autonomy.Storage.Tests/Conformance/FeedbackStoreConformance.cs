using Autonomy.Core.Storage;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>Execution feedback, identically on every backend.</summary>
public abstract class FeedbackStoreConformance(StoreBackend backend) : StoreConformance(backend)
{
    [ConformanceFact]
    public async Task RecordAsync_WithExpectedOutput_RoundTrips()
    {
        var tool = NewToolName();
        var executionId = Guid.NewGuid();

        var recorded = await Stores.Feedback.RecordAsync(
            new NewToolFeedback(executionId, tool, 3, false, """{"total": 12, "items": ["a", "b"]}""", "sum is off by one"));

        Assert.True(recorded.Id > 0);
        Assert.Equal(executionId, recorded.ExecutionId);
        Assert.Equal((tool, 3, false, "sum is off by one", Now), (recorded.ToolName, recorded.Version, recorded.Correct, recorded.Comment, recorded.CreatedAt));
        AssertJsonEqual("""{"items":["a","b"],"total":12}""", recorded.ExpectedOutput);
        var listed = Assert.Single(await Stores.Feedback.ListAsync(tool, null, 10));
        Assert.Equal(recorded, listed);
    }

    [ConformanceFact]
    public async Task ListAsync_ByVersion_NewestFirstWithinLimit()
    {
        var tool = NewToolName();
        for (var i = 0; i < 4; i++)
        {
            await Stores.Feedback.RecordAsync(new NewToolFeedback(Guid.NewGuid(), tool, 1 + (i % 2), true, null, $"c{i}"));
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(["c3", "c2", "c1", "c0"], (await Stores.Feedback.ListAsync(tool, null, 10)).Select(f => f.Comment));
        Assert.Equal(["c3", "c1"], (await Stores.Feedback.ListAsync(tool, 2, 10)).Select(f => f.Comment));
        Assert.Equal(["c3", "c2"], (await Stores.Feedback.ListAsync(tool, null, 2)).Select(f => f.Comment));
    }

    [ConformanceFact]
    public async Task ListWithExpectedOutputAsync_MixedFeedback_OnlyThoseWithExpectedOutputs()
    {
        var tool = NewToolName();
        await Stores.Feedback.RecordAsync(new NewToolFeedback(Guid.NewGuid(), tool, 1, true, null, "fine"));
        Time.Advance(TimeSpan.FromSeconds(1));
        await Stores.Feedback.RecordAsync(new NewToolFeedback(Guid.NewGuid(), tool, 1, false, "[1,2]", "first"));
        Time.Advance(TimeSpan.FromSeconds(1));
        await Stores.Feedback.RecordAsync(new NewToolFeedback(Guid.NewGuid(), tool, 2, false, "\"text\"", "second"));

        var cases = await Stores.Feedback.ListWithExpectedOutputAsync(tool, null, 10);

        Assert.Equal(["second", "first"], cases.Select(f => f.Comment));
        Assert.Equal(["first"], (await Stores.Feedback.ListWithExpectedOutputAsync(tool, 1, 10)).Select(f => f.Comment));
    }

    [ConformanceFact]
    public async Task RecordAsync_ExpectedOutputNotJson_ThrowsArgumentExceptionAndStoresNothing()
    {
        var tool = NewToolName();

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => Stores.Feedback.RecordAsync(new NewToolFeedback(Guid.NewGuid(), tool, 1, false, "{not json", null)));

        Assert.StartsWith("The value for expected_output is not a JSON document", exception.Message, StringComparison.Ordinal);
        Assert.Empty(await Stores.Feedback.ListAsync(tool, null, 10));
    }
}
