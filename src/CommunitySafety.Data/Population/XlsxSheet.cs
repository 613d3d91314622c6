using System.Globalization;
using System.IO.Compression;
using CommunitySafety.SafeReading;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CommunitySafety.Data.Population;

/// <summary>
/// Reads one sheet of an .xlsx workbook as rows of text (shared strings resolved, numbers as written), streaming the
/// sheet's XML: the ONS population workbooks hold a dozen large sheets, of which one ("MYE2 - Persons") is wanted.
/// </summary>
internal static class XlsxSheet
{
    /// <summary>The most a sheet part may expand to (the ONS UK workbook's largest sheet is about 40 MB).</summary>
    private const long MaxSheetBytes = 512L << 20;

    /// <summary>Whether the file is a zip (an .xlsx workbook), by its first bytes.</summary>
    public static bool IsWorkbook(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return stream.Read(magic) == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    }

    /// <summary>The sheets' names, in order.</summary>
    public static List<string> SheetNames(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        return [.. document.WorkbookPart?.Workbook.Sheets?.Elements<Sheet>().Select(s => s.Name?.Value ?? string.Empty) ?? []];
    }

    /// <summary>The rows of sheet <paramref name="sheetName"/> (1-based row numbers as Excel shows them), or null when there is no such sheet.</summary>
    /// <exception cref="MalformedInputException">The workbook has too many parts, or the sheet expands beyond the limit.</exception>
    public static List<(int Row, string[] Cells)>? Read(string path, string sheetName)
    {
        using (var archive = ZipFile.OpenRead(path))
        {
            if (ZipLimits.Problem(archive, InputLimits.MaxXlsxEntries, long.MaxValue, int.MaxValue) is { } problem)
            {
                throw new MalformedInputException(0, problem);
            }

            var sheets = archive.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)).Sum(e => e.Length);
            if (sheets > MaxSheetBytes * 4)
            {
                throw new MalformedInputException(0, string.Create(CultureInfo.InvariantCulture, $"the workbook's sheets expand to {sheets:N0} bytes; the limit is {MaxSheetBytes * 4:N0}."));
            }
        }

        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no workbook part.");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => string.Equals(s.Name?.Value?.Trim(), sheetName, StringComparison.OrdinalIgnoreCase));
        if (sheet?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
        {
            return null;
        }

        var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToArray() ?? [];
        var rows = new List<(int, string[])>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var cells = new Dictionary<int, string>();
            var next = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? Column(reference) : next;
                cells[column] = Text(cell, shared);
                next = column + 1;
            }

            var width = cells.Count == 0 ? 0 : cells.Keys.Max() + 1;
            rows.Add(((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), [.. Enumerable.Range(0, width).Select(i => cells.GetValueOrDefault(i, string.Empty))]));
        }

        return rows;
    }

    private static int Column(string reference)
    {
        var column = 0;
        for (var i = 0; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        return column - 1;
    }

    private static string Text(Cell cell, string[] shared)
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

        return raw;
    }
}
