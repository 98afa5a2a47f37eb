using System.Data;
using Npgsql;

namespace Autonomy.Storage.Tests.Support;

/// <summary>
/// Runs the texts stored in <c>OrleansQuery</c> the way the providers do: by key, as one autocommit
/// command, with parameters typed by <see cref="DbType"/> from the CLR type.
/// </summary>
public static class StoredQueries
{
    public static async Task<IReadOnlyList<T>> QueryStoredAsync<T>(
        this PostgresDatabase database, string queryKey, Func<NpgsqlDataReader, T> map, params NpgsqlParameter[] parameters)
    {
        var text = await TextAsync(database, queryKey);
        return await database.QueryAsync(text, map, parameters);
    }

    public static async Task<int> ExecuteStoredAsync(this PostgresDatabase database, string queryKey, params NpgsqlParameter[] parameters)
    {
        var text = await TextAsync(database, queryKey);
        return await database.ExecuteAsync(text, parameters);
    }

    /// <summary>Runs a key whose result is a flag: one row, one integer column.</summary>
    public static async Task<int> FlagAsync(this PostgresDatabase database, string queryKey, params NpgsqlParameter[] parameters) =>
        Assert.Single(await database.QueryStoredAsync(queryKey, reader => reader.GetInt32(0), parameters));

    public static NpgsqlParameter Parameter(string name, string? value) => Typed(name, DbType.String, value);

    public static NpgsqlParameter Parameter(string name, int value) => Typed(name, DbType.Int32, value);

    public static NpgsqlParameter Parameter(string name, int? value) => Typed(name, DbType.Int32, value);

    public static NpgsqlParameter Parameter(string name, long value) => Typed(name, DbType.Int64, value);

    public static NpgsqlParameter Parameter(string name, DateTime value) => Typed(name, DbType.DateTime, value);

    public static NpgsqlParameter Parameter(string name, byte[] value) => Typed(name, DbType.Binary, value);

    private static NpgsqlParameter Typed(string name, DbType type, object? value) =>
        new(name, type) { Value = value ?? DBNull.Value };

    private static async Task<string> TextAsync(PostgresDatabase database, string queryKey) =>
        Assert.Single(await database.QueryAsync(
            "SELECT querytext FROM orleansquery WHERE querykey = @queryKey",
            reader => reader.GetString(0),
            new NpgsqlParameter("queryKey", queryKey)));
}
