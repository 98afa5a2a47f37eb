using System.Diagnostics;
using System.Globalization;
using Autonomy.Core.Compilation;

namespace Autonomy.Benchmarks;

/// <summary>
/// Measures a cold compile, which BenchmarkDotNet cannot: the parent starts this program again as a fresh process a
/// few times, and each child times its first <see cref="ToolCompiler.CompileAsync(string, CancellationToken)"/>
/// (Roslyn and the compiler's own code not yet loaded or jitted) with a stopwatch.
/// </summary>
internal static class ColdCompile
{
    /// <summary>The argument that selects this mode.</summary>
    public const string Command = "cold";

    /// <summary>The argument a child process gets.</summary>
    public const string ChildCommand = "cold-child";

    private const int DefaultRuns = 5;
    private const string FirstPrefix = "first-compile-ms=";
    private const string SecondPrefix = "second-compile-ms=";

    /// <summary>Starts the children one after another and prints each time and the medians.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var runs = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : DefaultRuns;
        var first = new List<double>();
        var second = new List<double>();
        var wall = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var started = Stopwatch.StartNew();
            var output = await RunChildProcessAsync();
            started.Stop();
            var firstMs = Read(output, FirstPrefix);
            var secondMs = Read(output, SecondPrefix);
            first.Add(firstMs);
            second.Add(secondMs);
            wall.Add(started.Elapsed.TotalMilliseconds);
            Console.WriteLine(Format($"run {run}: first compile {firstMs:F1} ms, second compile {secondMs:F1} ms, whole process {started.Elapsed.TotalMilliseconds:F0} ms"));
        }

        Console.WriteLine(Format($"cold compile, median of {runs} fresh processes: {Median(first):F1} ms (min {first.Min():F1}, max {first.Max():F1})"));
        Console.WriteLine(Format($"second compile in the same process (fresh compiler), median: {Median(second):F1} ms"));
        Console.WriteLine(Format($"whole child process (start, compile twice, exit), median: {Median(wall):F0} ms"));
        return 0;
    }

    /// <summary>In a fresh process: times the first compile, then a second one with a fresh compiler.</summary>
    public static async Task<int> RunChildAsync()
    {
        var source = BenchmarkTools.Source(BenchmarkTools.CpuMixName);
        var first = await TimeCompileAsync(source);
        var second = await TimeCompileAsync(source);
        Console.WriteLine(Format($"{FirstPrefix}{first:F3}"));
        Console.WriteLine(Format($"{SecondPrefix}{second:F3}"));
        return 0;
    }

    private static async Task<double> TimeCompileAsync(string source)
    {
        var stopwatch = Stopwatch.StartNew();
        using var compiler = new ToolCompiler();
        var result = await compiler.CompileAsync(source);
        stopwatch.Stop();
        BenchmarkTools.Require(result);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static async Task<string> RunChildProcessAsync()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Started as `dotnet Autonomy.Benchmarks.dll`: start the child the same way.
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, typeof(ColdCompile).Assembly.GetName().Name + ".dll"));
        }

        start.ArgumentList.Add(ChildCommand);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {host}.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The cold-compile child exited with {process.ExitCode}: {output}");
        }

        return output;
    }

    private static double Read(string output, string prefix)
    {
        var line = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"The cold-compile child printed no '{prefix}' line: {output}");
        return double.Parse(line[prefix.Length..], CultureInfo.InvariantCulture);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
