namespace Autonomy.Silo.Samples;

/// <summary>Where the sample tools loaded at start-up are, bound from <c>Autonomy:Samples</c>.</summary>
public sealed class SampleToolsOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Autonomy:Samples";

    /// <summary>The file that marks the repository root when the directory is not configured.</summary>
    public const string RepositoryMarker = "Autonomy.Orleans.sln";

    /// <summary>The samples' folder under the repository root.</summary>
    public static readonly string RepositorySamplesFolder = Path.Combine("samples", "tools");

    /// <summary>Whether to load the samples at all.</summary>
    /// <value>Defaults to true.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The folder of <c>*.cs</c> tool files. When unset, the folder containing <see cref="RepositoryMarker"/> is
    /// looked for from the current directory upwards, and <see cref="RepositorySamplesFolder"/> under it is used.
    /// </summary>
    /// <value>Defaults to null (found from the repository root).</value>
    public string? Directory { get; set; }
}
