using System.IO.Compression;
using CommunitySafety.Crime;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Methods;
using CommunitySafety.Hotspots.Output;
using CommunitySafety.Hotspots.Projection;
using CommunitySafety.Periods;
using CommunitySafety.Tests;

namespace CommunitySafety.Hotspots.Tests;

/// <summary>
/// A real analytical store for the hot spot use case: the ONS lookups of <c>tests/fixtures</c> and Bedfordshire's
/// police.uk street records for January to March 2024, taken from the repository's sample archive.
/// </summary>
public sealed class HotspotStoreFixture : IDisposable
{
    /// <summary>The months imported.</summary>
    public static readonly string[] Months = ["2024-01", "2024-02", "2024-03"];

    public HotspotStoreFixture()
    {
        var root = RepositoryFolders.Root;
        Folder = Path.Combine(Path.GetTempPath(), "csp-hotspots-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        var files = new List<string>();
        using (var zip = ZipFile.OpenRead(Path.Combine(root, "samples", "police", "bedfordshire-2018-2025.zip")))
        {
            foreach (var month in Months)
            {
                var file = Path.Combine(Folder, $"{month}-bedfordshire-street.csv");
                zip.GetEntry($"{month}/{month}-bedfordshire-street.csv")!.ExtractToFile(file);
                files.Add(file);
            }
        }

        Store = AnalyticalStore.Open(Path.Combine(Folder, "csp.duckdb"));
        new LookupImporter(Store).Import(Path.Combine(root, "tests", "fixtures", "lookups", "LAD17_CSP17_PFA17_lookup.csv"));
        new LookupImporter(Store).Import(Path.Combine(root, "tests", "fixtures", "lookups", "LSOA11_WD20_LAD20_lookup_slice.csv"));
        new PoliceImporter(Store).Import(files);
        Luton = new AreaResolver(Store).Resolve("Luton");
    }

    public string Folder { get; }

    public AnalyticalStore Store { get; }

    public ResolvedArea Luton { get; }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// The hot spot use case (<see cref="HotspotAnalysis.Run"/>) against a real store: the same result as its steps called by
/// hand (read the located records, project them, lay the grid, count, run the method), and each reason there is no map.
/// </summary>
public sealed class HotspotAnalysisTests(HotspotStoreFixture fixture) : IClassFixture<HotspotStoreFixture>
{
    private static readonly ReportingPeriod Quarter = ReportingPeriod.Parse("Q4 2023/24"); // January to March 2024

    private List<(GridPoint Point, HotspotPoint Record)> ByHand(ReportingPeriod period, IReadOnlyList<CrimeType>? types = null) =>
        [.. new HotspotPointsQuery(fixture.Store).Read(fixture.Luton, period.FirstMonth, period.LastMonth, types)
            .Select(r => (BritishNationalGrid.FromWgs84(new GeoPoint(r.Longitude, r.Latitude)), r))];

    [Fact]
    public void Run_GiStar_IsTheStepsCalledByHand()
    {
        var points = ByHand(Quarter).Select(p => p.Point).ToList();
        var grid = HotspotGrid.Covering(points, GridOptions.Default);
        var counts = grid.CountPoints(points);
        var gi = GetisOrdGiStar.Calculate(grid, counts);
        var table = new CellTable(grid).AddCounts(counts).AddGiStar(gi);

        var result = HotspotAnalysis.Run(fixture.Store, new HotspotRequest { Area = fixture.Luton, Period = Quarter, Options = new HotspotOptions { Method = HotspotMethod.GiStar } });

        Assert.True(result.HasMap);
        Assert.Null(result.Problem);
        Assert.True(points.Count > 4_000, $"Luton should have over 4,000 located records in January to March 2024, not {points.Count}");
        Assert.Equal(points.Count, result.Records.Count);
        Assert.Equal(grid.Count, result.Grid.Count);
        Assert.Equal(grid.CellSize, result.Grid.CellSize);
        Assert.Equal(counts, result.Counts);
        Assert.Equal(points.Count, result.Counts.Sum());
        Assert.Equal(gi.Z, result.GiStar!.Z);
        Assert.Equal(gi.Significance, result.GiStar.Significance);
        Assert.Contains(result.GiStar.Significance, s => s == HotspotSignificance.Hot99);
        Assert.Equal(CellExport.ToCsv(table), CellExport.ToCsv(result.Table));
        Assert.Equal(MapLayer.GiStar(gi).CellClass, result.Layer.CellClass);
        Assert.Equal(0, result.OutsideCells);
    }

    [Fact]
    public void Run_OneCrimeType_MapsOnlyItsRecords()
    {
        var burglary = ByHand(Quarter, [CrimeType.Burglary]);

        var result = HotspotAnalysis.Run(fixture.Store, new HotspotRequest { Area = fixture.Luton, Period = Quarter, CrimeTypes = [CrimeType.Burglary] });

        Assert.True(result.HasMap);
        Assert.InRange(burglary.Count, 50, ByHand(Quarter).Count / 5);
        Assert.Equal(burglary.Count, result.Records.Count);
        Assert.Equal(burglary.Count, result.Counts.Sum());
        Assert.Equal("count", result.Table.Columns[0].Name);
    }

    [Fact]
    public void Run_KernelDensity_IsTheEstimateOnTheSameGrid()
    {
        var points = ByHand(Quarter).Select(p => p.Point).ToList();
        var grid = HotspotGrid.Covering(points, GridOptions.Default with { CellSize = 250 });
        var kde = KernelDensity.Estimate(grid, points, KernelDensityOptions.Default with { Bandwidth = 400 });

        var result = HotspotAnalysis.Run(fixture.Store, new HotspotRequest
        {
            Area = fixture.Luton,
            Period = Quarter,
            Options = new HotspotOptions { Method = HotspotMethod.KernelDensity, Grid = GridOptions.Default with { CellSize = 250 }, Bandwidth = 400 },
        });

        Assert.Equal(kde.Density, result.KernelDensity!.Density);
        Assert.Equal(400, result.KernelDensity.Bandwidth);
        Assert.Equal("Crimes per km² (bandwidth 400 m)", result.Layer!.Title);
        Assert.False(result.Grid!.CellSizeIsAutomatic);
    }

    [Fact]
    public void Run_Change_ComparesWithThePreviousPeriodOfTheSameLength()
    {
        var march = ReportingPeriod.Parse("2024-03");
        var before = ByHand(ReportingPeriod.Parse("2024-02")).Select(p => p.Point).ToList();
        var after = ByHand(march).Select(p => p.Point).ToList();

        var result = HotspotAnalysis.Run(fixture.Store, new HotspotRequest { Area = fixture.Luton, Period = march, Options = new HotspotOptions { Method = HotspotMethod.Change } });

        Assert.True(result.HasMap);
        Assert.Equal(1, result.Months);
        Assert.Equal(after.Count, result.Records.Count);
        Assert.All(result.Records, r => Assert.Equal(march.FirstMonth, r.Month));
        Assert.Equal(HotspotChange.Calculate(result.Grid, before, after), result.Change);
        Assert.Equal(before.Count(p => result.Grid.FindCell(p) >= 0), result.Change!.Sum(c => c.Before));
        Assert.Equal(after.Count, result.Change!.Sum(c => c.After));
    }

    [Fact]
    public void Run_Classify_TakesEachMonthAsOneStep()
    {
        var records = ByHand(Quarter);
        var points = records.Select(p => p.Point).ToList();
        var grid = HotspotGrid.Covering(points, GridOptions.Default);
        IReadOnlyList<IReadOnlyList<GridPoint>> series = [.. HotspotStoreFixture.Months.Select(m => (IReadOnlyList<GridPoint>)[.. records.Where(r => r.Record.Month.ToString() == m).Select(r => r.Point)])];
        var expected = HotspotClassification.Classify(grid, series, HotspotClassificationOptions.Default);

        var result = HotspotAnalysis.Run(fixture.Store, new HotspotRequest { Area = fixture.Luton, Period = Quarter, Options = new HotspotOptions { Method = HotspotMethod.Classify } });

        Assert.Equal(3, series.Count);
        Assert.All(series, month => Assert.NotEmpty(month));
        Assert.Equal(expected.Trend, result.Classification!.Trend);
    }

    [Fact]
    public void Run_ClassifyOnOneMonth_IsRefused()
    {
        var result = HotspotAnalysis.Run(fixture.Store, new HotspotRequest { Area = fixture.Luton, Period = ReportingPeriod.Parse("2024-03"), Options = new HotspotOptions { Method = HotspotMethod.Classify } });

        Assert.False(result.HasMap);
        Assert.Equal(HotspotProblem.TooFewMonthsToClassify, result.Problem);
        Assert.Null(result.Classification);
    }

    [Fact]
    public void Run_AYearWithNoRecords_SaysThereAreNone()
    {
        var result = HotspotAnalysis.Run(fixture.Store, new HotspotRequest { Area = fixture.Luton, Period = ReportingPeriod.Parse("2020/21") });

        Assert.False(result.HasMap);
        Assert.Equal(HotspotProblem.NoLocatedRecords, result.Problem);
        Assert.Empty(result.Records);
        Assert.Null(result.Grid);
    }

    [Fact]
    public void Run_ACellSizeTooSmall_SaysWhyTheGridCannotBeMade()
    {
        var result = HotspotAnalysis.Run(fixture.Store, new HotspotRequest { Area = fixture.Luton, Period = Quarter, Options = new HotspotOptions { Grid = GridOptions.Default with { CellSize = 1 } } });

        Assert.Equal(HotspotProblem.GridNotPossible, result.Problem);
        Assert.StartsWith("A cell size of 1 m is too small", result.ProblemText, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", result.ProblemText, StringComparison.Ordinal);
        Assert.Equal(ByHand(Quarter).Count, result.Records.Count);
    }

    [Fact]
    public void Run_ClippedToABoundary_LeavesOutTheRecordsOutsideIt()
    {
        // A box of about 2 km around Luton town centre (WGS84).
        var boundary = Boundary.FromGeoJson("""
            {"type":"Polygon","coordinates":[[[-0.43,51.87],[-0.40,51.87],[-0.40,51.89],[-0.43,51.89],[-0.43,51.87]]]}
            """);
        var all = ByHand(Quarter);
        var inside = all.Where(p => boundary.Contains(p.Point)).ToList();

        var clipped = HotspotAnalysis.Run(fixture.Store, new HotspotRequest { Area = fixture.Luton, Period = Quarter, Options = new HotspotOptions { Method = HotspotMethod.GiStar, Boundary = boundary, ClipRecordsToBoundary = true } });
        var byCell = HotspotAnalysis.Run(fixture.Store, new HotspotRequest { Area = fixture.Luton, Period = Quarter, Options = new HotspotOptions { Method = HotspotMethod.GiStar, Boundary = boundary } });

        Assert.InRange(inside.Count, 1_000, all.Count - 1_000);
        Assert.Equal(inside.Count, clipped.Records.Count);
        Assert.Equal(all.Count - inside.Count, clipped.OutsideBoundary);
        Assert.Same(boundary, clipped.Boundary);
        Assert.Equal(inside.Count, clipped.Counts!.Sum());
        // Without the clip every record is kept, and those in none of the boundary's cells are counted as outside them.
        Assert.Equal(all.Count, byCell.Records.Count);
        Assert.Equal(0, byCell.OutsideBoundary);
        Assert.Equal(all.Count, byCell.Counts!.Sum() + byCell.OutsideCells);
        Assert.True(byCell.OutsideCells > 0);
        Assert.Equal(HotspotGrid.Covering(boundary, GridOptions.Default).Count, clipped.Grid!.Count);
    }

    [Fact]
    public void LsoasOf_NamesEachCellsLsoasMostFirst()
    {
        var result = HotspotAnalysis.Run(fixture.Store, new HotspotRequest { Area = fixture.Luton, Period = Quarter, Options = new HotspotOptions { Method = HotspotMethod.GiStar } });
        var busiest = Enumerable.Range(0, result.Grid!.Count).MaxBy(i => result.Counts![i]);
        var expected = result.Records.Where(r => r.LsoaCode is not null && result.Grid.FindCell(r.Point) == busiest)
            .GroupBy(r => r.LsoaCode!).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();

        var lsoas = result.LsoasOf(busiest);

        Assert.Equal(expected, lsoas);
        Assert.Equal(result.Counts![busiest], lsoas.Sum(l => l.Records));
        Assert.All(lsoas, l => Assert.StartsWith("E01", l.Code, StringComparison.Ordinal));
        Assert.Empty(result.LsoasOf(-1));
    }

    [Fact]
    public void Analyse_ChangeWithoutAPeriod_IsRefused() =>
        Assert.Throws<ArgumentException>(() => HotspotAnalysis.Analyse([], null, new HotspotOptions { Method = HotspotMethod.Change }));
}

/// <summary>Months imported counts-only have counts but no records: the use case says so instead of mapping the others.</summary>
public sealed class HotspotAnalysisCountsOnlyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csp-hotspots-tests", "counts-only-" + Guid.NewGuid().ToString("N"));

    public HotspotAnalysisCountsOnlyTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Run_OverCountsOnlyMonths_IsTheProblemNamingThem()
    {
        var root = RepositoryFolders.Root;
        var street = Path.Combine(root, "tests", "fixtures", "police", "bedfordshire", "2024-01-bedfordshire-street.csv");
        using var store = AnalyticalStore.Open(Path.Combine(_folder, "csp.duckdb"));
        new LookupImporter(store).Import(Path.Combine(root, "tests", "fixtures", "lookups", "LAD17_CSP17_PFA17_lookup.csv"));
        new LookupImporter(store).Import(Path.Combine(root, "tests", "fixtures", "lookups", "LSOA11_WD20_LAD20_lookup_slice.csv"));
        new PoliceImporter(store).Import([street]);
        var request = new HotspotRequest { Area = new AreaResolver(store).Resolve("Luton"), Period = ReportingPeriod.Parse("2023/24"), Options = new HotspotOptions { Method = HotspotMethod.GiStar } };
        var before = HotspotAnalysis.Run(store, request);

        new PoliceImporter(store).Import([street], new PoliceImportOptions { CountsOnly = true });
        var after = HotspotAnalysis.Run(store, request);

        Assert.True(before.HasMap);
        Assert.True(before.Records.Count > 0);
        Assert.False(after.HasMap);
        Assert.Equal(HotspotProblem.CountsOnlyMonths, after.Problem);
        Assert.Contains("2024-01", after.ProblemText, StringComparison.Ordinal);
        Assert.Contains("--counts-only", after.ProblemText, StringComparison.Ordinal);
        Assert.Empty(after.Records);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
