using System.Diagnostics;
using System.Globalization;
using Autonomy.Core.Monitoring;

namespace Autonomy.Benchmarks.Monitoring;

/// <summary>
/// The <c>monitoring</c> mode: simulated deployment-monitoring sessions for the seed's threshold rule and the
/// sequential test. Each session draws a baseline of N judged executions at 95 %, then feeds the new version's
/// executions (70 %: a regression; 95 %: healthy) one at a time, evaluating the detector on the cumulative counts
/// after every execution, or after every tenth (batched checks), up to a cap of 1,000 executions (about a 24 h
/// window). Sessions are seeded by their index, so every detector sees the same traffic and a run is reproducible.
/// Exits 1 when the default detector misses a target: median executions to roll back a regression on the
/// 500-execution baseline ≤ 60, and false rollbacks ≤ 1 % on every baseline and cadence.
/// </summary>
internal static class MonitoringSimulation
{
    /// <summary>The argument that selects this mode.</summary>
    public const string Command = "monitoring";

    private const int DefaultSessions = 10_000;
    private const int DefaultSeed = 20_261_129;
    private const int SessionCap = 1_000;
    private const double BaselineRate = 0.95;
    private const double RegressedRate = 0.70;
    private const double DetectionMedianLimit = 60;
    private const double FalseRollbackLimit = 0.01;
    private const int GatedDetectionBaseline = 500;

    private static readonly int[] BaselineSizes = [500, 100];
    private static readonly int[] Cadences = [1, 10];
    private static readonly double[] SensitivityRates = [0.90, 0.85, 0.80, 0.70];

    /// <summary>Runs <c>monitoring [sessions] [seed]</c>.</summary>
    public static int Run(string[] args)
    {
        var sessions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : DefaultSessions;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : DefaultSeed;
        var detectors = new (string Label, IRegressionDetector Detector, bool Gated)[]
        {
            ("threshold (seed: ≥ 10 each, drop ≥ 15 points)", new ThresholdRegressionRule(), false),
            ("sequential (default: δ 10 points, α 1 %)", new SequentialRegressionTest(), true),
            ("sequential, accept healthy (β 1 %)", new SequentialRegressionTest(acceptHealthy: true), false),
        };

        var clock = Stopwatch.StartNew();
        Console.WriteLine(Invariant($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {sessions:N0} sessions per row, seed {seed}, cap {SessionCap:N0} executions, baseline at {BaselineRate:P0}"));
        Console.WriteLine();
        Console.WriteLine("| Detector | Baseline | Checks | New version | Rolled back | Median to rollback | p95 to rollback | Accepted healthy (median) | Target | Against limit |");
        Console.WriteLine("|---|---:|---|---|---:|---:|---:|---:|---|---|");
        var missed = 0;
        foreach (var baselineSize in BaselineSizes)
        {
            foreach (var cadence in Cadences)
            {
                foreach (var rate in (double[])[RegressedRate, BaselineRate])
                {
                    foreach (var (label, detector, gated) in detectors)
                    {
                        var result = Simulate(detector, baselineSize, rate, cadence, sessions, seed);
                        missed += Report(label, baselineSize, cadence, rate, result, gated) ? 0 : 1;
                    }
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("Sensitivity (not gated): smaller drops and a larger δ, checked after every execution (70 % repeats the rows above: same seeds).");
        Console.WriteLine();
        Console.WriteLine("| Detector | Baseline | New version | Rolled back | Median to rollback | p95 to rollback |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|");
        var sensitivity = new (string Label, IRegressionDetector Detector)[]
        {
            (detectors[0].Label, detectors[0].Detector),
            (detectors[1].Label, detectors[1].Detector),
            ("sequential, δ 15 points", new SequentialRegressionTest(minimumDetectableDropPoints: 15)),
        };
        foreach (var baselineSize in BaselineSizes)
        {
            foreach (var rate in SensitivityRates)
            {
                foreach (var (label, detector) in sensitivity)
                {
                    var result = Simulate(detector, baselineSize, rate, 1, sessions, seed);
                    Console.WriteLine(Invariant(
                        $"| {label} | {baselineSize} | {rate:P0} | {Share(result)} | {Format(Percentile(result.Rollbacks, 0.5))} | {Format(Percentile(result.Rollbacks, 0.95))} |"));
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"elapsed {clock.Elapsed.TotalSeconds:0.0} s; {(missed == 0 ? "all gated targets met" : $"{missed} gated target(s) missed")}"));
        return missed == 0 ? 0 : 1;
    }

    private static SimulationResult Simulate(IRegressionDetector detector, int baselineSize, double rate, int cadence, int sessions, int seed)
    {
        var rollbacks = new int?[sessions];
        var acceptances = new int?[sessions];
        Parallel.For(0, sessions, session =>
        {
            // The same seed for the same session and traffic whatever the detector or cadence: paired comparisons.
            var random = new Random(unchecked(seed + (session * 1_000_003) + (baselineSize * 7_919) + (int)(rate * 1_000)));
            long baselineSuccesses = 0;
            for (var i = 0; i < baselineSize; i++)
            {
                baselineSuccesses += random.NextDouble() < BaselineRate ? 1 : 0;
            }

            long successes = 0;
            for (var n = 1; n <= SessionCap; n++)
            {
                successes += random.NextDouble() < rate ? 1 : 0;
                if (n % cadence != 0)
                {
                    continue;
                }

                var verdict = detector.Evaluate(new RegressionEvidence(baselineSuccesses, baselineSize, successes, n)).Verdict;
                if (verdict == RegressionVerdict.Regression)
                {
                    rollbacks[session] = n;
                    break;
                }

                if (verdict == RegressionVerdict.Healthy)
                {
                    acceptances[session] = n;
                    break;
                }
            }
        });

        return new SimulationResult(sessions, Sorted(rollbacks), Sorted(acceptances));
    }

    private static bool Report(string label, int baselineSize, int cadence, double rate, SimulationResult result, bool gated)
    {
        var regression = rate < BaselineRate;
        var share = (double)result.Rollbacks.Length / result.Sessions;
        var median = Percentile(result.Rollbacks, 0.5);
        var p95 = Percentile(result.Rollbacks, 0.95);
        var accepted = result.Acceptances.Length == 0
            ? "–"
            : Invariant($"{(double)result.Acceptances.Length / result.Sessions:P1} ({Percentile(result.Acceptances, 0.5)})");
        bool met;
        string target;
        string against;
        if (regression)
        {
            var ratio = median is { } m ? m / DetectionMedianLimit : double.PositiveInfinity;
            met = ratio <= 1;
            gated &= baselineSize == GatedDetectionBaseline;
            target = "median ≤ 60";
            against = median is { } value
                ? Invariant($"median {value} executions = {ratio:0.00} of the 60 limit")
                : "no rollback";
        }
        else
        {
            var ratio = share / FalseRollbackLimit;
            met = ratio <= 1;
            target = "false rollbacks ≤ 1 %";
            against = Invariant($"{share:P2} = {ratio:0.00} of the 1 % limit");
        }

        var verdict = gated ? (met ? "**met**" : "**MISSED**") : (met ? "met (not gated)" : "over (not gated)");
        Console.WriteLine(Invariant(
            $"| {label} | {baselineSize} | {(cadence == 1 ? "every execution" : $"every {cadence}")} | {rate:P0} | {Share(result)} | {Format(median)} | {Format(p95)} | {accepted} | {target} | {against}: {verdict} |"));
        return !gated || met;
    }

    private static string Share(SimulationResult result) =>
        Invariant($"{(double)result.Rollbacks.Length / result.Sessions:P2} ({result.Rollbacks.Length:N0} of {result.Sessions:N0})");

    private static int[] Sorted(int?[] values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToArray();
        Array.Sort(present);
        return present;
    }

    /// <summary>The nearest-rank percentile, or null with no values.</summary>
    private static int? Percentile(int[] sorted, double quantile) =>
        sorted.Length == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private static string Format(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record SimulationResult(int Sessions, int[] Rollbacks, int[] Acceptances);
}
