using System.Collections.Immutable;
using Autonomy.Tools;
using Microsoft.CodeAnalysis;

namespace Autonomy.Core.Compilation;

/// <summary>
/// The curated set of assemblies tool source compiles against. It holds what tools may use (collections, LINQ,
/// JSON, regular expressions, numerics, text) and the tool contract. A few assemblies whose APIs tools may
/// <em>not</em> use (console, processes, sockets, HTTP, threads) are referenced as well, only so that the policy
/// can name the forbidden API instead of the compiler saying it does not exist.
/// </summary>
public static class ToolReferences
{
    /// <summary>The framework assemblies, by simple name, that tool source can see.</summary>
    public static readonly ImmutableArray<string> FrameworkAssemblies =
    [
        "System.Private.CoreLib",
        "System.Runtime",
        "System.Collections",
        "System.Collections.Concurrent",
        "System.Collections.Immutable",
        "System.Linq",
        "System.Memory",
        "System.Text.Json",
        "System.Text.Encodings.Web",
        "System.Text.RegularExpressions",
        "System.Runtime.Numerics",
        "System.Runtime.Intrinsics",
        "System.ObjectModel",
        "System.Globalization",
        "System.Security.Cryptography",
        "System.Web.HttpUtility",
        "netstandard",

        // Referenced only so the policy can recognise and name what tools must not use.
        "System.Console",
        "System.Diagnostics.Process",
        "System.Net.Http",
        "System.Net.Primitives",
        "System.Net.Sockets",
        "System.Threading",
        "System.Threading.Thread",
        "System.Threading.ThreadPool",
        "System.Runtime.InteropServices",
        "System.Runtime.Loader",
        "System.Reflection.Emit",
        "System.Linq.Expressions",
        "System.IO.FileSystem.Watcher",
        "System.ComponentModel.Primitives",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(Load);

    /// <summary>The metadata references, created once per process (they are immutable and shareable).</summary>
    public static ImmutableArray<MetadataReference> All => s_references.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)
            ?? throw new InvalidOperationException("The framework directory could not be found.");
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var name in FrameworkAssemblies)
        {
            var path = Path.Combine(frameworkDirectory, name + ".dll");
            if (File.Exists(path))
            {
                builder.Add(MetadataReference.CreateFromFile(path));
            }
        }

        builder.Add(MetadataReference.CreateFromFile(typeof(ITool).Assembly.Location));
        return builder.ToImmutable();
    }
}
