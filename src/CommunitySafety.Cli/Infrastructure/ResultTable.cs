using System.Globalization;
using System.Text.Json;
using CommunitySafety.Exports;
using Spectre.Console;

namespace CommunitySafety.Cli.Infrastructure;

/// <summary>A column of a <see cref="ResultTable"/>: its header and whether it holds numbers (right-aligned, JSON numbers).</summary>
/// <param name="Name">The header, as people read it; CSV and JSON use it as written.</param>
/// <param name="IsNumeric">Whether values are numbers.</param>
/// <param name="Format">A .NET format string for numbers in the table view (CSV and JSON keep full precision).</param>
public sealed record ResultColumn(string Name, bool IsNumeric = false, string? Format = null);

/// <summary>
/// Data a command prints: columns, rows and notes. One shape for every data-printing command, written as
/// a table, CSV or JSON by <see cref="Write"/>.
/// </summary>
public sealed class ResultTable
{
    private readonly List<object?[]> _rows = [];

    /// <summary>Creates an empty table with these columns.</summary>
    public ResultTable(params ResultColumn[] columns) => Columns = columns;

    /// <summary>The columns.</summary>
    public IReadOnlyList<ResultColumn> Columns { get; }

    /// <summary>The rows; each cell is a string, a number or null (missing).</summary>
    public IReadOnlyList<object?[]> Rows => _rows;

    /// <summary>Lines said about the data (coverage, population year, caveats): printed after the table, or to standard error for CSV and JSON.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>A title printed above the table view.</summary>
    public string? Title { get; set; }

    /// <summary>Adds a row; the number of cells must match the columns.</summary>
    public void Add(params object?[] cells)
    {
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"Row has {cells.Length} cells but the table has {Columns.Count} columns.", nameof(cells));
        }

        _rows.Add(cells);
    }

    /// <summary>Writes the table to <paramref name="outPath"/> (or the context's output) in <paramref name="format"/>.</summary>
    public void Write(CliContext context, OutputFormat format, string? outPath = null)
    {
        if (outPath is null)
        {
            WriteTo(context.Out, context, format, context.IsInteractive);
            return;
        }

        var full = context.ResolvePath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using (var writer = new StreamWriter(full, append: false, new System.Text.UTF8Encoding(false)))
        {
            WriteTo(writer, context, format, interactive: false);
        }

        context.Say($"Wrote {Rows.Count:N0} rows to {full}.");
    }

    private void WriteTo(TextWriter writer, CliContext context, OutputFormat format, bool interactive)
    {
        switch (format)
        {
            case OutputFormat.Csv:
                WriteCsv(writer);
                WriteNotes(context.Error);
                break;
            case OutputFormat.Json:
                WriteJson(writer);
                WriteNotes(context.Error);
                break;
            default:
                WriteTable(writer, interactive);
                WriteNotes(writer);
                break;
        }
    }

    private void WriteNotes(TextWriter writer)
    {
        foreach (var note in Notes)
        {
            writer.WriteLine(note);
        }
    }

    /// <summary>Writes CSV with a header row through the one CSV writer (<see cref="CsvWriter"/>): fields quoted when needed, text that a spreadsheet would run as a formula with an apostrophe, numbers as numbers.</summary>
    public void WriteCsv(TextWriter writer)
    {
        var csv = new CsvWriter(writer);
        csv.WriteRow(Columns.Select(c => c.Name));
        foreach (var cells in _rows)
        {
            csv.WriteRow(cells.Select(cell => Invariant(cell, format: null)));
        }
    }

    private void WriteJson(TextWriter writer)
    {
        var options = new JsonWriterOptions { Indented = true };
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartArray();
            foreach (var cells in _rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < Columns.Count; i++)
                {
                    json.WritePropertyName(Columns[i].Name);
                    switch (cells[i])
                    {
                        case null:
                            json.WriteNullValue();
                            break;
                        case int n:
                            json.WriteNumberValue(n);
                            break;
                        case long n:
                            json.WriteNumberValue(n);
                            break;
                        case double d when double.IsFinite(d):
                            json.WriteNumberValue(d);
                            break;
                        case double:
                            json.WriteNullValue();
                            break;
                        case decimal m:
                            json.WriteNumberValue(m);
                            break;
                        case bool b:
                            json.WriteBooleanValue(b);
                            break;
                        default:
                            json.WriteStringValue(Invariant(cells[i], null));
                            break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private void WriteTable(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 240;
        }

        var table = new Table().Border(TableBorder.Simple);
        if (Title is not null)
        {
            table.Title = new TableTitle(Markup.Escape(Title));
        }

        foreach (var column in Columns)
        {
            var tc = new TableColumn(Markup.Escape(column.Name));
            if (column.IsNumeric)
            {
                tc.RightAligned();
            }

            table.AddColumn(tc);
        }

        foreach (var cells in _rows)
        {
            table.AddRow(cells.Select((c, i) => Markup.Escape(Display(c, Columns[i].Format))).ToArray());
        }

        console.Write(table);
    }

    private static string Display(object? value, string? format) => value switch
    {
        null => "–",
        double d when !double.IsFinite(d) => "–",
        IFormattable f => f.ToString(format ?? (value is double ? "N1" : "N0"), CultureInfo.GetCultureInfo("en-GB")),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Invariant(object? value, string? format) => value switch
    {
        null => string.Empty,
        double d when !double.IsFinite(d) => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(format, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
