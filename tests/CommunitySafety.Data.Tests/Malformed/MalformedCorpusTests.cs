using System.IO.Compression;
using System.Text;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Tests.Support;
using CommunitySafety.SafeReading;

namespace CommunitySafety.Data.Tests.Malformed;

/// <summary>
/// Every malformed police.uk, population and lookup file of tests/fixtures/malformed (and the big ones made here) is
/// rejected with <see cref="ImportRejectedException"/> naming the file, line and field, or imported when it is valid;
/// the importer never hangs or throws anything else, nothing is half imported, and the next valid import works.
/// </summary>
public sealed class MalformedCorpusTests : IDisposable
{
    private const string StreetHeader = Fixtures.StreetHeader;
    private const string Street1 = "abc1,2024-01,Bedfordshire Police,Bedfordshire Police,-0.4,52.1,On or near High Street,E01017541,Bedford 001B,Burglary,Under investigation,";

    /// <summary>Generous: the slowest case (a 50 MB field) takes about a second.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private readonly TempStore _temp = new();

    public MalformedCorpusTests()
    {
        // Something in every kind of table, so "unchanged" means something.
        _temp.Store.Execute("SELECT 1");
        new PoliceImporter(_temp.Store).Import(_temp.WriteFile("base/2023-12-bedfordshire-street.csv",
            StreetHeader + "\n" + Street1.Replace("2024-01", "2023-12", StringComparison.Ordinal) + "\n"));
        new LookupImporter(_temp.Store).Import(_temp.WriteFile("base/LAD17_lookup.csv",
            "LAD17CD,LAD17NM,CSP17CD,CSP17NM,PFA17CD,PFA17NM\nE06000055,Bedford,E22000055,Bedford,E23000026,Bedfordshire\n"));
        new PopulationImporter(_temp.Store).Import(_temp.WriteFile("base/population_mid2015.csv",
            "LSOA code (2011),LSOA name (2011),All ages\nE01017541,Bedford 001B,1600\n"));
    }

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Cases => MalformedCorpus.Under("police/", "population/", "lookups/");

    [Fact]
    public void Corpus_HasAtLeastFiftyCases_AndEveryFileExists()
    {
        Assert.True(MalformedCorpus.All.Count >= 50, $"{MalformedCorpus.All.Count} cases");
        Assert.All(MalformedCorpus.All, c => Assert.True(File.Exists(MalformedCorpus.PathOf(c)), c.File));
        var listed = MalformedCorpus.All.Select(c => c.File).ToHashSet();
        var files = Directory.EnumerateFiles(MalformedCorpus.Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(MalformedCorpus.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f is not ("README.md" or "make_corpus.py"));
        Assert.DoesNotContain(files, f => !listed.Contains(f));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Import_MalformedFile_RejectedNamingFileLineAndField_OrImported(string file)
    {
        var c = MalformedCorpus.Get(file);
        var path = MalformedCorpus.PathOf(c);
        var importer = file.Split('/')[0];

        Check(path, c.Rejected, c.Imported, c.Line, c.Field, c.Message, importer);
    }

    [Fact]
    public void Import_FiftyMegabyteField_RejectedAtItsLine()
    {
        var path = Path.Combine(_temp.Folder, "input", "2024-01-bedfordshire-street.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            w.Write(StreetHeader + "\n" + Street1 + "\nabc2,2024-01,Bedfordshire Police,Bedfordshire Police,-0.4,52.1,");
            w.Write(new string('x', 50 * 1024 * 1024));
            w.Write(",E01017541,Bedford 001B,Burglary,,\n" + Street1 + "\n");
        }

        Check(path, true, 0, 3, null, "is longer than 1,048,576 characters", "police");
    }

    [Theory]
    [InlineData("police", "2024-01-bedfordshire-street.csv")]
    [InlineData("population", "population_mid2015.csv")]
    [InlineData("lookups", "LAD17_lookup.csv")]
    public void Import_TwoMillionCharactersWithoutALineBreak_RejectedAtLine1(string importer, string name)
    {
        var path = _temp.WriteFile("long/" + name, new string('A', 2_000_000));

        Check(path, true, 0, 1, null, "is longer than", importer);
    }

    [Fact]
    public void Import_QuoteLeftOpenForTwoMillionCharacters_RejectedAtTheLineItOpens()
    {
        var path = _temp.WriteFile("open-quote/2024-01-bedfordshire-street.csv",
            StreetHeader + "\n" + Street1 + "\n" + Street1 + "\nabc3,2024-01,\"" + string.Concat(Enumerable.Repeat("x,\n", 700_000)));

        Check(path, true, 0, 4, null, "inside a quoted field", "police");
    }

    [Fact]
    public void Import_ZipBomb_RefusedBeforeAnythingIsRead()
    {
        var path = Path.Combine(_temp.Folder, "input", "bomb.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("2024-01/2024-01-bedfordshire-street.csv", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 20; i++)
            {
                entry.Write(zeros);
            }
        }

        Assert.True(new FileInfo(path).Length < 100_000);
        Check(path, true, 0, 0, null, $"the limit is {InputLimits.MaxCompressionRatio} to 1", "police");
    }

    [Fact]
    public void Import_ArchiveWithTooManyEntries_Refused()
    {
        var path = Path.Combine(_temp.Folder, "input", "many.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            for (var i = 0; i <= InputLimits.MaxZipEntries; i++)
            {
                zip.CreateEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), CompressionLevel.NoCompression);
            }
        }

        Check(path, true, 0, 0, null, $"{InputLimits.MaxZipEntries + 1:N0} entries; the limit is {InputLimits.MaxZipEntries:N0}", "police");
    }

    /// <summary>Runs the importer within <see cref="Bound"/>, checks its outcome, that a rejection left every table as it was, and that a valid import works after it.</summary>
    private void Check(string path, bool rejected, long imported, int line, string? field, string message, string importer)
    {
        var before = TableCounts();
        var run = Task.Run(() => Import(importer, path));
        Assert.True(run.Wait(Bound), $"{path}: no answer within {Bound}");
        var (count, error) = run.Result;

        if (rejected)
        {
            Assert.True(error is not null, $"{path}: imported {count} when it should be rejected");
            Assert.Contains(error.Errors, e => e.File.StartsWith(path, StringComparison.Ordinal));
            Assert.All(error.Errors, e => Assert.StartsWith(path, e.File, StringComparison.Ordinal));
            var match = error.Errors.FirstOrDefault(e => e.Line == line && e.Field == field && e.Message.Contains(message, StringComparison.Ordinal));
            Assert.True(match is not null, $"expected line {line}, field {field ?? "-"}, '{message}'; got:\n{string.Join("\n", error.Errors)}");
            Assert.Equal(before, TableCounts());
        }
        else
        {
            Assert.True(error is null, error?.Message);
            Assert.Equal(imported, count);
        }

        var next = new PoliceImporter(_temp.Store).Import(_temp.WriteFile("next/2024-02-bedfordshire-street.csv",
            StreetHeader + "\n" + Street1.Replace("2024-01", "2024-02", StringComparison.Ordinal) + "\n" + Street1.Replace("2024-01", "2024-02", StringComparison.Ordinal) + "\n"));
        Assert.Equal(2, next.TotalRows);
        Assert.Equal(2, _temp.Count("SELECT count(*) FROM crime WHERE month_idx = (SELECT max(month_idx) FROM crime)"));
    }

    private (long Count, ImportRejectedException? Error) Import(string importer, string path)
    {
        try
        {
            return importer switch
            {
                "police" => (new PoliceImporter(_temp.Store).Import(path).TotalRows, null),
                "population" => (new PopulationImporter(_temp.Store).Import(path).Areas, null),
                _ => (new LookupImporter(_temp.Store).Import(path).Rows, null),
            };
        }
        catch (ImportRejectedException ex)
        {
            return (0, ex);
        }
    }

    /// <summary>The row count of every table in the store.</summary>
    private SortedDictionary<string, long> TableCounts()
    {
        var tables = _temp.Store.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE'", r => r.GetString(0));
        return new SortedDictionary<string, long>(tables.ToDictionary(t => t, t => _temp.Count($"SELECT count(*) FROM \"{t}\"")), StringComparer.Ordinal);
    }
}
