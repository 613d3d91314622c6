using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Internals;
using CommunitySafety.Data.Store;
using CommunitySafety.Exports;
using CommunitySafety.Periods;
using nietras.SeparatedValues;

namespace CommunitySafety.Data.Police;

/// <summary>A rejected row, for the rejects file.</summary>
internal sealed record RejectedRow(ImportError Error, string Row);

/// <summary>
/// Reads and checks one police.uk CSV and hands its good rows to the store's writer (<see cref="ForceMonthFile"/>, from
/// <see cref="AnalyticalStoreWriter"/>), which replaces the force-months the file holds; a file to be rejected whole is
/// abandoned, so it lands whole or not at all. This class parses and checks only: every write is the writer's.
/// </summary>
internal sealed partial class PoliceFileParser
{
    private const int ProgressEvery = 16_384;

    private static readonly Dictionary<short, long> NoForces = [];
    private static readonly Dictionary<int, long> NoMonths = [];
    private static readonly long[] NoTypes = new long[32];

    private readonly PoliceSource _source;
    private readonly PoliceImportOptions _options;
    private readonly Action<long, long> _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly StringPool _pool = new();

    // The file as the writer has it (null until written), and whether its rows no longer count (rejected, unreadable).
    private ForceMonthFile? _file;
    private bool _rowsDropped;

    // A counts-only import's outcomes or stop-and-search file, parsed on a worker thread, for the writer's thread.
    private RecordBuffer? _records;

    private int _errorCount;
    private bool _fileError;

    public PoliceFileParser(PoliceSource source, PoliceImportOptions options, Action<long, long> progress, CancellationToken cancellationToken,
        Dictionary<(byte Kind, short Force, int Month), PoliceSource>? claims = null)
    {
        _claims = claims;
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
    private bool ClaimForceMonths(PoliceFileKind kind, ForceMonthFile file)
    {
        if (_claims is null)
        {
            return false;
        }

        var k = (byte)kind;
        foreach (var (force, month) in file.ForceMonths)
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
            Error(0, null, $"{file.ForceName(force)} {YearMonth.FromIndex(month)} ({kind.ToString().ToLowerInvariant()}) is also in " +
                $"{other.DisplayPath}, read earlier in this import, and the two files differ: one import may hold only one source for a " +
                "force-month (otherwise the last would silently replace the first). The earlier file was imported; import this one on " +
                "its own if it is the edition to keep.");
            return true;
        }

        foreach (var (force, month) in file.ForceMonths)
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

    /// <summary>Rows written (none when the file was not imported).</summary>
    public long Rows => _rowsDropped ? 0 : _file?.Rows ?? 0;

    public bool Imported { get; private set; }

    /// <summary>In a batch: the file is to be rejected whole, so the batch must be rolled back and its files redone one by one.</summary>
    public bool SpoilsBatch { get; private set; }

    public List<ImportError> Errors { get; } = [];

    public List<RejectedRow> Rejected { get; } = [];

    public int RejectedCount => _rejectedRows;

    private int _rejectedRows;

    public IReadOnlyDictionary<short, long> RowsByForce => _file?.RowsByForce ?? NoForces;

    public IReadOnlyDictionary<int, long> RowsByMonth => _file?.RowsByMonth ?? NoMonths;

    public long[] RowsByType => _file?.RowsByType ?? NoTypes;

    public IReadOnlyList<string> ReplacedFiles => _file?.ReplacedFiles ?? [];

    public int ReplacedForceMonths => _file?.ReplacedForceMonths ?? 0;

    /// <summary>
    /// Reads the file and writes it through <paramref name="writer"/>: in <paramref name="batch"/>, or in a transaction of
    /// its own when null. One that cannot be read as CSV text (not UTF-8, a record over the length limit, a repeated
    /// header name, a zip entry that will not decompress) is rejected whole with an error naming it and the line.
    /// </summary>
    public void Run(AnalyticalStoreWriter writer, ImportBatch? batch = null)
    {
        try
        {
            RunCore(writer, batch);
        }
        catch (Exception ex) when (CsvText.Unreadable(ex, _source.DisplayPath, _source.Open) is { } error)
        {
            // Outside a batch the file's transaction has been rolled back; in a batch, the batch is rolled back and redone file by file.
            Errors.Add(error);
            _fileError = true;
            SpoilsBatch = batch is not null;
            Imported = false;
            _rowsDropped = true;
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

    private void RunCore(AnalyticalStoreWriter writer, ImportBatch? batch)
    {
        using var counting = new CountingStream(_source.Open());
        using var text = CsvText.Text(counting);
        using var reader = CsvText.Open(text);
        if (DetectHeader(reader) is not { } header)
        {
            return;
        }

        var file = writer.BeginFile(header.Kind, _source.DisplayPath, batch);
        _file = file;
        try
        {
            ReadRows(reader, header, file, counting);
            file.EndRows();
            Land(file, header.Kind, batch);
        }
        catch
        {
            file.Fail();
            throw;
        }
    }

    /// <summary>
    /// Lands a file whose rows the writer has: rejected whole (bad rows without SkipBadRows, a file-level error, a
    /// force-month taken by another source of this call) it is abandoned — in a batch, the batch is spoiled and redone
    /// file by file, where a file claiming a taken force-month is rolled back alone — otherwise committed.
    /// </summary>
    private void Land(ForceMonthFile file, PoliceFileKind kind, ImportBatch? batch)
    {
        if (IsRejectedWhole() || ClaimForceMonths(kind, file))
        {
            if (batch is not null)
            {
                SpoilsBatch = true;
            }
            else
            {
                file.Abandon();
            }

            _rowsDropped = true;
            return;
        }

        file.Commit();
        Imported = true;
        _pool.Clear();
    }

    /// <summary>Reads every row of the file into <paramref name="file"/> by its kind, then reports progress.</summary>
    private void ReadRows(SepReader reader, PoliceHeader header, ForceMonthFile file, CountingStream counting)
    {
        switch (header.Kind)
        {
            case PoliceFileKind.Street:
                ReadStreet(reader, header, file, counting);
                break;
            default:
                ReadRecords(reader, header, file, counting);
                return;
        }

        EndOfRows(counting);
    }

    /// <summary>Reads an outcomes or stop-and-search file's rows into <paramref name="sink"/>, then reports progress.</summary>
    private void ReadRecords(SepReader reader, PoliceHeader header, IPoliceRecordSink sink, CountingStream counting)
    {
        if (header.Kind == PoliceFileKind.Outcomes)
        {
            ReadOutcomes(reader, header, sink, counting);
        }
        else
        {
            ReadStopAndSearch(reader, header, sink, counting);
        }

        EndOfRows(counting);
    }

    private void EndOfRows(CountingStream counting)
    {
        _progress(counting.BytesRead, Math.Max(Rows, _parsedRows));
        MarkTruncatedLastLine();
        CountForeignMonths();
    }

    /// <summary>Whether the file must be rejected whole: a file-level error, or bad rows without SkipBadRows.</summary>
    private bool IsRejectedWhole() => _fileError || (_errorCount > 0 && !_options.SkipBadRows);

    // ---- outcomes ----

    private void ReadOutcomes(SepReader reader, PoliceHeader h, IPoliceRecordSink sink, CountingStream counting)
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

            sink.Append(new OutcomeRecord(
                _pool.Get(forceName)!, ym.Index, crimeId >= 0 ? NullIfEmpty(row[crimeId].Span) : null,
                lsoaOk ? _pool.Get(row[lsoaCode].Span.Trim()) : null, lsoaOk && lsoaName >= 0 ? _pool.Get(row[lsoaName].Span.Trim()) : null,
                longitude, latitude, location >= 0 ? _pool.Get(row[location].Span) : null, _pool.Get(row[outcomeType].Span)!, line));
            _parsedRows++;
        }
    }

    // ---- stop and search ----

    [GeneratedRegex(@"^(?<month>\d{4}-\d{2})-(?<force>.+)-stop-and-search\.csv$", RegexOptions.IgnoreCase)]
    private static partial Regex StopAndSearchName();

    private void ReadStopAndSearch(SepReader reader, PoliceHeader h, IPoliceRecordSink sink, CountingStream counting)
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

            var ym = fileMonth ?? new YearMonth(when.Year, when.Month);
            if (fileMonth is null && !CheckOneMonth(ym, line, h.Names[date]))
            {
                Reject(row);
                continue;
            }

            sink.Append(new StopSearchRecord(
                forceName, ym.Index, _pool.Get(row[type].Span)!, when.UtcDateTime, partOfValue, Pooled(row, operation),
                latitude, longitude, Pooled(row, gender), Pooled(row, age), Pooled(row, selfEth), Pooled(row, officerEth),
                Pooled(row, legislation), Pooled(row, obj), Pooled(row, outcome), linkedValue, removalValue, line));
            _parsedRows++;
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
        // The rows are untrusted input and the file is opened in spreadsheets: the one CSV writer makes every cell safe.
        var csv = new CsvWriter(w);
        csv.WriteRow("file", "line", "field", "error", "row");
        foreach (var r in rows)
        {
            csv.WriteRow(r.Error.File, r.Error.Line.ToString(CultureInfo.InvariantCulture), r.Error.Field, r.Error.Message, r.Row);
        }
    }
}
