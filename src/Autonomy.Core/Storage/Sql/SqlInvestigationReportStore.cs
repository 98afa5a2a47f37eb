namespace Autonomy.Core.Storage.Sql;

/// <summary><see cref="IInvestigationReportStore"/> in SQL both PostgreSQL and SQLite run.</summary>
public sealed class SqlInvestigationReportStore(SqlStoreDatabase database, TimeProvider timeProvider) : IInvestigationReportStore
{
    private const string Columns = "id, tool_name, version, should_improve, root_cause, confidence, findings, created_at";

    /// <inheritdoc />
    public Task<InvestigationReport> SaveAsync(NewInvestigationReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(report.ToolName);
        ArgumentNullException.ThrowIfNull(report.RootCause);
        if (report.Confidence is < 0 or > 1 || double.IsNaN(report.Confidence))
        {
            throw new ArgumentOutOfRangeException(nameof(report), report.Confidence, "Confidence must be between 0 and 1.");
        }

        return database.WriteAsync(
            $"Saving an investigation report on '{report.ToolName}'",
            $"""
            INSERT INTO investigation_reports (tool_name, version, should_improve, root_cause, confidence, findings, created_at)
            VALUES (@tool_name, @version, @should_improve, @root_cause, @confidence, @findings, @created_at)
            RETURNING {Columns}
            """,
            statement => statement
                .Value("@tool_name", report.ToolName)
                .Value("@version", report.Version)
                .Value("@should_improve", report.ShouldImprove)
                .Value("@root_cause", report.RootCause)
                .Value("@confidence", report.Confidence)
                .Json("@findings", report.FindingsJson)
                .Timestamp("@created_at", timeProvider.GetUtcNow()),
            Read,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<InvestigationReport?> GetLatestAsync(string toolName, CancellationToken cancellationToken = default) =>
        database.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM investigation_reports WHERE tool_name = @tool_name ORDER BY created_at DESC, id DESC LIMIT 1",
            statement => statement.Value("@tool_name", toolName),
            Read,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<InvestigationReport>> ListAsync(string toolName, int limit, CancellationToken cancellationToken = default) =>
        database.ListAsync(
            $"SELECT {Columns} FROM investigation_reports WHERE tool_name = @tool_name ORDER BY created_at DESC, id DESC LIMIT @limit",
            statement => statement.Value("@tool_name", toolName).Value("@limit", limit),
            Read,
            cancellationToken);

    private static InvestigationReport Read(SqlRow row) => new(
        row.Int64(0),
        row.String(1),
        row.NullableInt32(2),
        row.Boolean(3),
        row.String(4),
        row.Double(5),
        row.String(6),
        row.Timestamp(7));
}
