using System.IO.Compression;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Data.Tests.Malformed;
using CommunitySafety.Data.Tests.Support;
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
        foreach (var undo in new[]
        {
            "ALTER TABLE lsoa_lookup DROP COLUMN lsoa_year", "ALTER TABLE lsoa_lookup DROP COLUMN ward_code", "ALTER TABLE lsoa_lookup DROP COLUMN ward_name",
            "DROP TABLE lsoa_change", "DROP TABLE lad_history", "DROP TABLE deprivation", "ALTER TABLE population DROP COLUMN file",
        })
        {
            _counts.Store.Execute(undo);
        }

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
        Assert.Equal(3, _counts.Store.SchemaVersion);
        Assert.Equal(1, _counts.Count("SELECT count(*) FROM loaded_month WHERE NOT counts_only"));
        Assert.Equal(0, _counts.Count("SELECT count(*) FROM deprivation"));
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

/// <summary>
/// The counts-only fast path (bytes split directly, each distinct value checked once by the general rules) takes the
/// plain files and gives up on anything else, and either way the store ends as after a full import.
/// </summary>
public sealed class CountsOnlyFastPathTests : IDisposable
{
    private const string Header = Fixtures.StreetHeader;
    private const string Row = "abc1,2024-01,Bedfordshire Police,Bedfordshire Police,-0.4,52.1,On or near High Street,E01017541,Bedford 001B,Burglary,Under investigation,";
    private const string Other = "abc2,2024-01,Bedfordshire Police,Bedfordshire Police,-0.41,52.11,On or near Park Road,E01017542,Bedford 001C,Violence and sexual offences,,";

    private readonly TempStore _full = new();
    private readonly TempStore _counts = new();

    public void Dispose()
    {
        _full.Dispose();
        _counts.Dispose();
    }

    private static readonly Dictionary<string, (bool Fast, string Content)> Files = new()
    {
        ["plain"] = (true, Header + "\n" + Row + "\n" + Other + "\n"),
        ["no final line break"] = (true, Header + "\n" + Row + "\n" + Other),
        ["CRLF"] = (true, Header + "\r\n" + Row + "\r\n" + Other + "\r\n"),
        ["byte-order mark"] = (true, "\uFEFF" + Header + "\n" + Row + "\n"),
        ["quoted LSOA name with a comma"] = (true, Header + "\n" + Row + "\n" + "abc3,2024-01,Dorset Police,Dorset Police,-1.8,50.7,On or near Sea Road,E01015432,\"Bournemouth, Christchurch and Poole 001A\",Robbery,,\n"),
        ["blank lines"] = (true, Header + "\n\n" + Row + "\n\n" + Other + "\n"),
        ["spaces round values"] = (true, Header + "\n" + "abc1, 2024-01 , Bedfordshire Police ,x, -0.4 , 52.1 ,Loc, E01017541 ,Bedford 001B, Burglary ,,\n"),
        ["odd but valid numbers"] = (true, Header + "\n" + "abc1,2024-01,Bedfordshire Police,x,-180,90.000,Loc,E01017541,N,Burglary,,\n" + "abc2,2024-01,Bedfordshire Police,x,1e-1,+52,Loc,E01017541,N,burglary,,\n" + "abc3,2024-01,Bedfordshire Police,x,-180.0,-90.0,Loc,,,Burglary,,\n"),
        ["no location"] = (true, Header + "\n" + "abc1,2024-01,Bedfordshire Police,x,,,No Location,,,Drugs,,\n"),
        ["two forces, one in other case"] = (true, Header + "\n" + Row + "\n" + Row.Replace("01,Bedfordshire Police,", "01,BEDFORDSHIRE POLICE,", StringComparison.Ordinal) + "\n"),
        ["escaped quote"] = (false, Header + "\n" + Row + "\n" + Row.Replace("On or near High Street", "\"On or near \"\"The\"\" Street\"", StringComparison.Ordinal) + "\n"),
        ["line break in a quoted field"] = (false, Header + "\n" + Row.Replace("On or near High Street", "\"On or near\nHigh Street\"", StringComparison.Ordinal) + "\n"),
        ["header repeated with a month"] = (false, Header + "\n" + Row + "\n" + "Crime ID,2024-01,Bedfordshire Police,x,,,Loc,,,Burglary,,Context\n"),
        ["header repeated"] = (false, Header + "\n" + Row + "\n" + Header + "\n" + Other + "\n"),
        ["other column order"] = (false, "Month,Crime ID,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n" + "2024-01,abc1,Bedfordshire Police,x,-0.4,52.1,Loc,E01017541,N,Burglary,,\n"),
        ["lone carriage return"] = (false, Header + "\r" + Row + "\r"),
        ["coordinate over the limit"] = (false, Header + "\n" + Row.Replace("-0.4", "-180.0001", StringComparison.Ordinal) + "\n"),
        ["one coordinate only"] = (false, Header + "\n" + Row.Replace("52.1", "", StringComparison.Ordinal) + "\n"),
        ["too many fields"] = (false, Header + "\n" + Row + ",extra\n"),
        ["bad crime type"] = (false, Header + "\n" + Row.Replace("Burglary", "Burglery", StringComparison.Ordinal) + "\n"),
        ["header only"] = (true, Header + "\n"),
    };

    public static TheoryData<string> Cases => [.. Files.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_File_FastOnlyWhenPlain_AndCountsAsAFullImport(string what)
    {
        var (fast, content) = Files[what];
        var path = _counts.WriteFile(what.Replace(' ', '-') + "/2024-01-bedfordshire-street.csv", content);
        var source = new PoliceSource(path, Path.GetFileName(path), new FileInfo(path).Length, () => File.OpenRead(path));
        var file = new PoliceFileParser(source, new PoliceImportOptions { CountsOnly = true }, (_, _) => { }, CancellationToken.None);

        file.Parse(new byte[PoliceFileParser.FastBufferBytes]);

        Assert.Equal(fast, file.ReadFast);
        var (full, fullErrors) = TryImport(_full.Store, path, default);
        var (counts, countsErrors) = TryImport(_counts.Store, path, new PoliceImportOptions { CountsOnly = true });
        Assert.Equal(fullErrors, countsErrors);
        Assert.Equal(full?.TotalRows, counts?.TotalRows);
        Assert.Equal(StoreComparison.Tables(_full.Store), StoreComparison.Tables(_counts.Store));
    }

    [Fact]
    public void Parse_RealFiles_TakeTheFastPath()
    {
        foreach (var path in new[] { Fixtures.BedfordshireStreet, Fixtures.HampshireStreet })
        {
            var source = new PoliceSource(path, Path.GetFileName(path), new FileInfo(path).Length, () => File.OpenRead(path));
            var file = new PoliceFileParser(source, new PoliceImportOptions { CountsOnly = true }, (_, _) => { }, CancellationToken.None);
            file.Parse(new byte[PoliceFileParser.FastBufferBytes]);
            Assert.True(file.ReadFast, path);
        }
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
