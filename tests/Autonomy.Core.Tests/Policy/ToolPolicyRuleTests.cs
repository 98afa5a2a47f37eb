namespace Autonomy.Core.Tests.Policy;

/// <summary>At least one forbidden API or construct per rule, with its exact rule, API name and position.</summary>
public sealed class ToolPolicyRuleTests
{
    [Theory]
    [InlineData("var s = System.IO.File.ReadAllText(\"a\");", "filesystem", "System.IO.File.ReadAllText", 24)]
    [InlineData("var p = System.IO.Path.GetTempPath();", "filesystem", "System.IO.Path.GetTempPath", 24)]
    [InlineData("var d = new System.IO.DirectoryInfo(\"x\");", "filesystem", "System.IO.DirectoryInfo", 23)]
    [InlineData("var l = new List<System.IO.FileInfo>();", "filesystem", "System.IO.FileInfo", 28)]
    [InlineData("var t = typeof(System.IO.File);", "filesystem", "System.IO.File", 26)]
    [InlineData("System.Diagnostics.Process.Start(\"sh\");", "process", "System.Diagnostics.Process.Start", 28)]
    [InlineData("var i = new System.Diagnostics.ProcessStartInfo(\"sh\");", "process", "System.Diagnostics.ProcessStartInfo", 32)]
    [InlineData("System.Diagnostics.Debugger.Break();", "process", "System.Diagnostics.Debugger.Break", 29)]
    [InlineData("System.Diagnostics.Debug.Assert(false);", "process", "System.Diagnostics.Debug.Assert", 26)]
    [InlineData("using var c = new System.Net.Http.HttpClient();", "network", "System.Net.Http.HttpClient", 35)]
    [InlineData("using var s = new System.Net.Sockets.TcpClient();", "network", "System.Net.Sockets.TcpClient", 38)]
    [InlineData("var m = typeof(string).GetMethods();", "reflection", "System.Type.GetMethods", 24)]
    [InlineData("var t = Type.GetType(\"System.IO.File\")?.Name;", "reflection", "System.Type.GetType", 14)]
    [InlineData("var o = Activator.CreateInstance<object>();", "reflection", "System.Activator.CreateInstance", 19)]
    [InlineData("Func<int> f = () => 1; var r = f.DynamicInvoke();", "reflection", "System.Delegate.DynamicInvoke", 34)]
    [InlineData("var m = input?.GetType()?.GetMethods();", "reflection", "System.Type.GetMethods", 27)]
    [InlineData("var x = System.Runtime.CompilerServices.Unsafe.SizeOf<int>();", "reflection", "System.Runtime.CompilerServices.Unsafe.SizeOf", 48)]
    [InlineData("System.Linq.Expressions.Expression<Func<int>> e = () => 1;", "reflection", "System.Linq.Expressions.Expression", 25)]
    [InlineData("var s = new System.Diagnostics.StackTrace();", "reflection", "System.Diagnostics.StackTrace", 32)]
    [InlineData("dynamic d = 1;", "reflection", "dynamic", 1)]
    [InlineData("var a = AppDomain.CurrentDomain;", "loading", "System.AppDomain.CurrentDomain", 19)]
    [InlineData("var a = System.Reflection.Assembly.Load(\"x\");", "loading", "System.Reflection.Assembly.Load", 36)]
    [InlineData("var c = new System.Runtime.Loader.AssemblyLoadContext(\"x\");", "loading", "System.Runtime.Loader.AssemblyLoadContext", 35)]
    [InlineData("var h = System.Runtime.InteropServices.Marshal.AllocHGlobal(8);", "interop", "System.Runtime.InteropServices.Marshal.AllocHGlobal", 48)]
    [InlineData("unsafe { }", "interop", "unsafe", 1)]
    [InlineData("Span<int> s = stackalloc int[4];", "interop", "stackalloc", 15)]
    [InlineData("int v = 1; var r = __makeref(v);", "interop", "__makeref", 20)]
    [InlineData("var t = new System.Threading.Thread(() => { });", "threads", "System.Threading.Thread", 30)]
    [InlineData("System.Threading.Thread.Sleep(1);", "threads", "System.Threading.Thread.Sleep", 25)]
    [InlineData("System.Threading.ThreadPool.QueueUserWorkItem(_ => { });", "threads", "System.Threading.ThreadPool.QueueUserWorkItem", 29)]
    [InlineData("var r = Task.Run(() => 1);", "threads", "System.Threading.Tasks.Task.Run", 14)]
    [InlineData("var f = Task.Factory;", "threads", "System.Threading.Tasks.Task.Factory", 14)]
    [InlineData("var v = Task.FromResult(1).Result;", "threads", "System.Threading.Tasks.Task.Result", 28)]
    [InlineData("Task.Delay(1).Wait();", "threads", "System.Threading.Tasks.Task.Wait", 15)]
    [InlineData("await Task.Delay(1).ConfigureAwait(false);", "threads", "System.Threading.Tasks.Task.ConfigureAwait", 21)]
    [InlineData("await new ValueTask().ConfigureAwait(false);", "threads", "System.Threading.Tasks.ValueTask.ConfigureAwait", 23)]
    [InlineData("_ = Task.Delay(1).ContinueWith(t => 1);", "threads", "System.Threading.Tasks.Task.ContinueWith", 19)]
    [InlineData("var s = TaskScheduler.Current;", "threads", "System.Threading.Tasks.TaskScheduler.Current", 23)]
    [InlineData("Task.Delay(1).GetAwaiter().GetResult();", "threads", "System.Threading.Tasks.Task.GetAwaiter", 15)]
    [InlineData("var e = Environment.GetEnvironmentVariable(\"HOME\");", "environment", "System.Environment.GetEnvironmentVariable", 21)]
    [InlineData("Environment.Exit(1);", "environment", "System.Environment.Exit", 13)]
    [InlineData("AppContext.SetSwitch(\"x\", true);", "environment", "System.AppContext.SetSwitch", 12)]
    [InlineData("System.Globalization.CultureInfo.DefaultThreadCurrentCulture = null;", "environment", "System.Globalization.CultureInfo.DefaultThreadCurrentCulture", 34)]
    [InlineData("GC.Collect();", "gc", "System.GC.Collect", 4)]
    [InlineData("System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;", "gc", "System.Runtime.GCSettings.LatencyMode", 27)]
    [InlineData("Console.WriteLine(1);", "console", "System.Console.WriteLine", 9)]
    [InlineData("Action<string> w = Console.WriteLine;", "console", "System.Console.WriteLine", 28)]
    [InlineData("using var t = new System.Threading.Timer(_ => { });", "timers", "System.Threading.Timer", 36)]
    [InlineData("using var p = new System.Threading.PeriodicTimer(TimeSpan.FromSeconds(1));", "timers", "System.Threading.PeriodicTimer", 36)]
    [InlineData("using var t = context.Time.CreateTimer(_ => { }, null, TimeSpan.Zero, TimeSpan.Zero);", "timers", "System.TimeProvider.CreateTimer", 28)]
    [InlineData("var n = DateTime.Now;", "clock", "System.DateTime.Now", 18)]
    [InlineData("var n = DateTime.UtcNow.Year;", "clock", "System.DateTime.UtcNow", 18)]
    [InlineData("var d = DateTime.Today;", "clock", "System.DateTime.Today", 18)]
    [InlineData("var u = DateTimeOffset.UtcNow;", "clock", "System.DateTimeOffset.UtcNow", 24)]
    [InlineData("var c = TimeProvider.System;", "clock", "System.TimeProvider.System", 22)]
    [InlineData("Autonomy.Tools.Sandbox.SandboxMeter.Step();", "sandbox", "Autonomy.Tools.Sandbox.SandboxMeter.Step", 37)]
    [InlineData("Action a = async () => await Task.Yield();", "async-void", "async-void", 12)]
    public void Check_ForbiddenUseInBody_ReportsRuleApiAndPosition(string body, string rule, string api, int column)
    {
        var violations = PolicyCheck.Check(PolicyCheck.Tool(body));

        Assert.Equal([(rule, api, PolicyCheck.BodyLine, column)], PolicyCheck.Brief(violations));
    }

    [Theory]
    [InlineData("~T() { }", "finalizers", "finalizer", 1)]
    [InlineData("private async void Fire() => await Task.Yield();", "async-void", "async-void", 9)]
    [InlineData("private static extern int Native();", "interop", "extern", 16)]
    [InlineData("private unsafe void Raw() { }", "interop", "unsafe", 9)]
    [InlineData("private System.IO.FileInfo? _file;", "filesystem", "System.IO.FileInfo", 19)]
    [InlineData("private static int Age(System.IO.FileSystemInfo info) => 0;", "filesystem", "System.IO.FileSystemInfo", 34)]
    [InlineData("private sealed class Log : System.IO.StreamWriter { public Log() : base(new System.IO.MemoryStream()) { } }", "filesystem", "System.IO.StreamWriter", 38)]
    public void Check_ForbiddenMember_ReportsRuleApiAndPosition(string members, string rule, string api, int column)
    {
        var violations = PolicyCheck.Check(PolicyCheck.Tool(string.Empty, members));

        Assert.Equal([(rule, api, PolicyCheck.MemberLine, column)], PolicyCheck.Brief(violations));
    }

    [Fact]
    public void Check_Violation_MessageNamesApiAndRuleDescription()
    {
        var violation = Assert.Single(PolicyCheck.Check(PolicyCheck.Tool("var s = System.IO.File.ReadAllText(\"a\");")));

        Assert.Equal("System.IO.File.ReadAllText is not allowed: Tools may not read or write files or directories.", violation.Message);
    }

    [Fact]
    public void Check_ClockViolation_MessagePointsToContextTime()
    {
        var violation = Assert.Single(PolicyCheck.Check(PolicyCheck.Tool("var n = DateTime.Now;")));

        Assert.Contains("context.Time", violation.Message, StringComparison.Ordinal);
        Assert.Contains("context.Now", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Finalizer_MessageNamesTheFinalizer()
    {
        var violation = Assert.Single(PolicyCheck.Check(PolicyCheck.Tool(string.Empty, "~T() { }")));

        Assert.StartsWith("The finalizer ~T() is not allowed: ", violation.Message, StringComparison.Ordinal);
    }
}
