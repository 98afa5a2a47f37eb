using Autonomy.Core.Compilation;

namespace Autonomy.Core.Tests.Support;

/// <summary>Compiles test sources with one shared compiler (warm Roslyn) and fails loudly on diagnostics.</summary>
internal static class CompiledTools
{
    public static ToolCompiler Compiler { get; } = new();

    public static async Task<CompiledTool> CompileAsync(string source)
    {
        var result = await Compiler.CompileAsync(source);
        Assert.True(result.Succeeded, "compilation failed:\n" + string.Join("\n", result.Diagnostics));
        return result.Tool!;
    }
}
