namespace Autonomy.Storage.Tests.Embedded.Grains;

[GenerateSerializer, Immutable, Alias("storage-tests.embedded-counter-state")]
public sealed record EmbeddedCounterState
{
    [Id(0)]
    public int Value { get; init; }
}
