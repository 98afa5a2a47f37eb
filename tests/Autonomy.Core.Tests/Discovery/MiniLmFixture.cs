using Autonomy.Discovery;

namespace Autonomy.Core.Tests.Discovery;

/// <summary>One MiniLM model for every test that embeds: loading it takes half a second and 90 MB.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmTextEmbedder Embedder { get; } = new();

    public void Dispose() => Embedder.Dispose();
}

/// <summary>The tests that share <see cref="MiniLmFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class MiniLmCollection : ICollectionFixture<MiniLmFixture>
{
    public const string Name = "MiniLM";
}
