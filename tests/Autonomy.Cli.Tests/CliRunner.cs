using System.Diagnostics;

namespace Autonomy.Cli.Tests;

/// <summary>Runs the CLI in-process (fast) or as a real process (to prove exit codes and survival end to end).</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static Task<Run> InProcessAsync(params string[] args) => InProcessAsync(new Dictionary<string, string?>(), args);

    /// <summary>Runs the CLI in-process with these environment variables instead of the process's.</summary>
    public static async Task<Run> InProcessAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, environment: name => environment.GetValueOrDefault(name));
        return new Run(code, output.ToString(), error.ToString());
    }

    public static async Task<Run> ProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Autonomy.Core.Tests.Support.RepositoryPaths.Root,
        };
        // The test output holds autonomy.dll with the tests' dependency graph, which runs on ASP.NET Core's shared
        // framework (the silo tests need it), so the CLI runs under the tests' runtime config and deps file.
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add("--runtimeconfig");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Autonomy.Cli.Tests.runtimeconfig.json"));
        start.ArgumentList.Add("--depsfile");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Autonomy.Cli.Tests.deps.json"));
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "autonomy.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await error);
    }
}
