using System.Data.Common;

namespace Autonomy.Core.Storage.Sql;

/// <summary>Runs a store operation on its own connection and turns broken constraints into the stores' exceptions.</summary>
internal static class SqlExecution
{
    public static async Task<T> RunAsync<T>(
        this SqlStoreDatabase database,
        string operation,
        Func<DbConnection, Task<T>> work,
        CancellationToken cancellationToken,
        Func<StoreErrorKind, DbException, Exception?>? translate = null)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work(connection).ConfigureAwait(false);
        }
        catch (DbException exception) when (Translate(database, operation, exception, translate) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Runs one statement and maps its rows.</summary>
    public static Task<IReadOnlyList<T>> ListAsync<T>(
        this SqlStoreDatabase database, string sql, Action<SqlStatement> bind, Func<SqlRow, T> map, CancellationToken cancellationToken) =>
        database.StatementAsync("Reading", sql, bind, statement => statement.ListAsync(map, cancellationToken), cancellationToken);

    /// <summary>Runs one statement and maps its first row, or returns the default when it has none.</summary>
    public static Task<T?> FirstOrDefaultAsync<T>(
        this SqlStoreDatabase database, string sql, Action<SqlStatement> bind, Func<SqlRow, T> map, CancellationToken cancellationToken) =>
        database.StatementAsync("Reading", sql, bind, statement => statement.SingleOrDefaultAsync(map, cancellationToken), cancellationToken);

    /// <summary>Runs one statement that returns one row (an <c>INSERT ... RETURNING</c>) and maps it.</summary>
    public static Task<T> WriteAsync<T>(
        this SqlStoreDatabase database,
        string operation,
        string sql,
        Action<SqlStatement> bind,
        Func<SqlRow, T> map,
        CancellationToken cancellationToken,
        Func<StoreErrorKind, DbException, Exception?>? translate = null) =>
        database.StatementAsync(operation, sql, bind, statement => statement.SingleAsync(map, cancellationToken), cancellationToken, translate);

    /// <summary>Runs <paramref name="work"/> in a transaction on its own connection.</summary>
    public static Task<T> RunInTransactionAsync<T>(
        this SqlStoreDatabase database,
        string operation,
        Func<DbConnection, DbTransaction, Task<T>> work,
        CancellationToken cancellationToken,
        Func<StoreErrorKind, DbException, Exception?>? translate = null) =>
        database.RunAsync(
            operation,
            async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var result = await work(connection, transaction).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            },
            cancellationToken,
            translate);

    private static Task<T> StatementAsync<T>(
        this SqlStoreDatabase database,
        string operation,
        string sql,
        Action<SqlStatement> bind,
        Func<SqlStatement, Task<T>> run,
        CancellationToken cancellationToken,
        Func<StoreErrorKind, DbException, Exception?>? translate = null) =>
        database.RunAsync(
            operation,
            async connection =>
            {
                await using var statement = new SqlStatement(database, connection, sql);
                bind(statement);
                return await run(statement).ConfigureAwait(false);
            },
            cancellationToken,
            translate);

    private static Exception? Translate(
        SqlStoreDatabase database, string operation, DbException exception, Func<StoreErrorKind, DbException, Exception?>? translate)
    {
        var kind = database.Classify(exception);
        if (translate?.Invoke(kind, exception) is { } specific)
        {
            return specific;
        }

        return kind switch
        {
            StoreErrorKind.UniqueViolation => new StoreConflictException(
                $"{operation} conflicts with an existing row on {database.Name}: {exception.Message}", exception),
            StoreErrorKind.ForeignKeyViolation => new ArgumentException(
                $"{operation} refers to a row that does not exist on {database.Name}: {exception.Message}", exception),
            StoreErrorKind.CheckViolation => new ArgumentException(
                $"{operation} was rejected by a constraint on {database.Name}: {exception.Message}", exception),
            _ => null,
        };
    }
}
