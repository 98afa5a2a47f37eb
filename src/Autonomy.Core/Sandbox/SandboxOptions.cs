using System.ComponentModel.DataAnnotations;
using Autonomy.Tools;
using Autonomy.Tools.Sandbox;

namespace Autonomy.Core.Sandbox;

/// <summary>The budgets of every execution (section <c>Autonomy:Sandbox</c>).</summary>
public sealed class SandboxOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Autonomy:Sandbox";

    /// <summary>Default wall-clock deadline in milliseconds.</summary>
    public const int DefaultTimeoutMilliseconds = 5_000;

    /// <summary>Default step budget: loop iterations, jumps and calls.</summary>
    public const long DefaultMaxSteps = 100_000_000;

    /// <summary>Default stack budget in KiB (bounds recursion depth).</summary>
    public const int DefaultMaxStackKilobytes = 512;

    /// <summary>Default allocation budget in MiB.</summary>
    public const int DefaultMaxAllocatedMegabytes = 256;

    /// <summary>Default extra time the host waits past the deadline for a tool stuck outside the sandbox's reach.</summary>
    public const int DefaultGraceMilliseconds = 250;

    /// <summary>The wall-clock deadline of one execution.</summary>
    /// <value>Defaults to <see cref="DefaultTimeoutMilliseconds"/>.</value>
    [Range(1, 600_000)]
    public int TimeoutMilliseconds { get; set; } = DefaultTimeoutMilliseconds;

    /// <summary>How many loop iterations, jumps and calls one execution may make.</summary>
    /// <value>Defaults to <see cref="DefaultMaxSteps"/>.</value>
    [Range(1_000, long.MaxValue)]
    public long MaxSteps { get; set; } = DefaultMaxSteps;

    /// <summary>How much stack one execution may use, in KiB. A thread-pool thread has about 1.5 MiB.</summary>
    /// <value>Defaults to <see cref="DefaultMaxStackKilobytes"/>.</value>
    [Range(16, 1_024)]
    public int MaxStackKilobytes { get; set; } = DefaultMaxStackKilobytes;

    /// <summary>How many MiB one execution may allocate in all.</summary>
    /// <value>Defaults to <see cref="DefaultMaxAllocatedMegabytes"/>.</value>
    [Range(1, 16_384)]
    public int MaxAllocatedMegabytes { get; set; } = DefaultMaxAllocatedMegabytes;

    /// <summary>How long past the deadline the host waits for a tool blocked where no check can reach it, before answering Timeout.</summary>
    /// <value>Defaults to <see cref="DefaultGraceMilliseconds"/>.</value>
    [Range(0, 60_000)]
    public int GraceMilliseconds { get; set; } = DefaultGraceMilliseconds;

    /// <summary>How many log lines one execution keeps.</summary>
    /// <value>Defaults to <see cref="ToolLog.DefaultMaxLines"/>.</value>
    [Range(0, 10_000)]
    public int MaxLogLines { get; set; } = ToolLog.DefaultMaxLines;

    /// <summary>The budgets as the meter takes them.</summary>
    public SandboxLimits ToLimits() => new(
        MaxSteps,
        MaxStackKilobytes * 1024L,
        MaxAllocatedMegabytes * 1024L * 1024L,
        TimeSpan.FromMilliseconds(TimeoutMilliseconds));
}
