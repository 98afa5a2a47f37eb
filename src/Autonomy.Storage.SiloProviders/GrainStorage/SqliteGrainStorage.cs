using Autonomy.Storage.SiloProviders.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Autonomy.Storage.SiloProviders.GrainStorage;

/// <summary>
/// Orleans grain storage in one SQLite file (table <c>orleans_grain_state</c>), for the embedded silo.
/// </summary>
/// <remarks>
/// Every write is one conditional statement, so SQLite's single writer lock makes it atomic without an explicit
/// transaction: an update succeeds only while the row still carries the ETag the activation read, and a first
/// write (no ETag) succeeds only while no row exists. Anything else throws <see cref="InconsistentStateException"/>.
/// </remarks>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private const string KeyFilter =
        "service_id = $service_id AND grain_type = $grain_type AND grain_id = $grain_id AND state_name = $state_name";

    private readonly string _name;
    private readonly string _serviceId;
    private readonly SqliteGrainStorageOptions _options;
    private readonly SqliteSiloDatabase _database;
    private readonly IActivatorProvider _activators;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the provider; the silo calls <see cref="Participate"/> to open the file at start-up.</summary>
    /// <param name="name">The provider name used in <c>[PersistentState(stateName, name)]</c>.</param>
    /// <param name="serviceId">The cluster's service id, part of every row's key.</param>
    /// <param name="options">The provider's options, with the serializer already chosen.</param>
    /// <param name="activators">Creates empty state when there is none stored.</param>
    /// <param name="timeProvider">The clock of the <c>updated_at</c> column.</param>
    /// <param name="logger">The logger.</param>
    public SqliteGrainStorage(
        string name,
        string serviceId,
        SqliteGrainStorageOptions options,
        IActivatorProvider activators,
        TimeProvider timeProvider,
        ILogger<SqliteGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.GrainStorageSerializer is null)
        {
            throw new ArgumentException($"Grain storage {name} has no serializer.", nameof(options));
        }

        _name = name;
        _serviceId = serviceId;
        _options = options;
        _database = new SqliteSiloDatabase(options.DatabasePath, options.BusyTimeoutMilliseconds);
        _activators = activators;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{_name}", _options.InitStage, InitAsync);

    /// <summary>Opens the file and applies the schema; the silo does this at <see cref="SqliteGrainStorageOptions.InitStage"/>.</summary>
    public async Task InitAsync(CancellationToken cancellationToken)
    {
        await _database.MigrateAsync(_logger, cancellationToken);
        Log.GrainStorageReady(_logger, _name, _database.DatabasePath);
    }

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = KeyedCommand(connection, $"SELECT payload, etag FROM orleans_grain_state WHERE {KeyFilter}", stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            grainState.State = NewState<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        // A row with a null payload was cleared but kept: its ETag still guards the next write.
        var hasPayload = !reader.IsDBNull(0);
        grainState.State = hasPayload
            ? _options.GrainStorageSerializer.Deserialize<T>(new BinaryData(reader.GetFieldValue<byte[]>(0)))
            : NewState<T>();
        grainState.ETag = reader.GetString(1);
        grainState.RecordExists = hasPayload;
    }

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var payload = _options.GrainStorageSerializer.Serialize(grainState.State).ToArray();
        var newETag = SqliteSiloDatabase.NewETag();
        var heldETag = grainState.ETag;

        await using var connection = await _database.OpenAsync(cancellationToken);
        var sql = heldETag is null
            ? """
              INSERT INTO orleans_grain_state (service_id, grain_type, grain_id, state_name, payload, etag, updated_at)
              VALUES ($service_id, $grain_type, $grain_id, $state_name, $payload, $new_etag, $updated_at)
              ON CONFLICT DO NOTHING
              """
            : $"""
              UPDATE orleans_grain_state SET payload = $payload, etag = $new_etag, updated_at = $updated_at
              WHERE {KeyFilter} AND etag = $etag
              """;
        await using var command = KeyedCommand(connection, sql, stateName, grainId);
        command.Parameters.Add("$payload", SqliteType.Blob).Value = payload;
        command.Parameters.AddWithValue("$new_etag", newETag);
        command.Parameters.AddWithValue("$updated_at", _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        if (heldETag is not null)
        {
            command.Parameters.AddWithValue("$etag", heldETag);
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw await ConflictAsync(connection, "write", stateName, grainId, heldETag, cancellationToken);
        }

        grainState.ETag = newETag;
        grainState.RecordExists = true;
    }

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var heldETag = grainState.ETag;
        await using var connection = await _database.OpenAsync(cancellationToken);
        string? newETag = null;
        if (heldETag is null)
        {
            // Nothing was read or written: there is nothing to clear unless someone else has written meanwhile.
            if (await StoredETagAsync(connection, stateName, grainId, cancellationToken) is not null)
            {
                throw await ConflictAsync(connection, "clear", stateName, grainId, heldETag, cancellationToken);
            }
        }
        else
        {
            newETag = _options.DeleteStateOnClear ? null : SqliteSiloDatabase.NewETag();
            var sql = _options.DeleteStateOnClear
                ? $"DELETE FROM orleans_grain_state WHERE {KeyFilter} AND etag = $etag"
                : $"""
                  UPDATE orleans_grain_state SET payload = NULL, etag = $new_etag, updated_at = $updated_at
                  WHERE {KeyFilter} AND etag = $etag
                  """;
            await using var command = KeyedCommand(connection, sql, stateName, grainId);
            command.Parameters.AddWithValue("$etag", heldETag);
            if (newETag is not null)
            {
                command.Parameters.AddWithValue("$new_etag", newETag);
                command.Parameters.AddWithValue("$updated_at", _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
            }

            if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
            {
                throw await ConflictAsync(connection, "clear", stateName, grainId, heldETag, cancellationToken);
            }
        }

        grainState.State = NewState<T>();
        grainState.ETag = newETag;
        grainState.RecordExists = false;
    }

    private SqliteCommand KeyedCommand(SqliteConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service_id", _serviceId);
        command.Parameters.AddWithValue("$grain_type", grainId.Type.ToString());
        command.Parameters.AddWithValue("$grain_id", grainId.Key.ToString());
        command.Parameters.AddWithValue("$state_name", stateName);
        return command;
    }

    private async Task<string?> StoredETagAsync(SqliteConnection connection, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = KeyedCommand(connection, $"SELECT etag FROM orleans_grain_state WHERE {KeyFilter}", stateName, grainId);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task<InconsistentStateException> ConflictAsync(
        SqliteConnection connection, string operation, string stateName, GrainId grainId, string? heldETag, CancellationToken cancellationToken)
    {
        // Read after the failed statement, only to explain the conflict: the row may have moved on again since.
        var storedETag = await StoredETagAsync(connection, stateName, grainId, cancellationToken);
        Log.GrainStateConflict(_logger, operation, _name, stateName, grainId.ToString(), heldETag, storedETag);
        return new InconsistentStateException(
            $"ETag conflict on {operation} of state '{stateName}' of {grainId} in grain storage '{_name}': " +
            $"the activation holds {heldETag ?? "no ETag"} but the store has {storedETag ?? "no row"}.",
            storedETag ?? "",
            heldETag ?? "");
    }

    private T NewState<T>() => _activators.GetActivator<T>().Create();
}
