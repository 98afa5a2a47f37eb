using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Autonomy.Abstractions.Execution;
using Autonomy.Core.Compilation;
using Autonomy.Core.Sandbox;
using Autonomy.Tools;
using Autonomy.Tools.Sandbox;
using Microsoft.Extensions.Options;

namespace Autonomy.Core.Execution;

/// <summary>
/// Runs a compiled tool once inside its sandbox and turns whatever happens into exactly one
/// <see cref="ExecutionOutcome"/>. It never throws for anything the tool or its input does.
/// The tool runs on the thread pool, never on the caller's scheduler, and so does the work on its output.
/// </summary>
public sealed class ToolExecutor
{
    private static readonly JsonDocumentOptions s_inputOptions = new() { MaxDepth = 64 };

    // Outputs are stored and returned as JSON text, never embedded in HTML: keep them readable.
    private static readonly JsonSerializerOptions s_outputOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly SandboxOptions _options;
    private readonly SandboxLimits _limits;
    private readonly TimeProvider _time;

    /// <summary>Creates an executor.</summary>
    public ToolExecutor(IOptions<SandboxOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options.Value;
        _limits = _options.ToLimits();
        _time = time;
    }

    /// <summary>Creates an executor with default budgets and the system clock.</summary>
    public ToolExecutor()
        : this(Options.Create(new SandboxOptions()), TimeProvider.System)
    {
    }

    /// <summary>Runs the tool on a JSON input with the configured budgets.</summary>
    public Task<ExecutionResult> ExecuteAsync(CompiledTool tool, string inputJson, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tool, inputJson, _limits, cancellationToken);

    /// <summary>Runs the tool on a JSON input with the given budgets.</summary>
    public Task<ExecutionResult> ExecuteAsync(CompiledTool tool, string inputJson, SandboxLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(inputJson);
        ArgumentNullException.ThrowIfNull(limits);
        return RunAsync(tool, inputJson, limits, locateFault: true, cancellationToken);
    }

    /// <summary>
    /// Optimised code could not place a fault: replays the input once on the unoptimised build (made off the
    /// caller's scheduler: it compiles) and takes its line if it fails the same way.
    /// </summary>
    private async Task<ExecutionResult> LocateAsync(CompiledTool tool, string inputJson, SandboxLimits limits, ExecutionResult result, ToolErrorInfo error, CancellationToken cancellationToken)
    {
        var diagnostic = await Task.Run(() => tool.DiagnosticBuild, CancellationToken.None).ConfigureAwait(false);
        if (diagnostic is null)
        {
            return result;
        }

        var replay = await RunAsync(diagnostic, inputJson, limits, locateFault: false, cancellationToken).ConfigureAwait(false);
        return replay.Error is { Line: not null } located && located.ExceptionType == error.ExceptionType
            ? result with { Error = error with { Line = located.Line, Member = located.Member } }
            : result;
    }

    private async Task<ExecutionResult> RunAsync(CompiledTool tool, string inputJson, SandboxLimits limits, bool locateFault, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var log = new ToolLog(_time, _options.MaxLogLines);

        if (ParseInput(tool, inputJson, out var input) is { } rejection)
        {
            return Result(ExecutionOutcome.InvalidInput, null, rejection, null, ExceededBudget.None, started, null, log);
        }

        using var deadline = new CancellationTokenSource(limits.Timeout, _time);

        // The caller's cancellation ends the run through the deadline's token: one registration on the caller's
        // token costs less than a linked source and its two. Disposed first, so it never cancels a disposed source.
        using var callerCancels = cancellationToken.UnsafeRegister(static deadline => ((CancellationTokenSource)deadline!).Cancel(), deadline);
        var token = deadline.Token;

        // The meter keeps its own deadline; it watches only the caller's token, so a deadline is reported as one
        // even when the deadline's token source fires a moment before the meter's clock check.
        var meter = new SandboxMeter(limits, _time, cancellationToken);
        var context = new ToolContext(log, _time, token);

        Exception? failure = null;
        JsonNode? output = null;
        var running = Task.Factory.StartNew(
                () => meter.Run(() => tool.CreateInstance().ExecuteAsync(input, context)),
                CancellationToken.None,
                TaskCreationOptions.DenyChildAttach,
                TaskScheduler.Default)
            .Unwrap();
        try
        {
            try
            {
                // The deadline's own timer wakes this wait; no second timer is armed on the fast path.
                // Not back to the caller's scheduler: checking and writing the output needs none, and the caller's
                // own await comes back once (a grain's turn resumes on its activation after the executor returns).
                output = await running.WaitAsync(token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The deadline passed (or the tool threw on its token): a tool that checks stops within the grace,
                // and its own outcome is read below; one blocked where no check reaches it times out here.
                output = await running.WaitAsync(TimeSpan.FromMilliseconds(_options.GraceMilliseconds), _time).ConfigureAwait(false);
            }
        }
        catch (TimeoutException) when (!running.IsCompleted)
        {
            // The tool is blocked where no check reaches it; it is abandoned, and stopped at its next check.
            meter.ExpireNow();
            ObserveLater(running);
            return Result(ExecutionOutcome.Timeout, null, $"the tool did not return within {limits.Timeout.TotalMilliseconds:N0} ms", null, ExceededBudget.None, started, meter, log);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !running.IsCompleted)
        {
            meter.ExpireNow();
            ObserveLater(running);
            return Result(ExecutionOutcome.Timeout, null, "the caller cancelled the execution", null, ExceededBudget.None, started, meter, log);
        }
#pragma warning disable CA1031 // Anything a tool throws becomes an outcome.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
        }

        if (Classify(failure ?? meter.StrayException, meter, tool, token, cancellationToken) is { } failed)
        {
            var result = Result(failed.Outcome, null, failed.Message, failed.Error, failed.Budget, started, meter, log);
            return locateFault && failed is { Outcome: ExecutionOutcome.ToolError, Error: { Line: null } unplaced }
                ? await LocateAsync(tool, inputJson, limits, result, unplaced, cancellationToken).ConfigureAwait(false)
                : result;
        }

        return CheckOutput(tool, output, meter, started, log);
    }

    /// <summary>
    /// Parses the input for the tool, or says why it is unusable. A tool without an input schema has its input
    /// parsed once; a schema is validated against a <see cref="JsonDocument"/> first.
    /// </summary>
    private static string? ParseInput(CompiledTool tool, string inputJson, out JsonNode? input)
    {
        input = null;
        try
        {
            if (tool.InputSchema is { } schema)
            {
                using var document = JsonDocument.Parse(inputJson, s_inputOptions);
                if (schema.Validate(document.RootElement) is { Count: > 0 } problems)
                {
                    return "the input breaks the tool's input schema: " + string.Join("; ", problems);
                }
            }

            input = JsonNode.Parse(inputJson, documentOptions: s_inputOptions);
            return null;
        }
        catch (JsonException ex)
        {
            return "the input is not JSON: " + ex.Message;
        }
    }

    private ExecutionResult CheckOutput(CompiledTool tool, JsonNode? output, SandboxMeter meter, long started, ToolLog log)
    {
        string text;
        try
        {
            // Output may hold values of the tool's own types, whose serialization is tool code: run it metered.
            text = meter.Run(() => output?.ToJsonString(s_outputOptions) ?? "null");
        }
#pragma warning disable CA1031 // A tool's output that cannot be written is the tool's fault, never the host's.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (meter.Exceeded is { } budget)
            {
                return OverBudget(budget, meter, started, log);
            }

            return Result(ExecutionOutcome.InvalidOutput, null, $"the output could not be written as JSON: {ex.Message}", null, ExceededBudget.None, started, meter, log);
        }

        if (tool.OutputSchema is { } schema)
        {
            using var document = JsonDocument.Parse(text);
            if (schema.Validate(document.RootElement) is { Count: > 0 } problems)
            {
                return Result(ExecutionOutcome.InvalidOutput, text, "the output breaks the tool's output schema: " + string.Join("; ", problems), null, ExceededBudget.None, started, meter, log);
            }
        }

        return Result(ExecutionOutcome.Success, text, null, null, ExceededBudget.None, started, meter, log);
    }

    private static Failure? Classify(Exception? exception, SandboxMeter meter, CompiledTool tool, CancellationToken linked, CancellationToken caller)
    {
        // A budget that ran out decides the outcome, whatever the tool did after: catching the sandbox's
        // exception does not turn an overrun into a success.
        if (meter.Exceeded is { } budget)
        {
            return budget == SandboxBudget.Time
                ? new Failure(ExecutionOutcome.Timeout, meter.ExceededMessage ?? "the deadline passed", null, ExceededBudget.None)
                : new Failure(ExecutionOutcome.BudgetExceeded, meter.ExceededMessage ?? "a budget ran out", null, ToBudget(budget));
        }

        return exception switch
        {
            null => null,
            InvalidToolInputException invalid => new Failure(ExecutionOutcome.InvalidInput, "the tool rejected the input: " + invalid.Message, null, ExceededBudget.None),
            OperationCanceledException when caller.IsCancellationRequested => new Failure(ExecutionOutcome.Timeout, "the caller cancelled the execution", null, ExceededBudget.None),
            OperationCanceledException when linked.IsCancellationRequested => new Failure(ExecutionOutcome.Timeout, "the deadline passed", null, ExceededBudget.None),
            RegexMatchTimeoutException => new Failure(ExecutionOutcome.Timeout, "a regular expression ran out of time (catastrophic backtracking?)", null, ExceededBudget.None),
            OutOfMemoryException => new Failure(ExecutionOutcome.BudgetExceeded, "the tool ran out of memory", null, ExceededBudget.Memory),
            InsufficientExecutionStackException => new Failure(ExecutionOutcome.BudgetExceeded, "the tool ran out of stack", null, ExceededBudget.CallDepth),
            _ => new Failure(ExecutionOutcome.ToolError, $"{exception.GetType().Name}: {exception.Message}", ErrorLocator.Describe(exception, tool.Assembly), ExceededBudget.None),
        };
    }

    private ExecutionResult OverBudget(SandboxBudget budget, SandboxMeter meter, long started, ToolLog log) =>
        budget == SandboxBudget.Time
            ? Result(ExecutionOutcome.Timeout, null, meter.ExceededMessage, null, ExceededBudget.None, started, meter, log)
            : Result(ExecutionOutcome.BudgetExceeded, null, meter.ExceededMessage, null, ToBudget(budget), started, meter, log);

    private static ExceededBudget ToBudget(SandboxBudget budget) => budget switch
    {
        SandboxBudget.Steps => ExceededBudget.Steps,
        SandboxBudget.CallDepth => ExceededBudget.CallDepth,
        SandboxBudget.Memory => ExceededBudget.Memory,
        _ => ExceededBudget.None,
    };

    private ExecutionResult Result(
        ExecutionOutcome outcome,
        string? output,
        string? message,
        ToolErrorInfo? error,
        ExceededBudget budget,
        long started,
        SandboxMeter? meter,
        ToolLog log)
    {
        var snapshot = log.Snapshot();
        var lines = snapshot.Count == 0 ? [] : snapshot.Select(l => new LogLine(l.At, l.Level.ToString(), l.Message)).ToImmutableArray();
        return new ExecutionResult(
            outcome,
            output,
            message,
            error,
            budget,
            _time.GetElapsedTime(started),
            meter?.StepsUsed ?? 0,
            meter?.AllocatedBytes ?? 0,
            lines,
            log.DroppedLines);
    }

    private static void ObserveLater(Task task) =>
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private sealed record Failure(ExecutionOutcome Outcome, string Message, ToolErrorInfo? Error, ExceededBudget Budget);
}
