using System.Globalization;
using System.IO.Compression;
using System.Text;
using CommunitySafety.SafeReading;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using nietras.SeparatedValues;

namespace CommunitySafety.Monitoring.ValueImport;

/// <summary>Reads CSV (with a real parser: quoted fields may hold commas and line breaks) and .xlsx sheets into tables.</summary>
internal static class TableReaders
{
    /// <summary>
    /// Reads a CSV file: strict UTF-8 (or UTF-16 with a byte-order mark), records bounded by
    /// <see cref="InputLimits.MaxRecordChars"/>. Throws <see cref="MalformedInputException"/> for an over-long record, a
    /// quote left open or a header naming a column twice, and <see cref="DecoderFallbackException"/> for bytes that are not UTF-8.
    /// </summary>
    public static ValueTable ReadCsv(Stream stream, string name)
    {
        using var text = new BoundedCsvReader(StrictText.Open(stream, leaveOpen: true));
        using var reader = OpenSep(text);
        var headers = reader.Header.ColNames.Select(h => h.Trim()).ToArray();
        var table = new ValueTable(name, headers, [.. Enumerable.Range(1, headers.Length).Select(i => i.ToString(CultureInfo.InvariantCulture))]);
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            // Row numbers as a spreadsheet would show them: the header is row 1.
            table.Rows.Add(new TableRow(row.RowIndex + 1, cells));
        }

        return table;
    }

    private static SepReader OpenSep(TextReader text)
    {
        try
        {
            return Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(text);
        }
        catch (ArgumentException ex) when (ex is not DecoderFallbackException)
        {
            // Sep refuses a header with a repeated column name (its message names the columns).
            throw new MalformedInputException(1, $"the header names a column more than once: {ex.Message}");
        }
    }

    /// <summary>
    /// Reads every sheet of a workbook, after checking it against the <see cref="InputLimits"/> (parts, expanded size,
    /// entry names): a workbook over them throws <see cref="MalformedInputException"/>, one that is not a zip
    /// <see cref="InvalidDataException"/>.
    /// </summary>
    public static List<ValueTable> ReadXlsx(Stream stream)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }

        CheckXlsxLimits(stream);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no workbook part.");
        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var tables = new List<ValueTable>();
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }

            var rows = new SortedDictionary<int, Dictionary<int, string>>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                var rowIndex = (int)(row.RowIndex?.Value ?? 0);
                var cells = new Dictionary<int, string>();
                var next = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    var (column, r) = cell.CellReference?.Value is { } reference ? ParseReference(reference) : (next, rowIndex);
                    rowIndex = rowIndex == 0 ? r : rowIndex;
                    cells[column] = CellText(cell, shared);
                    next = column + 1;
                }

                rows[rowIndex] = cells;
            }

            if (!rows.TryGetValue(1, out var headerCells) || headerCells.Count == 0)
            {
                tables.Add(new ValueTable(sheet.Name?.Value ?? "?", [], []));
                continue;
            }

            var width = Math.Max(headerCells.Keys.Max(), rows.Values.Where(r => r.Count > 0).Select(r => r.Keys.Max()).DefaultIfEmpty(0).Max()) + 1;
            var headers = Enumerable.Range(0, width).Select(i => headerCells.GetValueOrDefault(i, string.Empty).Trim()).ToArray();
            var table = new ValueTable(sheet.Name?.Value ?? "?", headers, [.. Enumerable.Range(0, width).Select(ColumnLetter)]);
            foreach (var (number, cells) in rows.Where(r => r.Key > 1))
            {
                table.Rows.Add(new TableRow(number, [.. Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i, string.Empty))]));
            }

            tables.Add(table);
        }

        return tables;
    }

    /// <summary>
    /// Refuses a workbook with more than <see cref="InputLimits.MaxXlsxEntries"/> parts, an entry name leaving its folder,
    /// or parts that expand (counted by decompressing them, not by their headers) beyond <see cref="InputLimits.MaxXlsxExpandedBytes"/>.
    /// </summary>
    private static void CheckXlsxLimits(Stream stream)
    {
        var start = stream.Position;
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            // The expanded size is counted below by decompressing, so headers and ratios (XML compresses very well) are not trusted.
            if (ZipLimits.Problem(archive, InputLimits.MaxXlsxEntries, long.MaxValue, int.MaxValue) is { } problem)
            {
                throw new MalformedInputException(0, problem);
            }

            var buffer = new byte[1 << 16];
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                using var content = entry.Open();
                int n;
                while ((n = content.Read(buffer)) > 0)
                {
                    total += n;
                    if (total > InputLimits.MaxXlsxExpandedBytes)
                    {
                        throw new MalformedInputException(0,
                            $"the workbook expands to more than {InputLimits.MaxXlsxExpandedBytes:N0} bytes (at '{entry.FullName}'); the limit is {InputLimits.MaxXlsxExpandedBytes:N0}.");
                    }
                }
            }
        }

        stream.Position = start;
    }

    /// <summary>Column letters as Excel writes them: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnLetter(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static (int Column, int Row) ParseReference(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        _ = int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row);
        return (column - 1, row);
    }

    private static string CellText(Cell cell, string[] shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? string.Empty;
        }

        var raw = cell.CellValue?.Text ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < shared.Length ? shared[index] : string.Empty;
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        return raw;
    }
}
