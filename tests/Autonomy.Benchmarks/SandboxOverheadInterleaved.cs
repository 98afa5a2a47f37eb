using System.Diagnostics;
using System.Globalization;

namespace Autonomy.Benchmarks;

/// <summary>
/// The sandbox-overhead ratio measured interleaved: rounds of <see cref="SandboxOverheadBenchmarks.Direct"/> and
/// <see cref="SandboxOverheadBenchmarks.Sandboxed"/> alternate, each round gives one ratio, and the median is
/// reported. Load from other processes then slows both sides of a round alike, where BenchmarkDotNet's
/// one-method-after-the-other runs can put a burst of load on one side only.
/// </summary>
internal static class SandboxOverheadInterleaved
{
    public const string Command = "sandbox-interleaved";

    private const int Rounds = 41;
    private const int CallsPerRound = 40;
    private const int WarmupCalls = 300;

    /// <summary>Runs the rounds on the standard input, or on <paramref name="input"/> when one is given.</summary>
    public static int Run(string? input = null)
    {
        var benchmarks = new SandboxOverheadBenchmarks { Input = input ?? BenchmarkTools.CpuMixInput };
        benchmarks.Setup();
        try
        {
            for (var i = 0; i < WarmupCalls; i++)
            {
                benchmarks.Direct();
                benchmarks.Sandboxed();
            }

            var ratios = new double[Rounds];
            var directTimes = new double[Rounds];
            for (var round = 0; round < Rounds; round++)
            {
                // Alternate which side goes first, so neither always runs right after a collection the other caused.
                double direct, sandboxed;
                if (round % 2 == 0)
                {
                    direct = Time(() => benchmarks.Direct());
                    sandboxed = Time(() => benchmarks.Sandboxed());
                }
                else
                {
                    sandboxed = Time(() => benchmarks.Sandboxed());
                    direct = Time(() => benchmarks.Direct());
                }

                ratios[round] = sandboxed / direct;
                directTimes[round] = direct / CallsPerRound;
            }

            Array.Sort(ratios);
            Array.Sort(directTimes);
            var median = ratios[Rounds / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Input {benchmarks.Input}: Sandboxed/Direct over {Rounds} interleaved rounds of {CallsPerRound} calls: median {median:F3} (quartiles {ratios[Rounds / 4]:F3}–{ratios[3 * Rounds / 4]:F3}); Direct median {directTimes[Rounds / 2] * 1e6:F1} µs/call; limit 1.3, {median / 1.3:F2} of limit"));
            return 0;
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static double Time(Action call)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < CallsPerRound; i++)
        {
            call();
        }

        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
