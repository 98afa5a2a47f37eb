using Autonomy.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Autonomy.Storage.Postgres;

/// <summary>
/// The binary COPY of execution records into <c>tool_executions</c> (or a table of the same shape): the column
/// list and the per-row encoding, shared by the sink and the ingest benchmark's raw-COPY baseline.
/// </summary>
public static class PostgresExecutionCopy
{
    /// <summary>The columns of <c>tool_executions</c> in COPY order.</summary>
    public const string Columns =
        "execution_id, tool_name, tool_version, started_at, duration_us, outcome, input, output, input_truncated, " +
        "output_truncated, message, error_type, error_line, error_member, budget, steps, allocated_bytes, log_lines, " +
        "dropped_log_lines, caller, silo, recorded_at";

    /// <summary>The COPY command for <paramref name="table"/> (a constant name, never input).</summary>
    public static string Command(string table) => $"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)";

    /// <summary>Copies <paramref name="records"/> into <paramref name="table"/> and completes the COPY.</summary>
    public static async Task<ulong> CopyAsync(
        NpgsqlConnection connection, string table, IReadOnlyList<ExecutionRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(records);
        await using var importer = await connection.BeginBinaryImportAsync(Command(table), cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < records.Count; i++)
        {
            await WriteRowAsync(importer, records[i], cancellationToken).ConfigureAwait(false);
        }

        return await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one row.</summary>
    public static async ValueTask WriteRowAsync(NpgsqlBinaryImporter importer, ExecutionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(record);
        await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(record.ExecutionId, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(record.ToolName, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(record.ToolVersion, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(record.StartedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(record.DurationMicroseconds, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync((short)record.Outcome, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(importer, record.Input, cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(importer, record.Output, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(record.InputTruncated, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(record.OutputTruncated, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(importer, record.Message, cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(importer, record.ErrorType, cancellationToken).ConfigureAwait(false);
        if (record.ErrorLine is { } line)
        {
            await importer.WriteAsync(line, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
        }

        await WriteTextAsync(importer, record.ErrorMember, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync((short)record.Budget, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(record.Steps, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(record.AllocatedBytes, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(importer, record.LogLines, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(record.DroppedLogLines, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(importer, record.Caller, cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(importer, record.Silo, cancellationToken).ConfigureAwait(false);
        await importer.WriteAsync(record.RecordedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
    }

    private static ValueTask WriteTextAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken) =>
        value is null
            ? new ValueTask(importer.WriteNullAsync(cancellationToken))
            : new ValueTask(importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken));
}
