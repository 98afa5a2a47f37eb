using System.Text;
using Autonomy.Core.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Autonomy.Storage.Embedded;

/// <summary>
/// The execution log's row insert as one SQLite statement, prepared once per batch and bound by position through
/// SQLitePCL's raw API. <see cref="SqliteCommand"/> looks every parameter up by name and boxes every value, on every
/// row; on the hot path that cost as much as SQLite's own work, so this statement binds integers and text directly.
/// It runs on the connection (and inside the transaction) of the caller.
/// </summary>
internal sealed class SqliteExecutionInsert : IDisposable
{
    private const string Sql =
        """
        INSERT INTO tool_executions
            (execution_id, tool_name, tool_version, started_at, duration_us, outcome, input, output, input_truncated,
             output_truncated, message, error_type, error_line, error_member, budget, steps, allocated_bytes, log_lines,
             dropped_log_lines, caller, silo, recorded_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
        ON CONFLICT (execution_id) DO NOTHING
        """;

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;

    // Text is encoded here and bound as UTF-8; SQLite copies it at bind time (SQLITE_TRANSIENT), so one buffer
    // serves every column and row without an allocation per value.
    private byte[] _utf8 = new byte[1024];

    /// <summary>Prepares the statement on an open connection.</summary>
    public SqliteExecutionInsert(SqliteConnection connection)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, Sql, out _statement));
    }

    /// <summary>Inserts one execution; false when its id is already stored.</summary>
    /// <exception cref="SqliteException">SQLite refused the row or failed.</exception>
    public bool Insert(ExecutionRecord record)
    {
        Span<byte> id = stackalloc byte[16];
        record.ExecutionId.TryWriteBytes(id);
        try
        {
            Check(raw.sqlite3_bind_blob(_statement, 1, id));
            BindText(2, record.ToolName);
            Check(raw.sqlite3_bind_int(_statement, 3, record.ToolVersion));
            Check(raw.sqlite3_bind_int64(_statement, 4, record.StartedAt.ToUnixTimeMilliseconds()));
            Check(raw.sqlite3_bind_int64(_statement, 5, record.DurationMicroseconds));
            Check(raw.sqlite3_bind_int(_statement, 6, (int)record.Outcome));
            BindText(7, record.Input);
            BindText(8, record.Output);
            Check(raw.sqlite3_bind_int(_statement, 9, record.InputTruncated ? 1 : 0));
            Check(raw.sqlite3_bind_int(_statement, 10, record.OutputTruncated ? 1 : 0));
            BindText(11, record.Message);
            BindText(12, record.ErrorType);
            if (record.ErrorLine is { } line)
            {
                Check(raw.sqlite3_bind_int(_statement, 13, line));
            }
            else
            {
                Check(raw.sqlite3_bind_null(_statement, 13));
            }

            BindText(14, record.ErrorMember);
            Check(raw.sqlite3_bind_int(_statement, 15, (int)record.Budget));
            Check(raw.sqlite3_bind_int64(_statement, 16, record.Steps));
            Check(raw.sqlite3_bind_int64(_statement, 17, record.AllocatedBytes));
            BindText(18, record.LogLines);
            Check(raw.sqlite3_bind_int(_statement, 19, record.DroppedLogLines));
            BindText(20, record.Caller);
            BindText(21, record.Silo);
            Check(raw.sqlite3_bind_int64(_statement, 22, record.RecordedAt.ToUnixTimeMilliseconds()));

            var step = raw.sqlite3_step(_statement);
            if (step != raw.SQLITE_DONE)
            {
                Check(step);
            }

            return raw.sqlite3_changes(_database) == 1;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void BindText(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, index));
            return;
        }

        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, length)));
    }

    private void Check(int result)
    {
        if (result is not raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }
}
