using System.Data.Common;

namespace Autonomy.Core.Storage.Sql;

/// <summary>Reads one row of a result with the database's own conversions for timestamps.</summary>
internal readonly struct SqlRow(DbDataReader reader, SqlStoreDatabase database)
{
    public string String(int ordinal) => reader.GetString(ordinal);

    public string? NullableString(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public int Int32(int ordinal) => reader.GetInt32(ordinal);

    public int? NullableInt32(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public long Int64(int ordinal) => reader.GetInt64(ordinal);

    public byte[] Bytes(int ordinal) => (byte[])reader.GetValue(ordinal);

    public long? NullableInt64(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public double Double(int ordinal) => reader.GetDouble(ordinal);

    public double? NullableDouble(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    public bool Boolean(int ordinal) => reader.GetBoolean(ordinal);

    public Guid Guid(int ordinal) => reader.GetGuid(ordinal);

    public DateTimeOffset Timestamp(int ordinal) => database.ReadTimestamp(reader, ordinal);

    public DateTimeOffset? NullableTimestamp(int ordinal) =>
        reader.IsDBNull(ordinal) ? null : database.ReadTimestamp(reader, ordinal);
}
