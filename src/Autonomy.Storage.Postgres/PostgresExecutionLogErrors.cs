using Autonomy.Core.Storage;
using Npgsql;

namespace Autonomy.Storage.Postgres;

/// <summary>Tells a batch the database refused for its content from a failure worth retrying.</summary>
internal static class PostgresExecutionLogErrors
{
    /// <summary>
    /// Whether retrying the same rows would fail the same way: a data exception (SQLSTATE class 22, for example
    /// a NUL character in text), a broken constraint other than the primary key (class 23), a value over a
    /// program limit (class 54), or a value Npgsql cannot encode. Connection loss, server shutdown, deadlocks
    /// and serialisation failures are not: they are retried.
    /// </summary>
    public static bool IsRejection(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("22", StringComparison.Ordinal)
            || (postgres.SqlState.StartsWith("23", StringComparison.Ordinal) && postgres.SqlState != "23505")
            || postgres.SqlState.StartsWith("54", StringComparison.Ordinal),
        InvalidCastException or ArgumentException or OverflowException or System.Text.EncoderFallbackException => true,
        _ => false,
    };

    public static ExecutionBatchRejectedException Rejected(Exception exception, int count) =>
        new($"PostgreSQL refused a batch of {count} executions: {exception.Message}", exception)
        {
            ErrorCode = (exception as PostgresException)?.SqlState,
        };
}
