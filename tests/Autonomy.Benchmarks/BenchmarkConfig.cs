using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Autonomy.Benchmarks;

/// <summary>
/// One short job: a launch, 3 warm-up and 10 measured iterations, enough for ratios on a 2-core machine.
/// </summary>
/// <remarks>
/// The job runs in-process, in the Release build that <c>dotnet run -c Release</c> made. The default, out-of-process
/// toolchain would generate a project and rebuild the solution into the source tree, ignoring
/// <c>--artifacts-path</c>, where it collides with other builds. Ratios of benchmarks in one run are unaffected.
/// </remarks>
public sealed class BenchmarkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public BenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithId("ShortInProcess"));
    }
}
