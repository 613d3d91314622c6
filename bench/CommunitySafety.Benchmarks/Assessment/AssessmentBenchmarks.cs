using BenchmarkDotNet.Attributes;
using CommunitySafety.Areas;
using CommunitySafety.Assessment;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Assessment.Store;
using CommunitySafety.Crime;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Benchmarks.Assessment;

/// <summary>
/// The all-areas strategic assessment the web app needs: every CSP of England and Wales assessed for one year.
/// <see cref="InMemory"/> times the assessment itself (trends, benchmarking, funnel, harm, matrix, 10,000-draw
/// sensitivity, key messages) on 300 synthetic areas; <see cref="FromStore"/> adds reading the counts from a national
/// store (set <c>CSP_ASSESS_BENCH_STORE</c> to a store built from <c>csp generate</c>). Results are in docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class AssessmentBenchmarks
{
    private const int Areas = 300;
    private static readonly FinancialYear Year = new(2022);
    private readonly List<(AssessmentRequest Request, AssessmentData Data)> _inputs = [];
    private AnalyticalStore? _store;

    /// <summary>How many areas each in-memory assessment is benchmarked against (15 nearest by population).</summary>
    public const int Peers = 15;

    /// <summary>Funnel points for every crime type (true) or for all recorded crime only (false).</summary>
    [Params(true, false)]
    public bool FunnelForEachCrimeType { get; set; }

    private AssessmentSettings Settings => AssessmentSettings.Default with { FunnelForEachCrimeType = FunnelForEachCrimeType };

    [GlobalSetup(Target = nameof(InMemory))]
    public void SetupInMemory()
    {
        var random = new Random(7);
        var rates = CrimeType.Current.ToDictionary(t => t, _ => 1 + (random.NextDouble() * 30));
        var areas = new List<AreaData>();
        for (var i = 0; i < Areas; i++)
        {
            var area = new Area(AreaCode.Parse($"E22{i:D6}"), $"Area {i}", AreaType.CommunitySafetyPartnership);
            var population = 60_000 + (random.NextDouble() * 1_000_000);
            var level = 0.6 + (random.NextDouble() * 0.8);
            var years = Enumerable.Range(0, 6).Select(y => new AreaYear(
                Year.AddYears(y - 5),
                12,
                population,
                rates.ToDictionary(p => p.Key, p => (long)(p.Value * level * population / 1000 * (0.9 + (random.NextDouble() * 0.2)))))).ToArray();
            areas.Add(new AreaData(area, years));
        }

        var national = new AreaData(Area.EnglandAndWales, [.. Enumerable.Range(0, 6).Select(y =>
        {
            var fy = Year.AddYears(y - 5);
            var all = areas.Select(a => a.For(fy)!).ToArray();
            return new AreaYear(fy, 12, all.Sum(a => a.Population!.Value), CrimeType.Current.ToDictionary(t => t, t => all.Sum(a => a.CountOf(t))));
        })]);

        foreach (var area in areas)
        {
            var population = area.Years[0].Population!.Value;
            var peers = areas.Where(a => a != area).OrderBy(a => Math.Abs(a.Years[0].Population!.Value - population)).Take(Peers).ToArray();
            var group = new PeerGroup(area.Area.Code, [.. peers.Select(p => p.Area.Code)], "benchmark", new Dictionary<AreaCode, double>());
            _inputs.Add((new AssessmentRequest { Year = Year, PeerGroup = group }, new AssessmentData(area, national, peers, [])));
        }
    }

    [GlobalSetup(Targets = [nameof(FromStore), nameof(ReadFromStore)])]
    public void SetupStore()
    {
        var path = Environment.GetEnvironmentVariable("CSP_ASSESS_BENCH_STORE")
            ?? throw new InvalidOperationException("Set CSP_ASSESS_BENCH_STORE to a national analytical store (csp generate, then csp import).");
        _store = AnalyticalStore.OpenReadOnly(path);
    }

    [GlobalCleanup]
    public void Cleanup() => _store?.Dispose();

    /// <summary>300 areas assessed from data already in memory.</summary>
    [Benchmark(Description = "300 areas, in memory")]
    public int InMemory()
    {
        var n = 0;
        foreach (var (request, data) in _inputs)
        {
            n += StrategicAssessment.Assess(request, data, Settings, DateTimeOffset.UnixEpoch).KeyMessages.Count;
        }

        return n;
    }

    /// <summary>The assessment year of the store benchmarks: <c>CSP_ASSESS_BENCH_YEAR</c>, by default 2023/24.</summary>
    private static FinancialYear StoreYear => FinancialYear.Parse(Environment.GetEnvironmentVariable("CSP_ASSESS_BENCH_YEAR") ?? "2023/24");

    /// <summary>
    /// Every CSP in the store, each against all the others: read in bulk (AllAreaCounts), then assessed in parallel, with
    /// each area's own funnel points only (the overview's setting, as the <c>national-assess … own</c> runner).
    /// </summary>
    [Benchmark(Description = "every CSP, from the store (bulk read + assess, own funnel points)")]
    public int FromStore() =>
        AllAreasAssessment.Run(_store!, AreaKind.CommunitySafetyPartnership, StoreYear, Settings with { FunnelPointForEachPeer = false }, DateTimeOffset.UnixEpoch).Count;

    /// <summary>Only the bulk read of <see cref="FromStore"/>: every CSP's years, England and Wales, peers and notes.</summary>
    [Benchmark(Description = "every CSP, bulk read only")]
    public int ReadFromStore() =>
        AllAreasAssessment.Load(_store!, AreaKind.CommunitySafetyPartnership, StoreYear).Count;
}
