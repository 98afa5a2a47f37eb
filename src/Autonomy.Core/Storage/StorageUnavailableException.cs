namespace Autonomy.Core.Storage;

/// <summary>
/// The database could not be reached or opened: a wrong host or port, a server that is down, a missing
/// database or file, or bad credentials. The message names the target (never the password) and the cause.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
