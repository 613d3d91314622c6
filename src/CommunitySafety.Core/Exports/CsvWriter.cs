using System.Buffers;
using System.Text;

namespace CommunitySafety.Exports;

/// <summary>
/// The one CSV writer of every export: RFC 4180 fields (a field holding a comma, a double quote, a carriage return or
/// a line feed is enclosed in double quotes, with each double quote doubled) and the one rule against formula injection
/// (<see cref="SpreadsheetSafety.Neutralise"/>) applied to every cell, so a spreadsheet never runs exported text.
/// </summary>
/// <remarks>
/// Used by the monitoring CSV export (<c>Monitoring/Export/FrameworkWorkbooks</c>), the CLI's <c>ResultTable</c>, the hot
/// spot cells CSV (<c>Hotspots/Output/CellExport</c>), the web's indicator values download and the police importer's
/// rejects file; the synthetic police.uk files quote their fields by <see cref="Quoted"/>. Rows end with <c>\n</c> unless another line ending is asked for (the web download uses <c>\r\n</c>).
/// Example: the cells <c>Luton</c>, <c>=1+2</c> and <c>a "quoted", text</c> are written
/// <c>Luton,'=1+2,"a ""quoted"", text"</c>.
/// </remarks>
public sealed class CsvWriter
{
    /// <summary>The characters that make a field need quotes (RFC 4180): comma, double quote, carriage return, line feed.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");

    private readonly TextWriter _writer;
    private readonly string _newLine;
    private readonly StringBuilder _line = new();

    /// <summary>A writer of rows to <paramref name="writer"/>, each ended by <paramref name="newLine"/>.</summary>
    /// <param name="writer">Where the rows go; not closed by this writer.</param>
    /// <param name="newLine">The line ending, <c>\n</c> by default.</param>
    public CsvWriter(TextWriter writer, string newLine = "\n")
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentException.ThrowIfNullOrEmpty(newLine);
        _writer = writer;
        _newLine = newLine;
    }

    /// <summary>Writes one row: every cell made safe (<see cref="SpreadsheetSafety.Neutralise"/>) and quoted when needed; null is an empty cell.</summary>
    /// <param name="cells">The row's cells, in order.</param>
    public void WriteRow(params ReadOnlySpan<string?> cells)
    {
        _line.Clear();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                _line.Append(',');
            }

            AppendCell(_line, cells[i]);
        }

        _writer.Write(_line.Append(_newLine));
    }

    /// <summary>Writes one row: every cell made safe (<see cref="SpreadsheetSafety.Neutralise"/>) and quoted when needed; null is an empty cell.</summary>
    /// <param name="cells">The row's cells, in order.</param>
    public void WriteRow(IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        WriteRow(new ReadOnlySpan<string?>([.. cells]));
    }

    /// <summary>Whether a field must be enclosed in double quotes (it holds a comma, a double quote, a CR or an LF).</summary>
    /// <param name="field">The field's text.</param>
    /// <returns>True when it needs quotes.</returns>
    public static bool NeedsQuotes(ReadOnlySpan<char> field) => field.ContainsAny(Special);

    /// <summary>
    /// Appends a cell of an export: the text made safe against formula injection (<see cref="SpreadsheetSafety.Neutralise"/>),
    /// then quoted when needed (<see cref="AppendQuoted"/>); null appends nothing (an empty cell).
    /// </summary>
    /// <param name="line">The line being built.</param>
    /// <param name="text">The cell's text, or null.</param>
    public static void AppendCell(StringBuilder line, string? text)
    {
        ArgumentNullException.ThrowIfNull(line);
        AppendQuoted(line, SpreadsheetSafety.Neutralise(text));
    }

    /// <summary>A cell of an export as CSV text: made safe (<see cref="SpreadsheetSafety.Neutralise"/>) and quoted when needed.</summary>
    /// <param name="text">The cell's text, or null (an empty cell).</param>
    /// <returns>The field as written.</returns>
    public static string Cell(string? text)
    {
        return Quoted(SpreadsheetSafety.Neutralise(text) ?? string.Empty);
    }

    /// <summary>A field exactly as given, quoted when needed (RFC 4180) but without the formula rule (see <see cref="AppendQuoted"/>).</summary>
    /// <param name="field">The field's text.</param>
    /// <returns>The field as written: the same string when it needs no quotes.</returns>
    public static string Quoted(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!NeedsQuotes(field))
        {
            return field;
        }

        var line = new StringBuilder(field.Length + 2);
        AppendQuoted(line, field);
        return line.ToString();
    }

    /// <summary>
    /// Appends a field exactly as given, quoted when needed (RFC 4180) but without the formula rule: for text that must
    /// be echoed unchanged, such as a rejected input row inside a message. Exports use <see cref="AppendCell"/>.
    /// </summary>
    /// <param name="line">The line being built.</param>
    /// <param name="field">The field's text.</param>
    public static void AppendQuoted(StringBuilder line, ReadOnlySpan<char> field)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!NeedsQuotes(field))
        {
            line.Append(field);
            return;
        }

        line.Append('"');
        foreach (var c in field)
        {
            if (c == '"')
            {
                line.Append('"');
            }

            line.Append(c);
        }

        line.Append('"');
    }
}
