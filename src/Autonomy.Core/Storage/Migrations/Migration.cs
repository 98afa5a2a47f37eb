namespace Autonomy.Core.Storage.Migrations;

/// <summary>One versioned schema migration: a plain SQL file applied once, in its own transaction.</summary>
/// <param name="Version">The number the file name starts with; migrations apply in ascending order.</param>
/// <param name="Name">The rest of the file name without the extension, for example <c>project</c>.</param>
/// <param name="Sql">The script, run as one multi-statement command.</param>
/// <param name="Checksum">The checksum of <paramref name="Sql"/> (<see cref="MigrationChecksum"/>).</param>
public sealed record Migration(int Version, string Name, string Sql, string Checksum)
{
    /// <summary>Builds a migration and computes its checksum.</summary>
    public static Migration Create(int version, string name, string sql) =>
        new(version, name, sql, MigrationChecksum.Of(sql));

    /// <inheritdoc />
    public override string ToString() => $"{Version:D4}_{Name}";
}
