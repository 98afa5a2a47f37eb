using System.Globalization;
using System.Runtime.InteropServices;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Repair;
using Autonomy.RepairBenchmark;
using Autonomy.RepairBenchmark.Corpus;
using Autonomy.RepairBenchmark.Reporting;
using Autonomy.RepairBenchmark.Running;

// The repair benchmark: check the corpus (every defect compiles, fails a given case, and its reference never
// fails), then repair each defect offline and judge the accepted patch on the hidden cases.
var arguments = BenchmarkArguments.Parse(args, DefectCorpus.DefaultFolder, out var argumentError);
if (arguments is null)
{
    await Console.Error.WriteLineAsync(argumentError);
    await Console.Error.WriteLineAsync(BenchmarkArguments.Usage);
    return 2;
}

var time = TimeProvider.System;
var options = new RepairOptions { MaxSeconds = arguments.MaxSeconds };
var executor = new ToolExecutor();
var (entries, errors) = DefectCorpus.Load(arguments.Corpus, arguments.Filter);
var prepared = new List<PreparedDefect>();
var broken = errors.ToList();
using (var checkCompiler = new ToolCompiler())
{
    using var probe = new CandidateEvaluator(new ToolCompiler(), executor, options);
    var checker = new SourceRunner(checkCompiler, executor, probe.Limits);
    foreach (var entry in entries)
    {
        var (defect, defectErrors) = await CorpusChecker.PrepareAsync(entry, checker, CancellationToken.None);
        broken.AddRange(defectErrors.Select(e => $"{entry.Manifest.Id}: {e}"));
        if (defect is not null)
        {
            prepared.Add(defect);
        }
    }
}

if (arguments.Show)
{
    foreach (var defect in prepared)
    {
        await Console.Error.WriteLineAsync($"{defect.Manifest.Id}:");
        foreach (var (kind, observation) in defect.Given.Select(o => ("given ", o)).Concat(defect.Hidden.Select(o => ("hidden", o))))
        {
            await Console.Error.WriteLineAsync($"  {kind} {(observation.DefectiveIsCorrect ? "ok  " : "FAIL")} {observation.Input}");
            await Console.Error.WriteLineAsync($"    reference: {observation.Reference.Outcome} {observation.Reference.Output ?? observation.Reference.Message}");
            await Console.Error.WriteLineAsync($"    defective: {observation.Defective.Outcome} {observation.Defective.Output ?? observation.Defective.Message}");
        }
    }
}

foreach (var error in broken)
{
    await Console.Error.WriteLineAsync("corpus error: " + error);
}

if (broken.Count > 0)
{
    return 1;
}

await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
    $"corpus: {prepared.Count} defects checked ({prepared.Sum(d => d.Cases.Count)} given cases, {prepared.Sum(d => d.Hidden.Count)} hidden inputs)"));
if (arguments.CheckOnly)
{
    return 0;
}

var runner = new DefectRunner(options, executor, time);
var outcomes = new List<DefectOutcome>();
var started = time.GetUtcNow();
for (var i = 0; i < prepared.Count; i++)
{
    var outcome = await runner.RunAsync(prepared[i], GeneratorCatalog.Create(time), CancellationToken.None);
    outcomes.Add(outcome);
    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
        $"[{i + 1}/{prepared.Count}] {outcome.Id} ({outcome.Class}): {(outcome.Correct ? "correct" : outcome.Plausible ? "plausible, not correct" : "not fixed")}"
        + $" in {outcome.Elapsed.TotalSeconds:0.0} s, {outcome.CandidatesTried} candidates; {outcome.Verdict}"));
    if (arguments.Diffs && outcome.Diff is not null)
    {
        await Console.Error.WriteLineAsync(outcome.Diff);
    }
}

var machine = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
var report = new BenchmarkReport(started, machine, arguments.MaxSeconds, GeneratorCatalog.Create(time).Select(g => g.Name).ToList(), outcomes);
Console.WriteLine(arguments.Json ? report.ToJson() : report.ToMarkdown());
return 0;
