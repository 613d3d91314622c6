using CommunitySafety.Crime;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Police;

/// <summary>
/// Imports police.uk street-level crime, outcomes and stop-and-search CSVs into the <see cref="AnalyticalStore"/>.
/// </summary>
/// <remarks>
/// <para>Accepts files, folders (searched recursively; the police.uk archive layout <c>YYYY-MM/YYYY-MM-&lt;force&gt;-street.csv</c>)
/// and <c>.zip</c> archives. The kind of each file is told by its header (columns are found by name, not position).</para>
/// <para>Each file is imported in its own transaction: it lands whole or not at all, and a killed import leaves the store as
/// it was. Importing a force-month again replaces it (police.uk republishes months), so the same file imported twice
/// counts once. Rows are never de-duplicated: repeated Crime IDs and identical lines are separate records.</para>
/// <para>By default a file with any bad row is rejected whole and <see cref="ImportRejectedException"/> lists every bad row
/// (after the other files have been imported); with <see cref="PoliceImportOptions.SkipBadRows"/> the good rows are
/// imported and the bad ones written to a rejects file.</para>
/// </remarks>
public sealed class PoliceImporter(AnalyticalStore store)
{
    /// <summary>Imports the files, folders and zip archives at <paramref name="paths"/>.</summary>
    /// <param name="paths">Files, folders or zip archives.</param>
    /// <param name="options">Options; null for the defaults.</param>
    /// <param name="progress">Receives progress now and then (bytes and rows), for a progress bar.</param>
    /// <param name="cancellationToken">Cancels between rows; the file being read is rolled back.</param>
    /// <returns>What was imported.</returns>
    /// <exception cref="ImportRejectedException">A file had bad rows (or a wrong header) and was rejected whole; the others were imported.</exception>
    /// <exception cref="FileNotFoundException">A path does not exist.</exception>
    public ImportSummary Import(IEnumerable<string> paths, PoliceImportOptions? options = null, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var opts = options ?? new PoliceImportOptions();
        using var sources = PoliceSources.Expand(paths);
        var list = sources.Sources;
        var totalBytes = list.Sum(s => s.Length);
        long bytesBefore = 0, rowsBefore = 0;

        var files = new List<ImportedFile>();
        var rejected = new List<ImportError>();
        var rejectedRows = new List<RejectedRow>();
        var strictErrors = new List<ImportError>();
        var replaced = new List<string>();
        var replacedForceMonths = 0;
        var byForce = new Dictionary<(string, PoliceFileKind), long>();
        var byMonth = new Dictionary<(YearMonth, PoliceFileKind), long>();
        var byType = new long[32];
        var forceNames = new Dictionary<short, string>();

        for (var i = 0; i < list.Count; i++)
        {
            var source = list[i];
            var index = i;
            var before = bytesBefore;
            var rowsStart = rowsBefore;
            void Report(long bytes, long rows) =>
                progress?.Report(new ImportProgress(source.DisplayPath, index, list.Count, before + bytes, totalBytes, rowsStart + rows));

            var file = new PoliceFileImport(store, source, opts, Report, cancellationToken);
            file.Run();
            bytesBefore += source.Length;
            rowsBefore += file.Rows;
            files.Add(new ImportedFile(source.DisplayPath, file.Kind ?? PoliceFileKind.Street, file.Rows, file.RejectedCount, file.Imported));
            rejected.AddRange(file.Errors);
            if (!file.Imported)
            {
                strictErrors.AddRange(file.Errors);
                continue;
            }

            rejectedRows.AddRange(file.Rejected);
            replaced.AddRange(file.ReplacedFiles);
            replacedForceMonths += file.ReplacedForceMonths;
            var kind = file.Kind!.Value;
            foreach (var (force, n) in file.RowsByForce)
            {
                if (!forceNames.TryGetValue(force, out var name))
                {
                    name = store.Scalar<string>("SELECT name FROM force WHERE force_id = $1", force);
                    forceNames[force] = name;
                }

                byForce[(name, kind)] = byForce.GetValueOrDefault((name, kind)) + n;
            }

            foreach (var (month, n) in file.RowsByMonth)
            {
                var key = (YearMonth.FromIndex(month), kind);
                byMonth[key] = byMonth.GetValueOrDefault(key) + n;
            }

            for (var t = 0; t < byType.Length; t++)
            {
                byType[t] += file.RowsByType[t];
            }
        }

        string? rejectsPath = null;
        if (opts.SkipBadRows && rejectedRows.Count > 0)
        {
            rejectsPath = opts.RejectsPath ?? store.FilePath + ".rejects.csv";
            PoliceFileImport.WriteRejects(rejectsPath, rejectedRows);
        }

        var summary = new ImportSummary
        {
            Files = files,
            RowsByForce = byForce,
            RowsByMonth = byMonth,
            RowsByCrimeType = CrimeType.All.Where(t => byType[t.Id] > 0).ToDictionary(t => t, t => byType[t.Id]),
            Rejected = rejected,
            RejectsPath = rejectsPath,
            FilesReplaced = [.. replaced.Distinct()],
            ForceMonthsReplaced = replacedForceMonths,
        };
        if (strictErrors.Count > 0)
        {
            throw new ImportRejectedException(strictErrors, summary);
        }

        return summary;
    }

    /// <summary>Imports one file, folder or zip archive.</summary>
    /// <inheritdoc cref="Import(IEnumerable{string}, PoliceImportOptions?, IProgress{ImportProgress}?, CancellationToken)"/>
    public ImportSummary Import(string path, PoliceImportOptions? options = null, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default) => Import([path], options, progress, cancellationToken);
}
