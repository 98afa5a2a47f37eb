namespace Autonomy.Tools;

/// <summary>
/// Thrown by a tool to say that the caller's input is unusable (for a reason a schema cannot express).
/// The execution ends as <c>InvalidInput</c>, which never counts against the tool.
/// </summary>
public sealed class InvalidToolInputException : Exception
{
    public InvalidToolInputException()
    {
    }

    public InvalidToolInputException(string message) : base(message)
    {
    }

    public InvalidToolInputException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
