using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Autonomy.Silo.Tests.Dashboard;

/// <summary>
/// Loads a page in headless Chromium and returns the DOM after its scripts ran (<c>--dump-dom</c>). The binary
/// comes from <c>AUTONOMY_TEST_CHROMIUM</c> (<c>.ci/chromium.sh</c> exports it), else from PATH.
/// </summary>
internal static class HeadlessChromium
{
    public const string BinaryVariable = "AUTONOMY_TEST_CHROMIUM";

    /// <summary>
    /// Virtual time the page gets before the DOM is dumped: the dashboard polls its API every second, and
    /// virtual time does not run while a request is in flight, so this is several polls whatever the machine's load.
    /// </summary>
    private const int VirtualTimeBudgetMilliseconds = 8_000;

    /// <summary>A wall-clock cap on one page load; a loaded 2-core machine starts Chromium in 2–6 s.</summary>
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(90);

    private static readonly string[] PathNames = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

    /// <summary>True when running under CI, where a missing browser is a failure rather than a skip.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The browser binary, or null when there is none.</summary>
    public static string? Locate()
    {
        if (Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => PathNames.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Loads <paramref name="url"/> and returns the rendered DOM as HTML.</summary>
    /// <exception cref="InvalidOperationException">No browser, or the browser failed; the message holds its stderr.</exception>
    public static async Task<string> DumpDomAsync(Uri url)
    {
        var binary = Locate() ?? throw new InvalidOperationException(
            $"no Chromium: {BinaryVariable} is not set and none is on PATH" +
            (IsCi ? " but CI=true: source .ci/chromium.sh before running the tests." : "."));

        var profile = Directory.CreateTempSubdirectory("autonomy-chromium-");
        try
        {
            // --no-sandbox: Chromium's sandbox refuses to start as root (CI containers); the page is our own.
            var start = new ProcessStartInfo(binary)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                ArgumentList =
                {
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--no-first-run",
                    "--no-default-browser-check",
                    $"--user-data-dir={profile.FullName}",
                    string.Create(CultureInfo.InvariantCulture, $"--virtual-time-budget={VirtualTimeBudgetMilliseconds}"),
                    "--dump-dom",
                    url.AbsoluteUri,
                },
            };

            using var process = new Process { StartInfo = start };
            try
            {
                process.Start();
            }
            catch (Win32Exception ex)
            {
                throw new InvalidOperationException($"Chromium at '{binary}' could not be started: {ex.Message}", ex);
            }

            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(LoadTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                throw new InvalidOperationException(
                    $"Chromium did not finish loading {url} within {LoadTimeout.TotalSeconds} s; its stderr:\n{await stderr}");
            }

            var dom = await stdout;
            if (process.ExitCode != 0 || dom.Length == 0)
            {
                throw new InvalidOperationException(
                    $"Chromium exited with code {process.ExitCode} and {dom.Length} characters of DOM for {url}; its stderr:\n{await stderr}");
            }

            return dom;
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A helper process still holds a file of the profile; the temp folder is left behind.
            }
        }
    }
}
