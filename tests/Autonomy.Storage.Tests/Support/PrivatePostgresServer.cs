using System.Diagnostics;
using System.Globalization;
using Autonomy.Silo.Tests.Support;
using Npgsql;

namespace Autonomy.Storage.Tests.Support;

/// <summary>
/// A PostgreSQL server of a test's own, in a temporary directory, that the test may stop and start: the shared
/// server of <c>.ci/postgres.sh</c> serves every other test at the same time and must never restart under them.
/// Needs Debian's PostgreSQL binaries (<c>/usr/lib/postgresql/N/bin</c>, which <c>.ci/postgres.sh</c> installs) and
/// root or passwordless sudo, because the server runs as the <c>postgres</c> user.
/// </summary>
internal sealed class PrivatePostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _bin;
    private readonly string _directory;

    private PrivatePostgresServer(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>A connection string to the server's <c>postgres</c> database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres";

    /// <summary>Why a private server cannot be started here, or null when it can.</summary>
    public static string? Unavailable()
    {
        if (FindBin() is null)
        {
            return "no PostgreSQL binaries under /usr/lib/postgresql (run .ci/postgres.sh once to install them)";
        }

        return Environment.UserName == "root" || RunsWithoutPassword("sudo", "-n", "true")
            ? null
            : "a private PostgreSQL server needs root or passwordless sudo";
    }

    /// <summary>Creates a cluster in a temporary directory and starts it on a free port.</summary>
    public static async Task<PrivatePostgresServer> StartAsync()
    {
        var bin = FindBin() ?? throw new InvalidOperationException(Unavailable());
        var directory = Directory.CreateTempSubdirectory("autonomy-private-pg-").FullName;
        var server = new PrivatePostgresServer(bin, directory, FreePorts.Next());
        try
        {
            await RunAsRootAsync("chmod", "755", directory);
            await RunAsRootAsync("chown", "postgres:postgres", directory);
            await server.RunAsPostgresAsync(Path.Combine(bin, "initdb"), "-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale");
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server with a fast shutdown: open connections are terminated, as in a real restart.</summary>
    public Task StopAsync() => StopServerAsync("fast");

    /// <summary>Starts the stopped server again on the same port.</summary>
    public Task StartAgainAsync() => StartServerAsync();

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopServerAsync("immediate");
        }
        catch (InvalidOperationException)
        {
            // Never started, or already stopped.
        }

        try
        {
            await RunAsRootAsync("rm", "-rf", _directory);
        }
        catch (InvalidOperationException)
        {
            // Left behind in /tmp; nothing else depends on it.
        }
    }

    private string DataDirectory => Path.Combine(_directory, "data");

    private Task StartServerAsync() => RunAsPostgresAsync(
        Path.Combine(_bin, "pg_ctl"), "-D", DataDirectory, "-l", Path.Combine(_directory, "log"), "-w", "-t", "60",
        "-o", $"-h 127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} -k {_directory} -c fsync=off", "start");

    private Task StopServerAsync(string mode) =>
        RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", DataDirectory, "-m", mode, "-w", "stop");

    private Task RunAsPostgresAsync(params string[] command) => RunAsRootAsync(["runuser", "-u", "postgres", "--", .. command]);

    private static Task RunAsRootAsync(params string[] command) =>
        Environment.UserName == "root" ? RunAsync(command) : RunAsync(["sudo", "-n", .. command]);

    private static async Task RunAsync(string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command[0]}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', command)}' exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static string? FindBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderBy(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .LastOrDefault()
            : null;

    private static bool RunsWithoutPassword(string file, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true });
            process?.WaitForExit(5_000);
            return process is { HasExited: true, ExitCode: 0 };
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
