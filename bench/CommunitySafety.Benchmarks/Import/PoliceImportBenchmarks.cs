using BenchmarkDotNet.Attributes;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Benchmarks.Import;

/// <summary>
/// Imports a folder of police.uk street-level files into a fresh store: Bedfordshire's 25 months (2023-12 … 2025-12,
/// 130,890 rows, 28 MB) by default; set CSP_IMPORT_BENCH_DIR to measure another folder.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PoliceImportBenchmarks
{
    private string _folder = string.Empty;
    private string _storeFolder = string.Empty;
    private AnalyticalStore? _store;

    /// <summary>Rows imported by the last iteration (printed so rows/s can be worked out).</summary>
    public static long LastRows { get; private set; }

    [GlobalSetup]
    public void GlobalSetup() =>
        _folder = Environment.GetEnvironmentVariable("CSP_IMPORT_BENCH_DIR") is { Length: > 0 } d ? d : "/work/shared/data/police/bedfordshire";

    [IterationSetup]
    public void IterationSetup()
    {
        _storeFolder = Path.Combine(Path.GetTempPath(), "csp-import-bench", Guid.NewGuid().ToString("N"));
        _store = AnalyticalStore.Open(Path.Combine(_storeFolder, "csp.duckdb"));
    }

    [IterationCleanup]
    public void IterationCleanup()
    {
        _store?.Dispose();
        Directory.Delete(_storeFolder, recursive: true);
    }

    [Benchmark]
    public long ImportStreetFolder()
    {
        var summary = new PoliceImporter(_store!).Import(_folder);
        LastRows = summary.TotalRows;
        return summary.TotalRows;
    }
}
