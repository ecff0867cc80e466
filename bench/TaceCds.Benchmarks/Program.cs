using BenchmarkDotNet.Running;

// `population-parse DIR`: the parse-only yardstick of the population figures, timed from outside (PopulationParseOnly.cs).
if (args is ["population-parse", var folder]) return PopulationParseOnly.Run(folder);

// One benchmark class per file in this folder; pick with --filter.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
