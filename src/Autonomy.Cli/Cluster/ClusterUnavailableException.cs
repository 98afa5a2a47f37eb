namespace Autonomy.Cli.Cluster;

/// <summary>No silo answered, or the connection was lost; the message is the one line the CLI prints.</summary>
internal sealed class ClusterUnavailableException : Exception
{
    public ClusterUnavailableException()
    {
    }

    public ClusterUnavailableException(string message)
        : base(message)
    {
    }

    public ClusterUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
