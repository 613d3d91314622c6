using System.IO.Compression;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Data.Tests.Support;
using CommunitySafety.Malformed;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Tests.Police;

/// <summary>
/// <see cref="PoliceImportOptions.CountsOnly"/>: the same checks and the same counts as a full import, without the raw
/// records; re-imports in either mode stay consistent; raw-record readers say when months hold counts only.
/// </summary>
public sealed class CountsOnlyImportTests : IDisposable
{
    private const string Header = Fixtures.StreetHeader;
    private const string Row = "abc1,2024-01,Bedfordshire Police,Bedfordshire Police,-0.4,52.1,On or near High Street,E01017541,Bedford 001B,Burglary,Under investigation,";

    private static readonly PoliceImportOptions CountsOnly = new() { CountsOnly = true };

    private readonly TempStore _full = new();
    private readonly TempStore _counts = new();

    public void Dispose()
    {
        _full.Dispose();
        _counts.Dispose();
    }

    [Fact]
    public void Import_RealFilesBothWays_SameCountsFilesAndFiguresWithoutRecords()
    {
        string[] files = [Fixtures.BedfordshireStreet, Fixtures.HampshireStreet, Fixtures.CityOfLondonOutcomes, Fixtures.BedfordshireStopAndSearch];
        foreach (var store in new[] { _full, _counts })
        {
            new LookupImporter(store.Store).Import(Fixtures.LadCspPfaLookup);
        }

        var full = new PoliceImporter(_full.Store).Import(files);
        var counts = new PoliceImporter(_counts.Store).Import(files, CountsOnly);

        StoreComparison.AssertSameTables(_full.Store, _counts.Store);
        Assert.Equal(StoreComparison.Figures(_full.Store), StoreComparison.Figures(_counts.Store));
        Assert.Equal(0, _counts.Count("SELECT count(*) FROM crime"));
        Assert.True(_full.Count("SELECT count(*) FROM crime") > 0);
        Assert.Equal(0, _full.Count("SELECT count(*) FROM loaded_month WHERE counts_only"));
        Assert.Equal(_counts.Count("SELECT count(*) FROM loaded_month WHERE kind = 0"), _counts.Count("SELECT count(*) FROM loaded_month WHERE counts_only"));
        Assert.Equal(0, _counts.Count("SELECT count(*) FROM loaded_month WHERE kind <> 0 AND counts_only"));

        Assert.Equal(full.Files, counts.Files);
        Assert.Equal(full.TotalRows, counts.TotalRows);
        Assert.Equal(full.RowsByForce.OrderBy(k => k.Key), counts.RowsByForce.OrderBy(k => k.Key));
        Assert.Equal(full.RowsByMonth.OrderBy(k => k.Key), counts.RowsByMonth.OrderBy(k => k.Key));
        Assert.Equal(full.RowsByCrimeType.OrderBy(k => k.Key.Id), counts.RowsByCrimeType.OrderBy(k => k.Key.Id));
    }

    public static TheoryData<string> PoliceCases => MalformedCorpus.Under("police/");

    [Theory]
    [MemberData(nameof(PoliceCases))]
    public void Import_MalformedFile_SameErrorsAndOutcomeAsFullImport(string file)
    {
        var path = MalformedCorpus.PathOf(MalformedCorpus.Get(file));

        var (fullSummary, fullErrors) = TryImport(_full.Store, path, default);
        var (countsSummary, countsErrors) = TryImport(_counts.Store, path, CountsOnly);

        Assert.Equal(fullErrors, countsErrors);
        Assert.Equal(fullSummary?.TotalRows, countsSummary?.TotalRows);
        Assert.Equal(StoreComparison.Tables(_full.Store)["crime_monthly by name"], StoreComparison.Tables(_counts.Store)["crime_monthly by name"]);
    }

    [Fact]
    public void Import_SkipBadRows_SameRejectsFileAndCounts()
    {
        var path = _counts.WriteFile("2024-01-bedfordshire-street.csv", string.Join('\n',
            Header,
            Row,
            Row.Replace("-0.4,52.1", "-0.4,", StringComparison.Ordinal),
            Row.Replace("Burglary", "Burglery", StringComparison.Ordinal),
            Row.Replace("E01017541", "E0101754", StringComparison.Ordinal),
            "a,b,c",
            Row.Replace("2024-01", "2024-13", StringComparison.Ordinal),
            Row.Replace("-0.4", "-180.5", StringComparison.Ordinal),
            Row.Replace("E01017541,Bedford 001B", ",", StringComparison.Ordinal),
            Row) + "\n");
        var fullRejects = Path.Combine(_full.Folder, "full.rejects.csv");
        var countsRejects = Path.Combine(_counts.Folder, "counts.rejects.csv");

        var full = new PoliceImporter(_full.Store).Import(path, new PoliceImportOptions { SkipBadRows = true, RejectsPath = fullRejects });
        var counts = new PoliceImporter(_counts.Store).Import(path, new PoliceImportOptions { SkipBadRows = true, RejectsPath = countsRejects, CountsOnly = true });

        Assert.Equal(3, counts.TotalRows);
        Assert.Equal(full.Rejected, counts.Rejected);
        Assert.Equal(6, counts.TotalRejected);
        Assert.Equal(File.ReadAllText(fullRejects), File.ReadAllText(countsRejects));
        StoreComparison.AssertSameTables(_full.Store, _counts.Store);
    }

    [Fact]
    public void Import_FullThenCountsOnlyThenFull_NoStaleRecordsNoDoubleCountsAndHotspotsSaySo()
    {
        var store = _counts.Store;
        var area = new AreaResolver(store).Resolve("Bedfordshire");
        var january = new YearMonth(2024, 1);
        new PoliceImporter(store).Import(Fixtures.BedfordshireStreet);
        var afterFull = StoreComparison.Tables(store);
        var records = _counts.Count("SELECT count(*) FROM crime");
        var points = new HotspotPointsQuery(store).Read(area, january, january, null).Count;
        Assert.True(points > 0);

        var summary = new PoliceImporter(store).Import(Fixtures.BedfordshireStreet, CountsOnly);
        Assert.Equal(["Fixtures.BedfordshireStreet"], summary.FilesReplaced.Select(f => f == Fixtures.BedfordshireStreet ? "Fixtures.BedfordshireStreet" : f));
        Assert.Equal(0, _counts.Count("SELECT count(*) FROM crime"));
        Assert.Equal(afterFull["crime_monthly by name"], StoreComparison.Tables(store)["crime_monthly by name"]);
        Assert.Equal(1, _counts.Count("SELECT count(*) FROM loaded_month WHERE counts_only"));
        var error = Assert.Throws<CountsOnlyMonthsException>(() => new HotspotPointsQuery(store).Read(area, january, january, null));
        Assert.Equal([january], error.Months);
        Assert.Contains("only monthly counts", error.Message, StringComparison.Ordinal);
        Assert.Contains("2024-01", error.Message, StringComparison.Ordinal);
        Assert.Empty(new HotspotPointsQuery(store).CountsOnlyMonths(area, new YearMonth(2023, 1), new YearMonth(2023, 12)));

        // The same file counts-only again, and twice in one import: replaced, never doubled.
        new PoliceImporter(store).Import(Fixtures.BedfordshireStreet, CountsOnly);
        var copy = _counts.WriteFile("copy/2024-01-bedfordshire-street.csv", File.ReadAllText(Fixtures.BedfordshireStreet));
        new PoliceImporter(store).Import([Fixtures.BedfordshireStreet, copy], CountsOnly);
        Assert.Equal(afterFull["crime_monthly by name"], StoreComparison.Tables(store)["crime_monthly by name"]);
        Assert.Equal(1, _counts.Count("SELECT count(*) FROM loaded_month"));
        Assert.Equal(1, _counts.Count("SELECT count(*) FROM source_file"));

        new PoliceImporter(store).Import(Fixtures.BedfordshireStreet);
        Assert.Equal(records, _counts.Count("SELECT count(*) FROM crime"));
        Assert.Equal(0, _counts.Count("SELECT count(*) FROM loaded_month WHERE counts_only"));
        Assert.Equal(afterFull["crime_monthly by name"], StoreComparison.Tables(store)["crime_monthly by name"]);
        Assert.Equal(points, new HotspotPointsQuery(store).Read(area, january, january, null).Count);
    }

    [Fact]
    public void Import_RejectedFileAmongGoodOnes_GoodOnesLandRejectedOneLeavesNothing()
    {
        var bad = _counts.WriteFile("2024-02-bedfordshire-street.csv",
            Header + "\n" + Row.Replace("2024-01", "2024-02", StringComparison.Ordinal) + "\n" + Row.Replace("2024-01", "2024-2", StringComparison.Ordinal) + "\n");
        var before = StoreFingerprint.Of(_counts.Store);

        var error = Assert.Throws<ImportRejectedException>(() =>
            new PoliceImporter(_counts.Store).Import([Fixtures.BedfordshireStreet, bad, Fixtures.HampshireStreet], CountsOnly));

        var e = Assert.Single(error.Errors);
        Assert.Equal((bad, 3, "Month"), (e.File, e.Line, e.Field));
        Assert.Equal([true, false, true], error.Summary!.Files.Select(f => f.Imported));
        Assert.Equal(0, _counts.Count("SELECT count(*) FROM loaded_month WHERE month_idx = " + new YearMonth(2024, 2).Index));
        Assert.Equal(2, _counts.Count("SELECT count(*) FROM loaded_month"));
        Assert.NotEqual(before, StoreFingerprint.Of(_counts.Store));
    }

    [Fact]
    public void Import_ZipArchiveCountsOnly_SameAsFull()
    {
        var zip = Path.Combine(_counts.Folder, "archive.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Fixtures.BedfordshireStreet, "2024-01/2024-01-bedfordshire-street.csv");
            archive.CreateEntryFromFile(Fixtures.HampshireStreet, "2024-01/2024-01-hampshire-street.csv");
            archive.CreateEntryFromFile(Fixtures.CityOfLondonOutcomes, "2016-01/2016-01-city-of-london-outcomes.csv");
        }

        new PoliceImporter(_full.Store).Import(zip);
        new PoliceImporter(_counts.Store).Import(zip, CountsOnly);

        StoreComparison.AssertSameTables(_full.Store, _counts.Store);
    }

    [Fact]
    public void Open_VersionOneStore_UpgradedWithEveryMonthFull()
    {
        new PoliceImporter(_counts.Store).Import(Fixtures.BedfordshireStreet);
        _counts.Store.Execute("ALTER TABLE loaded_month DROP COLUMN counts_only");
        _counts.Store.Execute("DELETE FROM schema_info");
        _counts.Store.Execute("INSERT INTO schema_info VALUES (1)");
        _counts.Store.Dispose();

        using (var readOnly = AnalyticalStore.OpenReadOnly(_counts.StorePath))
        {
            Assert.Equal(1, readOnly.SchemaVersion);
            var area = new AreaResolver(readOnly).Resolve("Bedfordshire");
            Assert.NotEmpty(new HotspotPointsQuery(readOnly).Read(area, new YearMonth(2024, 1), new YearMonth(2024, 1), null));
        }

        _counts.Reopen();
        Assert.Equal(2, _counts.Store.SchemaVersion);
        Assert.Equal(1, _counts.Count("SELECT count(*) FROM loaded_month WHERE NOT counts_only"));
        new PoliceImporter(_counts.Store).Import(Fixtures.HampshireStreet, CountsOnly);
        Assert.Equal(1, _counts.Count("SELECT count(*) FROM loaded_month WHERE counts_only"));
    }

    private static (ImportSummary? Summary, List<ImportError> Errors) TryImport(AnalyticalStore store, string path, PoliceImportOptions options)
    {
        try
        {
            return (new PoliceImporter(store).Import(path, options), []);
        }
        catch (ImportRejectedException ex)
        {
            return (null, [.. ex.Errors]);
        }
    }
}
