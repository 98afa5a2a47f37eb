using Autonomy.Abstractions.Execution;
using Autonomy.Core.Execution;
using Autonomy.Core.Sandbox;
using Autonomy.Core.Tests.Support;
using Microsoft.CodeAnalysis.CSharp;

namespace Autonomy.Core.Tests.Sandbox;

/// <summary>The rewrite keeps every C# construct compiling and behaving as written.</summary>
public sealed class SandboxRewriterTests
{
    private const string AllConstructs = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Text;
        using System.Text.Json.Nodes;
        using System.Text.RegularExpressions;
        using System.Threading.Tasks;
        using Autonomy.Tools;

        [Tool("constructs", "Uses every construct the rewriter touches.")]
        public sealed class Constructs : ITool
        {
            private static readonly int s_seed;
            static Constructs() => s_seed = 1;
            private readonly List<int> _items = new(capacity: 4);
            public Constructs() { _items.Add(s_seed); }
            private int this[int i] => _items[i];
            private int Count { get => _items.Count; set => _items.Add(value); }
            public readonly record struct Vector(int X)
            {
                public static Vector operator +(Vector a, Vector b) => new(a.X + b.X);
                public static implicit operator int(Vector v) => v.X;
                public int Twice() => X * 2;
            }
            private static IEnumerable<int> Evens(int max) { for (var i = 0; i <= max; i += 2) yield return i; }
            private static async Task<int> LaterAsync(int x) { await Task.Yield(); return x + 1; }
            private static async Task NothingAsync() => await Task.Yield();
            private static int Fail() => throw new InvalidOperationException("never");
            private ref int First(int[] a) => ref a[0];
            private static int Nested(int n) { var sum = 0; for (var i = 0; i < n; i++) { Func<int, int> inner = x => { var t = 0; while (t < x) t++; return t; }; sum += inner(i); } return sum; }

            public async Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
            {
                var total = this[0];
                Count = 5;
                total += Count;
                while (total < 10) total++;
                do { total++; } while (total < 12);
                foreach (var e in Evens(6)) total += e;
                foreach (var (key, value) in new Dictionary<string, int> { ["a"] = 1 }) total += value;
                for (int i = 0, j = 3; i < j; i++) { if (i == 1) continue; total += i; }
                var n = 0;
            again:
                n++;
                if (n < 3) goto again;
                switch (n) { case 3: goto case 4; case 4: total += 100; break; default: break; }
                Func<int, int> square = x => x * x;
                Func<int, Task<int>> later = async x => await LaterAsync(x);
                Action<StringBuilder> append = sb => sb.Append('x');
                var sb = new StringBuilder(capacity: 8);
                append(sb);
                Func<int, int> old = delegate (int x) { return x - 1; };
                int Local(int x) => x + square(2);
                static int StaticLocal(int x) { return x * 3; }
                var arrays = new int[3];
                var jagged = new int[2][];
                var grid = new int[2, 2];
                var explicitArray = new[] { 1, 2, 3 };
                First(arrays) = 7;
                var v = new Vector(2) + new Vector(3);
                var matched = Regex.IsMatch("abc", "b") && new Regex("c").IsMatch("abc") && Regex.Replace("aa", "a", "b", RegexOptions.None) == "bb";
                await NothingAsync();
                Func<int, Task<int>> loopAsync = async x => { var t = 0; while (t < x) { await Task.Yield(); t++; } return t; };
                total += Nested(4) + await loopAsync(3);
                var lazy = explicitArray.Where(x => x > 1).Select(x => x * 10).Sum();
                var padded = "7".PadLeft(3, '0');
                var text = new string('z', 2);
                total += await later(1) + Local(1) + StaticLocal(2) + old(1) + arrays[0] + v.Twice() + (int)v + lazy + sb.Length + jagged.Length + grid.Length;
                return new JsonObject { ["total"] = total, ["matched"] = matched, ["padded"] = padded, ["text"] = text };
            }
        }
        """;

    [Fact]
    public async Task Rewrite_EveryConstruct_CompilesAndBehavesAsWritten()
    {
        var instrumented = await CompiledTools.CompileAsync(AllConstructs);
        var direct = (await CompiledTools.Compiler.CompileAsync(AllConstructs, instrument: false, CancellationToken.None)).Tool!;

        var sandboxed = await new ToolExecutor().ExecuteAsync(instrumented, "{}");
        var plain = await direct.CreateInstance().ExecuteAsync(null, new Autonomy.Tools.ToolContext(new Autonomy.Tools.ToolLog(TimeProvider.System), TimeProvider.System, CancellationToken.None));

        Assert.Equal(ExecutionOutcome.Success, sandboxed.Outcome);
        Assert.True(ExampleRunner.JsonEquals(plain!.ToJsonString(), sandboxed.Output), $"{plain.ToJsonString()} vs {sandboxed.Output}");
        Assert.True(sandboxed.Steps > 20, $"steps: {sandboxed.Steps}");
    }

    [Fact]
    public void Rewrite_SynchronousBody_StepsOnItsSegmentLocal_AsyncBodyLooksItUp()
    {
        const string source = """
            using System.Threading.Tasks;
            public static class Loops
            {
                public static int Sync(int n) { var t = 0; while (t < n) { t++; } return t; }
                public static async Task<int> Async(int n) { var t = 0; while (t < n) { await Task.Yield(); t++; } return t; }
                public static int NoLoop(int n) => n + 1;
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("loops", [tree], Autonomy.Core.Compilation.ToolReferences.All);

        var rewritten = SandboxRewriter.Rewrite(compilation.GetSemanticModel(tree)).ToFullString();
        var lines = rewritten.Split('\n');

        var sync = Assert.Single(lines, l => l.Contains("int Sync(", StringComparison.Ordinal));
        Assert.Contains("var __sandboxSegment0 = global::Autonomy.Tools.Sandbox.SandboxMeter.Enter();", sync, StringComparison.Ordinal);
        Assert.Contains("SandboxMeter.Step(__sandboxSegment0);", sync, StringComparison.Ordinal);
        var async = Assert.Single(lines, l => l.Contains("Task<int> Async(", StringComparison.Ordinal));
        Assert.DoesNotContain("__sandboxSegment", async, StringComparison.Ordinal);
        Assert.Contains("SandboxMeter.Step();", async, StringComparison.Ordinal);
        var noLoop = Assert.Single(lines, l => l.Contains("int NoLoop(", StringComparison.Ordinal));
        Assert.Contains("SandboxMeter.Enter();", noLoop, StringComparison.Ordinal);
        Assert.DoesNotContain("__sandboxSegment", noLoop, StringComparison.Ordinal);
        Assert.Equal(source.Split('\n').Length, lines.Length);
    }
}
