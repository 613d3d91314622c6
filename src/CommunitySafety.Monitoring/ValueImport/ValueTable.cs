using CommunitySafety.Exports;

namespace CommunitySafety.Monitoring.ValueImport;

/// <summary>One sheet of a file being imported: its header and its rows, each cell with where it came from.</summary>
internal sealed class ValueTable(string sheet, IReadOnlyList<string> headers, IReadOnlyList<string> columnRefs)
{
    public string Sheet { get; } = sheet;

    public IReadOnlyList<string> Headers { get; } = headers;

    /// <summary>How a column is named in messages: a letter for spreadsheets, the column number for CSV.</summary>
    public IReadOnlyList<string> ColumnRefs { get; } = columnRefs;

    public List<TableRow> Rows { get; } = [];

    public int IndexOf(string header)
    {
        for (var i = 0; i < Headers.Count; i++)
        {
            if (string.Equals(Headers[i].Trim(), header, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The columns that hold a row's figures (not the ones a template fills in to say which figure is asked for).</summary>
    private static readonly string[] FigureColumns =
    [
        ValueColumns.Count, ValueColumns.Denominator, ValueColumns.Value, ValueColumns.Lower95, ValueColumns.Upper95,
        ValueColumns.Lower998, ValueColumns.Upper998, ValueColumns.MissingReason, ValueColumns.Note,
    ];

    /// <summary>
    /// True for a template row left unfilled: it names an indicator and period (the template fills those in) but gives no
    /// figure, no missing reason and no note. Such rows are left out of an import (and said so), not refused.
    /// </summary>
    /// <param name="row">The row.</param>
    /// <returns>Whether it was left unfilled.</returns>
    public bool IsUnfilled(TableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var columns = FigureColumns.Select(IndexOf).Where(i => i >= 0).ToList();
        return columns.Count > 0 && columns.All(i => row.Get(i).Length == 0);
    }
}

/// <summary>A row's cells by column index, and the row number a person sees (header is row 1).</summary>
internal sealed record TableRow(int Number, string[] Cells)
{
    /// <summary>A cell, trimmed, without the apostrophe that exports put before formula-like text (<see cref="SpreadsheetSafety.Restore"/>).</summary>
    public string Get(int column) => column >= 0 && column < Cells.Length ? SpreadsheetSafety.Restore(Cells[column].Trim()) : string.Empty;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A problem found while importing, naming the sheet (or file), row and column.</summary>
/// <param name="Sheet">The sheet, or the file name for CSV.</param>
/// <param name="Row">The row number as a spreadsheet shows it (the header is row 1); 0 for the whole sheet.</param>
/// <param name="Column">The column as a spreadsheet names it (a letter, e.g. "D"), or its number in a CSV file; empty when the problem is the row's.</param>
/// <param name="ColumnName">The column's header, e.g. "Period".</param>
/// <param name="Message">What is wrong.</param>
public sealed record ImportProblem(string Sheet, int Row, string Column, string ColumnName, string Message)
{
    /// <summary>The file imported (for a CSV file the same as <see cref="Sheet"/>); set by <see cref="IndicatorValueImporter.ImportAsync"/>.</summary>
    public string File { get; init; } = string.Empty;

    /// <summary>E.g. <c>Values row 7, column D (Period): 'Q5 2022/23' is not a period…</c>.</summary>
    /// <returns>The problem in words.</returns>
    public override string ToString()
    {
        var where = Row > 0 ? $"{Sheet} row {Row}" : Sheet;
        if (Column.Length > 0)
        {
            where += $", column {Column}";
        }

        if (ColumnName.Length > 0)
        {
            where += $" ({ColumnName})";
        }

        return $"{where}: {Message}";
    }
}

/// <summary>What an import did. When there are errors nothing was written.</summary>
public sealed record ImportResult
{
    /// <summary>The file's format as recognised.</summary>
    public required ImportFormat Format { get; init; }

    /// <summary>Values added.</summary>
    public int Added { get; init; }

    /// <summary>Values changed (previous versions kept).</summary>
    public int Changed { get; init; }

    /// <summary>Values already stored exactly so.</summary>
    public int Unchanged { get; init; }

    /// <summary>Rows left out, each with a warning saying why.</summary>
    public int Skipped { get; init; }

    /// <summary>Indicators created (Fingertips imports into a framework).</summary>
    public int IndicatorsCreated { get; init; }

    /// <summary>Errors; when there are any, nothing was written.</summary>
    public IReadOnlyList<ImportProblem> Errors { get; init; } = [];

    /// <summary>Warnings (e.g. a breakdown whose categories do not add up to the total).</summary>
    public IReadOnlyList<ImportProblem> Warnings { get; init; } = [];

    /// <summary>True when the whole file landed.</summary>
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>The file formats that can be imported.</summary>
public enum ImportFormat
{
    /// <summary>CSV with the template's columns.</summary>
    Csv,

    /// <summary>An Excel workbook: a framework template filled in, or an export.</summary>
    Xlsx,

    /// <summary>A Fingertips data export (CSV).</summary>
    FingertipsCsv,
}
