using Autonomy.Core.Policy;
using Microsoft.CodeAnalysis;

namespace Autonomy.Core.Tests.Policy;

/// <summary>How the checker binds names: what passes, what is named once, and where.</summary>
public sealed class ToolPolicyTests
{
    [Fact]
    public void Check_AllowedApis_ReportsNothing()
    {
        const string Body = """
            var reader = new System.IO.StringReader("a"); var line = reader.ReadLine();
            using var memory = new System.IO.MemoryStream(); memory.WriteByte(1); var bytes = memory.ToArray();
            using var writer = new System.IO.StringWriter(); writer.Write(1);
            var path = System.IO.Path.Combine("a", "b") + System.IO.Path.GetExtension("a.txt");
            var matched = System.Text.RegularExpressions.Regex.IsMatch("abc", "b");
            var node = JsonNode.Parse("{}")!.AsObject(); var json = System.Text.Json.JsonSerializer.Serialize(1);
            var sum = new[] { 1, 2, 3 }.Where(x => x > 1).Select(x => x * 2).Sum();
            await Task.Delay(1, context.Cancellation);
            System.Threading.CancellationToken token = context.Cancellation; token.ThrowIfCancellationRequested();
            using var linked = System.Threading.CancellationTokenSource.CreateLinkedTokenSource(token);
            var infinite = System.Threading.Timeout.Infinite;
            var counter = 0; System.Threading.Interlocked.Increment(ref counter);
            var gate = new System.Threading.Lock(); lock (gate) { counter++; }
            var max = Math.Max(1, 2) + Math.Round(2.5);
            var builder = new System.Text.StringBuilder().Append('a').ToString();
            var map = new Dictionary<string, int> { ["a"] = 1 };
            object boxed = 1; var typeName = boxed.GetType().Name + boxed.GetType().FullName + boxed.GetType().Namespace + typeof(int).Name;
            var maybe = input?.GetType().Name;
            var now = context.Now; var utc = context.Time.GetUtcNow(); var stamp = context.Time.GetTimestamp();
            var newline = Environment.NewLine; var cores = Environment.ProcessorCount; var ticks = Environment.TickCount64;
            var all = await Task.WhenAll(Task.FromResult(1), Task.FromResult(2)); await Task.Yield();
            var source = new TaskCompletionSource<int>(); source.SetResult(1); var got = await source.Task;
            var encoded = System.Net.WebUtility.UrlEncode("a b"); var loopback = System.Net.IPAddress.Parse("127.0.0.1");
            var status = System.Net.HttpStatusCode.OK; var parsed = DateTime.Parse("2020-01-01", System.Globalization.CultureInfo.InvariantCulture);
            var name = nameof(System.IO.File);
            try { context.Log.Info("x"); } catch (System.IO.IOException) { } catch (System.IO.InvalidDataException) { }
            """;

        var violations = PolicyCheck.Check(PolicyCheck.Tool(Body));

        Assert.Empty(violations);
    }

    [Fact]
    public void Check_QualifiedStaticCall_ReportsTheMemberOnceNotItsType()
    {
        var violations = PolicyCheck.Check(PolicyCheck.Tool("var s = global::System.IO.File.ReadAllText(\"a\") + System.IO.File.ReadAllText(\"b\");"));

        Assert.Equal(
            [
                ("filesystem", "System.IO.File.ReadAllText", PolicyCheck.BodyLine, 32),
                ("filesystem", "System.IO.File.ReadAllText", PolicyCheck.BodyLine, 66),
            ],
            PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_MostSpecificEntry_AllowsMemberOfDeniedTypeAndDeniesMemberOfAllowedType()
    {
        var violations = PolicyCheck.Check(PolicyCheck.Tool(
            "var a = Environment.NewLine + System.IO.Path.Combine(\"a\", \"b\");\n"
            + "var b = Environment.MachineName + System.IO.Path.GetFullPath(\"a\");"));

        Assert.Equal(
            [
                ("environment", "System.Environment.MachineName", PolicyCheck.BodyLine + 1, 21),
                ("filesystem", "System.IO.Path.GetFullPath", PolicyCheck.BodyLine + 1, 50),
            ],
            PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_MemberReadThroughType_IsJudgedByTheReceiverType()
    {
        // Name and Module are declared on MemberInfo; read from a Type, System.Type.Name (allowed) and System.Type (denied) decide.
        var violations = PolicyCheck.Check(PolicyCheck.Tool("var n = typeof(int).Name; var m = typeof(int).Module;"));

        Assert.Equal([("reflection", "System.Type.Module", PolicyCheck.BodyLine, 47)], PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_UsingStaticAndAlias_ReportsDirectiveAndEachUse()
    {
        var source = PolicyCheck.Tool("WriteLine(1); var s = Files.ReadAllText(\"a\");", header: " using static System.Console; using Files = System.IO.File;");

        var violations = PolicyCheck.Check(source);

        Assert.Equal(
            [
                ("console", "System.Console", 1, 35),
                ("filesystem", "System.IO.File", 1, 68),
                ("console", "System.Console.WriteLine", PolicyCheck.BodyLine, 1),
                ("filesystem", "System.IO.File.ReadAllText", PolicyCheck.BodyLine, 29),
            ],
            PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_ExtensionMethodCall_IsJudgedByItsStaticClass()
    {
        var source = PolicyCheck.Tool(
            "var a = typeof(int).GetRuntimeMethods();\nvar b = RuntimeReflectionExtensions.GetRuntimeMethods(typeof(int));",
            header: " using System.Reflection;");

        var violations = PolicyCheck.Check(source);

        Assert.Equal(
            [
                ("reflection", "System.Reflection.RuntimeReflectionExtensions.GetRuntimeMethods", PolicyCheck.BodyLine, 21),
                ("reflection", "System.Reflection.RuntimeReflectionExtensions.GetRuntimeMethods", PolicyCheck.BodyLine + 1, 37),
            ],
            PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_ImplicitThisCallOnDeniedBase_ReportsBaseAndCall()
    {
        var violations = PolicyCheck.Check(PolicyCheck.Tool(string.Empty, "private sealed class Frames : System.Diagnostics.StackTrace { public int Count() => FrameCount; }"));

        Assert.Equal(
            [
                ("reflection", "System.Diagnostics.StackTrace", PolicyCheck.MemberLine, 50),
                ("reflection", "System.Diagnostics.StackTrace.FrameCount", PolicyCheck.MemberLine, 85),
            ],
            PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_TargetTypedNew_ReportsTheConstructorAtNew()
    {
        var violations = PolicyCheck.Check(PolicyCheck.Tool("System.Diagnostics.Process p = new();"));

        Assert.Equal(
            [
                ("process", "System.Diagnostics.Process", PolicyCheck.BodyLine, 20),
                ("process", "System.Diagnostics.Process", PolicyCheck.BodyLine, 32),
            ],
            PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_DeniedConstructorOfAllowedType_ReportsConstructor()
    {
        var violations = PolicyCheck.Check(PolicyCheck.Tool("var t = new Task(() => { });"));

        Assert.Equal([("threads", "System.Threading.Tasks.Task..ctor", PolicyCheck.BodyLine, 9)], PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_DllImportAttribute_ReportsAttributeAndExtern()
    {
        var violations = PolicyCheck.Check(PolicyCheck.Tool(string.Empty, "[System.Runtime.InteropServices.DllImport(\"libc\")] private static extern int getpid();"));

        Assert.Equal(
            [
                ("interop", "System.Runtime.InteropServices.DllImportAttribute", PolicyCheck.MemberLine, 33),
                ("interop", "extern", PolicyCheck.MemberLine, 67),
            ],
            PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_UnsafeMemberWithPointers_ReportsEachConstructOnce()
    {
        const string Members = "private static unsafe int Peek(int* p, delegate*<int> f) { fixed (char* c = \"a\") { return *p + f() + *c; } }";

        var violations = PolicyCheck.Check(PolicyCheck.Tool(string.Empty, Members));

        Assert.Equal(
            [
                ("interop", "unsafe", PolicyCheck.MemberLine, 16),
                ("interop", "pointer", PolicyCheck.MemberLine, 32),
                ("interop", "function-pointer", PolicyCheck.MemberLine, 40),
                ("interop", "fixed", PolicyCheck.MemberLine, 60),
                ("interop", "pointer", PolicyCheck.MemberLine, 67),
            ],
            PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_AsyncVoidLocalFunction_IsReported()
    {
        var violations = PolicyCheck.Check(PolicyCheck.Tool("async void Fire() => await Task.Yield(); Fire();"));

        Assert.Equal([("async-void", "async-void", PolicyCheck.BodyLine, 1)], PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_AsyncLambdaReturningTask_IsAllowed()
    {
        var violations = PolicyCheck.Check(PolicyCheck.Tool("Func<Task> f = async () => await Task.Yield(); await f();"));

        Assert.Empty(violations);
    }

    [Fact]
    public void Check_SandboxNamespaceDeclaration_IsReported()
    {
        var source = "namespace Autonomy.Tools.Sandbox;\npublic static class SandboxMeter { public static void Step() { } }\n";

        var violations = PolicyCheck.Check(source);

        Assert.Equal([("sandbox", "Autonomy.Tools.Sandbox", 1, 11)], PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_SourceWithCompileErrors_StillReportsViolations()
    {
        var compilation = PolicyCheck.Compile(PolicyCheck.Tool("var s = System.IO.File.ReadAllText(42) + undefined;\nGC.Collect(;"));
        Assert.Contains(compilation.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);

        var violations = PolicyCheck.CheckWithErrors(compilation);

        Assert.Equal(
            [
                ("filesystem", "System.IO.File.ReadAllText", PolicyCheck.BodyLine, 24),
                ("gc", "System.GC.Collect", PolicyCheck.BodyLine + 1, 4),
            ],
            PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_ViolationsAcrossMembersAndBody_AreSortedByLineThenColumn()
    {
        var violations = PolicyCheck.Check(PolicyCheck.Tool("Console.Write(1); GC.Collect();", "~T() { }"));

        Assert.Equal(
            [
                ("console", "System.Console.Write", PolicyCheck.BodyLine, 9),
                ("gc", "System.GC.Collect", PolicyCheck.BodyLine, 22),
                ("finalizers", "finalizer", PolicyCheck.MemberLine, 1),
            ],
            PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_Compilation_ChecksEveryTree()
    {
        var compilation = PolicyCheck.Compile(PolicyCheck.Tool("GC.Collect();"));

        var violations = ToolPolicy.Default.Check(compilation);

        Assert.Equal([("gc", "System.GC.Collect", PolicyCheck.BodyLine, 4)], PolicyCheck.Brief(violations));
    }
}
