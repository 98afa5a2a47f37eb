using Autonomy.Core.Compilation;

namespace Autonomy.Core.Storage.Sql;

/// <summary><see cref="IToolVersionStore"/> in SQL both PostgreSQL and SQLite run.</summary>
public sealed class SqlToolVersionStore(SqlStoreDatabase database, TimeProvider timeProvider) : IToolVersionStore
{
    private const string Columns = "tool_name, version, source, source_hash, parent_version, author, reason, created_at";

    /// <inheritdoc />
    public Task<ToolVersion> AppendAsync(NewToolVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentException.ThrowIfNullOrWhiteSpace(version.ToolName);
        ArgumentNullException.ThrowIfNull(version.Source);
        ArgumentNullException.ThrowIfNull(version.Reason);
        ArgumentOutOfRangeException.ThrowIfLessThan(version.Version, 1);
        if (version.ParentVersion is { } parent && parent >= version.Version)
        {
            throw new ArgumentException(
                $"The parent version {parent} of version {version.Version} of '{version.ToolName}' must be older.", nameof(version));
        }

        return database.WriteAsync(
            $"Appending version {version.Version} of '{version.ToolName}'",
            $"""
            INSERT INTO tool_versions ({Columns})
            VALUES (@tool_name, @version, @source, @source_hash, @parent_version, @author, @reason, @created_at)
            RETURNING {Columns}
            """,
            statement => statement
                .Value("@tool_name", version.ToolName)
                .Value("@version", version.Version)
                .Value("@source", version.Source)
                .Value("@source_hash", SourceHash.Of(version.Source))
                .Value("@parent_version", version.ParentVersion)
                .Value("@author", StoreValues.Of(version.Author))
                .Value("@reason", version.Reason)
                .Timestamp("@created_at", timeProvider.GetUtcNow()),
            Read,
            cancellationToken,
            (kind, exception) => kind switch
            {
                StoreErrorKind.UniqueViolation => new VersionConflictException(version.ToolName, version.Version, exception),
                StoreErrorKind.ForeignKeyViolation => new ArgumentException(
                    $"Version {version.ParentVersion} of '{version.ToolName}', the parent of version {version.Version}, does not exist.",
                    nameof(version),
                    exception),
                _ => null,
            });
    }

    /// <inheritdoc />
    public Task<ToolVersion?> GetAsync(string toolName, int version, CancellationToken cancellationToken = default) =>
        database.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM tool_versions WHERE tool_name = @tool_name AND version = @version",
            statement => statement.Value("@tool_name", toolName).Value("@version", version),
            Read,
            cancellationToken);

    /// <inheritdoc />
    public Task<ToolVersion?> GetLatestAsync(string toolName, CancellationToken cancellationToken = default) =>
        database.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM tool_versions WHERE tool_name = @tool_name ORDER BY version DESC LIMIT 1",
            statement => statement.Value("@tool_name", toolName),
            Read,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ToolVersion>> ListAsync(string toolName, CancellationToken cancellationToken = default) =>
        database.ListAsync(
            $"SELECT {Columns} FROM tool_versions WHERE tool_name = @tool_name ORDER BY version",
            statement => statement.Value("@tool_name", toolName),
            Read,
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ToolListing>> ListToolsAsync(CancellationToken cancellationToken = default)
    {
        // Sorted here, not in SQL: PostgreSQL orders text by the database's collation, SQLite by bytes.
        var tools = await database.ListAsync(
            """
            SELECT tool_name, MAX(version), COUNT(*), MIN(created_at), MAX(created_at)
            FROM tool_versions
            GROUP BY tool_name
            """,
            static _ => { },
            static row => new ToolListing(row.String(0), row.Int32(1), row.Int64(2), row.Timestamp(3), row.Timestamp(4)),
            cancellationToken).ConfigureAwait(false);
        return [.. tools.OrderBy(t => t.ToolName, StringComparer.Ordinal)];
    }

    private static ToolVersion Read(SqlRow row) => new(
        row.String(0),
        row.Int32(1),
        row.String(2),
        row.String(3),
        row.NullableInt32(4),
        StoreValues.ParseAuthor(row.String(5)),
        row.String(6),
        row.Timestamp(7));
}
