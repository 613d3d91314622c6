namespace CommunitySafety.Reports.Model;

/// <summary>A table: a caption, column headers, rows whose first cell heads the row, and notes.</summary>
/// <param name="Caption">The caption (what the table shows).</param>
/// <param name="Columns">The columns.</param>
/// <param name="Rows">The rows.</param>
public sealed record ReportTable(string Caption, IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableRow> Rows)
{
    /// <summary>Notes shown under the table (sources, suppression symbols).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>A column.</summary>
/// <param name="Header">The header text.</param>
/// <param name="Numeric">True to right-align (numbers).</param>
public sealed record TableColumn(string Header, bool Numeric = false);

/// <summary>A row; its first cell is the row header.</summary>
/// <param name="Cells">The cells, one per column.</param>
/// <param name="IsTotal">True for a total row (shown in bold).</param>
public sealed record TableRow(IReadOnlyList<TableCell> Cells, bool IsTotal = false);

/// <summary>A cell: its text and, for a judgement, the status that colours it (with the text always saying it too).</summary>
/// <param name="Text">The text shown.</param>
/// <param name="Status">The judgement it shows, if any.</param>
public sealed record TableCell(string Text, CellStatus Status = CellStatus.None)
{
    /// <summary>A plain cell.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator TableCell(string text) => new(text);
}

/// <summary>What a judgement cell means, for its colour; the words in the cell always say it as well.</summary>
public enum CellStatus
{
    /// <summary>No judgement.</summary>
    None,

    /// <summary>Better, improving, green.</summary>
    Good,

    /// <summary>Similar, common cause, amber for RAG.</summary>
    Neutral,

    /// <summary>Worse, concerning, red.</summary>
    Bad,

    /// <summary>Amber (RAG).</summary>
    Amber,

    /// <summary>Higher or lower with no polarity.</summary>
    NoJudgement,

    /// <summary>Suppressed by disclosure control.</summary>
    Suppressed,
}
