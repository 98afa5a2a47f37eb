namespace Autonomy.Core.Discovery;

/// <summary>
/// What <see cref="DuplicateFinder"/> compares of a tool: its structural MinHash signature and, when known, its
/// embedding. Computed once per version by <see cref="DuplicateFinder.Fingerprint"/> and storable as it is.
/// </summary>
/// <param name="Name">The tool name.</param>
/// <param name="Signature">The MinHash signature of the source's shingles, <see cref="DuplicateOptions.HashFunctions"/> long.</param>
/// <param name="Embedding">The normalised embedding of <see cref="ToolDocument"/>, or <see langword="null"/> to compare by structure alone.</param>
public sealed record ToolFingerprint(string Name, uint[] Signature, float[]? Embedding);
