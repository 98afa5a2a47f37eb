using System.Globalization;
using System.Runtime.CompilerServices;
using Autonomy.Abstractions.Execution;
using Autonomy.Core.Storage;

namespace Autonomy.Benchmarks.Analysis;

/// <summary>
/// A month of traffic to the sample tool <c>parse_date</c> (samples/tools), generated deterministically: three
/// versions, version 3 (the sample as shipped, with its defect on line 59) deployed on day 24. Dates come in four
/// layouts: ISO (30 %), month-first with a day above 12 (20 %), ambiguous (15 %) and day-first with a day above 12
/// (33 %); 2 % are not dates at all (invalid input, the callers' fault). On version 3 every day-first date fails
/// with the <c>FormatException</c> <c>DateTime.ParseExact</c> throws at line 59; every version also has rare
/// background failures (0.4 % timeouts, 0.3 % <c>NullReferenceException</c> at line 48) that no input explains.
/// </summary>
internal sealed class ParseDateWorkload
{
    public const string ToolName = "parse_date";
    public const int DefectLine = 59;

    private const double InvalidShare = 0.02;
    private const double TimeoutShare = 0.004;
    private const double NullShare = 0.003;

    private static readonly string[] NotDates = ["someday", "n/a", "soon", "the day after"];

    public ParseDateWorkload(DateTimeOffset now, int executions)
    {
        Now = now;
        Executions = executions;
        Start = now - TimeSpan.FromDays(30);
        Deploys = [(1, Start.AddDays(-2)), (2, Start.AddDays(12).AddHours(5).AddMinutes(17)), (3, Start.AddDays(24).AddHours(3).AddMinutes(20))];
    }

    public DateTimeOffset Now { get; }

    public DateTimeOffset Start { get; }

    public int Executions { get; }

    /// <summary>When each version went live.</summary>
    public IReadOnlyList<(int Version, DateTimeOffset At)> Deploys { get; }

    /// <summary>The sources: versions 1 and 2 carry the one-line fix of DEFECTS.md, version 3 is the sample as shipped.</summary>
    public static IReadOnlyList<string> Sources()
    {
        var shipped = File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", "tools", ToolName + ".cs"));
        const string Defect = "date = DateTime.ParseExact(text, \"M/d/yyyy\", CultureInfo.InvariantCulture);";
        if (!shipped.Split('\n')[DefectLine - 1].Contains(Defect, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"samples/tools/{ToolName}.cs no longer has its defect on line {DefectLine}.");
        }

        var fixedSource = shipped.Replace(
            Defect, "date = DateTime.ParseExact(text, [\"M/d/yyyy\", \"d/M/yyyy\"], CultureInfo.InvariantCulture, DateTimeStyles.None);", StringComparison.Ordinal);
        return [fixedSource, fixedSource.Replace("public sealed class", "// v2\npublic sealed class", StringComparison.Ordinal), shipped];
    }

    /// <summary>The executions in time order, in batches; the same every time.</summary>
    public IEnumerable<List<ExecutionRecord>> Batches(int batchSize)
    {
        var random = new Random(20261201);
        var spacing = (Now - Start).Ticks / (double)Executions;
        var batch = new List<ExecutionRecord>(batchSize);
        for (var i = 0; i < Executions; i++)
        {
            var startedAt = ExecutionRecord.ToStoredTime(Start.AddTicks((long)((i + random.NextDouble()) * spacing)));
            batch.Add(Execution(random, startedAt));
            if (batch.Count == batchSize)
            {
                yield return batch;
                batch = new List<ExecutionRecord>(batchSize);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private ExecutionRecord Execution(Random random, DateTimeOffset startedAt)
    {
        var version = Deploys.Last(d => d.At <= startedAt).Version;
        var (text, dayFirst) = Date(random);
        var duration = TimeSpan.FromMicroseconds(Math.Round(300 * Math.Exp(random.NextDouble() * 2.3)));
        var background = random.NextDouble();
        ExecutionOutcome outcome;
        string? output = null, message = null, errorType = null, member = null;
        int? line = null;
        if (random.NextDouble() < InvalidShare)
        {
            text = NotDates[random.Next(NotDates.Length)];
            outcome = ExecutionOutcome.InvalidInput;
            message = $"'{text}' is not a date format this tool understands.";
        }
        else if (background < TimeoutShare)
        {
            outcome = ExecutionOutcome.Timeout;
            message = "The tool ran longer than its 5000 ms budget.";
            duration = TimeSpan.FromSeconds(5);
        }
        else if (background < TimeoutShare + NullShare)
        {
            (outcome, errorType, line, member) = (ExecutionOutcome.ToolError, "System.NullReferenceException", 48, "ExecuteAsync");
            message = "Object reference not set to an instance of an object.";
        }
        else if (version == 3 && dayFirst)
        {
            (outcome, errorType, line, member) = (ExecutionOutcome.ToolError, "System.FormatException", DefectLine, "ExecuteAsync");
            message = $"The DateTime represented by the string '{text}' is not supported in calendar 'System.Globalization.GregorianCalendar'.";
        }
        else
        {
            outcome = ExecutionOutcome.Success;
            output = """{"iso":"2024-03-05","year":2024,"month":3,"day":5,"dayOfWeek":"Tuesday","dayOfYear":65}""";
        }

        duration = ExecutionRecord.ToStoredDuration(duration);
        return new ExecutionRecord(
            Guid.CreateVersion7(startedAt),
            ToolName,
            version,
            startedAt,
            duration,
            outcome,
            "{\"date\": \"" + text + "\"}",
            output,
            InputTruncated: false,
            OutputTruncated: false,
            message,
            errorType,
            line,
            member,
            ExceededBudget.None,
            Steps: 200 + random.Next(800),
            AllocatedBytes: 4_000 + random.Next(20_000),
            LogLines: null,
            DroppedLogLines: 0,
            Caller: "benchmark",
            Silo: "silo-1",
            RecordedAt: ExecutionRecord.ToStoredTime(startedAt + duration));
    }

    private static (string Text, bool DayFirst) Date(Random random)
    {
        var year = 2022 + random.Next(4);
        var small = 1 + random.Next(12);
        var large = 13 + random.Next(16);
        var layout = random.NextDouble();
        return layout switch
        {
            < 0.30 => (Invariant($"{year:D4}-{small:D2}-{large:D2}"), false),
            < 0.50 => (Invariant($"{small:D2}/{large:D2}/{year:D4}"), false),
            < 0.65 => (Invariant($"{small:D2}/{1 + random.Next(12):D2}/{year:D4}"), false),
            _ => (Invariant($"{large:D2}/{small:D2}/{year:D4}"), true),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string RepositoryRoot([CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(thisFile), AppContext.BaseDirectory })
        {
            for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Autonomy.Orleans.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Autonomy.Orleans.sln was not found.");
    }
}
