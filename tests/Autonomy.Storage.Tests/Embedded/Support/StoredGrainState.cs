using Autonomy.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Autonomy.Storage.Tests.Embedded.Support;

/// <summary>A row of <c>orleans_grain_state</c>, as the tests compare it.</summary>
public sealed record StoredGrainState(string GrainType, string GrainId, string StateName, string? Payload, string ETag)
{
    /// <summary>Reads every row of a service, ordered by key; JSON payloads are returned as text.</summary>
    public static Task<IReadOnlyList<StoredGrainState>> ReadAsync(SqliteDatabase database, string serviceId) =>
        database.QueryAsync(
            """
            SELECT grain_type, grain_id, state_name, CAST(payload AS TEXT), etag
            FROM orleans_grain_state
            WHERE service_id = $service_id
            ORDER BY grain_type, grain_id, state_name
            """,
            reader => new StoredGrainState(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4)),
            new SqliteParameter("$service_id", serviceId));
}
