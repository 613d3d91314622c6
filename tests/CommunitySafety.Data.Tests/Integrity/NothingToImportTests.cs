using System.IO.Compression;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Store;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Integrity;

/// <summary>
/// Paths that hold nothing to import are an error naming them (docs/bad-input.md), not "Imported 0 rows"; and a store
/// path that is not a store is refused before DuckDB opens it.
/// </summary>
public sealed class NothingToImportTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private ImportRejectedException Reject(params string[] paths) =>
        Assert.Throws<ImportRejectedException>(() => new PoliceImporter(_temp.Store).Import(paths));

    [Fact]
    public void Import_FolderWithNoCsv_RejectedAsNothingToImport()
    {
        var folder = Path.Combine(_temp.Folder, "2024-01");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "README.txt"), "police.uk data\n");

        var ex = Reject(folder);

        var error = Assert.Single(ex.Errors);
        Assert.Equal((folder, 0), (error.File, error.Line));
        Assert.Contains("nothing to import: the folder (and its sub-folders) holds no .csv file", error.Message, StringComparison.Ordinal);
        Assert.True(ex.Summary!.NothingToImport);
    }

    [Fact]
    public void Import_EmptyZip_RejectedAsNothingToImport()
    {
        var zip = Path.Combine(_temp.Folder, "empty.zip");
        using (ZipFile.Open(zip, ZipArchiveMode.Create))
        {
        }

        var ex = Reject(zip);

        Assert.Contains("nothing to import: the archive is empty.", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
        Assert.True(ex.Summary!.NothingToImport);
    }

    [Fact]
    public void Import_ZipOfZips_RejectedNamingTheInnerArchive()
    {
        var inner = Path.Combine(_temp.Folder, "inner.zip");
        using (var archive = ZipFile.Open(inner, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Fixtures.BedfordshireStreet, "2024-01/2024-01-bedfordshire-street.csv");
        }

        var outer = Path.Combine(_temp.Folder, "outer.zip");
        using (var archive = ZipFile.Open(outer, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(inner, "police-2024-01.zip");
        }

        var ex = Reject(outer);

        var error = Assert.Single(ex.Errors);
        Assert.Contains("only other archives (police-2024-01.zip)", error.Message, StringComparison.Ordinal);
        Assert.True(ex.Summary!.NothingToImport);
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM crime"));
    }

    [Fact]
    public void Import_GoodFileAndEmptyFolder_GoodFileImported_EmptyFolderStillAnError()
    {
        var folder = Path.Combine(_temp.Folder, "empty");
        Directory.CreateDirectory(folder);

        var ex = Reject(Fixtures.BedfordshireStreet, folder);

        Assert.Equal(folder, Assert.Single(ex.Errors).File);
        Assert.False(ex.Summary!.NothingToImport);
        Assert.True(ex.Summary.TotalRows > 0);
    }

    [Fact]
    public void Open_CsvAsStore_RefusedSayingWhatItIs_FileUntouched()
    {
        var csv = Path.Combine(_temp.Folder, "not-a-store.csv");
        File.Copy(Fixtures.BedfordshireStreet, csv);
        var before = File.ReadAllBytes(csv);

        var ex = Assert.Throws<InvalidDataException>(() => AnalyticalStore.Open(csv));

        Assert.Contains("is not a store: it is a text file (a CSV?)", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(csv));
        Assert.Null(AnalyticalStore.NotAStoreReason(_temp.StorePath));
    }
}
