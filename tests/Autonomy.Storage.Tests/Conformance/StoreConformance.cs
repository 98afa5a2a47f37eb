using System.Text.Json.Nodes;
using Autonomy.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>
/// The base of the store conformance classes: the backend's migrated database, its stores on a fake clock, and
/// a fresh tool name per test (the database is shared by the tests of a class).
/// </summary>
public abstract class StoreConformance
{
    /// <summary>A start time with sub-millisecond ticks, to show that both backends keep milliseconds.</summary>
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    protected StoreConformance(StoreBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        Database = backend.Database;
        Stores = Database.CreateStores(Time);
    }

    protected ConformanceDatabase Database { get; }

    protected FakeTimeProvider Time { get; } = new(Start);

    protected ProjectStores Stores { get; }

    /// <summary>The clock's time as the stores keep it (UTC, milliseconds).</summary>
    protected DateTimeOffset Now => StoreTime.Truncate(Time.GetUtcNow());

    protected static string NewToolName() => $"tool-{Guid.NewGuid():N}";

    /// <summary>JSON equality by value: PostgreSQL's jsonb normalises whitespace and key order.</summary>
    protected static void AssertJsonEqual(string expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), $"expected {expected}, got {actual}");
    }
}
