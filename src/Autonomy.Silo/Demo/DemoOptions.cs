using System.ComponentModel.DataAnnotations;

namespace Autonomy.Silo.Demo;

/// <summary>
/// The embedded demo, bound from <c>Autonomy:Demo</c>: realistic traffic against the sample tools, a deliberately
/// bad deploy, and the autonomous loop's progress printed to the console. It runs in embedded mode only; in cluster
/// mode the silo logs a warning and generates no traffic, even when it is enabled.
/// </summary>
public sealed class DemoOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Autonomy:Demo";

    /// <summary>The log category of the demo's console lines; the default log levels show it at Information.</summary>
    public const string LogCategory = "Autonomy.Demo";

    /// <summary>The default rate of tool calls.</summary>
    public const double DefaultCallsPerSecond = 20;

    /// <summary>The default random seed: the same seed picks the same tools and inputs in the same order.</summary>
    public const int DefaultSeed = 1;

    /// <summary>The default delay of the deliberately bad deploy after traffic starts: two minutes of healthy traffic first.</summary>
    public const int DefaultBadDeployAfterSeconds = 120;

    /// <summary>The default tool that gets the deliberately bad deploy.</summary>
    public const string DefaultBadDeployTool = "slugify";

    /// <summary>Whether the demo runs.</summary>
    /// <value>Defaults to false; the repository's <c>appsettings.json</c> turns it on.</value>
    public bool Enabled { get; set; }

    /// <summary>How many tool calls per second the traffic makes on average, spread over the tools by their weights.</summary>
    /// <value>Defaults to <see cref="DefaultCallsPerSecond"/>.</value>
    [Range(0.01, 1_000)]
    public double CallsPerSecond { get; set; } = DefaultCallsPerSecond;

    /// <summary>The seed of the random choices of tools, inputs and gaps between calls.</summary>
    /// <value>Defaults to <see cref="DefaultSeed"/>.</value>
    public int Seed { get; set; } = DefaultSeed;

    /// <summary>
    /// Seconds after traffic starts at which a bad version of <see cref="BadDeployTool"/> (its source is
    /// <c>bad-deploys/&lt;tool&gt;.cs</c> next to the traffic file) is registered and deployed; 0 never does.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultBadDeployAfterSeconds"/>.</value>
    [Range(0, 86_400)]
    public int BadDeployAfterSeconds { get; set; } = DefaultBadDeployAfterSeconds;

    /// <summary>The tool that gets the deliberately bad deploy.</summary>
    /// <value>Defaults to <see cref="DefaultBadDeployTool"/>.</value>
    [Required]
    [RegularExpression("^[a-z][a-z0-9_]{0,63}$", ErrorMessage = "BadDeployTool must be a tool name (snake_case).")]
    public string BadDeployTool { get; set; } = DefaultBadDeployTool;

    /// <summary>
    /// The traffic file (relative to the current directory). When unset, <c>samples/demo/traffic.json</c> under the
    /// repository root is used, found as the sample tools' folder is.
    /// </summary>
    /// <value>Defaults to null (found from the repository root).</value>
    public string? TrafficFile { get; set; }

    /// <summary>Whether to print the loop's lifecycle events every 2 s and a traffic summary every 30 s.</summary>
    /// <value>Defaults to true.</value>
    public bool ReportProgress { get; set; } = true;
}
