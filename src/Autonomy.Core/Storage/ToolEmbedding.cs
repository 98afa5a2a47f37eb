namespace Autonomy.Core.Storage;

/// <summary>The embedding of one tool version under one model.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The version.</param>
/// <param name="Model">The model that computed it.</param>
/// <param name="Vector">The vector (L2-normalised by the embedder).</param>
/// <param name="CreatedAt">When it was stored.</param>
public sealed record ToolEmbedding(string ToolName, int Version, string Model, float[] Vector, DateTimeOffset CreatedAt);
