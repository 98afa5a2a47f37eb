using System.Data.Common;
using Autonomy.Core.Storage;
using Autonomy.Core.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Autonomy.Storage.Embedded;

/// <summary>
/// The project's stores on the embedded SQLite file: connections from <see cref="SqliteConnectionFactory"/>
/// (WAL, busy timeout, foreign keys), timestamps as INTEGER unix milliseconds, uuids and JSON as TEXT.
/// </summary>
public sealed class SqliteStoreDatabase(SqliteConnectionFactory connections) : SqlStoreDatabase
{
    // Extended result codes: https://www.sqlite.org/rescode.html
    private const int ConstraintCheck = 275;
    private const int ConstraintForeignKey = 787;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    /// <inheritdoc />
    public override string Name => "SQLite";

    /// <summary>Creates every project store on the file of <paramref name="connections"/>.</summary>
    public static ProjectStores CreateStores(SqliteConnectionFactory connections, TimeProvider timeProvider) =>
        ProjectStores.Create(new SqliteStoreDatabase(connections), timeProvider);

    /// <inheritdoc />
    public override async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await connections.OpenAsync(cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public override object ToDbTimestamp(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    /// <inheritdoc />
    public override DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));
    }

    /// <inheritdoc />
    public override object ToDbGuid(Guid value) => value.ToString("D");

    /// <inheritdoc />
    public override StoreErrorKind Classify(DbException exception) => exception switch
    {
        SqliteException { SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey } => StoreErrorKind.UniqueViolation,
        SqliteException { SqliteExtendedErrorCode: ConstraintForeignKey } => StoreErrorKind.ForeignKeyViolation,
        SqliteException { SqliteExtendedErrorCode: ConstraintCheck } => StoreErrorKind.CheckViolation,
        _ => StoreErrorKind.Other,
    };
}
