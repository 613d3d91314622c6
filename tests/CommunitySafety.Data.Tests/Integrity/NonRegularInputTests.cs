using System.Diagnostics;
using System.IO.Compression;
using System.Net.Sockets;
using CommunitySafety.Data.Deprivation;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Integrity;

/// <summary>
/// Inputs that are not regular files or folders are refused without being opened (a FIFO would block for ever), a
/// symbolic link loop is reported instead of walked for ever, and an archive with a bad entry says which entries were
/// committed (docs/bad-input.md).
/// </summary>
public sealed class NonRegularInputTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private ImportRejectedException Reject(params string[] paths) =>
        Assert.Throws<ImportRejectedException>(() => new PoliceImporter(_temp.Store).Import(paths));

    private string MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]))!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }

    [Fact]
    public void NamedPipe_GivenDirectly_RefusedNotOpened()
    {
        var fifo = MakeFifo(Path.Combine(_temp.Folder, "input", "2024-01-bedfordshire-street.csv"));

        var error = Assert.Single(Reject(fifo).Errors);

        Assert.Equal((fifo, 0), (error.File, error.Line));
        Assert.Contains("a named pipe (FIFO), not a file", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM loaded_month"));
    }

    [Fact]
    public void NamedPipe_InAFolder_RefusedAndTheGoodFileImported()
    {
        var folder = Path.Combine(_temp.Folder, "input", "mixed");
        Directory.CreateDirectory(folder);
        File.Copy(Fixtures.BedfordshireStreet, Path.Combine(folder, "2024-01-bedfordshire-street.csv"));
        var fifo = MakeFifo(Path.Combine(folder, "2024-02-bedfordshire-street.csv"));

        var ex = Reject(folder);

        Assert.Equal(fifo, Assert.Single(ex.Errors).File);
        Assert.Equal(4903, _temp.Count("SELECT count(*) FROM crime"));
        Assert.Equal(4903, ex.Summary!.TotalRows);
    }

    [Fact]
    public void NamedPipe_GivenToThePopulationLookupAndDeprivationImporters_RefusedNotOpened()
    {
        var fifo = MakeFifo(Path.Combine(_temp.Folder, "input", "population_mid2015.csv"));

        foreach (var import in new Action[]
        {
            () => new PopulationImporter(_temp.Store).Import(fifo),
            () => new LookupImporter(_temp.Store).Import(fifo),
            () => new DeprivationImporter(_temp.Store).Import(fifo),
        })
        {
            var error = Assert.Single(Assert.Throws<ImportRejectedException>(import).Errors);
            Assert.Equal((fifo, 0), (error.File, error.Line));
            Assert.Contains("a named pipe (FIFO), not a file", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Device_Refused() =>
        Assert.Contains("a character device, not a file", Assert.Single(Reject("/dev/null").Errors).Message, StringComparison.Ordinal);

    [Fact]
    public void Socket_Refused()
    {
        var path = Path.Combine(_temp.Folder, "input", "s.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        Assert.Contains("a socket, not a file", Assert.Single(Reject(path).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SymbolicLinkLoop_ReportedOnce_TheFilesImportedOnce()
    {
        var root = Path.Combine(_temp.Folder, "input", "archive");
        var month = Path.Combine(root, "2024-01");
        Directory.CreateDirectory(month);
        File.Copy(Fixtures.BedfordshireStreet, Path.Combine(month, "2024-01-bedfordshire-street.csv"));
        var loop = Path.Combine(month, "up");
        Directory.CreateSymbolicLink(loop, "..");

        var ex = Reject(root);

        var error = Assert.Single(ex.Errors);
        Assert.Equal(loop, error.File);
        Assert.Contains("a symbolic link loop", error.Message, StringComparison.Ordinal);
        Assert.Equal(4903, _temp.Count("SELECT count(*) FROM crime"));
    }

    [Fact]
    public void TwoLinksToOneFolder_NotALoop_ReadOnce()
    {
        var root = Path.Combine(_temp.Folder, "input", "links");
        var real = Path.Combine(_temp.Folder, "input", "real");
        Directory.CreateDirectory(real);
        Directory.CreateDirectory(root);
        File.Copy(Fixtures.BedfordshireStreet, Path.Combine(real, "2024-01-bedfordshire-street.csv"));
        Directory.CreateSymbolicLink(Path.Combine(root, "a"), real);
        Directory.CreateSymbolicLink(Path.Combine(root, "b"), real);

        var summary = new PoliceImporter(_temp.Store).Import([root]);

        Assert.Equal((4903L, 1), (summary.TotalRows, summary.Files.Count));
    }

    [Fact]
    public void InputPaths_RegularFile_Passes() => Assert.Null(InputPaths.NotRegularFile(Fixtures.BedfordshireStreet));

    [Fact]
    public void ArchiveWithOneBadEntry_ReportsWhichEntriesWereCommitted()
    {
        var zip = Path.Combine(_temp.Folder, "input", "three.zip");
        Directory.CreateDirectory(Path.GetDirectoryName(zip)!);
        var lines = File.ReadAllLines(Fixtures.BedfordshireStreet);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var (month, bad) in new[] { ("2024-01", false), ("2024-02", true), ("2024-03", false) })
            {
                using var writer = new StreamWriter(archive.CreateEntry($"{month}/{month}-bedfordshire-street.csv").Open());
                writer.WriteLine(lines[0]);
                foreach (var line in lines.Skip(1).Take(100))
                {
                    writer.WriteLine(line.Replace("2024-01", month, StringComparison.Ordinal));
                }

                if (bad)
                {
                    writer.WriteLine(lines[1].Replace("2024-01", "2024-13", StringComparison.Ordinal));
                }
            }
        }

        var ex = Reject(zip);

        var outcome = Assert.Single(ex.Summary!.Archives);
        Assert.Equal(zip, outcome.Archive);
        Assert.Equal(["2024-01/2024-01-bedfordshire-street.csv", "2024-03/2024-03-bedfordshire-street.csv"], outcome.Imported);
        Assert.Equal(["2024-02/2024-02-bedfordshire-street.csv"], outcome.NotImported);
        Assert.Equal(200, ex.Summary.TotalRows);
        Assert.Equal(200, _temp.Count("SELECT count(*) FROM crime"));
        Assert.Equal(2, _temp.Count("SELECT count(*) FROM loaded_month"));
    }
}
