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

    private static List<string> Split(string line, string source, int lineNumber)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            throw new AssessmentConfigurationException(source, $"line {lineNumber} has an unterminated quoted field.");
        }

        fields.Add(current.ToString());
        return fields;
    }
}
