using System.Text;
using Autonomy.Core.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Autonomy.Storage.Embedded;

/// <summary>
/// The execution log's row insert as one SQLite statement, prepared once per batch and bound by position through
/// SQLitePCL's raw API. <see cref="SqliteCommand"/> looks every parameter up by name and boxes every value, on every
/// row; on the hot path that cost as much as SQLite's own work, so this statement binds integers and text directly.
/// A parameter keeps its value from one row to the next (SQLite keeps bindings across a reset), so a value equal to
/// the previous row's is not bound again: in a batch of one tool's executions most columns (tool, version, outcome,
/// the empty error columns, log, silo) repeat, and each bind is a call into SQLite through SQLitePCL's handles.
/// It runs on the connection (and inside the transaction) of the caller.
/// </summary>
internal sealed class SqliteExecutionInsert : IDisposable
{
    private const int Parameters = 22;

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

    // What each parameter holds now, by index (1-based, as SQLite counts); Unbound also while a bind is under way,
    // so that a bind SQLite refused is never taken for done.
    private readonly Held[] _held = new Held[Parameters + 1];
    private readonly long[] _integers = new long[Parameters + 1];
    private readonly string?[] _texts = new string?[Parameters + 1];

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
            // The id, times, measurements and documents differ from row to row: always bound.
            Check(raw.sqlite3_bind_blob(_statement, 1, id));
            BindInteger(4, record.StartedAt.ToUnixTimeMilliseconds(), always: true);
            BindInteger(5, record.DurationMicroseconds, always: true);
            BindText(7, record.Input, always: true);
            BindText(8, record.Output, always: true);
            BindInteger(16, record.Steps, always: true);
            BindInteger(17, record.AllocatedBytes, always: true);

            BindText(2, record.ToolName);
            BindInteger(3, record.ToolVersion);
            BindInteger(6, (int)record.Outcome);
            BindInteger(9, record.InputTruncated ? 1 : 0);
            BindInteger(10, record.OutputTruncated ? 1 : 0);
            BindText(11, record.Message);
            BindText(12, record.ErrorType);
            if (record.ErrorLine is { } line)
            {
                BindInteger(13, line);
            }
            else
            {
                BindNull(13);
            }

            BindText(14, record.ErrorMember);
            BindInteger(15, (int)record.Budget);
            BindText(18, record.LogLines);
            BindInteger(19, record.DroppedLogLines);
            BindText(20, record.Caller);
            BindText(21, record.Silo);
            BindInteger(22, record.RecordedAt.ToUnixTimeMilliseconds());

            var step = raw.sqlite3_step(_statement);
            if (step != raw.SQLITE_DONE)
            {
                Check(step);
            }

            return raw.sqlite3_changes(_database) == 1;
        }
        finally
        {
            // Bindings survive the reset: the next row rebinds only what differs.
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void BindInteger(int index, long value, bool always = false)
    {
        if (!always && _held[index] == Held.Integer && _integers[index] == value)
        {
            return;
        }

        _held[index] = Held.Unbound;
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        _held[index] = Held.Integer;
        _integers[index] = value;
    }

    private void BindText(int index, string? value, bool always = false)
    {
        if (value is null)
        {
            BindNull(index, always);
            return;
        }

        if (!always && _held[index] == Held.Text && string.Equals(_texts[index], value, StringComparison.Ordinal))
        {
            return;
        }

        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (most > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        _held[index] = Held.Unbound;
        Check(raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, length)));
        _held[index] = Held.Text;
        _texts[index] = value;
    }

    private void BindNull(int index, bool always = false)
    {
        if (!always && _held[index] == Held.Null)
        {
            return;
        }

        _held[index] = Held.Unbound;
        Check(raw.sqlite3_bind_null(_statement, index));
        _held[index] = Held.Null;
    }

    private void Check(int result)
    {
        if (result is not raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }

    private enum Held
    {
        Unbound,
        Null,
        Integer,
        Text,
    }
}
