using BenchmarkDotNet.Running;
using LogPipeline.RandomCutForest.Benchmarks;

if (args is ["throughput", ..])
{
    ThroughputProbe.Run();
    return;
}

if (args is ["scaling", .. var rest])
{
    ScalingProbe.Run(quick: rest is ["quick", ..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
