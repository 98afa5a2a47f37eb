using System.Collections.Concurrent;
using System.Diagnostics;

namespace Autonomy.Silo.Tests.Support;

/// <summary>
/// One <c>autonomy-silo</c> process: the build's <c>autonomy-silo.dll</c> (copied next to the tests by the project
/// reference) run by <c>dotnet</c>, with its standard output and error kept for the test's log.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SiloProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>The host assembly next to the tests.</summary>
    public static string AssemblyPath { get; } = Path.Combine(AppContext.BaseDirectory, "autonomy-silo.dll");

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote so far, standard error lines marked.</summary>
    public string Output => string.Join(Environment.NewLine, _lines);

    /// <summary>What the process wrote to standard error.</summary>
    public IReadOnlyList<string> Errors => [.. _lines.Where(l => l.StartsWith("! ", StringComparison.Ordinal)).Select(l => l[2..])];

    /// <summary>Starts the host with <paramref name="arguments"/>; <paramref name="environment"/> entries with a null value are removed.</summary>
    public static SiloProcess Start(string name, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        if (!File.Exists(AssemblyPath))
        {
            throw new FileNotFoundException("autonomy-silo.dll is not next to the tests; build tests/Autonomy.Silo.Tests.", AssemblyPath);
        }

        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var silo = new SiloProcess(name, process);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                silo._lines.Enqueue(line);
                if (line.StartsWith(SiloApp.ReadyLinePrefix, StringComparison.Ordinal))
                {
                    silo._ready.TrySetResult(line);
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                silo._lines.Enqueue("! " + line);
            }
        };
        process.Exited += (_, _) => silo._ready.TrySetException(
            new InvalidOperationException($"silo {name} exited with code {process.ExitCode} before it was ready"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Waits for the ready line and returns it.</summary>
    public Task<string> WaitReadyAsync(TimeSpan timeout) => _ready.Task.WaitAsync(timeout);

    /// <summary>Waits for the process to end (and its output to be read) and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    /// <summary>Stops the host gracefully, as a service manager does (SIGTERM), and returns its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            {
                UseShellExecute = false,
            })!;
            await kill.WaitForExitAsync();
        }

        return await WaitForExitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // It ended in between.
        }
        finally
        {
            _process.Dispose();
        }
    }

    /// <summary>The <c>dotnet</c> that runs the tests, else the one on the PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? current
            : "dotnet";
    }
}
