using System.Globalization;
using CommunitySafety.Exports;
using CommunitySafety.Monitoring.ValueImport;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CommunitySafety.Monitoring.Export;

/// <summary>One sheet to write: a bold, frozen header row and rows of text or numbers.</summary>
internal sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Column widths in characters, by column index; missing ones get 14.</summary>
    public IReadOnlyDictionary<int, double> Widths { get; init; } = new Dictionary<int, double>();

    /// <summary>Drop-down lists, by column index, applied to the data rows.</summary>
    public IReadOnlyDictionary<int, string[]> Lists { get; init; } = new Dictionary<int, string[]>();

    /// <summary>Rows of plain text with no header (an instructions sheet).</summary>
    public bool IsText { get; init; }
}

/// <summary>Writes .xlsx workbooks with the Open XML SDK (inline strings, one bold style).</summary>
internal static class XlsxWriter
{
    public static void Write(Stream stream, IEnumerable<XlsxSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }));
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        var printTitles = new DefinedNames();
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = BuildWorksheet(sheet);
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId, Name = sheet.Name });
            if (!sheet.IsText)
            {
                // The header row repeated at the top of every printed page.
                printTitles.Append(new DefinedName($"'{sheet.Name.Replace("'", "''", StringComparison.Ordinal)}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetId - 1 });
            }

            sheetId++;
        }

        if (printTitles.HasChildren)
        {
            workbookPart.Workbook.Append(printTitles);
        }

        workbookPart.Workbook.Save();
    }

    private static Worksheet BuildWorksheet(XlsxSheet sheet)
    {
        var worksheet = new Worksheet();
        var width = Math.Max(sheet.Headers.Count, sheet.Rows.Count == 0 ? 0 : sheet.Rows.Max(r => r.Length));
        if (!sheet.IsText)
        {
            // Printed: fitted to the page's width (as many pages down as it takes).
            worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 }));
        }

        if (width > 0)
        {
            var columns = new Columns();
            for (var i = 0; i < width; i++)
            {
                var w = sheet.Widths.TryGetValue(i, out var given) ? given : sheet.IsText ? 120 : 14;
                columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true });
            }

            worksheet.Append(columns);
        }

        var data = new SheetData();
        uint rowNumber = 1;
        if (!sheet.IsText)
        {
            data.Append(BuildRow(rowNumber++, [.. sheet.Headers], styleIndex: 1));
        }

        foreach (var row in sheet.Rows)
        {
            data.Append(BuildRow(rowNumber++, row, styleIndex: sheet.IsText ? 2u : 0u, neutralise: !sheet.IsText));
        }

        worksheet.Append(data);
        if (sheet.Lists.Count > 0)
        {
            var validations = new DataValidations();
            var lastRow = Math.Max(rowNumber + 200, 1000);
            foreach (var (column, values) in sheet.Lists.Where(l => ListFits(l.Value)))
            {
                var letter = TableReaders.ColumnLetter(column);
                validations.Append(new DataValidation(new Formula1($"\"{string.Join(',', values)}\""))
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ErrorTitle = "Not allowed",
                    Error = "Choose one of: " + string.Join(", ", values),
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}{lastRow}" },
                });
            }

            validations.Count = (uint)validations.ChildElements.Count;
            if (validations.Count > 0)
            {
                worksheet.Append(validations);
            }
        }

        if (!sheet.IsText)
        {
            // Print layout: landscape, one page wide, the header row on every page, gridlines, page numbers.
            worksheet.Append(new PrintOptions { GridLines = true });
            worksheet.Append(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
            worksheet.Append(new PageSetup { Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0, PaperSize = 9 });
            worksheet.Append(new HeaderFooter(new OddFooter($"&L{sheet.Name}&RPage &P of &N")));
        }

        return worksheet;
    }

    /// <summary>Whether a drop-down's values fit Excel's inline list (at most 255 characters, no commas in a value).</summary>
    private static bool ListFits(string[] values) => values.Length > 0 && values.All(v => !v.Contains(',', StringComparison.Ordinal) && !v.Contains('"', StringComparison.Ordinal))
        && string.Join(',', values).Length <= 255;

    /// <summary>A row of cells; with <paramref name="neutralise"/>, text is made safe by <see cref="SpreadsheetSafety.Neutralise"/>.</summary>
    private static Row BuildRow(uint number, object?[] values, uint styleIndex, bool neutralise = false)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < values.Length; i++)
        {
            var reference = TableReaders.ColumnLetter(i) + number.ToString(CultureInfo.InvariantCulture);
            Cell? cell = values[i] switch
            {
                null => null,
                double d => new Cell { CellReference = reference, CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                int n => new Cell { CellReference = reference, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)), DataType = CellValues.Number },
                var other => Convert.ToString(other, CultureInfo.InvariantCulture) is { Length: > 0 } raw && (neutralise ? SpreadsheetSafety.Neutralise(raw) : raw) is var text
                    ? new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) }
                    : null,
            };
            if (cell is not null)
            {
                if (styleIndex != 0)
                {
                    cell.StyleIndex = styleIndex;
                }

                row.Append(cell);
            }
        }

        return row;
    }
}
