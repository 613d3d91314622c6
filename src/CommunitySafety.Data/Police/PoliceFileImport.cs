using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using CommunitySafety.Data.Import;
using CommunitySafety.Exports;
using CommunitySafety.Data.Internals;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;
using DuckDB.NET.Data;
using nietras.SeparatedValues;

namespace CommunitySafety.Data.Police;

/// <summary>A rejected row, for the rejects file.</summary>
internal sealed record RejectedRow(ImportError Error, string Row);

/// <summary>
/// Imports one police.uk CSV in one transaction: rows are appended, then the force-months they belong to replace
/// whatever was there before, monthly counts are rewritten, and the transaction commits. Any failure rolls back.
/// </summary>
internal sealed partial class PoliceFileImport
{
    private const int ProgressEvery = 16_384;

    private readonly AnalyticalStore _store;
    private readonly PoliceSource _source;
    private readonly PoliceImportOptions _options;
    private readonly Action<long, long> _progress;
    private readonly CancellationToken _cancellationToken;
    private ImportBatch? _batch;
    private readonly StringPool _pool = new();

    private readonly Dictionary<(short Force, int Month), long> _forceMonths = [];
    private readonly Dictionary<(short Force, int Lsoa, byte Type, int Month), int> _monthly = [];
    private int _fileId;

    // Set once the file is known to be street-level and the import is counts-only: loaded_month says so.
    private bool _countsOnly;
    private int _errorCount;
    private bool _fileError;

    public PoliceFileImport(AnalyticalStore store, PoliceSource source, PoliceImportOptions options, Action<long, long> progress, CancellationToken cancellationToken,
        ImportBatch? batch = null, Dictionary<(byte Kind, short Force, int Month), PoliceSource>? claims = null)
    {
        _batch = batch;
        _claims = claims;
        _store = store;
        _source = source;
        _options = options;
        _progress = progress;
        _cancellationToken = cancellationToken;
    }

    public PoliceSource Source => _source;

    // The force-months (by kind) of this import call so far, and the source each came from: two sources for one
    // force-month in one call are never both imported (ClaimForceMonths).
    private readonly Dictionary<(byte Kind, short Force, int Month), PoliceSource>? _claims;

    /// <summary>The force-months this file added to the call's claims (removed again when its batch is rolled back).</summary>
    public List<(byte Kind, short Force, int Month)> ClaimedKeys { get; } = [];

    /// <summary>When the file was not imported because it is byte for byte the same as one read earlier in this call: that one.</summary>
    public string? DuplicateOf { get; private set; }

    /// <summary>
    /// The rule for two sources of one force-month in one import call (two files, or two entries of a zip): this file's
    /// force-months are checked against those of the files read before it in the call. None taken: they are claimed
    /// and the file is imported. One taken by a file with the same bytes: the file is the same data again, so it is
    /// counted once (not imported, <see cref="DuplicateOf"/> set, no error). One taken by a different file: the file is
    /// rejected whole with an error naming both, so the last never silently replaces the first.
    /// </summary>
    /// <returns>True when the file must not be imported.</returns>
    private bool ClaimForceMonths(PoliceFileKind kind)
    {
        if (_claims is null)
        {
            return false;
        }

        var k = (byte)kind;
        foreach (var (force, month) in _forceMonths.Keys)
        {
            if (!_claims.TryGetValue((k, force, month), out var other) || ReferenceEquals(other, _source))
            {
                continue;
            }

            if (SameBytes(other, _source))
            {
                DuplicateOf = other.DisplayPath;
                return true;
            }

            _fileError = true;
            Error(0, null, $"{_store.Dimensions.ForceName(force)} {YearMonth.FromIndex(month)} ({kind.ToString().ToLowerInvariant()}) is also in " +
                $"{other.DisplayPath}, read earlier in this import, and the two files differ: one import may hold only one source for a " +
                "force-month (otherwise the last would silently replace the first). The earlier file was imported; import this one on " +
                "its own if it is the edition to keep.");
            return true;
        }

        foreach (var (force, month) in _forceMonths.Keys)
        {
            _claims[(k, force, month)] = _source;
            ClaimedKeys.Add((k, force, month));
        }

        return false;
    }

    /// <summary>Whether two sources have the same bytes (each read under its archive's lock).</summary>
    private static bool SameBytes(PoliceSource a, PoliceSource b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        lock (a.Exclusive ?? a)
        {
            lock (b.Exclusive ?? b)
            {
                using var x = a.Open();
                using var y = b.Open();
                var bx = new byte[1 << 16];
                var by = new byte[1 << 16];
                while (true)
                {
                    var n = x.ReadAtLeast(bx, bx.Length, throwOnEndOfStream: false);
                    var m = y.ReadAtLeast(by, by.Length, throwOnEndOfStream: false);
                    if (n != m || !bx.AsSpan(0, n).SequenceEqual(by.AsSpan(0, m)))
                    {
                        return false;
                    }

                    if (n == 0)
                    {
                        return true;
                    }
                }
            }
        }
    }

    public PoliceFileKind? Kind { get; private set; }

    public long Rows { get; private set; }

    public bool Imported { get; private set; }

    /// <summary>In a batch: the file is to be rejected whole, so the batch must be rolled back and its files redone one by one.</summary>
    public bool SpoilsBatch { get; private set; }

    public List<ImportError> Errors { get; } = [];

    public List<RejectedRow> Rejected { get; } = [];

    public int RejectedCount => _rejectedRows;

    private int _rejectedRows;

    public Dictionary<short, long> RowsByForce { get; } = [];

    public Dictionary<int, long> RowsByMonth { get; } = [];

    public long[] RowsByType { get; } = new long[32];

    public List<string> ReplacedFiles { get; } = [];

    public int ReplacedForceMonths { get; private set; }

    /// <summary>
    /// Imports the file; one that cannot be read as CSV text (not UTF-8, a record over the length limit, a repeated
    /// header name, a zip entry that will not decompress) is rejected whole with an error naming it and the line.
    /// </summary>
    public void Run()
    {
        try
        {
            RunCore();
        }
        catch (Exception ex) when (CsvText.Unreadable(ex, _source.DisplayPath, _source.Open) is { } error)
        {
            // Outside a batch RunCore has rolled back; in a batch, the batch is rolled back and redone file by file.
            Errors.Add(error);
            _fileError = true;
            SpoilsBatch = _batch is not null;
            Imported = false;
            Rows = 0;
        }
    }

    /// <summary>The file's police.uk header, its kind set; null (the error added) when the file is empty or the header is not one.</summary>
    private PoliceHeader? DetectHeader(SepReader reader)
    {
        if (reader.Header.IsEmpty)
        {
            Errors.Add(new(_source.DisplayPath, 0, null, "the file is empty: expected a police.uk header line."));
            return null;
        }

        var header = PoliceHeader.Detect(reader.Header.ColNames, _source.FileName, _source.DisplayPath, Errors);
        if (header is not null)
        {
            Kind = header.Kind;
        }

        return header;
    }

    private void RunCore()
    {
        using var counting = new CountingStream(_source.Open());
        using var text = CsvText.Text(counting);
        using var reader = CsvText.Open(text);
        if (DetectHeader(reader) is not { } header)
        {
            return;
        }

        if (_batch is not null)
        {
            RunInBatch(reader, header, counting);
            return;
        }

        using var tx = _store.Connection.BeginTransaction();
        try
        {
            _fileId = _store.Dimensions.NextFileId;
            _store.Execute("INSERT INTO source_file VALUES ($1, $2, $3, 0, now()::TIMESTAMP)", _fileId, _source.DisplayPath, (byte)header.Kind);
            var table = TableOf(header.Kind);
            using (var appender = _store.Connection.CreateAppender(table))
            {
                ReadRows(reader, header, appender, counting);
            }

            if (IsRejectedWhole() || ClaimForceMonths(header.Kind))
            {
                tx.Rollback();
                _store.Dimensions.Reload();
                Rows = 0;
                return;
            }

            Replace(table, header.Kind);
            if (_store.Dimensions.FlushNew())
            {
                _store.AllocateLsoas();
            }

            tx.Commit();
            _store.Dimensions.NextFileId = _fileId + 1;
            Imported = true;
            ReleaseWorkingState();
        }
        catch
        {
            _store.RollBackAfterFailure(tx);
            throw;
        }
    }

    /// <summary>Reads every row of the file into <paramref name="appender"/> by its kind, then reports progress.</summary>
    private void ReadRows(SepReader reader, PoliceHeader header, DuckDBAppender appender, CountingStream counting)
    {
        switch (header.Kind)
        {
            case PoliceFileKind.Street:
                ReadStreet(reader, header, appender, counting);
                break;
            case PoliceFileKind.Outcomes:
                ReadOutcomes(reader, header, appender, counting);
                break;
            default:
                ReadStopAndSearch(reader, header, appender, counting);
                break;
        }

        _progress(counting.BytesRead, Rows);
        MarkTruncatedLastLine();
        CountForeignMonths();
    }

    /// <summary>Whether the file must be rejected whole: a file-level error, or bad rows without SkipBadRows.</summary>
    private bool IsRejectedWhole() => _fileError || (_errorCount > 0 && !_options.SkipBadRows);

    private static string TableOf(PoliceFileKind kind) => kind switch
    {
        PoliceFileKind.Street => "crime",
        PoliceFileKind.Outcomes => "outcome",
        _ => "stop_search",
    };

    /// <summary>Reads the file into the batch's transaction; a file that would be rejected whole spoils the batch instead.</summary>
    private void RunInBatch(SepReader reader, PoliceHeader header, CountingStream counting)
    {
        _fileId = _store.Dimensions.NextFileId;
        var table = TableOf(header.Kind);
        ReadRows(reader, header, _batch!.Appender(table), counting);
        if (IsRejectedWhole() || ClaimForceMonths(header.Kind))
        {
            // Redone in a transaction of its own, where a file claiming a taken force-month is rolled back alone.
            SpoilsBatch = true;
            Rows = 0;
            return;
        }

        ReplaceInBatch(table, header.Kind);
        if (_store.Dimensions.FlushNew())
        {
            _batch.NewLsoas = true;
        }

        _store.Dimensions.NextFileId = _fileId + 1;
        Imported = true;
        ReleaseWorkingState();
    }

    /// <summary>
    /// Drops what only the import itself needed (monthly counts, force-months, pooled strings) and keeps the summary's
    /// figures: an import keeps every file's result until the end, and with the working state kept peak memory grew
    /// with the number of files (1.0 GB for one national year, 1.6 GB for two).
    /// </summary>
    private void ReleaseWorkingState()
    {
        _monthly.Clear();
        _monthly.TrimExcess();
        _sealed = null;
        _forceMonths.Clear();
        _forceMonths.TrimExcess();
        _pool.Clear();
    }

    /// <summary>
    /// <see cref="Replace"/> in a batch: the common case, a file whose force-months are not in the store yet, costs no
    /// query (the profile showed five queries per file taking a tenth of the import).
    /// </summary>
    private void ReplaceInBatch(string table, PoliceFileKind kind)
    {
        if (_forceMonths.Count == 0)
        {
            return;
        }

        var k = (byte)kind;
        var loaded = _batch!.Loaded;
        if (_forceMonths.Keys.Any(fm => loaded.Contains((k, fm.Force, fm.Month))))
        {
            // A republished month: the general path, with this group's rows so far in the tables.
            _batch.Flush();
            _store.Execute("INSERT INTO source_file VALUES ($1, $2, $3, 0, now()::TIMESTAMP)", _fileId, _source.DisplayPath, k);
            Replace(table, kind);
        }
        else
        {
            // Appended, not inserted: a statement per file was a tenth of a counts-only import's writing thread.
            _batch.Appender("source_file").CreateRow()
                .AppendValue(_fileId).AppendValue(_source.DisplayPath).AppendValue(k).AppendValue(Rows).AppendValue(_batch.Now)
                .EndRow();
            if (kind == PoliceFileKind.Street)
            {
                AppendMonthly(_batch.Appender("crime_monthly"));
            }

            var months = _batch.Appender("loaded_month");
            foreach (var ((force, month), n) in _forceMonths)
            {
                months.CreateRow().AppendValue(k).AppendValue(force).AppendValue(month).AppendValue(_fileId).AppendValue(n).AppendValue(_countsOnly).EndRow();
            }
        }

        foreach (var (force, month) in _forceMonths.Keys)
        {
            loaded.Add((k, force, month));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendMonthly(DuckDBAppender appender)
    {
        if (_sealed is var (entries, forces, lsoas))
        {
            foreach (var e in entries)
            {
                var lsoa = lsoas[e.Lsoa];
                var row = appender.CreateRow().AppendValue(forces[e.Force]);
                row = lsoa == 0 ? row.AppendNullValue() : row.AppendValue(lsoa);
                row.AppendValue(e.Type).AppendValue(e.Month).AppendValue(e.N).EndRow();
            }

            return;
        }

        foreach (var ((force, lsoa, type, month), n) in _monthly)
        {
            var row = appender.CreateRow().AppendValue(force);
            row = lsoa == 0 ? row.AppendNullValue() : row.AppendValue(lsoa);
            row.AppendValue(type).AppendValue(month).AppendValue(n).EndRow();
        }
    }

    private void Replace(string table, PoliceFileKind kind)
    {
        if (_forceMonths.Count == 0)
        {
            _store.Execute("DELETE FROM source_file WHERE file_id = $1", _fileId);
            return;
        }

        var predicate = string.Join(" OR ", _forceMonths.Keys.GroupBy(k => k.Force).Select(g =>
            string.Create(CultureInfo.InvariantCulture, $"(force_id = {g.Key} AND month_idx IN ({string.Join(',', g.Select(k => k.Month))}))")));
        var k = (byte)kind;
        ReplacedFiles.AddRange(_store.Query(
            $"SELECT DISTINCT s.path FROM loaded_month l JOIN source_file s USING (file_id) WHERE l.kind = {k} AND ({predicate}) ORDER BY 1",
            r => r.GetString(0)));
        ReplacedForceMonths = _store.Scalar<int>($"SELECT count(*) FROM loaded_month WHERE kind = {k} AND ({predicate})");
        if (ReplacedForceMonths > 0)
        {
            // Rows of earlier files in this batch must be in the table before they can be deleted.
            _batch?.Flush();
            Quality.QualityStore.RecordReplaced(_store, k, predicate, _fileId);
            _store.Execute($"DELETE FROM {table} WHERE file_id <> {_fileId} AND ({predicate})");
            _store.Execute($"DELETE FROM loaded_month WHERE kind = {k} AND ({predicate})");
        }

        if (kind == PoliceFileKind.Street)
        {
            if (ReplacedForceMonths > 0)
            {
                _store.Execute($"DELETE FROM crime_monthly WHERE {predicate}");
            }

            using var appender = _store.Connection.CreateAppender("crime_monthly");
            AppendMonthly(appender);
        }

        using (var appender = _store.Connection.CreateAppender("loaded_month"))
        {
            foreach (var ((force, month), n) in _forceMonths)
            {
                appender.CreateRow().AppendValue(k).AppendValue(force).AppendValue(month).AppendValue(_fileId).AppendValue(n).AppendValue(_countsOnly).EndRow();
            }
        }

        _store.Execute("UPDATE source_file SET rows = $1 WHERE file_id = $2", Rows, _fileId);
        _store.Execute("DELETE FROM source_file WHERE file_id NOT IN (SELECT DISTINCT file_id FROM loaded_month)");
    }

    // ---- street-level crime ----

    // ---- outcomes ----

    private void ReadOutcomes(SepReader reader, PoliceHeader h, DuckDBAppender appender, CountingStream counting)
    {
        int crimeId = h["Crime ID"], month = h["Month"], reportedBy = h["Reported by"], lon = h["Longitude"], lat = h["Latitude"],
            location = h["Location"], lsoaCode = h["LSOA code"], lsoaName = h["LSOA name"], outcomeType = h["Outcome type"];
        foreach (var row in reader)
        {
            if (!CheckShape(row, h, counting))
            {
                continue;
            }

            var line = row.LineNumberFrom;
            var bad = false;
            bad |= !TryMonth(row, month, h, line, out var ym);
            bad |= !TryForce(row, reportedBy, h, line, out var forceName);
            bad |= !TryCoordinates(row, lon, lat, h, line, out var longitude, out var latitude);
            bad |= !TryLsoa(row, lsoaCode, h, line, out var lsoaOk);
            if (row[outcomeType].Span.IsWhiteSpace())
            {
                bad = true;
                Error(line, h.Names[outcomeType], "empty outcome type.");
            }

            if (bad)
            {
                Reject(row);
                continue;
            }

            var force = _store.Dimensions.Force(forceName);
            var lsoaId = lsoaOk ? _store.Dimensions.Lsoa(row[lsoaCode].Span.Trim(), lsoaName >= 0 ? row[lsoaName].Span.Trim() : default) : 0;
            _store.Dimensions.Month(ym);
            var r = appender.CreateRow().AppendValue(force).AppendValue(ym.Index)
                .AppendValue(crimeId >= 0 ? NullIfEmpty(row[crimeId].Span) : null);
            r = lsoaId == 0 ? r.AppendNullValue() : r.AppendValue(lsoaId);
            r.AppendValue(longitude).AppendValue(latitude)
                .AppendValue(location >= 0 ? _pool.Get(row[location].Span) : null)
                .AppendValue(_pool.Get(row[outcomeType].Span))
                .AppendValue(_fileId).AppendValue(line)
                .EndRow();
            Count(force, ym.Index);
        }
    }

    // ---- stop and search ----

    [GeneratedRegex(@"^(?<month>\d{4}-\d{2})-(?<force>.+)-stop-and-search\.csv$", RegexOptions.IgnoreCase)]
    private static partial Regex StopAndSearchName();

    private void ReadStopAndSearch(SepReader reader, PoliceHeader h, DuckDBAppender appender, CountingStream counting)
    {
        var nameMatch = StopAndSearchName().Match(_source.FileName);
        YearMonth? fileMonth = nameMatch.Success && YearMonth.TryParse(nameMatch.Groups["month"].Value, out var fm) ? fm : null;
        var forceName = _options.StopAndSearchForce
            ?? (nameMatch.Success ? PoliceForces.FromSlug(nameMatch.Groups["force"].Value)?.Name ?? nameMatch.Groups["force"].Value : null);
        if (forceName is null)
        {
            _fileError = true;
            Error(0, null, "stop-and-search files have no force column and this file's name does not say which force it is: " +
                "name it YYYY-MM-<force>-stop-and-search.csv (e.g. 2018-03-bedfordshire-stop-and-search.csv) or give the force.");
            return;
        }

        int type = h["Type"], date = h["Date"], partOf = h["Part of a policing operation"], operation = h["Policing operation"],
            lat = h["Latitude"], lon = h["Longitude"], gender = h["Gender"], age = h["Age range"], selfEth = h["Self-defined ethnicity"],
            officerEth = h["Officer-defined ethnicity"], legislation = h["Legislation"], obj = h["Object of search"], outcome = h["Outcome"],
            linked = h["Outcome linked to object of search"], removal = h["Removal of more than just outer clothing"];
        short force = 0;
        foreach (var row in reader)
        {
            if (!CheckShape(row, h, counting))
            {
                continue;
            }

            var line = row.LineNumberFrom;
            var bad = false;
            var dateSpan = row[date].Span.Trim();
            if (!DateTimeOffset.TryParse(dateSpan, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
            {
                bad = true;
                Error(line, h.Names[date], $"'{CsvText.Show(dateSpan)}' is not a date and time: expected e.g. 2018-03-01T13:05:00+00:00.");
            }

            if (row[type].Span.IsWhiteSpace())
            {
                bad = true;
                Error(line, h.Names[type], "empty search type.");
            }

            bad |= !TryCoordinates(row, lon, lat, h, line, out var longitude, out var latitude);
            bad |= !TryBool(row, partOf, h, line, out var partOfValue);
            bad |= !TryBool(row, linked, h, line, out var linkedValue);
            bad |= !TryBool(row, removal, h, line, out var removalValue);
            if (bad)
            {
                Reject(row);
                continue;
            }

            if (force == 0)
            {
                force = _store.Dimensions.Force(forceName);
            }

            var ym = fileMonth ?? new YearMonth(when.Year, when.Month);
            if (fileMonth is null && !CheckOneMonth(ym, line, h.Names[date]))
            {
                Reject(row);
                continue;
            }

            _store.Dimensions.Month(ym);
            appender.CreateRow().AppendValue(force).AppendValue(ym.Index)
                .AppendValue(_pool.Get(row[type].Span))
                .AppendValue(when.UtcDateTime)
                .AppendValue(partOfValue)
                .AppendValue(Pooled(row, operation))
                .AppendValue(latitude).AppendValue(longitude)
                .AppendValue(Pooled(row, gender)).AppendValue(Pooled(row, age)).AppendValue(Pooled(row, selfEth)).AppendValue(Pooled(row, officerEth))
                .AppendValue(Pooled(row, legislation)).AppendValue(Pooled(row, obj)).AppendValue(Pooled(row, outcome))
                .AppendValue(linkedValue).AppendValue(removalValue)
                .AppendValue(_fileId).AppendValue(line)
                .EndRow();
            Count(force, ym.Index);
        }
    }

    // ---- shared field rules ----

    private bool CheckShape(SepReader.Row row, PoliceHeader h, CountingStream counting)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        // Street rows are counted on the reader thread (_parsedRows), the others as they are appended (Rows).
        var seen = Math.Max(Rows, _parsedRows);
        if ((seen + _rejectedRows) % ProgressEvery == 0)
        {
            _progress(counting.BytesRead, seen);
        }

        _lastRowLine = row.LineNumberFrom;
        if (row.ColCount == h.Count)
        {
            // A header repeated mid-file (files concatenated with their headers) is not data.
            if (row[0].Span.Trim().Equals(h.Names[0].AsSpan().Trim().TrimStart('\uFEFF'), StringComparison.OrdinalIgnoreCase)
                && row[h.Count - 1].Span.Trim().Equals(h.Names[^1].AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return true;
        }

        if (row.ColCount == 1 && row.Span.IsWhiteSpace())
        {
            return false;
        }

        Error(row.LineNumberFrom, null, $"wrong column count: expected {h.Count} columns ({CsvText.Show(string.Join(',', h.Names))}), found {row.ColCount}.");
        _shapeError = (Errors.Count - 1, row.LineNumberFrom, row.ColCount, h.Count);
        Reject(row);
        return false;
    }

    private bool? _endsWithNewline;
    private int _lastRowLine;
    private (int Index, int Line, int Found, int Expected)? _shapeError;

    /// <summary>A short last row in a file without a final line break is a truncated file: say so.</summary>
    private void MarkTruncatedLastLine()
    {
        if (_shapeError is not { } e || e.Line != _lastRowLine || e.Found >= e.Expected || e.Index < 0 || e.Index >= Errors.Count || EndsWithNewline())
        {
            return;
        }

        var old = Errors[e.Index];
        var fixedError = old with { Message = $"truncated last line: expected {e.Expected} columns, found {e.Found}; the file may have been cut short." };
        Errors[e.Index] = fixedError;
        for (var i = 0; i < Rejected.Count; i++)
        {
            if (ReferenceEquals(Rejected[i].Error, old))
            {
                Rejected[i] = Rejected[i] with { Error = fixedError };
            }
        }
    }

    private bool EndsWithNewline()
    {
        if (_endsWithNewline is { } known)
        {
            return known;
        }

        using var s = _source.Open();
        byte last = 0;
        if (s.CanSeek)
        {
            if (s.Length > 0)
            {
                s.Seek(-1, SeekOrigin.End);
                last = (byte)s.ReadByte();
            }
        }
        else
        {
            var buffer = new byte[1 << 16];
            int n;
            while ((n = s.Read(buffer)) > 0)
            {
                last = buffer[n - 1];
            }
        }

        _endsWithNewline = last is (byte)'\n' or (byte)'\r';
        return _endsWithNewline.Value;
    }

    private bool TryMonth(SepReader.Row row, int col, PoliceHeader h, int line, out YearMonth month)
    {
        var s = row[col].Span;
        if (YearMonth.TryParse(s, out month))
        {
            return CheckOneMonth(month, line, h.Names[col]);
        }

        Error(line, h.Names[col], s.IsWhiteSpace() ? "empty month: expected yyyy-MM, e.g. 2024-01." : $"'{CsvText.Show(s)}' is not a month: expected yyyy-MM, e.g. 2024-01.");
        return false;
    }

    [GeneratedRegex(@"^(?<month>\d{4}-\d{2})-", RegexOptions.IgnoreCase)]
    private static partial Regex MonthInName();

    /// <summary>The month of police.uk's file name (<c>2024-01-bedfordshire-street.csv</c>), or null when the name has none.</summary>
    internal static YearMonth? NameMonth(string fileName) =>
        MonthInName().Match(fileName) is { Success: true } m && YearMonth.TryParse(m.Groups["month"].Value, out var ym) ? ym : null;

    // The one month this file may hold: its name's, or else its first good row's (_fileMonthLine, 0 when from the name).
    private YearMonth? _fileMonth;
    private int _fileMonthLine;
    private bool _fileMonthKnown;

    /// <summary>
    /// The one-month rule: a police.uk file holds one month (police.uk publishes one file per force and month), and
    /// importing a file replaces each force-month it holds, so a file holding a few rows of another month would replace that
    /// whole stored month with those rows. A row of any other month than the file's (its name's month, or else its first
    /// good row's) is an error naming the line and field; the file is rejected whole (or, with SkipBadRows, the row is).
    /// </summary>
    private bool CheckOneMonth(YearMonth month, int line, string field)
    {
        if (!_fileMonthKnown)
        {
            _fileMonth = NameMonth(_source.FileName);
            _fileMonthKnown = true;
        }

        if (_fileMonth is not { } expected)
        {
            _fileMonth = month;
            _fileMonthLine = line;
            return true;
        }

        if (month == expected)
        {
            return true;
        }

        // One error per other month names its first row (and, at the end, how many rows it has); every row gets its own
        // error only when bad rows are kept for the rejects file.
        if (_foreignMonths.TryGetValue(month.Index, out var seen))
        {
            _foreignMonths[month.Index] = seen with { Rows = seen.Rows + 1 };
            if (!_options.SkipBadRows)
            {
                _errorCount++;
                return false;
            }
        }
        else
        {
            _foreignMonths[month.Index] = (Errors.Count, 1);
        }

        var why = _fileMonthLine == 0 ? $"its name says {expected}" : $"its first row (line {_fileMonthLine}) is {expected}";
        Error(line, field, $"month {month} does not belong in this file: {why}, and a police.uk file holds one month. " +
            $"Importing it would replace the whole stored {month} of this force with this file's rows of {month}; " +
            "split the file by month (one file per force and month, as police.uk publishes them).");
        return false;
    }

    // Months other than the file's: the index of the first error naming one, and its rows.
    private readonly Dictionary<int, (int ErrorIndex, int Rows)> _foreignMonths = [];

    /// <summary>Adds to each other month's first error how many of the file's rows are of that month.</summary>
    private void CountForeignMonths()
    {
        foreach (var (_, (index, rows)) in _foreignMonths)
        {
            if (rows > 1 && !_options.SkipBadRows && index < Errors.Count)
            {
                Errors[index] = Errors[index] with { Message = Errors[index].Message + string.Create(CultureInfo.InvariantCulture, $" ({rows:N0} rows of that month, from this line on.)") };
            }
        }
    }

    private bool TryForce(SepReader.Row row, int col, PoliceHeader h, int line, out ReadOnlySpan<char> force)
    {
        force = row[col].Span.Trim();
        if (!force.IsEmpty)
        {
            return true;
        }

        Error(line, h.Names[col], "empty force name.");
        return false;
    }

    private bool TryCoordinates(SepReader.Row row, int lonCol, int latCol, PoliceHeader h, int line, out float? longitude, out float? latitude)
    {
        var ok = TryCoordinate(row, lonCol, h, line, 180, out longitude);
        ok &= TryCoordinate(row, latCol, h, line, 90, out latitude);
        if (ok && longitude.HasValue != latitude.HasValue)
        {
            Error(line, h.Names[longitude.HasValue ? latCol : lonCol], "a location needs both longitude and latitude; only one is given.");
            return false;
        }

        return ok;
    }

    private bool TryCoordinate(SepReader.Row row, int col, PoliceHeader h, int line, double limit, out float? value)
    {
        var s = row[col].Span.Trim();
        if (IsCoordinate(s, limit, out value))
        {
            return true;
        }

        Error(line, h.Names[col], $"'{CsvText.Show(s)}' is not a {h.Names[col].Trim().ToLowerInvariant()}: expected a number between -{limit} and {limit}.");
        return false;
    }

    /// <summary>The rule for a longitude or latitude: empty (no location), or a finite number within ±<paramref name="limit"/>.</summary>
    private static bool IsCoordinate(ReadOnlySpan<char> s, double limit, out float? value)
    {
        value = null;
        s = s.Trim();
        if (s.IsEmpty)
        {
            return true;
        }

        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) && Math.Abs(d) <= limit)
        {
            value = (float)d;
            return true;
        }

        return false;
    }

    private bool TryLsoa(SepReader.Row row, int col, PoliceHeader h, int line, out bool present)
    {
        var s = row[col].Span.Trim();
        present = !s.IsEmpty;
        if (!present || IsLsoaCode(s))
        {
            return true;
        }

        Error(line, h.Names[col], $"'{CsvText.Show(s)}' is not an LSOA code: expected E01 or W01 and six digits, e.g. E01017541.");
        return false;
    }

    /// <summary>The rule for a present LSOA code (trimmed): E or W and eight digits.</summary>
    private static bool IsLsoaCode(ReadOnlySpan<char> s) => s.Length == 9 && s[0] is 'E' or 'W' && s[1..].ContainsAnyExceptInRange('0', '9') is false;

    private bool TryBool(SepReader.Row row, int col, PoliceHeader h, int line, out bool? value)
    {
        value = null;
        if (col < 0)
        {
            return true;
        }

        var s = row[col].Span.Trim();
        if (s.IsEmpty)
        {
            return true;
        }

        if (s.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        if (s.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            value = false;
            return true;
        }

        Error(line, h.Names[col], $"'{CsvText.Show(s)}' is not True or False.");
        return false;
    }

    private string? Pooled(SepReader.Row row, int col) => col < 0 ? null : _pool.Get(row[col].Span.Trim());

    private static string? NullIfEmpty(ReadOnlySpan<char> s) => s.IsWhiteSpace() ? null : s.ToString();

    private void Count(short force, int month)
    {
        Rows++;
        CollectionsMarshal.GetValueRefOrAddDefault(_forceMonths, (force, month), out _)++;
        CollectionsMarshal.GetValueRefOrAddDefault(RowsByForce, force, out _)++;
        CollectionsMarshal.GetValueRefOrAddDefault(RowsByMonth, month, out _)++;
    }

    private void Error(int line, string? field, string message)
    {
        _errorCount++;
        if (Errors.Count < ImportLimits.MaxErrorsPerFile)
        {
            Errors.Add(new ImportError(_source.DisplayPath, line, field?.Trim(), message));
        }
    }

    private void Reject(SepReader.Row row)
    {
        _rejectedRows++;
        if (_options.SkipBadRows && Rejected.Count < ImportLimits.MaxErrorsPerFile && Errors.Count > 0)
        {
            var line = row.LineNumberFrom;
            var text = CsvText.RowText(row);
            var first = Errors.Count;
            while (first > 0 && Errors[first - 1].Line == line)
            {
                first--;
            }

            for (var i = first; i < Errors.Count; i++)
            {
                Rejected.Add(new RejectedRow(Errors[i], text));
            }
        }
    }

    /// <summary>Writes rejected rows as CSV: file, line, field, error, row.</summary>
    public static void WriteRejects(string path, IEnumerable<RejectedRow> rows)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("file,line,field,error,row\n");
        var sb = new StringBuilder();
        foreach (var r in rows)
        {
            sb.Clear();
            // The rows are untrusted input and the file is opened in spreadsheets: formula-like text gets an apostrophe.
            CsvText.AppendField(sb, SpreadsheetSafety.Neutralise(r.Error.File));
            sb.Append(',').Append(r.Error.Line.ToString(CultureInfo.InvariantCulture)).Append(',');
            CsvText.AppendField(sb, SpreadsheetSafety.Neutralise(r.Error.Field));
            sb.Append(',');
            CsvText.AppendField(sb, SpreadsheetSafety.Neutralise(r.Error.Message));
            sb.Append(',');
            CsvText.AppendField(sb, SpreadsheetSafety.Neutralise(r.Row));
            sb.Append('\n');
            w.Write(sb);
        }
    }
}
