using System.Diagnostics;
using Autonomy.Core.Storage;
using Autonomy.Silo.Tests.Support;
using Autonomy.Storage.Embedded;
using Autonomy.Storage.Postgres;
using Autonomy.Storage.Tests.Support;
using Npgsql;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>A database that cannot be reached fails at start-up, quickly and with a message naming it. Needs no server.</summary>
public sealed class StorageConnectionTests
{
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PostgresMigrator_ClosedPort_FailsFastNamingTheTarget()
    {
        var port = FreePorts.Next();
        await using var dataSource = PostgresConnections.CreateDataSource(
            $"Host=127.0.0.1;Port={port};Username=autonomy;Password=secret-password;Database=autonomy");
        var stopwatch = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<StorageUnavailableException>(() => PostgresMigrator.MigrateAsync(dataSource));

        Assert.True(stopwatch.Elapsed < Fast, $"took {stopwatch.Elapsed}");
        Assert.StartsWith($"Cannot connect to PostgreSQL at 127.0.0.1:{port} (database 'autonomy', user 'autonomy'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-password", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<NpgsqlException>(exception.InnerException);
    }

    [Fact]
    public async Task PostgresMigrator_UnroutableHost_FailsWithinTheConnectTimeout()
    {
        // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): nothing answers there, so only the timeout ends the attempt.
        await using var dataSource = PostgresConnections.CreateDataSource("Host=192.0.2.1;Port=5432;Username=autonomy;Timeout=1");
        var stopwatch = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<StorageUnavailableException>(() => PostgresMigrator.MigrateAsync(dataSource));

        Assert.True(stopwatch.Elapsed < Fast, $"took {stopwatch.Elapsed}");
        Assert.StartsWith("Cannot connect to PostgreSQL at 192.0.2.1:5432", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateDataSource_NoTimeoutInString_UsesTheShortDefault()
    {
        using var dataSource = PostgresConnections.CreateDataSource("Host=127.0.0.1;Username=autonomy");

        Assert.Equal(PostgresConnections.DefaultConnectTimeoutSeconds, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Timeout);
    }

    [Fact]
    public void CreateDataSource_TimeoutInString_IsKept()
    {
        using var dataSource = PostgresConnections.CreateDataSource("Host=127.0.0.1;Username=autonomy;Timeout=30");

        Assert.Equal(30, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Timeout);
    }

    [Fact]
    public async Task SqliteMigrator_PathUnderAFile_FailsNamingTheFile()
    {
        var file = Path.GetTempFileName();
        try
        {
            var connections = SqliteConnectionFactory.ForFile(Path.Combine(file, "autonomy.db"));

            var exception = await Assert.ThrowsAsync<StorageUnavailableException>(() => SqliteMigrator.MigrateAsync(connections));

            Assert.StartsWith($"Cannot open the SQLite database '{Path.Combine(file, "autonomy.db")}'", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task SqliteConnectionFactory_OpenAsync_SetsWalBusyTimeoutAndForeignKeys()
    {
        await using var database = new SqliteDatabase(migrate: false);
        await database.InitializeAsync();
        var factory = new SqliteConnectionFactory(new SqliteStorageOptions { DatabasePath = database.DatabasePath, BusyTimeoutMilliseconds = 1234 });

        await using var connection = await factory.OpenAsync();

        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal("1234", await PragmaAsync(connection, "busy_timeout"));
        Assert.Equal("1", await PragmaAsync(connection, "foreign_keys"));
    }

    private static async Task<string?> PragmaAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string pragma)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
