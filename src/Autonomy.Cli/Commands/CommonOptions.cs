using System.CommandLine;

namespace Autonomy.Cli.Commands;

/// <summary>Options that several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string?> Policy() => new("--policy")
    {
        Description = "Check tools against this policy file (JSON allow/deny rules) instead of the built-in policy.",
    };

    /// <summary><c>--as NAME</c>: who does it, for the record.</summary>
    public static Option<string?> Actor(string what) => new("--as") { Description = $"Who {what}, for the record (default: the user name)." };

    /// <summary>The <c>--as</c> name given, or the user's name.</summary>
    public static string ActorOf(ParseResult parse, Option<string?> actor) =>
        parse.GetValue(actor) is { Length: > 0 } given ? given : Environment.UserName;

    public static Option<bool> Json() => new("--json") { Description = "Print machine-readable JSON instead of text." };
}
