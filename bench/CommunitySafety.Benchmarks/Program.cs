using BenchmarkDotNet.Running;
using CommunitySafety.Benchmarks.National;

// bench/national.sh runs each DuckDB reader in a process of its own (peak memory per engine).
if (args is ["national-duckdb", ..])
{
    return NationalDuckDbRunner.Run(args[1..]);
}

// The all-CSP strategic assessment of a national store, timed step by step.
if (args is ["national-assess", ..])
{
    return NationalAssessmentRunner.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
