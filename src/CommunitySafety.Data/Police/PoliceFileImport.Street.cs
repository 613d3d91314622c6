using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using CommunitySafety.Crime;
using CommunitySafety.Data.Internals;
using CommunitySafety.Periods;
using DuckDB.NET.Data;
using nietras.SeparatedValues;

namespace CommunitySafety.Data.Police;

/// <summary>
/// Street-level files, read on two threads: a reader thread parses and checks rows (Sep, numbers, UTF-8 text) into
/// chunks, while the calling thread — the only one that touches the DuckDB connection — maps names to keys and appends.
/// Four chunks of 8,192 rows circulate between them, so memory stays the same whatever the size of the file.
/// </summary>
internal sealed partial class PoliceFileImport
{
    private const int ChunksInFlight = 4;

    // Rows parsed so far (reader thread), for progress; Rows itself is counted as rows are appended.
    private long _parsedRows;

    private void ReadStreet(SepReader reader, PoliceHeader h, DuckDBAppender appender, CountingStream counting)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
        using var free = new BlockingCollection<StreetChunk>(ChunksInFlight);
        using var full = new BlockingCollection<StreetChunk>(ChunksInFlight);
        for (var i = 0; i < ChunksInFlight; i++)
        {
            free.Add(new StreetChunk());
        }

        var parser = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    ParseStreet(reader, h, counting, free, full, stop.Token);
                }
                finally
                {
                    full.CompleteAdding();
                }
            },
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var chunk in full.GetConsumingEnumerable(_cancellationToken))
            {
                AppendStreet(chunk, appender);
                chunk.Clear();
                free.Add(chunk, _cancellationToken);
            }
        }
        catch
        {
            stop.Cancel();
            try
            {
                parser.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The reader stops because of the failure above, which is the one to report.
            }

            throw;
        }

        parser.GetAwaiter().GetResult();
    }

    /// <summary>Reader thread: checks each row and packs the good ones into chunks.</summary>
    private void ParseStreet(SepReader reader, PoliceHeader h, CountingStream counting, BlockingCollection<StreetChunk> free,
        BlockingCollection<StreetChunk> full, CancellationToken token)
    {
        var c = StreetColumns.Of(h);
        var chunk = free.Take(token);
        string? lastForce = null;
        foreach (var row in reader)
        {
            token.ThrowIfCancellationRequested();
            if (!CheckShape(row, h, counting))
            {
                continue;
            }

            var line = row.LineNumberFrom;
            if (!CheckStreetRow(row, h, c, out var ym, out var forceName, out var longitude, out var latitude, out var lsoaPresent, out var type))
            {
                Reject(row);
                continue;
            }

            var i = chunk.Count;
            // Nearly every row of a file has the same force: keep the string of the last one.
            chunk.Force[i] = lastForce is not null && forceName.SequenceEqual(lastForce) ? lastForce : lastForce = _pool.Get(forceName)!;
            chunk.Month[i] = ym.Index;
            chunk.Type[i] = type;
            chunk.LsoaCode[i] = lsoaPresent ? _pool.Get(row[c.LsoaCode].Span.Trim()) : null;
            chunk.LsoaName[i] = lsoaPresent && c.LsoaName >= 0 ? _pool.Get(row[c.LsoaName].Span.Trim()) : null;
            chunk.Longitude[i] = longitude;
            chunk.Latitude[i] = latitude;
            chunk.Line[i] = line;
            chunk.AddText(c.CrimeId >= 0 && !row[c.CrimeId].Span.IsWhiteSpace() ? row[c.CrimeId].Span : default);
            chunk.AddText(c.Location >= 0 ? row[c.Location].Span : default);
            chunk.AddText(c.Outcome >= 0 ? row[c.Outcome].Span : default);
            chunk.AddText(c.Context >= 0 && !row[c.Context].Span.IsWhiteSpace() ? row[c.Context].Span : default);
            chunk.Count++;
            _parsedRows++;
            if (chunk.IsFull)
            {
                full.Add(chunk, token);
                chunk = free.Take(token);
            }
        }

        if (chunk.Count > 0)
        {
            full.Add(chunk, token);
        }
    }

    /// <summary>
    /// The checks of one street-level row, the same for a full and a counts-only import: month, force, coordinates
    /// (both or neither, in range), LSOA code and crime type. Each bad field is recorded as an error naming the line and
    /// the field; the caller rejects the row when this returns false.
    /// </summary>
    private bool CheckStreetRow(SepReader.Row row, PoliceHeader h, in StreetColumns c, out YearMonth ym, out ReadOnlySpan<char> forceName,
        out float? longitude, out float? latitude, out bool lsoaPresent, out byte type)
    {
        var line = row.LineNumberFrom;
        var bad = false;
        bad |= !TryMonth(row, c.Month, h, line, out ym);
        bad |= !TryForce(row, c.ReportedBy, h, line, out forceName);
        bad |= !TryCoordinates(row, c.Longitude, c.Latitude, h, line, out longitude, out latitude);
        bad |= !TryLsoa(row, c.LsoaCode, h, line, out lsoaPresent);
        var typeSpan = row[c.CrimeType].Span;
        type = 0;
        if (CrimeType.TryFind(typeSpan, out var crimeType))
        {
            type = crimeType.Id;
        }
        else
        {
            bad = true;
            Error(line, h.Names[c.CrimeType], typeSpan.IsWhiteSpace()
                ? "empty crime type."
                : $"unknown crime type '{CsvText.Show(typeSpan)}'; police.uk's types are {string.Join(", ", CrimeType.Current.Select(t => t.Name))}.");
        }

        return !bad;
    }

    /// <summary>The columns of a street-level file, by header name (-1: absent).</summary>
    private readonly record struct StreetColumns(int CrimeId, int Month, int ReportedBy, int Longitude, int Latitude, int Location,
        int LsoaCode, int LsoaName, int CrimeType, int Outcome, int Context)
    {
        public static StreetColumns Of(PoliceHeader h) => new(h["Crime ID"], h["Month"], h["Reported by"], h["Longitude"], h["Latitude"],
            h["Location"], h["LSOA code"], h["LSOA name"], h["Crime type"], h["Last outcome category"], h["Context"]);
    }

    /// <summary>Calling thread: keys from the store's dimensions, then the appender.</summary>
    private void AppendStreet(StreetChunk chunk, DuckDBAppender appender)
    {
        var dimensions = _store.Dimensions;
        string? lastForceName = null;
        short force = 0;
        var lastMonth = -1;
        var text = chunk.Text;
        for (var i = 0; i < chunk.Count; i++)
        {
            if (!ReferenceEquals(chunk.Force[i], lastForceName))
            {
                lastForceName = chunk.Force[i];
                force = dimensions.Force(lastForceName);
            }

            var month = chunk.Month[i];
            if (month != lastMonth)
            {
                dimensions.Month(YearMonth.FromIndex(month));
                lastMonth = month;
            }

            var code = chunk.LsoaCode[i];
            var lsoaId = code is null ? 0 : dimensions.Lsoa(code, chunk.LsoaName[i]);
            var type = chunk.Type[i];
            var r = appender.CreateRow().AppendValue(force).AppendValue(month).AppendValue(type);
            r = lsoaId == 0 ? r.AppendNullValue() : r.AppendValue(lsoaId);
            r = r.AppendValue(chunk.Longitude[i]).AppendValue(chunk.Latitude[i]);
            for (var t = i * StreetChunk.TextsPerRow; t < (i + 1) * StreetChunk.TextsPerRow; t++)
            {
                var length = chunk.TextLength[t];
                r = length < 0 ? r.AppendNullValue() : r.AppendValue(text.AsSpan(chunk.TextStart[t], length));
            }

            r.AppendValue(_fileId).AppendValue(chunk.Line[i]).EndRow();
            Count(force, month);
            RowsByType[type]++;
            CollectionsMarshal.GetValueRefOrAddDefault(_monthly, (force, lsoaId, type, month), out _)++;
        }
    }

    /// <summary>Parsed, checked street rows on their way from the reader thread to the appender.</summary>
    private sealed class StreetChunk
    {
        public const int Capacity = 8192;
        public const int TextsPerRow = 4;

        public string[] Force { get; } = new string[Capacity];

        public int[] Month { get; } = new int[Capacity];

        public byte[] Type { get; } = new byte[Capacity];

        public string?[] LsoaCode { get; } = new string?[Capacity];

        public string?[] LsoaName { get; } = new string?[Capacity];

        public float?[] Longitude { get; } = new float?[Capacity];

        public float?[] Latitude { get; } = new float?[Capacity];

        public int[] Line { get; } = new int[Capacity];

        /// <summary>Crime ID, location, last outcome and context of each row as UTF-8 (length -1: null).</summary>
        public byte[] Text { get; private set; } = new byte[Capacity * 200];

        public int[] TextStart { get; } = new int[Capacity * TextsPerRow];

        public int[] TextLength { get; } = new int[Capacity * TextsPerRow];

        public int Count { get; set; }

        private int _textCount;
        private int _textUsed;

        public bool IsFull => Count == Capacity;

        public void AddText(ReadOnlySpan<char> value)
        {
            var t = _textCount++;
            if (value.IsEmpty)
            {
                TextLength[t] = -1;
                return;
            }

            var max = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (_textUsed + max > Text.Length)
            {
                var bigger = new byte[Math.Max(Text.Length * 2, _textUsed + max)];
                Text.AsSpan(0, _textUsed).CopyTo(bigger);
                Text = bigger;
            }

            var n = Encoding.UTF8.GetBytes(value, Text.AsSpan(_textUsed));
            TextStart[t] = _textUsed;
            TextLength[t] = n;
            _textUsed += n;
        }

        public void Clear()
        {
            Count = 0;
            _textCount = 0;
            _textUsed = 0;
        }
    }
}
