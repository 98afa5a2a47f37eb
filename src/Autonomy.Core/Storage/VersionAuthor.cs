namespace Autonomy.Core.Storage;

/// <summary>Who wrote a version of a tool.</summary>
public enum VersionAuthor
{
    /// <summary>A person, through the admin client or the command line.</summary>
    Human = 0,

    /// <summary>The improvement loop.</summary>
    Autonomous = 1,
}
