using Autonomy.Core.Storage.Migrations;
using Autonomy.Storage.Embedded;
using Microsoft.Data.Sqlite;

namespace Autonomy.Storage.Tests.Support;

/// <summary>
/// A fresh SQLite file per test class in a temp directory, with every embedded migration under
/// <c>schema/sqlite/</c> applied by <see cref="SqliteMigrator"/>. The directory is deleted when the class is done.
/// </summary>
public sealed class SqliteDatabase : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"autonomy-sqlite-{Guid.NewGuid():N}");

    private readonly bool _migrate;

    public SqliteDatabase()
        : this(migrate: true)
    {
    }

    /// <summary>A file that is migrated on initialisation, or left empty for migration tests.</summary>
    internal SqliteDatabase(bool migrate)
    {
        _migrate = migrate;
        Connections = SqliteConnectionFactory.ForFile(Path.Combine(_directory, "autonomy.db"));
    }

    /// <summary>Opens connections to this class's file.</summary>
    public SqliteConnectionFactory Connections { get; }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Connections.DatabasePath;

    /// <summary>What the migrator did when the file was created.</summary>
    public MigrationReport? Migrations { get; private set; }

    public async Task InitializeAsync()
    {
        if (_migrate)
        {
            Migrations = await SqliteMigrator.MigrateAsync(Connections);
        }
    }

    public Task DisposeAsync()
    {
        Connections.ClearPool();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs a query and maps each row.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> map, params SqliteParameter[] parameters)
    {
        await using var connection = await Connections.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Runs a statement and returns the number of rows it affected.</summary>
    public async Task<int> ExecuteAsync(string sql, params SqliteParameter[] parameters)
    {
        await using var connection = await Connections.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync();
    }
}
