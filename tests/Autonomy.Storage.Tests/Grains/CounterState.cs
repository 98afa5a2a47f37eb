namespace Autonomy.Storage.Tests.Grains;

[GenerateSerializer, Immutable, Alias("storage-tests.counter-state")]
public sealed record CounterState
{
    [Id(0)]
    public int Value { get; init; }
}
