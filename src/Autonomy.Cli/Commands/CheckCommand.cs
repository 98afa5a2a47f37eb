using System.CommandLine;
using Autonomy.Abstractions.Tools;
using Autonomy.Core.Compilation;

namespace Autonomy.Cli.Commands;

/// <summary><c>autonomy check &lt;file.cs&gt;...</c>: compiles and policy-checks tool files with no cluster.</summary>
internal static class CheckCommand
{
    public static Command Create(CliContext cli)
    {
        var files = new Argument<string[]>("file") { Description = "Tool source files to check.", Arity = ArgumentArity.OneOrMore };
        var json = CommonOptions.Json();
        var policy = CommonOptions.Policy();
        var command = new Command("check", "Compile and policy-check tool source files; exit 0 only when every file is an acceptable tool.") { files, json, policy };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!cli.UsePolicy(parse.GetValue(policy)))
            {
                return ExitCodes.UsageError;
            }

            var reports = new List<CheckReport>();
            foreach (var path in parse.GetValue(files) ?? [])
            {
                var source = cli.ReadSource(path);
                if (source is null)
                {
                    return ExitCodes.UsageError;
                }

                var result = await cli.Compiler.CompileAsync(source, cancellationToken);
                reports.Add(CheckReport.From(path, result));
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(cli.Output, reports.Count == 1 ? reports[0] : reports);
            }
            else
            {
                foreach (var report in reports)
                {
                    WriteHuman(cli.Output, report);
                }
            }

            return reports.All(r => r.Accepted) ? ExitCodes.Ok : ExitCodes.Rejected;
        });
        return command;
    }

    private static void WriteHuman(TextWriter output, CheckReport report)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            var api = diagnostic.Api is null ? string.Empty : $" [{diagnostic.Api}]";
            output.WriteLine($"{report.File}:{diagnostic.Line}:{diagnostic.Column}: {diagnostic.Severity} {diagnostic.Code}: {diagnostic.Message}{api}");
        }

        output.WriteLine(report.Accepted
            ? $"{report.File}: ok: tool '{report.Tool!.Name}' ({report.Tool.Examples.Count} examples, source {report.SourceHash[..12]})"
            : $"{report.File}: rejected: {report.Diagnostics.Count(d => d.IsError)} error(s)");
    }

    /// <summary>What <c>check --json</c> prints for one file.</summary>
    internal sealed record CheckReport(string File, bool Accepted, string SourceHash, ToolMetadata? Tool, IReadOnlyList<ToolDiagnostic> Diagnostics)
    {
        public static CheckReport From(string file, ToolCompilationResult result) =>
            new(file, result.Succeeded, result.SourceHash, result.Tool?.Metadata, result.Diagnostics);
    }
}
