using System.Data.Common;
using Autonomy.Core.Storage;
using Autonomy.Core.Storage.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Autonomy.Storage.Postgres;

/// <summary>
/// The project's stores on PostgreSQL: connections from the process's one <see cref="NpgsqlDataSource"/>,
/// <c>timestamptz</c> timestamps, <c>uuid</c> ids and <c>jsonb</c> documents.
/// </summary>
public sealed class PostgresStoreDatabase(NpgsqlDataSource dataSource) : SqlStoreDatabase
{
    /// <inheritdoc />
    public override string Name => "PostgreSQL";

    /// <summary>Creates every project store on <paramref name="dataSource"/>.</summary>
    public static ProjectStores CreateStores(NpgsqlDataSource dataSource, TimeProvider timeProvider) =>
        ProjectStores.Create(new PostgresStoreDatabase(dataSource), timeProvider);

    /// <inheritdoc />
    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public override object ToDbTimestamp(DateTimeOffset value) => value.ToUniversalTime();

    /// <inheritdoc />
    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.GetFieldValue<DateTimeOffset>(ordinal);
    }

    /// <inheritdoc />
    public override object ToDbGuid(Guid value) => value;

    /// <inheritdoc />
    public override void MarkJson(DbParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        ((NpgsqlParameter)parameter).NpgsqlDbType = NpgsqlDbType.Jsonb;
    }

    /// <inheritdoc />
    public override StoreErrorKind Classify(DbException exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => StoreErrorKind.UniqueViolation,
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } => StoreErrorKind.ForeignKeyViolation,
        PostgresException { SqlState: PostgresErrorCodes.CheckViolation } => StoreErrorKind.CheckViolation,
        _ => StoreErrorKind.Other,
    };
}
