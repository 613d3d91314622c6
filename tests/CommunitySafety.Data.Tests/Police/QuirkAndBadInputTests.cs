using System.IO.Compression;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Police;

public sealed class QuirkAndBadInputTests : IDisposable
{
    private const string Asb = ",2024-01,Bedfordshire Police,Bedfordshire Police,-0.4,52.1,On or near High Street,E01017541,Bedford 001B,Anti-social behaviour,,";
    private const string Burglary = "abc123,2024-01,Bedfordshire Police,Bedfordshire Police,-0.4,52.1,On or near High Street,E01017541,Bedford 001B,Burglary,Under investigation,";
    private const string NoLocation = "def456,2024-01,Bedfordshire Police,Bedfordshire Police,,,No Location,,,Bicycle theft,Investigation complete; no suspect identified,";

    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private PoliceImporter Importer => new(_temp.Store);

    private string Street(string name, params string[] lines) =>
        _temp.WriteFile(name, Fixtures.StreetHeader + "\n" + string.Join("\n", lines) + "\n");

    [Fact]
    public void Import_AsbRowWithEmptyCrimeIdAndOutcome_ImportsWithNulls()
    {
        Importer.Import(Street("2024-01-bedfordshire-street.csv", Asb));

        Assert.Equal(1, _temp.Count("SELECT count(*) FROM crime WHERE crime_id IS NULL AND outcome IS NULL AND context IS NULL AND crime_type_id = 1"));
    }

    [Fact]
    public void Import_NoLocationRow_KeptAndCountedAsNoLocationForItsForce()
    {
        var summary = Importer.Import(Street("a.csv", NoLocation, Burglary));

        Assert.Equal(2, summary.TotalRows);
        Assert.Equal(1, _temp.Count("SELECT sum(n) FROM crime_monthly WHERE lsoa_id IS NULL"));
        Assert.Equal(1, _temp.Count("SELECT count(*) FROM crime WHERE lsoa_id IS NULL AND longitude IS NULL AND location = 'No Location'"));
    }

    [Fact]
    public void Import_RepeatedCrimeIdAndIdenticalLines_AreSeparateRecords()
    {
        Importer.Import(Street("a.csv", Burglary, Burglary, Burglary, Asb, Asb));

        Assert.Equal(5, _temp.Count("SELECT count(*) FROM crime"));
        Assert.Equal(3, _temp.Count("SELECT sum(n) FROM crime_monthly WHERE crime_type_id = 3"));
    }

    [Fact]
    public void Import_CrlfLfAndBom_AllReadTheSame()
    {
        var lf = Street("lf.csv", Burglary, Asb);
        var crlf = _temp.WriteFile("crlf.csv", Fixtures.StreetHeader + "\r\n" + Burglary.Replace("2024-01", "2024-02", StringComparison.Ordinal) + "\r\n" + Asb.Replace("2024-01", "2024-02", StringComparison.Ordinal) + "\r\n");
        var bom = _temp.WriteFile("bom.csv", "\uFEFF" + Fixtures.StreetHeader + "\r\n" + Burglary.Replace("2024-01", "2024-03", StringComparison.Ordinal) + "\r\n");

        var summary = Importer.Import([lf, crlf, bom]);

        Assert.Equal(5, summary.TotalRows);
        Assert.Equal(3, _temp.Count("SELECT count(DISTINCT month_idx) FROM crime"));
        Assert.Equal(1, _temp.Count("SELECT count(*) FROM force"));
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM crime WHERE location LIKE '%\r%' OR context LIKE '%\r%'"));
    }

    [Fact]
    public void Import_QuotedLsoaNameWithComma_KeepsNameWhole()
    {
        Importer.Import(Street("a.csv",
            "x1,2024-01,Hampshire Constabulary,Hampshire Constabulary,-1.68,50.75,On or near Walkford Lane,E01020357,\"Bournemouth, Christchurch and Poole 019C\",Other crime,Under investigation,"));

        Assert.Equal(1, _temp.Count("SELECT count(*) FROM lsoa WHERE name = 'Bournemouth, Christchurch and Poole 019C' AND lad_name = 'Bournemouth, Christchurch and Poole'"));
        Assert.Equal(1, _temp.Count("SELECT count(*) FROM crime WHERE outcome = 'Under investigation'"));
    }

    [Fact]
    public void Import_ColumnsInAnotherOrder_FoundByName()
    {
        var path = _temp.WriteFile("reordered.csv",
            "Crime type,Month,Reported by,Latitude,Longitude,LSOA code,LSOA name\nBurglary,2024-01,Surrey Police,51.2,-0.5,E01030001,Guildford 001A\n");

        Importer.Import(path);

        Assert.Equal(1, _temp.Count("SELECT count(*) FROM crime WHERE abs(longitude + 0.5) < 1e-5 AND abs(latitude - 51.2) < 1e-5 AND crime_type_id = 3"));
        Assert.Equal(1, _temp.Count("SELECT count(*) FROM force WHERE name = 'Surrey Police' AND short_name = 'Surrey' AND slug = 'surrey'"));
    }

    [Fact]
    public void Import_RealFile_KeepsLsoasOutsideTheForceAreaAnd2021Codes()
    {
        Importer.Import(Fixtures.BedfordshireStreet);

        // Bedfordshire reports points just over its boundary, e.g. in Barking and Dagenham.
        Assert.True(_temp.Count("SELECT count(*) FROM crime c JOIN lsoa s USING (lsoa_id) WHERE s.lad_name NOT IN ('Bedford', 'Luton', 'Central Bedfordshire')") > 0);
        Assert.Equal(PlainCsv.Read(Fixtures.BedfordshireStreet).Skip(1).Count(r => r[7].Length == 0),
            _temp.Count("SELECT sum(n) FROM crime_monthly WHERE lsoa_id IS NULL"));
    }

    [Theory]
    [InlineData("abc,2024-13,Bedfordshire Police,Bedfordshire Police,-0.4,52.1,x,E01017541,Bedford 001B,Burglary,,", "Month", "not a month")]
    [InlineData("abc,2024-01,Bedfordshire Police,Bedfordshire Police,-0.4,north,x,E01017541,Bedford 001B,Burglary,,", "Latitude", "not a latitude")]
    [InlineData("abc,2024-01,Bedfordshire Police,Bedfordshire Police,-200,52.1,x,E01017541,Bedford 001B,Burglary,,", "Longitude", "not a longitude")]
    [InlineData("abc,2024-01,Bedfordshire Police,Bedfordshire Police,-0.4,52.1,x,E01017541,Bedford 001B,Jaywalking,,", "Crime type", "unknown crime type 'Jaywalking'")]
    [InlineData("abc,2024-01,Bedfordshire Police,Bedfordshire Police,-0.4,52.1,x,E01017541,Bedford 001B,Burglary", null, "wrong column count: expected 12 columns")]
    [InlineData("abc,2024-01,Bedfordshire Police,Bedfordshire Police,-0.4,52.1,x,NOTACODE,Bedford 001B,Burglary,,", "LSOA code", "not an LSOA code")]
    public void Import_BadRow_RejectsWholeFileNamingFileLineAndField(string badLine, string? field, string message)
    {
        var path = Street("bad.csv", Burglary, badLine, Asb);

        var ex = Assert.Throws<ImportRejectedException>(() => Importer.Import(path));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM crime"));
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM crime_monthly"));
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM force"));
    }

    [Fact]
    public void Import_SeveralBadRows_ReportsEveryOne()
    {
        var path = Street("bad.csv", Burglary.Replace("2024-01", "Jan", StringComparison.Ordinal), Burglary, Burglary.Replace("Burglary,", "Nope,", StringComparison.Ordinal));

        var ex = Assert.Throws<ImportRejectedException>(() => Importer.Import(path));

        Assert.Equal([2, 4], ex.Errors.Select(e => e.Line));
        Assert.Contains("bad.csv:2: Month:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_TruncatedLastLine_SaysSo()
    {
        var path = _temp.WriteFile("cut.csv", Fixtures.StreetHeader + "\n" + Burglary + "\n" + "abc,2024-01,Bedfordshire Po");

        var ex = Assert.Throws<ImportRejectedException>(() => Importer.Import(path));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("truncated last line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_WrongHeader_RejectedWithLine1()
    {
        var path = _temp.WriteFile("other.csv", "Name,Value\na,1\n");

        var ex = Assert.Throws<ImportRejectedException>(() => Importer.Import(path));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("not a police.uk file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingRequiredColumn_NamesIt()
    {
        var path = _temp.WriteFile("2024-01-x-street.csv", "Crime ID,Reported by,Longitude,Latitude,LSOA code,Crime type\na,Kent Police,1,51,E01000001,Burglary\n");

        var ex = Assert.Throws<ImportRejectedException>(() => Importer.Import(path));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("Month", error.Field);
        Assert.Contains("missing required column 'Month'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_BadFileAmongGood_GoodOnesLandAndExceptionCarriesSummary()
    {
        var good = Street("good.csv", Burglary);
        var bad = Street("bad.csv", Burglary.Replace("2024-01", "2024-02", StringComparison.Ordinal), "x,nope");

        var ex = Assert.Throws<ImportRejectedException>(() => Importer.Import([good, bad]));

        Assert.Equal([bad], ex.RejectedFiles);
        Assert.Equal(1, ex.Summary!.TotalRows);
        Assert.Equal(1, _temp.Count("SELECT count(*) FROM crime"));
    }

    [Fact]
    public void Import_SkipBadRows_ImportsRestAndWritesRejects()
    {
        var path = Street("bad.csv", Burglary, Burglary.Replace("Burglary,", "Nope,", StringComparison.Ordinal), Asb);
        var rejects = Path.Combine(_temp.Folder, "rejects.csv");

        var summary = Importer.Import(path, new PoliceImportOptions { SkipBadRows = true, RejectsPath = rejects });

        Assert.Equal(2, summary.TotalRows);
        Assert.Equal(1, summary.TotalRejected);
        Assert.Equal(rejects, summary.RejectsPath);
        Assert.Equal(2, _temp.Count("SELECT count(*) FROM crime"));
        var lines = File.ReadAllLines(rejects);
        Assert.Equal("file,line,field,error,row", lines[0]);
        Assert.Contains(",3,Crime type,", lines[1], StringComparison.Ordinal);
        Assert.Contains("Nope", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Import_RepublishedMonth_ReplacesTheForceMonthOnly()
    {
        Importer.Import(Street("2024-01-bedfordshire-street.csv", Burglary, Burglary, Asb));
        Importer.Import(Street("2024-02-bedfordshire-street.csv", Burglary.Replace("2024-01", "2024-02", StringComparison.Ordinal)));
        Importer.Import(Street("2024-01-kent-street.csv", Burglary.Replace("Bedfordshire Police", "Kent Police", StringComparison.Ordinal)));

        var summary = Importer.Import(Street("v2/2024-01-bedfordshire-street.csv", Burglary));

        Assert.Equal(1, summary.ForceMonthsReplaced);
        Assert.Equal(3, _temp.Count("SELECT count(*) FROM crime"));
        Assert.Equal(3, _temp.Count("SELECT sum(n) FROM crime_monthly"));
        Assert.Equal(1, _temp.Count("SELECT sum(n) FROM crime_monthly m JOIN force f USING (force_id) WHERE f.name = 'Bedfordshire Police' AND month_idx = 2024 * 12"));
    }

    [Fact]
    public void Import_FolderInArchiveLayout_ReadsRecursively()
    {
        Street("archive/2024-01/2024-01-bedfordshire-street.csv", Burglary);
        Street("archive/2024-02/2024-02-bedfordshire-street.csv", Burglary.Replace("2024-01", "2024-02", StringComparison.Ordinal), Asb.Replace("2024-01", "2024-02", StringComparison.Ordinal));

        var summary = Importer.Import(Path.Combine(_temp.Folder, "input", "archive"));

        Assert.Equal(2, summary.Files.Count);
        Assert.Equal(3, summary.TotalRows);
    }

    [Fact]
    public void Import_ZipArchive_ReadsEntriesInArchiveLayout()
    {
        var zip = Path.Combine(_temp.Folder, "police.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Fixtures.BedfordshireStreet, "2024-01/2024-01-bedfordshire-street.csv");
            archive.CreateEntryFromFile(Fixtures.BedfordshireStopAndSearch, "2018-03/2018-03-bedfordshire-stop-and-search.csv");
            archive.CreateEntry("2024-01/readme.txt");
        }

        var progress = new List<ImportProgress>();
        var summary = Importer.Import(zip, progress: new InlineProgress(progress.Add));

        var expectedStreet = PlainCsv.Read(Fixtures.BedfordshireStreet).Count - 1;
        var expectedSearches = PlainCsv.Read(Fixtures.BedfordshireStopAndSearch).Count - 1;
        Assert.Equal(expectedStreet, _temp.Count("SELECT count(*) FROM crime"));
        Assert.Equal(expectedSearches, _temp.Count("SELECT count(*) FROM stop_search"));
        Assert.Equal($"{zip}!2024-01/2024-01-bedfordshire-street.csv", summary.Files[1].Path);
        Assert.Equal(progress[^1].TotalBytes, progress[^1].BytesRead);
        Assert.Equal(expectedStreet + expectedSearches, progress[^1].Rows);
    }

    [Fact]
    public void Import_OutcomesFile_CountsEqualIndependentCount()
    {
        var expected = PlainCsv.CountBy(Fixtures.CityOfLondonOutcomes, "Outcome type");

        var summary = Importer.Import(Fixtures.CityOfLondonOutcomes);

        Assert.Equal(PoliceFileKind.Outcomes, summary.Files[0].Kind);
        var actual = _temp.Store.Query("SELECT outcome_type, count(*) FROM outcome GROUP BY 1", r => (r.GetString(0), r.GetInt64(1))).ToDictionary(p => p.Item1, p => p.Item2);
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
        Assert.Equal(expected.Values.Sum(), summary.RowsByForce[("City of London Police", PoliceFileKind.Outcomes)]);
    }

    [Fact]
    public void Import_StopAndSearchFile_ForceFromNameAndLatitudeBeforeLongitude()
    {
        var rows = PlainCsv.Read(Fixtures.BedfordshireStopAndSearch);
        var located = rows.Skip(1).Count(r => r[4].Length > 0);

        var summary = Importer.Import(Fixtures.BedfordshireStopAndSearch);

        Assert.Equal(rows.Count - 1, summary.RowsByForce[("Bedfordshire Police", PoliceFileKind.StopAndSearch)]);
        Assert.Equal(located, _temp.Count("SELECT count(*) FROM stop_search WHERE latitude BETWEEN 51 AND 53 AND longitude BETWEEN -1 AND 1"));
        Assert.Equal(rows.Count - 1, _temp.Count("SELECT count(*) FROM stop_search s JOIN month m USING (month_idx) WHERE m.month = '2018-03'"));
    }

    private sealed class InlineProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
