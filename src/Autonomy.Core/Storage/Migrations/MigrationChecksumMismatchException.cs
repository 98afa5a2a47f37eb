namespace Autonomy.Core.Storage.Migrations;

/// <summary>
/// An applied migration's script has changed since it was applied. Applied migrations are immutable: change
/// the schema with a new migration instead, or restore the original file.
/// </summary>
public sealed class MigrationChecksumMismatchException : InvalidOperationException
{
    public MigrationChecksumMismatchException()
    {
    }

    public MigrationChecksumMismatchException(string message)
        : base(message)
    {
    }

    public MigrationChecksumMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MigrationChecksumMismatchException(Migration migration, string appliedChecksum)
        : base(
            $"Migration {migration} was applied with checksum {appliedChecksum}, but the script in this build has " +
            $"checksum {migration.Checksum}. Applied migrations must not change: restore the file and add a new migration.")
    {
        Version = migration.Version;
        AppliedChecksum = appliedChecksum;
        CurrentChecksum = migration.Checksum;
    }

    /// <summary>The version of the changed migration.</summary>
    public int Version { get; }

    /// <summary>The checksum recorded when it was applied.</summary>
    public string AppliedChecksum { get; } = "";

    /// <summary>The checksum of the script in this build.</summary>
    public string CurrentChecksum { get; } = "";
}
