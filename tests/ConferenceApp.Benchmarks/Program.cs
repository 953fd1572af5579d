using BenchmarkDotNet.Running;
using ConferenceApp.Benchmarks;

// Runs the benchmarks that the arguments select, such as --filter '*Import*'. See docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(ImportBenchmarks).Assembly).Run(args);
