using BenchmarkDotNet.Running;
using LogPipeline.RandomCutForest.Benchmarks;

if (args is ["throughput", ..])
{
    ThroughputProbe.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
