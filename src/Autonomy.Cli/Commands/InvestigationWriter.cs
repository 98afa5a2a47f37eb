using System.Globalization;
using System.Text.Json;
using Autonomy.Abstractions.Grains;
using Autonomy.Cli.Output;
using Autonomy.Core.Analysis;

namespace Autonomy.Cli.Commands;

/// <summary>Writes an investigation report for a person: the conclusion first, then the findings it rests on.</summary>
internal static class InvestigationWriter
{
    /// <summary>The width of the labels of the header lines.</summary>
    private const int LabelWidth = 16;

    public static void Write(TextWriter output, InvestigationSummary report)
    {
        var findings = Read(report.FindingsJson);
        output.WriteLine($"{Label("tool")}{report.ToolName}");
        output.WriteLine($"{Label("report")}#{Formats.Number(report.Id)}, {Formats.Time(report.CreatedAt)}");
        output.WriteLine($"{Label("version")}{Formats.Version(report.Version)}");
        if (findings is not null)
        {
            output.WriteLine($"{Label("window")}{Formats.Time(findings.WindowStart)} to {Formats.Time(findings.WindowEnd)}");
        }

        output.WriteLine($"{Label("verdict")}{report.Verdict}");
        output.WriteLine($"{Label("should improve")}{Formats.YesNo(report.ShouldImprove)}");
        output.WriteLine($"{Label("confidence")}{report.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}");
        output.WriteLine($"{Label("root cause")}{report.RootCause}");
        if (findings is null)
        {
            output.WriteLine();
            output.WriteLine("The findings could not be read by this version of the command; 'autonomy investigate --json' prints them.");
            return;
        }

        Section(output, "Evidence", findings.Evidence.Count == 0 ? ["none"] : [.. findings.Evidence.Select(e => "- " + e)]);
        WriteClusters(output, findings.ErrorClusters);
        Section(output, "Input features", findings.InputFeatures.Count == 0
            ? ["no input feature goes with failure"]
            : [.. findings.InputFeatures.Select(f => "- " + f.Description)]);
        Section(output, "Onset", [findings.Onset?.Description ?? "no change point in the failure rate"]);
        WriteCallerFaults(output, findings.CallerFaults);
        WriteRepair(output, findings.Repair);
        if (!string.IsNullOrWhiteSpace(findings.Narrative))
        {
            Section(output, "Narrative", findings.Narrative.Split('\n').Select(l => l.TrimEnd('\r')).ToList());
        }
    }

    private static void WriteClusters(TextWriter output, IReadOnlyList<ErrorClusterFinding> clusters)
    {
        output.WriteLine();
        output.WriteLine("Error clusters");
        if (clusters.Count == 0)
        {
            output.WriteLine("  none");
            return;
        }

        foreach (var (pattern, site) in clusters.Select(c => (c.Pattern, c.Site)))
        {
            var where = pattern.Line is { } line ? $" at line {line.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
            var member = pattern.Member is { Length: > 0 } m ? $" in {m}" : string.Empty;
            output.WriteLine(
                $"  {Formats.Number(pattern.Count)} failures ({Formats.Rate(pattern.Share)}): {pattern.ExceptionType ?? pattern.Outcome}{where}{member}");
            if (pattern.NormalizedMessage.Length > 0)
            {
                output.WriteLine($"    message   {pattern.NormalizedMessage}");
            }

            if (site is not null)
            {
                output.WriteLine($"    line {site.Line.ToString(CultureInfo.InvariantCulture),-5}{site.LineText}");
                output.WriteLine($"    throws    {site.Expression} ({site.SyntaxKind})");
                if (site.Explanation.Length > 0)
                {
                    output.WriteLine($"    why       {site.Explanation}");
                }
            }

            if (pattern.ExampleInput is { Length: > 0 } input)
            {
                output.WriteLine($"    example   {input}");
            }
        }
    }

    private static void WriteCallerFaults(TextWriter output, CallerFaultSummary callers)
    {
        var lines = new List<string>
        {
            $"{Formats.Number(callers.InvalidInput)} invalid inputs, {Formats.Number(callers.ToolFailures)} tool failures (callers' share {Formats.Rate(callers.CallerShare)})",
        };
        lines.AddRange(callers.TopMessages.Select(m => "- " + m));
        Section(output, "Caller faults", lines);
    }

    private static void WriteRepair(TextWriter output, RepairSuggestion repair)
    {
        var lines = new List<string> { $"{"kind",-11}{AnalysisJson.Name(repair.Kind)}" };
        if (repair.Template is { Length: > 0 } template)
        {
            lines.Add($"{"template",-11}{template}");
        }

        if (repair.SuspiciousLines.Count > 0)
        {
            lines.Add($"{"lines",-11}{string.Join(", ", repair.SuspiciousLines.Select(l => l.ToString(CultureInfo.InvariantCulture)))}");
        }

        if (repair.Rationale.Length > 0)
        {
            lines.Add($"{"rationale",-11}{repair.Rationale}");
        }

        Section(output, "Suggested repair", lines);
    }

    private static void Section(TextWriter output, string title, IReadOnlyList<string> lines)
    {
        output.WriteLine();
        output.WriteLine(title);
        foreach (var line in lines)
        {
            output.WriteLine("  " + line);
        }
    }

    private static string Label(string label) => label.PadRight(LabelWidth);

    /// <summary>The findings, or null when they are not the shape this command knows (a newer or older cluster).</summary>
    private static ToolInvestigation? Read(string findingsJson)
    {
        try
        {
            return AnalysisJson.Deserialize<ToolInvestigation>(findingsJson);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
