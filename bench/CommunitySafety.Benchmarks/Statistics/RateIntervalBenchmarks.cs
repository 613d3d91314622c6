using BenchmarkDotNet.Attributes;
using CommunitySafety.Statistics;

namespace CommunitySafety.Benchmarks.Statistics;

/// <summary>
/// Intervals for 1,000,000 crude rates (counts 0 … 100,000, so both the exact and Byar's paths run).
/// Target: ≤ 0.2 s on the 2-core build machine. Results are in docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 5)]
public class RateIntervalBenchmarks
{
    private const int Count = 1_000_000;
    private long[] _counts = [];
    private double[] _denominators = [];
    private RateResult[] _results = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _counts = new long[Count];
        _denominators = new double[Count];
        _results = new RateResult[Count];
        for (var i = 0; i < Count; i++)
        {
            // A fifth of the counts are below 10 (exact limits), the rest spread up to 100,000 (Byar's).
            _counts[i] = i % 5 == 0 ? random.Next(0, 10) : random.Next(10, 100_000);
            _denominators[i] = random.Next(1_000, 10_000_000);
        }
    }

    [Benchmark(Description = "1,000,000 rates, auto method")]
    public void MillionRatesAuto() => CrudeRate.CalculateMany(_counts, _denominators, _results, RateOptions.Default);

    [Benchmark(Description = "1,000,000 rates, exact method")]
    public void MillionRatesExact()
    {
        // Exact limits of counts below 1,024 are cached; larger counts need the chi-squared quantile each time,
        // so this case uses counts 0 … 1,023 only.
        var options = RateOptions.Default with { Method = PoissonMethod.Exact };
        for (var i = 0; i < _counts.Length; i++)
        {
            _results[i] = CrudeRate.Calculate(_counts[i] & 1023, _denominators[i], options);
        }
    }
}
