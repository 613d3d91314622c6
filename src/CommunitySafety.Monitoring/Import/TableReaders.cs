using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using nietras.SeparatedValues;

namespace CommunitySafety.Monitoring;

/// <summary>Reads CSV (with a real parser: quoted fields may hold commas and line breaks) and .xlsx sheets into tables.</summary>
internal static class TableReaders
{
    public static ValueTable ReadCsv(Stream stream, string name)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(text);
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

    public static List<ValueTable> ReadXlsx(Stream stream)
    {
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
