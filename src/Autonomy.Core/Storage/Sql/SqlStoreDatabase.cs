using System.Data.Common;

namespace Autonomy.Core.Storage.Sql;

/// <summary>
/// What the SQL stores need from a database: connections, and the few places where PostgreSQL and SQLite store
/// a value differently (timestamps, uuids, JSON) or report a broken constraint differently. The stores' SQL is
/// written once, in the dialect both databases share, so both backends run the same statements.
/// </summary>
public abstract class SqlStoreDatabase
{
    /// <summary>The database's name in messages.</summary>
    public abstract string Name { get; }

    /// <summary>Opens a connection ready for use.</summary>
    /// <exception cref="StorageUnavailableException">The database cannot be reached.</exception>
    public abstract Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>The value to bind for a UTC timestamp already truncated to the millisecond.</summary>
    public abstract object ToDbTimestamp(DateTimeOffset value);

    /// <summary>Reads a timestamp column as UTC.</summary>
    public abstract DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    /// <summary>The value to bind for a uuid.</summary>
    public abstract object ToDbGuid(Guid value);

    /// <summary>Marks a parameter as a JSON document (PostgreSQL: <c>jsonb</c>).</summary>
    public virtual void MarkJson(DbParameter parameter)
    {
    }

    /// <summary>Tells which constraint, if any, an error broke.</summary>
    public abstract StoreErrorKind Classify(DbException exception);
}
