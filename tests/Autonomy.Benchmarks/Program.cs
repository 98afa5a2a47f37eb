using Autonomy.Benchmarks;
using Autonomy.Benchmarks.Analysis;
using Autonomy.Benchmarks.Cluster;
using Autonomy.Benchmarks.Storage;
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

// `storage` runs the execution-log ingest and rollup-scan measurements against AUTONOMY_TEST_POSTGRES.
if (args is [StorageBenchmarks.Command, .. var storageArgs])
{
    return await StorageBenchmarks.RunAsync(storageArgs);
}

// `analysis` times analysis and investigation of one tool with 1,000,000 executions, and the opportunity scan over 100,000 tools.
if (args is [AnalysisBenchmarks.Command, .. var analysisArgs])
{
    return await AnalysisBenchmarks.RunAsync(analysisArgs);
}

// `cluster` measures tool execution through silos hosted in this process against a raw grain call, on one and two silos.
if (args is [Autonomy.Benchmarks.Monitoring.MonitoringSimulation.Command, .. var monitoringArgs])
{
    return Autonomy.Benchmarks.Monitoring.MonitoringSimulation.Run(monitoringArgs);
}

// `discovery` times semantic search over 100,000 embeddings and duplicate detection over 10,000 tool sources.
if (args is [Autonomy.Benchmarks.Discovery.DiscoveryBenchmarks.Command, .. var discoveryArgs])
{
    return await Autonomy.Benchmarks.Discovery.DiscoveryBenchmarks.RunAsync(discoveryArgs);
}

// `cluster-processes` asks whether a second silo adds throughput: two silo processes, each pinned to its own core.
if (args is [ProcessScalingBenchmark.Command, .. var processArgs])
{
    return await ProcessScalingBenchmark.RunAsync(processArgs);
}

if (args is [ClusterBenchmark.Command, .. var clusterArgs])
{
    return await ClusterBenchmark.RunAsync(clusterArgs);
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args);
return 0;
