namespace Autonomy.Silo.Hosting;

/// <summary>The host cannot start as configured; the message is one line meant for the person who ran it.</summary>
public sealed class SiloStartupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SiloStartupException()
    {
    }

    /// <summary>Creates the exception with a one-line message.</summary>
    public SiloStartupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public SiloStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
