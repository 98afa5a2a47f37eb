using System.ComponentModel.DataAnnotations;

namespace Autonomy.Core.Compilation;

/// <summary>Options of the tool compiler (section <c>Autonomy:Compiler</c>).</summary>
public sealed class CompilerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Autonomy:Compiler";

    /// <summary>The default number of compiled sources kept loaded.</summary>
    public const int DefaultCacheCapacity = 256;

    /// <summary>How many compiled sources stay cached and loaded; the least recently used are unloaded past it.</summary>
    /// <value>Defaults to <see cref="DefaultCacheCapacity"/>.</value>
    [Range(1, 100_000)]
    public int CacheCapacity { get; set; } = DefaultCacheCapacity;

    /// <summary>A policy file to use instead of the built-in rules, or <see langword="null"/>.</summary>
    /// <value>Defaults to <see langword="null"/>: the built-in policy.</value>
    public string? PolicyFile { get; set; }
}
