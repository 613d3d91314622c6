using System.IO.Compression;
using CommunitySafety.Data.Inputs;
using CommunitySafety.SafeReading;

namespace CommunitySafety.Data.Police;

/// <summary>One CSV to read: a file on disk or an entry of a zip archive.</summary>
/// <param name="DisplayPath">The file as named in errors.</param>
/// <param name="FileName">Its name.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="Open">Opens it from the start.</param>
/// <param name="Exclusive">For a zip entry, its archive: entries of one archive are read by one thread at a time
/// (a <see cref="ZipArchive"/> is not thread-safe), so readers working in parallel lock it while they read.</param>
internal sealed record PoliceSource(string DisplayPath, string FileName, long Length, Func<Stream> Open, object? Exclusive = null);

/// <summary>
/// Expands the paths given to an import into CSV sources: single files, folders (recursively; the police.uk archive
/// layout <c>YYYY-MM/YYYY-MM-&lt;force&gt;-street.csv</c>), and <c>.zip</c> archives (entries in the same layout).
/// </summary>
internal sealed class PoliceSources : IDisposable
{
    private readonly List<ZipArchive> _archives = [];

    public List<PoliceSource> Sources { get; } = [];

    /// <summary>Archives refused whole: not a zip, or outside the <see cref="InputLimits"/> (see <see cref="ZipLimits"/>).</summary>
    public List<ImportError> Errors { get; } = [];

    public static PoliceSources Expand(IEnumerable<string> paths)
    {
        var result = new PoliceSources();
        try
        {
            foreach (var path in paths)
            {
                result.Add(path);
            }
        }
        catch
        {
            result.Dispose();
            throw;
        }

        return result;
    }

    /// <summary>Whether every error is a path that held nothing to import (a folder with no CSVs, an archive with none).</summary>
    public bool OnlyEmptyInputs => Errors.Count > 0 && Errors.Count == _empty;

    private int _empty;

    /// <summary>A folder or archive given that holds nothing to import is an error: a wrong path must not pass as "0 rows".</summary>
    private void Empty(string path, string message)
    {
        Errors.Add(new ImportError(path, 0, null, message));
        _empty++;
    }

    private void Add(string path)
    {
        if (Directory.Exists(path))
        {
            // Symbolic links followed once (a loop is an error); pipes, devices and sockets refused, never opened.
            var before = Errors.Count;
            var files = InputPaths.Walk(path, f => IsCsv(f) || IsZip(f), Errors);
            if (files.Count == 0 && Errors.Count == before)
            {
                Empty(path, "nothing to import: the folder (and its sub-folders) holds no .csv file and no .zip archive.");
            }

            foreach (var f in files)
            {
                AddFile(f);
            }
        }
        else if (File.Exists(path) && InputPaths.NotRegularFile(path) is { } notRegular)
        {
            Errors.Add(new ImportError(path, 0, null, notRegular));
        }
        else if (File.Exists(path))
        {
            AddFile(path);
        }
        else
        {
            throw new FileNotFoundException($"No file or folder '{path}'.", path);
        }
    }

    private void AddFile(string path)
    {
        if (IsZip(path))
        {
            ZipArchive archive;
            try
            {
                archive = ZipFile.OpenRead(path);
            }
            catch (InvalidDataException ex)
            {
                Errors.Add(new ImportError(path, 0, null, $"not a readable zip archive: {ex.Message}"));
                return;
            }

            _archives.Add(archive);
            if (ZipLimits.Problem(archive) is { } problem)
            {
                Errors.Add(new ImportError(path, 0, null, problem));
                return;
            }

            var csvs = archive.Entries.Where(e => IsCsv(e.FullName)).OrderBy(e => e.FullName, StringComparer.Ordinal).ToList();
            if (csvs.Count == 0)
            {
                var nested = archive.Entries.Where(e => IsZip(e.FullName)).Select(e => e.FullName).ToList();
                Empty(path, nested.Count > 0
                    ? $"nothing to import: the archive holds no .csv file, only other archives ({string.Join(", ", nested.Take(3))}{(nested.Count > 3 ? ", …" : string.Empty)}), " +
                      "which are not opened: extract them and import those."
                    : archive.Entries.Count == 0 ? "nothing to import: the archive is empty." : "nothing to import: the archive holds no .csv file.");
            }

            foreach (var entry in csvs)
            {
                var e = entry;
                if (CheckedZipEntry.Unreadable(e) is { } encrypted)
                {
                    Errors.Add(new ImportError($"{path}!{e.FullName}", 0, null, encrypted));
                    continue;
                }

                // Read with its CRC-32 checked: a damaged entry is an error, never damaged text imported.
                Sources.Add(new PoliceSource($"{path}!{e.FullName}", e.Name, e.Length, () => CheckedZipEntry.Open(e), archive));
            }
        }
        else
        {
            // Unbuffered: every reader reads in large blocks of its own (the text reader 64 KB, the counts-only fast path
            // 1 MB), and a FileStream buffer only added a copy of every byte.
            var info = new FileInfo(path);
            Sources.Add(new PoliceSource(path, info.Name, info.Length,
                () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan)));
        }
    }

    private static bool IsCsv(string name) => name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    private static bool IsZip(string name) => name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);

    public void Dispose()
    {
        foreach (var a in _archives)
        {
            a.Dispose();
        }
    }
}
