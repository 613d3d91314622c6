using System.IO.Compression;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Integrity;

/// <summary>
/// Two sources for one force-month in one import call (docs/bad-input.md): the same bytes twice are counted once; two
/// different editions are refused with an error naming both, never "the last silently wins" with an over-counted
/// summary. On Bedfordshire's real January 2024.
/// </summary>
public sealed class TwoSourcesOneForceMonthTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private long RealRows => File.ReadLines(Fixtures.BedfordshireStreet).Skip(1).LongCount(l => l.Length > 0);

    /// <summary>The real file less its last 50 rows: another edition of the same force-month.</summary>
    private string ShorterEdition(string name)
    {
        var lines = File.ReadAllLines(Fixtures.BedfordshireStreet);
        return _temp.WriteFile(name, string.Join("\n", lines[..^50]) + "\n");
    }

    private string Copy(string name)
    {
        var path = Path.Combine(_temp.Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(Fixtures.BedfordshireStreet, path);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Import_TwoDifferentFilesForOneForceMonth_SecondRefusedNamingBoth_SummaryCountsWhatIsStored(bool countsOnly)
    {
        var first = Copy("a/2024-01-bedfordshire-street.csv");
        var second = ShorterEdition("b/2024-01-bedfordshire-street.csv");

        var ex = Assert.Throws<ImportRejectedException>(() =>
            new PoliceImporter(_temp.Store).Import([first, second], new PoliceImportOptions { CountsOnly = countsOnly }));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(second, error.File);
        Assert.Contains("Bedfordshire Police 2024-01 (street) is also in " + first, error.Message, StringComparison.Ordinal);
        Assert.Contains("the two files differ", error.Message, StringComparison.Ordinal);
        Assert.Equal(RealRows, ex.Summary!.TotalRows);
        Assert.Equal(RealRows, _temp.Count("SELECT sum(n) FROM crime_monthly"));
        Assert.Equal(0, ex.Summary.ForceMonthsReplaced);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Import_SameFileTwice_CountedOnce(bool countsOnly)
    {
        var first = Copy("a/2024-01-bedfordshire-street.csv");
        var second = Copy("b/2024-01-bedfordshire-street.csv");

        var summary = new PoliceImporter(_temp.Store).Import([first, second], new PoliceImportOptions { CountsOnly = countsOnly });

        Assert.Equal(RealRows, summary.TotalRows);
        Assert.Equal(RealRows, _temp.Count("SELECT sum(n) FROM crime_monthly"));
        Assert.Equal((second, first), Assert.Single(summary.Duplicates));
        Assert.Equal(0, summary.ForceMonthsReplaced);
    }

    [Fact]
    public void Import_ZipWithOneEntryTwiceDifferently_SecondEntryRefusedNamingBoth()
    {
        var zip = Path.Combine(_temp.Folder, "archive.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Fixtures.BedfordshireStreet, "2024-01/2024-01-bedfordshire-street.csv");
            archive.CreateEntryFromFile(ShorterEdition("short.csv"), "2024-01/2024-01-bedfordshire-street.csv");
        }

        var ex = Assert.Throws<ImportRejectedException>(() => new PoliceImporter(_temp.Store).Import(zip));

        var error = Assert.Single(ex.Errors);
        Assert.Contains("is also in " + zip + "!2024-01/2024-01-bedfordshire-street.csv", error.Message, StringComparison.Ordinal);
        Assert.Equal(RealRows, _temp.Count("SELECT sum(n) FROM crime_monthly"));
        Assert.Equal(RealRows, ex.Summary!.TotalRows);
    }

    [Fact]
    public void Import_SameForceMonthInAnotherCall_StillReplacesIt()
    {
        new PoliceImporter(_temp.Store).Import(ShorterEdition("2024-01-bedfordshire-street.csv"));

        var summary = new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);

        Assert.Equal(1, summary.ForceMonthsReplaced);
        Assert.Equal(RealRows, _temp.Count("SELECT sum(n) FROM crime_monthly"));
    }
}
