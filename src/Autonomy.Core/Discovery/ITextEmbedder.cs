namespace Autonomy.Core.Discovery;

/// <summary>
/// Turns text into a fixed-length vector whose cosine with another text's vector measures how alike their meanings
/// are. Implementations return L2-normalised vectors, so a dot product is the cosine, and are safe to call from
/// several threads at once.
/// </summary>
public interface ITextEmbedder
{
    /// <summary>The length of every vector this embedder returns.</summary>
    int Dimensions { get; }

    /// <summary>Embeds one text.</summary>
    /// <returns>A new vector of <see cref="Dimensions"/> floats with L2 norm 1.</returns>
    float[] Embed(string text);

    /// <summary>Embeds several texts; faster per text than one call each.</summary>
    /// <returns>One new normalised vector per text, in the order given.</returns>
    IReadOnlyList<float[]> EmbedBatch(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
