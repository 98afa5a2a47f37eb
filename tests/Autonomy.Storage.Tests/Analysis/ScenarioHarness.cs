using Autonomy.Core.Analysis;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Autonomy.Storage.Tests.Analysis;

/// <summary>
/// Builds an investigation scenario the way production does: registers real tool sources as versions (with their
/// deploy events), runs inputs through the real compiler and sandbox, and records every execution through the
/// real execution-log writer into the backend's store, on a fake clock that spreads executions over hours.
/// </summary>
internal sealed class ScenarioHarness(ProjectStores stores, IExecutionLogSink sink, IExecutionStore executions, FakeTimeProvider time)
{
    private static readonly ToolCompiler Compiler = new();
    private static readonly ToolExecutor Executor = new();

    private readonly Dictionary<(string Tool, int Version), CompiledTool> _compiled = [];

    public FakeTimeProvider Time => time;

    public ProjectStores Stores => stores;

    public IExecutionStore Executions => executions;

    /// <summary>Compiles a source, stores it as the tool's next version and records its deploy at the clock's time.</summary>
    public async Task<int> DeployAsync(string tool, string source)
    {
        var result = await Compiler.CompileAsync(source);
        Assert.True(result.Succeeded, "compilation failed:\n" + string.Join("\n", result.Diagnostics));
        var latest = await stores.Versions.GetLatestAsync(tool);
        var version = (latest?.Version ?? 0) + 1;
        await stores.Versions.AppendAsync(new NewToolVersion(tool, version, source, latest?.Version, VersionAuthor.Human, "scenario"));
        await stores.Lifecycle.RecordEventAsync(new NewLifecycleEvent(tool, "deployed", null, ToolStatus.Active, version, "{}"));
        _compiled[(tool, version)] = result.Tool!;
        return version;
    }

    /// <summary>
    /// Runs each input once through the sandbox, the clock advancing <paramref name="spacing"/> after each, and
    /// records the executions through an <see cref="ExecutionLogWriter"/> (disposed, so everything is stored).
    /// </summary>
    public async Task<IReadOnlyList<ExecutionRecord>> RunAsync(string tool, int version, IEnumerable<string> inputs, TimeSpan spacing)
    {
        var compiled = _compiled[(tool, version)];
        var records = new List<ExecutionRecord>();
        foreach (var input in inputs)
        {
            var startedAt = time.GetUtcNow();
            var result = await Executor.ExecuteAsync(compiled, input);
            records.Add(ExecutionRecord.FromResult(Guid.CreateVersion7(startedAt), tool, version, startedAt, input, result, time));
            time.Advance(spacing);
        }

        await using (var writer = new ExecutionLogWriter(sink, new ExecutionLogOptions(), TimeProvider.System))
        {
            foreach (var record in records)
            {
                await writer.RecordAsync(record);
            }
        }

        return records;
    }

    /// <summary>An investigator over the backend's stores and the fake clock.</summary>
    public ToolInvestigator Investigator(AnalysisOptions? options = null, IInvestigationNarrator? narrator = null)
    {
        var wrapped = Options.Create(options ?? new AnalysisOptions());
        var analyzer = new ToolAnalyzer(executions, stores.Feedback, stores.Analytics, wrapped, time);
        return new ToolInvestigator(analyzer, executions, stores.Versions, stores.Lifecycle, stores.InvestigationReports, wrapped, narrator);
    }
}
