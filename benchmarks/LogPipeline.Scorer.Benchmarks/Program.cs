using BenchmarkDotNet.Running;
using LogPipeline.Scorer.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(ExplanationBenchmarks).Assembly).Run(args);
