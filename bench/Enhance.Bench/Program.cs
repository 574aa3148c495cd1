using BenchmarkDotNet.Running;

// enhance-bench: BenchmarkDotNet suites; pass --filter '*Dehalo*' etc. Every suite has a baseline
// (a plain copy of the same frame) so figures read as ratios on a shared, noisy machine.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
