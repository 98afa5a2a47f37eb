namespace Autonomy.Core.Storage;

/// <summary>
/// A write conflicts with a row that already exists, for example a second active monitoring session for a tool.
/// Both backends throw it for the same conflicts.
/// </summary>
public class StoreConflictException : InvalidOperationException
{
    public StoreConflictException()
    {
    }

    public StoreConflictException(string message)
        : base(message)
    {
    }

    public StoreConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
