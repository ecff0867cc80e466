using BenchmarkDotNet.Running;

// One benchmark class per file in this folder; pick with --filter.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
