using CommunitySafety.Crime;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Internals;
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
    private readonly AnalyticalStoreWriter _writer = WriterFor(store);

    /// <summary>The store's writer for police.uk files: a force first met gets the names police.uk gives it (<see cref="PoliceForces.FromName"/>).</summary>
    internal static AnalyticalStoreWriter WriterFor(AnalyticalStore store) => new(store, name =>
    {
        var force = PoliceForces.FromName(name);
        return new ForceNames(force.Name, force.ShortName, force.Slug);
    });

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
        // DuckDB's buffer pool defaults to 80% of RAM; bounded while importing (so the import's peak memory does not depend
        // on the machine) and reset afterwards.
        store.Execute($"SET memory_limit = '{MemoryLimitMegabytes}MB'");
        try
        {
            return ImportCore(paths, options, progress, cancellationToken);
        }
        finally
        {
            store.Execute("RESET memory_limit");
        }
    }

    /// <summary>DuckDB's memory limit during an import; the importer's own buffers add about 100 MB.</summary>
    internal const int MemoryLimitMegabytes = 512;

    private ImportSummary ImportCore(IEnumerable<string> paths, PoliceImportOptions? options, IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var opts = options ?? new PoliceImportOptions();
        using var sources = PoliceSources.Expand(paths);
        var list = sources.Sources;
        var totalBytes = list.Sum(s => s.Length);

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

        var claims = new Dictionary<(byte Kind, short Force, int Month), PoliceSource>();
        var results = opts.CountsOnly
            ? ImportCountsOnly(list, opts, progress, totalBytes, claims, cancellationToken)
            : ImportFull(list, opts, progress, totalBytes, claims, cancellationToken);
        var duplicates = new List<(string Path, string SameAs)>();

        foreach (var file in results)
        {
            var source = file.Source;
            files.Add(new ImportedFile(source.DisplayPath, file.Kind ?? PoliceFileKind.Street, file.Rows, file.RejectedCount, file.Imported));
            rejected.AddRange(file.Errors);
            if (file.DuplicateOf is { } sameAs)
            {
                duplicates.Add((source.DisplayPath, sameAs));
            }

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

        // Archives refused whole before any of their entries was read.
        rejected.AddRange(sources.Errors);
        strictErrors.AddRange(sources.Errors);
        string? rejectsPath = null;
        if (opts.SkipBadRows && rejectedRows.Count > 0)
        {
            rejectsPath = opts.RejectsPath ?? store.FilePath + ".rejects.csv";
            PoliceFileParser.WriteRejects(rejectsPath, rejectedRows);
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
            Duplicates = duplicates,
            NothingToImport = list.Count == 0 && sources.OnlyEmptyInputs,
        };
        if (strictErrors.Count > 0)
        {
            throw new ImportRejectedException(strictErrors, summary);
        }

        return summary;
    }

    /// <summary>
    /// The full import: files are read in groups sharing one transaction (see <see cref="ImportBatch"/>); a group with a
    /// file to be rejected whole is rolled back and its files read again one transaction each, as a file-by-file import
    /// would.
    /// </summary>
    private List<PoliceFileParser> ImportFull(IReadOnlyList<PoliceSource> list, PoliceImportOptions opts, IProgress<ImportProgress>? progress,
        long totalBytes, Dictionary<(byte Kind, short Force, int Month), PoliceSource> claims, CancellationToken cancellationToken)
    {
        long bytesBefore = 0, rowsBefore = 0;
        var results = new List<PoliceFileParser>();
        for (var start = 0; start < list.Count;)
        {
            var end = start;
            long groupBytes = 0;
            while (end < list.Count && (end == start || (groupBytes + list[end].Length <= ImportBatch.MaxBytes && end - start < ImportBatch.MaxFiles)))
            {
                groupBytes += list[end].Length;
                end++;
            }

            var group = new List<PoliceFileParser>();
            var spoiled = false;
            using (var batch = _writer.BeginBatch())
            {
                long groupBefore = bytesBefore, groupRows = rowsBefore;
                for (var i = start; i < end && !spoiled; i++)
                {
                    var file = new PoliceFileParser(list[i], opts, Reporter(i, groupBefore, groupRows), cancellationToken, claims);
                    file.Run(_writer, batch);
                    spoiled = file.SpoilsBatch;
                    group.Add(file);
                    groupBefore += list[i].Length;
                    groupRows += file.Rows;
                }

                if (!spoiled)
                {
                    batch.Commit();
                }
            }

            if (spoiled)
            {
                // The group's claims go with its rollback: its files claim again as they are redone.
                foreach (var key in group.SelectMany(f => f.ClaimedKeys))
                {
                    claims.Remove(key);
                }

                group.Clear();
                long before = bytesBefore, rows = rowsBefore;
                for (var i = start; i < end; i++)
                {
                    var file = new PoliceFileParser(list[i], opts, Reporter(i, before, rows), cancellationToken, claims);
                    file.Run(_writer);
                    group.Add(file);
                    before += list[i].Length;
                    rows += file.Rows;
                }
            }

            for (var i = start; i < end; i++)
            {
                bytesBefore += list[i].Length;
                rowsBefore += group[i - start].Rows;
            }

            results.AddRange(group);
            start = end;
        }

        Action<long, long> Reporter(int index, long before, long rowsStart) => (bytes, rows) =>
            progress?.Report(new ImportProgress(list[index].DisplayPath, index, list.Count, before + bytes, totalBytes, rowsStart + rows));

        return results;
    }

    /// <summary>How many files parsed ahead of the writer may wait for it (bounds memory: each holds only its counts).</summary>
    private const int CountsOnlyWindow = 32;

    /// <summary>
    /// The counts-only import: files are read and checked on worker threads, one file each at a time
    /// (<see cref="PoliceFileParser.Parse"/>), while this thread — the only one touching the store — writes each street
    /// file's counts in file order into transactions of up to <see cref="ImportBatch.MaxBytes"/> (<see cref="PoliceFileParser.WriteCounts"/>).
    /// Files of other kinds, parsed on the workers as well, are written in full, one transaction each, between batches
    /// (<see cref="PoliceFileParser.WriteParsed"/>).
    /// </summary>
    private List<PoliceFileParser> ImportCountsOnly(IReadOnlyList<PoliceSource> list, PoliceImportOptions opts, IProgress<ImportProgress>? progress,
        long totalBytes, Dictionary<(byte Kind, short Force, int Month), PoliceSource> claims, CancellationToken cancellationToken)
    {
        var n = list.Count;
        var handOff = new OrderedHandOff<PoliceFileParser>(n, CountsOnlyWindow);
        var gate = new object();
        var fileBytes = new long[n];
        var fileRows = new long[n];
        long bytesSum = 0, rowsSum = 0;
        Action<long, long> Reporter(int index) => (bytes, rows) =>
        {
            if (progress is null)
            {
                return;
            }

            lock (gate)
            {
                bytesSum += bytes - fileBytes[index];
                rowsSum += rows - fileRows[index];
                fileBytes[index] = bytes;
                fileRows[index] = rows;
                progress.Report(new ImportProgress(list[index].DisplayPath, index, n, bytesSum, totalBytes, rowsSum));
            }
        };

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = new Task[Math.Clamp(Environment.ProcessorCount, 1, 8)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = Task.Factory.StartNew(
                () =>
                {
                    var buffer = new byte[PoliceFileParser.FastBufferBytes];
                    for (var i = handOff.NextIndex(); i >= 0; i = handOff.NextIndex())
                    {
                        try
                        {
                            // Claims are only read and written by WriteCounts and WriteParsed, on this method's thread.
                            var file = new PoliceFileParser(list[i], opts, Reporter(i), stop.Token, claims);
                            Exclusively(list[i], () => file.Parse(buffer));
                            handOff.Complete(i, file, null);
                        }
                        catch (Exception ex)
                        {
                            handOff.Complete(i, null, ex);
                        }
                    }
                },
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        var results = new List<PoliceFileParser>(n);
        ImportBatch? batch = null;
        try
        {
            long groupBytes = 0;
            var groupFiles = 0;
            for (var i = 0; i < n; i++)
            {
                var file = handOff.Take(i);
                if (file.IsRecords)
                {
                    batch?.Commit();
                    batch?.Dispose();
                    batch = null;
                    Exclusively(list[i], () => file.WriteParsed(_writer));
                    results.Add(file);
                    continue;
                }

                batch ??= _writer.BeginBatch();
                file.WriteCounts(_writer, batch);
                results.Add(file);
                groupBytes += list[i].Length;
                // Groups four times the full import's: only counts are written, and each group's commit re-allocates LSOAs.
                if (++groupFiles >= 4 * ImportBatch.MaxFiles || groupBytes >= 4 * ImportBatch.MaxBytes)
                {
                    batch.Commit();
                    batch.Dispose();
                    batch = null;
                    groupBytes = 0;
                    groupFiles = 0;
                }
            }

            batch?.Commit();
        }
        catch
        {
            stop.Cancel();
            handOff.Stop();
            try
            {
                Task.WaitAll(workers, CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The workers stop because of the failure being reported.
            }

            throw;
        }
        finally
        {
            batch?.Dispose();
        }

        Task.WaitAll(workers, CancellationToken.None);
        return results;
    }

    /// <summary>Runs <paramref name="read"/> holding the lock of the source's zip archive, if it has one.</summary>
    private static void Exclusively(PoliceSource source, Action read)
    {
        if (source.Exclusive is not { } archive)
        {
            read();
            return;
        }

        lock (archive)
        {
            read();
        }
    }

    /// <summary>Imports one file, folder or zip archive.</summary>
    /// <inheritdoc cref="Import(IEnumerable{string}, PoliceImportOptions?, IProgress{ImportProgress}?, CancellationToken)"/>
    public ImportSummary Import(string path, PoliceImportOptions? options = null, IProgress<ImportProgress>? progress = null,
        CancellationToken cancellationToken = default) => Import([path], options, progress, cancellationToken);
}
