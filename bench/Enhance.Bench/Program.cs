using BenchmarkDotNet.Running;

// enhance-bench: BenchmarkDotNet suites; pass --filter '*Dehalo*' etc. Every suite has a baseline
// (a plain copy of the same frame) so figures read as ratios on a shared, noisy machine.
// `frame-*` commands are plain whole-frame timers used by bench/plugin-frame-bench.sh.
if (args.Length > 0 && args[0].StartsWith("frame-", StringComparison.Ordinal))
    return Enhance.Bench.FrameTimers.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
