namespace Autonomy.Tools.Sandbox;

/// <summary>The budgets of one execution.</summary>
/// <param name="MaxSteps">Loop iterations, jumps and calls allowed.</param>
/// <param name="MaxStackBytes">Stack the tool may use on top of where its execution started.</param>
/// <param name="MaxAllocatedBytes">Bytes the execution may allocate in all (freed memory still counts).</param>
/// <param name="Timeout">Wall-clock time allowed.</param>
public sealed record SandboxLimits(long MaxSteps, long MaxStackBytes, long MaxAllocatedBytes, TimeSpan Timeout)
{
    /// <summary>Budgets suitable for small tools: 100 million steps, 512 KiB of stack, 256 MiB allocated, 5 seconds.</summary>
    public static SandboxLimits Default { get; } = new(100_000_000, 512 * 1024, 256L * 1024 * 1024, TimeSpan.FromSeconds(5));
}
