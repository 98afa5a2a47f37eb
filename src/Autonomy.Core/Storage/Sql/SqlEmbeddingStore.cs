using System.Runtime.InteropServices;

namespace Autonomy.Core.Storage.Sql;

/// <summary><see cref="IEmbeddingStore"/> over either database; vectors are little-endian float32 bytes.</summary>
public sealed class SqlEmbeddingStore(SqlStoreDatabase database, TimeProvider timeProvider) : IEmbeddingStore
{
    /// <inheritdoc />
    public Task<int> SaveAsync(string toolName, int version, string model, float[] vector, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toolName);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.Length == 0)
        {
            throw new ArgumentException("An embedding has at least one dimension.", nameof(vector));
        }

        const string Sql = """
            INSERT INTO tool_embeddings (tool_name, version, model, dimensions, vector, created_at)
            VALUES (@tool_name, @version, @model, @dimensions, @vector, @created_at)
            ON CONFLICT (tool_name, version, model) DO NOTHING
            """;
        return database.RunAsync(
            $"Storing the embedding of '{toolName}' v{version}",
            async connection =>
            {
                await using var statement = new SqlStatement(database, connection, Sql);
                statement
                    .Value("@tool_name", toolName)
                    .Value("@version", version)
                    .Value("@model", model)
                    .Value("@dimensions", vector.Length)
                    .Bytes("@vector", ToBytes(vector))
                    .Timestamp("@created_at", timeProvider.GetUtcNow());
                return await statement.ExecuteAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ToolEmbedding>> ListLatestAsync(string model, CancellationToken cancellationToken = default) =>
        database.ListAsync(
            """
            SELECT e.tool_name, e.version, e.model, e.vector, e.created_at
            FROM tool_embeddings e
            JOIN (SELECT tool_name, MAX(version) AS version FROM tool_embeddings WHERE model = @model GROUP BY tool_name) latest
              ON latest.tool_name = e.tool_name AND latest.version = e.version
            WHERE e.model = @model
            ORDER BY e.tool_name
            """,
            statement => statement.Value("@model", model),
            row => new ToolEmbedding(row.String(0), row.Int32(1), row.String(2), FromBytes(row.Bytes(3)), row.Timestamp(4)),
            cancellationToken);

    private static byte[] ToBytes(float[] vector)
    {
        var bytes = MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Embeddings are stored little-endian.");
        }

        return bytes;
    }

    private static float[] FromBytes(byte[] bytes) => MemoryMarshal.Cast<byte, float>(bytes).ToArray();
}
