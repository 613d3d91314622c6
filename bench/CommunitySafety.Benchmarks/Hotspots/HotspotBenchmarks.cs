using BenchmarkDotNet.Attributes;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Methods;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Benchmarks.Hotspots;

/// <summary>
/// A force-year of police.uk points (170,000 crimes on 25,000 anonymous map points over a 45 km × 50 km
/// force area, clustered around 40 town centres) through projection, grid, KDE and Gi*.
/// Target (issue "Hotspots and maps"): a few seconds. Results are in docs/benchmarks.md.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class HotspotBenchmarks
{
    private const int Crimes = 170_000;
    private const int MapPoints = 25_000;
    private GeoPoint[] _wgs84 = [];
    private List<GridPoint> _points = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(8);
        var towns = Enumerable.Range(0, 40)
            .Select(_ => (E: 500_000 + (random.NextDouble() * 45_000), N: 220_000 + (random.NextDouble() * 50_000), Sd: 300 + (random.NextDouble() * 1_200)))
            .ToArray();
        var mapPoints = new GridPoint[MapPoints];
        for (var i = 0; i < MapPoints; i++)
        {
            if (i % 5 == 0)
            {
                mapPoints[i] = new GridPoint(500_000 + (random.NextDouble() * 45_000), 220_000 + (random.NextDouble() * 50_000));
            }
            else
            {
                var t = towns[random.Next(towns.Length)];
                mapPoints[i] = new GridPoint(t.E + (Normal(random) * t.Sd), t.N + (Normal(random) * t.Sd));
            }
        }

        // Busy map points (town centres, shops) carry many crimes: a skewed pick.
        _wgs84 = new GeoPoint[Crimes];
        for (var i = 0; i < Crimes; i++)
        {
            var u = random.NextDouble();
            _wgs84[i] = BritishNationalGrid.ToWgs84(mapPoints[(int)(u * u * MapPoints)]);
        }

        _points = BritishNationalGrid.FromWgs84(_wgs84);
    }

    [Benchmark(Description = "Project 170,000 WGS84 points to British National Grid")]
    public int Project() => BritishNationalGrid.FromWgs84(_wgs84).Count;

    [Benchmark(Description = "Grid (automatic size) + counts + quartic KDE + Gi* with FDR, 170,000 points")]
    public int GridKdeGiStar() => Run(_points, null);

    [Benchmark(Description = "The same on 250 m cells")]
    public int GridKdeGiStar250() => Run(_points, 250);

    [Benchmark(Description = "Project + grid + KDE + Gi*, 170,000 points")]
    public int Pipeline() => Run(BritishNationalGrid.FromWgs84(_wgs84), null);

    private static int Run(List<GridPoint> points, double? cellSize)
    {
        var grid = HotspotGrid.Covering(points, GridOptions.Default with { CellSize = cellSize });
        var counts = grid.CountPoints(points);
        var kde = KernelDensity.Estimate(grid, points);
        var gi = GetisOrdGiStar.Calculate(grid, counts);
        return gi.HotCount + kde.Density.Count;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
