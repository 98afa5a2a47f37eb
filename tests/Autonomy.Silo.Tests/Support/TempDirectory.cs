using Microsoft.Data.Sqlite;

namespace Autonomy.Silo.Tests.Support;

/// <summary>A fresh folder for one test's data, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"autonomy-silo-{Guid.NewGuid():N}");

    /// <summary>The database file inside a subfolder that does not exist yet (the host creates it).</summary>
    public string DatabasePath => System.IO.Path.Combine(Path, "data", "autonomy.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The host never started.
        }
        catch (IOException)
        {
            // A file still held by a stopping host; the temp folder is left behind.
        }
    }
}
