using nietras.SeparatedValues;

namespace CommunitySafety.Assessment.Internals;

/// <summary>
/// A small reader for the assessment's configuration CSV files (harm weights, peer groups, partnership scores,
/// characteristics): a header row, comma-separated fields, double quotes around fields that contain commas,
/// and lines starting with <c>#</c> as comments so each file can carry its source.
/// </summary>
internal static class CsvText
{
    /// <summary>A data row with its 1-based line number in the file.</summary>
    internal sealed record Row(int Line, IReadOnlyList<string> Fields);

    /// <summary>Reads the header (lower-cased, trimmed) and the data rows; comments and blank lines are skipped.</summary>
    public static (IReadOnlyList<string> Header, IReadOnlyList<Row> Rows) Read(string text, string source)
    {
        IReadOnlyList<string>? header = null;
        var rows = new List<Row>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (lineNumber == 1)
            {
                line = line.TrimStart('\uFEFF');
            }

            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = Split(line, source, lineNumber);
            if (header is null)
            {
                header = fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
                continue;
            }

            if (fields.Count != header.Count)
            {
                throw new AssessmentConfigurationException(
                    source, $"line {lineNumber} has {fields.Count} fields but the header has {header.Count}.");
            }

            rows.Add(new Row(lineNumber, fields.Select(f => f.Trim()).ToArray()));
        }

        return header is null
            ? throw new AssessmentConfigurationException(source, "the file has no header row.")
            : (header, rows);
    }

    /// <summary>The index of <paramref name="column"/> in <paramref name="header"/>, or an error naming the file.</summary>
    public static int Column(IReadOnlyList<string> header, string column, string source)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i] == column)
            {
                return i;
            }
        }

        throw new AssessmentConfigurationException(source, $"the required column '{column}' is missing (columns: {string.Join(", ", header)}).");
    }

    // Comments and line numbers are handled above; each data line is split by Sep (RFC 4180 quoting).
    private static List<string> Split(string line, string source, int lineNumber)
    {
        if (line.Count(c => c == '"') % 2 != 0)
        {
            throw new AssessmentConfigurationException(source, $"line {lineNumber} has an unterminated quoted field.");
        }

        using var reader = Sep.New(',').Reader(o => o with { HasHeader = false, Unescape = true }).FromText(line);
        var fields = new List<string>();
        if (reader.MoveNext())
        {
            var row = reader.Current;
            for (var i = 0; i < row.ColCount; i++)
            {
                fields.Add(row[i].ToString());
            }
        }

        return fields;
    }
}
