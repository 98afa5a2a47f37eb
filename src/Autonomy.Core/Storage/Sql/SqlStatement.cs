using System.Data;
using System.Data.Common;
using System.Text.Json;

namespace Autonomy.Core.Storage.Sql;

/// <summary>One parameterised statement on an open connection, with the database's value conversions.</summary>
internal sealed class SqlStatement : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly SqlStoreDatabase _database;

    public SqlStatement(SqlStoreDatabase database, DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        _database = database;
        _command = connection.CreateCommand();
#pragma warning disable CA2100 // The stores' SQL is constant text; every value goes through a parameter.
        _command.CommandText = sql;
#pragma warning restore CA2100
        _command.Transaction = transaction;
    }

    public SqlStatement Value(string name, object? value) => Add(name, value, null);

    // Typed overloads: PostgreSQL must know a parameter's type even when its value is null ("@version IS NULL").
    public SqlStatement Value(string name, string? value) => Add(name, value, DbType.String);

    public SqlStatement Value(string name, int? value) => Add(name, value, DbType.Int32);

    public SqlStatement Value(string name, long? value) => Add(name, value, DbType.Int64);

    public SqlStatement Value(string name, double? value) => Add(name, value, DbType.Double);

    public SqlStatement Value(string name, bool value) => Add(name, value, DbType.Boolean);

    public SqlStatement Bytes(string name, byte[] value) => Add(name, value, DbType.Binary);

    public SqlStatement Timestamp(string name, DateTimeOffset value) =>
        Value(name, _database.ToDbTimestamp(StoreTime.Truncate(value)));

    public SqlStatement Guid(string name, Guid value) => Value(name, _database.ToDbGuid(value));

    /// <summary>Binds a JSON document, rejecting text that is not JSON before it reaches the database.</summary>
    public SqlStatement Json(string name, string? json)
    {
        if (json is not null)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
            }
            catch (JsonException exception)
            {
                throw new ArgumentException($"The value for {name.TrimStart('@')} is not a JSON document: {exception.Message}", name, exception);
            }
        }

        var parameter = _command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = (object?)json ?? DBNull.Value;
        _database.MarkJson(parameter);
        _command.Parameters.Add(parameter);
        return this;
    }

    private SqlStatement Add(string name, object? value, DbType? type)
    {
        var parameter = _command.CreateParameter();
        parameter.ParameterName = name;
        if (type is { } dbType)
        {
            parameter.DbType = dbType;
        }

        parameter.Value = value ?? DBNull.Value;
        _command.Parameters.Add(parameter);
        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => _command.ExecuteNonQueryAsync(cancellationToken);

    public async Task<T?> SingleOrDefaultAsync<T>(Func<SqlRow, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await _command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(new SqlRow(reader, _database)) : default;
    }

    public async Task<T> SingleAsync<T>(Func<SqlRow, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await _command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The statement returned no row.");
        }

        return map(new SqlRow(reader, _database));
    }

    public async Task<IReadOnlyList<T>> ListAsync<T>(Func<SqlRow, T> map, CancellationToken cancellationToken)
    {
        await using var reader = await _command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(new SqlRow(reader, _database)));
        }

        return rows;
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
