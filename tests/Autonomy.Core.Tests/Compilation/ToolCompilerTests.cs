using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Tests.Support;

namespace Autonomy.Core.Tests.Compilation;

public sealed class ToolCompilerTests
{
    [Fact]
    public async Task Compile_SyntaxError_ReportsLineAndColumnWithoutTool()
    {
        var source = ToolSource.With("var x = ;\nreturn x;");

        var result = await CompiledTools.Compiler.CompileAsync(source);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("CS1525", error.Code);
        Assert.Equal(ToolSource.BodyLine, error.Line);
        Assert.Equal(9, error.Column);
    }

    [Fact]
    public async Task Compile_TypeError_ReportsCompilerDiagnostic()
    {
        var result = await CompiledTools.Compiler.CompileAsync(ToolSource.With("int x = \"text\"; return x;"));

        Assert.False(result.Succeeded);
        Assert.Equal("CS0029", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Compile_NoToolClass_IsRejected()
    {
        var result = await CompiledTools.Compiler.CompileAsync("public sealed class NotATool { public int X => 1; }");

        Assert.False(result.Succeeded);
        Assert.Equal("AUT001", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Compile_TwoToolClasses_IsRejectedNamingBoth()
    {
        var second = """
            [Tool("other", "Another.")]
            public sealed class Other : ITool { public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context) => Task.FromResult<JsonNode?>(null); }
            """;

        var result = await CompiledTools.Compiler.CompileAsync(ToolSource.With("return null;") + second);

        Assert.False(result.Succeeded);
        Assert.All(result.Errors, e => Assert.Equal("AUT002", e.Code));
        Assert.Equal(2, result.Errors.Count());
        Assert.Contains("TestTool, Other", result.Errors.First().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compile_MissingToolAttribute_IsRejected()
    {
        var source = ToolSource.With("return null;").Replace("[Tool(\"test_tool\", \"A tool for tests.\")]", string.Empty, StringComparison.Ordinal);

        var result = await CompiledTools.Compiler.CompileAsync(source);

        Assert.Equal("AUT003", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task Compile_BadNameSchemaAndExample_AreEachReported()
    {
        var source = ToolSource.With("return null;", attributes: "[ToolInputSchema(\"{not json\")][ToolExample(\"[1,\")]")
            .Replace("\"test_tool\"", "\"Test Tool\"", StringComparison.Ordinal);

        var result = await CompiledTools.Compiler.CompileAsync(source);

        Assert.Equal(["AUT004", "AUT005", "AUT006"], result.Errors.Select(e => e.Code).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Compile_ValidTool_ReadsMetadataWithoutRunningIt()
    {
        var source = ToolSource.With("return null;", attributes: "[ToolExample(\"{\\\"a\\\":1}\", \"null\")][ToolExample(\"{}\")]");

        var result = await CompiledTools.Compiler.CompileAsync(source);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var metadata = result.Tool!.Metadata;
        Assert.Equal("test_tool", metadata.Name);
        Assert.Equal("A tool for tests.", metadata.Description);
        Assert.Equal(2, metadata.Examples.Count);
        Assert.Equal("{\"a\":1}", metadata.Examples[0].Input);
        Assert.Equal("null", metadata.Examples[0].ExpectedOutput);
        Assert.Null(metadata.Examples[1].ExpectedOutput);
        Assert.Equal(SourceHash.Of(source), result.SourceHash);
    }

    [Fact]
    public async Task Compile_SameSourceTwice_ReturnsTheCachedTool()
    {
        using var compiler = new ToolCompiler();
        var source = ToolSource.With("return 1;");

        var first = await compiler.CompileAsync(source);
        var second = await compiler.CompileAsync(source);

        Assert.Same(first.Tool, second.Tool);
        Assert.True(compiler.TryGetCached(first.SourceHash, out var cached));
        Assert.Same(first.Tool, cached);
    }

    [Fact]
    public async Task Compile_ConcurrentRequestsForOneSource_ShareOneCompile()
    {
        using var compiler = new ToolCompiler();
        var source = ToolSource.With("return 2;");

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => compiler.CompileAsync(source))));

        Assert.All(results, r => Assert.Same(results[0].Tool, r.Tool));
        Assert.Equal(1, compiler.CachedCount);
    }

    [Fact]
    public async Task Compile_ConcurrentDifferentSources_AllSucceed()
    {
        using var compiler = new ToolCompiler();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => compiler.CompileAsync(ToolSource.With($"return {i};")))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        var executor = new ToolExecutor();
        var outputs = await Task.WhenAll(results.Select(r => executor.ExecuteAsync(r.Tool!, "{}")));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), outputs.Select(o => o.Output));
    }

    [Fact]
    public async Task Compile_SameSourceInTwoCompilers_IsDeterministic()
    {
        using var a = new ToolCompiler();
        using var b = new ToolCompiler();
        var source = ToolSource.With("return 3;");

        var first = await a.CompileAsync(source);
        var second = await b.CompileAsync(source);

        Assert.NotSame(first.Tool, second.Tool);
        Assert.Equal(first.Tool!.Assembly.ManifestModule.ModuleVersionId, second.Tool!.Assembly.ManifestModule.ModuleVersionId);
    }

    [Fact]
    public async Task Compile_PastCacheCapacity_EvictsAndUnloadsTheLeastRecentlyUsed()
    {
        using var compiler = new ToolCompiler(new Autonomy.Core.Policy.ToolPolicy(Autonomy.Core.Policy.PolicyRuleSet.Default), Microsoft.Extensions.Options.Options.Create(new CompilerOptions { CacheCapacity = 2 }));

        var first = await compiler.CompileAsync(ToolSource.With("return 10;"));
        var second = await compiler.CompileAsync(ToolSource.With("return 11;"));
        await compiler.CompileAsync(ToolSource.With("return 10;"));
        var third = await compiler.CompileAsync(ToolSource.With("return 12;"));

        Assert.Equal(2, compiler.CachedCount);
        Assert.True(second.Tool!.IsUnloaded);
        Assert.False(first.Tool!.IsUnloaded);
        Assert.False(third.Tool!.IsUnloaded);
        Assert.Throws<ObjectDisposedException>(() => second.Tool.CreateInstance());
    }

    [Fact]
    public async Task Unload_AfterExecution_FreesTheLoadContext()
    {
        var reference = await CompileRunAndUnloadAsync();

        for (var i = 0; i < 20 && reference.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(reference.IsAlive, "the tool's load context was not collected after Unload");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<WeakReference> CompileRunAndUnloadAsync()
    {
        var compiler = new ToolCompiler();
        var result = await compiler.CompileAsync(ToolSource.With("var words = new List<string> { \"a\", \"b\" }; return string.Join(\",\", words.Select(w => w.ToUpperInvariant()));"));
        var tool = result.Tool!;
        var run = await new ToolExecutor().ExecuteAsync(tool, "{}");
        Assert.Equal("\"A,B\"", run.Output);
        var reference = tool.LoadContextReference();
        compiler.Dispose();
        Assert.True(tool.IsUnloaded);
        return reference;
    }
}
