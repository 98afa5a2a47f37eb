using Autonomy.Benchmarks;
using BenchmarkDotNet.Running;

// `cold` measures a first compile in fresh processes; `cold-child` is one such process. Everything else goes to
// BenchmarkDotNet, for example `--filter '*'`.
if (args is [ColdCompile.Command, .. var rest])
{
    return await ColdCompile.RunAsync(rest);
}

if (args is [ColdCompile.ChildCommand])
{
    return await ColdCompile.RunChildAsync();
}

if (args is [SandboxOverheadInterleaved.Command, .. var input])
{
    return SandboxOverheadInterleaved.Run(input is [var json] ? json : null);
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args);
return 0;
