using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Internals;
using CommunitySafety.Data.Store;
using nietras.SeparatedValues;

namespace CommunitySafety.Data.Police;

/// <summary>
/// The counts-only import (<see cref="PoliceImportOptions.CountsOnly"/>), in two phases: <see cref="Parse"/> reads and
/// checks every row on any thread (no store access): a street file into its own counts (<see cref="MonthlyCounts"/>),
/// keyed by its own force and LSOA numbers, an outcomes or stop-and-search file into its records; then, on the thread that
/// owns the store, <see cref="WriteCounts"/> hands a street file's counts to the writer (which maps them to the store's
/// keys and writes the monthly counts and bookkeeping into the batch) and <see cref="WriteParsed"/> hands the records of
/// another kind to the writer in a transaction of their own. Each file is parsed once, whatever its kind. A file with bad
/// rows is known to be rejected before anything is written, so a counts-only batch is never rolled back for it.
/// </summary>
internal sealed partial class PoliceFileParser
{
    private MonthlyCounts? _counts;

    /// <summary>After <see cref="Parse"/>: the file is outcomes or stop-and-search, written by <see cref="WriteParsed"/> outside the batch.</summary>
    public bool IsRecords => Kind is PoliceFileKind.Outcomes or PoliceFileKind.StopAndSearch;

    /// <summary>
    /// Reads and checks a file, touching no store: a street-level file into its own counts, another into its records; a
    /// file that cannot be read as CSV text is rejected whole with an error naming it and the line, as <see cref="Run"/> does.
    /// </summary>
    /// <param name="buffer">The worker's buffer for the fast path (<see cref="FastBufferBytes"/>; null: general path only).</param>
    public void Parse(byte[]? buffer = null)
    {
        try
        {
            if (buffer is not null && TryCountFast(buffer))
            {
                return;
            }

            _counts = null;
            _parsedRows = 0;
            Kind = null;
            ParseCore();
        }
        catch (Exception ex) when (CsvText.Unreadable(ex, _source.DisplayPath, _source.Open) is { } error)
        {
            Errors.Add(error);
            _fileError = true;
            _counts = null;
            _records = null;
            Imported = false;
            _rowsDropped = true;
        }
    }

    private void ParseCore()
    {
        using var counting = new CountingStream(_source.Open());
        using var text = CsvText.Text(counting);
        using var reader = CsvText.Open(text);
        if (DetectHeader(reader) is not { } header)
        {
            return;
        }

        if (header.Kind != PoliceFileKind.Street)
        {
            var records = new RecordBuffer();
            ReadRecords(reader, header, records, counting);
            _records = records;
            return;
        }

        _counts = new MonthlyCounts();
        CountStreet(reader, header, counting);
        _counts.Seal();
        _progress(counting.BytesRead, _parsedRows);
        MarkTruncatedLastLine();
        CountForeignMonths();
    }

    /// <summary>Checks each row as <see cref="ParseStreet"/> does and counts the good ones by force, LSOA, crime type and month.</summary>
    private void CountStreet(SepReader reader, PoliceHeader h, CountingStream counting)
    {
        var c = StreetColumns.Of(h);
        var counts = _counts!;
        foreach (var row in reader)
        {
            if (!CheckShape(row, h, counting))
            {
                continue;
            }

            if (!CheckStreetRow(row, h, c, out var ym, out var forceName, out _, out _, out var lsoaPresent, out var type))
            {
                Reject(row);
                continue;
            }

            var lsoa = 0;
            if (lsoaPresent)
            {
                var code = row[c.LsoaCode].Span.Trim();
                if (!counts.TryLsoa(code, out lsoa))
                {
                    lsoa = counts.AddLsoa(code, c.LsoaName >= 0 ? row[c.LsoaName].Span.Trim() : default);
                }
            }

            counts.Add(counts.Force(forceName), lsoa, type, ym.Index);
            _parsedRows++;
        }
    }

    /// <summary>
    /// Hands a parsed counts-only street file to <paramref name="writer"/> for <paramref name="batch"/> (on the thread that
    /// owns the store): forces, LSOAs and months in the order the rows gave them, then — unless another source of this
    /// call holds one of its force-months — the monthly counts, loaded months and the source file, replacing any earlier
    /// import of its force-months, raw rows included.
    /// </summary>
    public void WriteCounts(AnalyticalStoreWriter writer, ImportBatch batch)
    {
        if (_counts is not { } counts || IsRejectedWhole())
        {
            _rowsDropped = true;
            return;
        }

        var file = writer.BeginCounts(_source.DisplayPath, batch);
        _file = file;
        file.Add(counts);
        _counts = null;
        if (ClaimForceMonths(PoliceFileKind.Street, file))
        {
            // Nothing of the file is written: the rows it would have added are not counted.
            file.DiscardCounts();
            return;
        }

        file.Commit();
        Imported = true;
        _pool.Clear();
    }

    /// <summary>
    /// Hands a parsed outcomes or stop-and-search file to <paramref name="writer"/> in a transaction of its own (on the
    /// thread that owns the store), as <see cref="Run"/> writes it outside a batch; a file that could not be read is
    /// rolled back as it would have been there.
    /// </summary>
    public void WriteParsed(AnalyticalStoreWriter writer)
    {
        var file = writer.BeginFile(Kind!.Value, _source.DisplayPath, null);
        if (_records is not { } records)
        {
            // Unreadable part way through (the error is in Errors): its transaction goes, as when it was read here.
            file.Fail();
            return;
        }

        _file = file;
        _records = null;
        try
        {
            records.WriteTo(file);
            file.EndRows();
            Land(file, Kind.Value, null);
        }
        catch
        {
            file.Fail();
            throw;
        }
    }

    /// <summary>An outcomes or stop-and-search file's checked records, parsed on a worker thread, kept for the writer's thread.</summary>
    private sealed class RecordBuffer : IPoliceRecordSink
    {
        private readonly List<OutcomeRecord> _outcomes = [];
        private readonly List<StopSearchRecord> _searches = [];

        public void Append(in OutcomeRecord record) => _outcomes.Add(record);

        public void Append(in StopSearchRecord record) => _searches.Add(record);

        /// <summary>Hands the records to <paramref name="sink"/> in file order.</summary>
        public void WriteTo(IPoliceRecordSink sink)
        {
            foreach (var r in _outcomes)
            {
                sink.Append(r);
            }

            foreach (var r in _searches)
            {
                sink.Append(r);
            }
        }
    }
}
