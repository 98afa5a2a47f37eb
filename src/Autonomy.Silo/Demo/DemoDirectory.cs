using Autonomy.Silo.Samples;

namespace Autonomy.Silo.Demo;

/// <summary>Finds the demo's files: the traffic file and, next to it, the sources of the bad deploys.</summary>
internal static class DemoDirectory
{
    /// <summary>The traffic file under the repository root.</summary>
    public static readonly string RepositoryTrafficFile = Path.Combine("samples", "demo", "traffic.json");

    /// <summary>The folder of bad deploys, next to the traffic file.</summary>
    public const string BadDeploysFolder = "bad-deploys";

    /// <summary>
    /// The configured traffic file (relative to the current directory), or <see cref="RepositoryTrafficFile"/> under
    /// the repository root; null when there is none.
    /// </summary>
    public static string? ResolveTrafficFile(DemoOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.TrafficFile))
        {
            return Path.GetFullPath(options.TrafficFile);
        }

        return SampleToolDirectory.FindRepositoryRoot() is { } root ? Path.Combine(root, RepositoryTrafficFile) : null;
    }

    /// <summary>The source of a tool's bad deploy: <c>bad-deploys/&lt;tool&gt;.cs</c> next to the traffic file.</summary>
    public static string BadDeployFile(string trafficFile, string tool) =>
        Path.Combine(Path.GetDirectoryName(trafficFile) ?? ".", BadDeploysFolder, tool + ".cs");
}
