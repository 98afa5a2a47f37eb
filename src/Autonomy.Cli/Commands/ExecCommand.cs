using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Autonomy.Abstractions.Execution;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Sandbox;

namespace Autonomy.Cli.Commands;

/// <summary><c>autonomy exec &lt;file.cs&gt;</c>: runs a tool file in the sandbox, with no cluster.</summary>
internal static class ExecCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = "The tool source file." };
        var input = new Option<string?>("--input", "-i") { Description = "The input as JSON text; '-' reads it from standard input." };
        var inputFile = new Option<string?>("--input-file") { Description = "Read the input JSON from this file." };
        var examples = new Option<bool>("--examples") { Description = "Run the tool's declared examples and compare their outputs." };
        var timeout = new Option<int?>("--timeout-ms") { Description = $"Wall-clock deadline (default {SandboxOptions.DefaultTimeoutMilliseconds} ms)." };
        var maxSteps = new Option<long?>("--max-steps") { Description = $"Step budget (default {SandboxOptions.DefaultMaxSteps:N0})." };
        var json = CommonOptions.Json();
        var policy = CommonOptions.Policy();
        var command = new Command("exec", "Run a tool file in the sandbox with no cluster and print the outcome.")
        {
            file, input, inputFile, examples, timeout, maxSteps, json, policy,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var sources = new[] { parse.GetValue(input) is not null, parse.GetValue(inputFile) is not null, parse.GetValue(examples) }.Count(given => given);
            if (sources != 1)
            {
                cli.Error.WriteLine("autonomy exec: give exactly one of --input, --input-file or --examples.");
                return ExitCodes.UsageError;
            }

            if (!cli.UsePolicy(parse.GetValue(policy)))
            {
                return ExitCodes.UsageError;
            }

            var source = cli.ReadSource(parse.GetValue(file)!);
            if (source is null)
            {
                return ExitCodes.UsageError;
            }

            var compiled = await cli.Compiler.CompileAsync(source, cancellationToken);
            if (!compiled.Succeeded)
            {
                foreach (var diagnostic in compiled.Errors)
                {
                    cli.Error.WriteLine($"{parse.GetValue(file)}:{diagnostic}");
                }

                cli.Error.WriteLine($"autonomy exec: the tool was rejected; run 'autonomy check {parse.GetValue(file)}' for details.");
                return ExitCodes.Rejected;
            }

            var limits = new SandboxOptions
            {
                TimeoutMilliseconds = parse.GetValue(timeout) ?? SandboxOptions.DefaultTimeoutMilliseconds,
                MaxSteps = parse.GetValue(maxSteps) ?? SandboxOptions.DefaultMaxSteps,
            }.ToLimits();

            if (parse.GetValue(examples))
            {
                return await RunExamplesAsync(cli, compiled.Tool!, parse.GetValue(json), cancellationToken);
            }

            var inputJson = ReadInput(cli, parse.GetValue(input), parse.GetValue(inputFile));
            if (inputJson is null)
            {
                return ExitCodes.UsageError;
            }

            var result = await cli.Executor.ExecuteAsync(compiled.Tool!, inputJson, limits, cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(cli.Output, new { tool = compiled.Tool!.Metadata.Name, result });
            }
            else
            {
                WriteHuman(cli.Output, result);
            }

            return ExitCodes.For(result.Outcome);
        });
        return command;
    }

    private static async Task<int> RunExamplesAsync(CliContext cli, CompiledTool tool, bool json, CancellationToken cancellationToken)
    {
        var results = await new ExampleRunner(cli.Executor).RunAsync(tool, cancellationToken);
        if (json)
        {
            CliJson.Write(cli.Output, new { tool = tool.Metadata.Name, passed = results.Count(r => r.Passed), failed = results.Count(r => !r.Passed), examples = results });
        }
        else
        {
            cli.Output.WriteLine($"{tool.Metadata.Name}: {tool.Metadata.Description}");
            foreach (var example in results)
            {
                var verdict = example.Passed ? "pass" : "FAIL";
                cli.Output.WriteLine($"  {verdict}  {example.Example.Input} -> {example.Result.Output ?? example.Result.Outcome.ToString()}");
                if (!example.Passed)
                {
                    cli.Output.WriteLine($"        expected {example.Example.ExpectedOutput ?? "success"}; {example.Result.Outcome}{(example.Result.Message is null ? string.Empty : ": " + example.Result.Message)}");
                }
            }

            cli.Output.WriteLine($"{results.Count(r => r.Passed)} passed, {results.Count(r => !r.Passed)} failed");
        }

        return results.All(r => r.Passed) ? ExitCodes.Ok : ExitCodes.ToolFailed;
    }

    internal static string? ReadInput(CliContext cli, string? input, string? inputFile)
    {
        var text = inputFile is not null ? cli.ReadSource(inputFile) : input == "-" ? Console.In.ReadToEnd() : input;
        if (text is null)
        {
            return null;
        }

        try
        {
            using var _ = JsonDocument.Parse(text);
            return text;
        }
        catch (JsonException)
        {
            // Not JSON is the caller's fault, and the tool's InvalidInput outcome says so: pass it through.
            return text;
        }
    }

    internal static void WriteHuman(TextWriter output, ExecutionResult result)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine($"outcome    {result.Outcome}{(result.Budget == ExceededBudget.None ? string.Empty : $" ({result.Budget})")}");
        if (result.Output is not null)
        {
            output.WriteLine($"output     {result.Output}");
        }

        if (result.Message is not null)
        {
            output.WriteLine($"message    {result.Message}");
        }

        if (result.Error is { } error)
        {
            output.WriteLine($"error      {error.ExceptionType} at line {error.Line?.ToString(culture) ?? "?"} in {error.Member ?? "?"}: {error.Message}");
        }

        output.WriteLine(string.Create(culture, $"duration   {result.Duration.TotalMilliseconds:F1} ms, {result.Steps:N0} steps, {result.AllocatedBytes / 1024.0:F1} KiB allocated"));
        foreach (var line in result.Log)
        {
            output.WriteLine($"log        [{line.Level.ToLowerInvariant()}] {line.Message}");
        }

        if (result.DroppedLogLines > 0)
        {
            output.WriteLine(string.Create(culture, $"log        ({result.DroppedLogLines} more lines not kept)"));
        }
    }
}
