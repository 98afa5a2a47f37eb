namespace Autonomy.Core.Storage.Migrations;

/// <summary>A migration script failed; its transaction was rolled back and nothing of it was recorded.</summary>
public sealed class MigrationFailedException : InvalidOperationException
{
    public MigrationFailedException()
    {
    }

    public MigrationFailedException(string message)
        : base(message)
    {
    }

    public MigrationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
