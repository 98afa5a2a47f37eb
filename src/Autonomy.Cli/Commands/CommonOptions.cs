using System.CommandLine;

namespace Autonomy.Cli.Commands;

/// <summary>Options that several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string?> Policy() => new("--policy")
    {
        Description = "Check tools against this policy file (JSON allow/deny rules) instead of the built-in policy.",
    };

    public static Option<bool> Json() => new("--json") { Description = "Print machine-readable JSON instead of text." };
}
