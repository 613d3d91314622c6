using System.Collections.Concurrent;
using CommunitySafety.Crime;
using CommunitySafety.Data.Internals;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;
using nietras.SeparatedValues;

namespace CommunitySafety.Data.Police;

/// <summary>
/// Street-level files, read on two threads: a reader thread parses and checks rows (Sep, numbers, UTF-8 text) into
/// chunks (<see cref="CrimeChunk"/>), while the calling thread — the only one that touches the DuckDB connection — hands
/// them to the store's writer (<see cref="ForceMonthFile"/>), which maps names to keys and appends.
/// Four chunks of 8,192 rows circulate between them, so memory stays the same whatever the size of the file.
/// </summary>
internal sealed partial class PoliceFileParser
{
    private const int ChunksInFlight = 4;

    // Rows parsed so far (reader thread), for progress; Rows itself is counted as rows are appended.
    private long _parsedRows;

    private void ReadStreet(SepReader reader, PoliceHeader h, ForceMonthFile file, CountingStream counting)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_cancellationToken);
        using var free = new BlockingCollection<CrimeChunk>(ChunksInFlight);
        using var full = new BlockingCollection<CrimeChunk>(ChunksInFlight);
        for (var i = 0; i < ChunksInFlight; i++)
        {
            free.Add(new CrimeChunk());
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
                file.Append(chunk);
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
    private void ParseStreet(SepReader reader, PoliceHeader h, CountingStream counting, BlockingCollection<CrimeChunk> free,
        BlockingCollection<CrimeChunk> full, CancellationToken token)
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
}
