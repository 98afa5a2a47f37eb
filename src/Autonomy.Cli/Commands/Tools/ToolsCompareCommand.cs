using System.CommandLine;
using System.Globalization;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Cluster;
using Autonomy.Cli.Output;

namespace Autonomy.Cli.Commands.Tools;

/// <summary>
/// <c>autonomy tools compare &lt;name&gt; &lt;v1&gt; &lt;v2&gt;</c>: two versions side by side: who wrote them and why,
/// what tested them, their metrics over their live periods (success rate, latency, outcome mix), and the diff.
/// </summary>
internal static class ToolsCompareCommand
{
    public static Command Create(CliContext cli, ClusterConnectionOptions connection)
    {
        var name = new Argument<string>("name") { Description = "The tool's name." };
        var left = new Argument<int>("v1") { Description = "The first version." };
        var right = new Argument<int>("v2") { Description = "The second version." };
        var json = CommonOptions.Json();
        var command = new Command(
            "compare",
            "Compare two versions side by side: author, reason, tests, live time, executions, success rate, p50/p95 latency, outcome mix, and the diff.")
        {
            name, left, right, json,
        };
        command.SetAction((parse, cancellationToken) => ClusterRunner.RunAsync(cli, parse, connection, async client =>
        {
            var tool = parse.GetValue(name)!;
            var comparison = await client.GetGrain<IVersionHistoryGrain>(0).CompareAsync(tool, parse.GetValue(left), parse.GetValue(right), cancellationToken);
            if (comparison is null)
            {
                cli.Error.WriteLine($"autonomy: tool '{tool}' has no version {parse.GetValue(left)} or no version {parse.GetValue(right)}; 'autonomy tools versions {tool}' lists them");
                return ExitCodes.NotFound;
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(cli.Output, comparison);
                return ExitCodes.Ok;
            }

            Write(cli.Output, comparison);
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    internal static void Write(TextWriter output, VersionComparison c)
    {
        var (l, r) = (c.LeftMetrics, c.RightMetrics);
        var table = new TextTable(string.Empty, Formats.Version(c.Left.Version), Formats.Version(c.Right.Version))
            .Add("author", c.Left.Author, c.Right.Author)
            .Add("created", Formats.Time(c.Left.CreatedAt), Formats.Time(c.Right.CreatedAt))
            .Add("parent", Formats.Version(c.Left.ParentVersion), Formats.Version(c.Right.ParentVersion))
            .Add("attempt", Attempt(c.Left.AttemptId), Attempt(c.Right.AttemptId))
            .Add("tests", Tests(c.Left), Tests(c.Right))
            .Add("live", Live(c.Left, l), Live(c.Right, r))
            .Add("executions", Formats.Number(l.Executions), Formats.Number(r.Executions))
            .Add("success rate", Formats.Rate(l.SuccessRate), Formats.Rate(r.SuccessRate))
            .Add("p50 / p95", Latency(l), Latency(r))
            .Add("tool errors", Formats.Number(l.ToolErrors), Formats.Number(r.ToolErrors))
            .Add("timeouts", Formats.Number(l.Timeouts), Formats.Number(r.Timeouts))
            .Add("budget exceeded", Formats.Number(l.BudgetExceeded), Formats.Number(r.BudgetExceeded))
            .Add("invalid output", Formats.Number(l.InvalidOutputs), Formats.Number(r.InvalidOutputs))
            .Add("invalid input", Formats.Number(l.InvalidInputs), Formats.Number(r.InvalidInputs));
        table.Write(output);
        output.WriteLine();
        output.WriteLine($"reason {Formats.Version(c.Left.Version)}: {c.Left.Reason}");
        output.WriteLine($"reason {Formats.Version(c.Right.Version)}: {c.Right.Reason}");
        output.WriteLine();
        if (c.Diff.Length == 0)
        {
            output.WriteLine("The two versions have the same source.");
        }
        else
        {
            output.Write(c.Diff);
        }
    }

    private static string Attempt(long? id) => id is { } a ? a.ToString(CultureInfo.InvariantCulture) : "-";

    private static string Tests(VersionHistoryEntry entry) =>
        entry.Tests.Count == 0
            ? "-"
            : string.Join(", ", entry.Tests.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Kind} {(t.Passed ? "passed" : "failed")} {t.PassedCases}/{t.TotalCases}")));

    private static string Live(VersionHistoryEntry entry, VersionSideMetrics metrics) =>
        entry.LivePeriods.Count == 0
            ? "never"
            : string.Create(CultureInfo.InvariantCulture, $"{Formats.Period(TimeSpan.FromSeconds(Math.Round(metrics.LiveTime.TotalSeconds)))} in {entry.LivePeriods.Count} period(s){(entry.LivePeriods[^1].To is null ? ", active" : string.Empty)}");

    private static string Latency(VersionSideMetrics m) =>
        m.P50 is { } p50 && m.P95 is { } p95 ? $"{Formats.Milliseconds(p50)} / {Formats.Milliseconds(p95)}" : "-";
}
