using System.Text;

namespace CommunitySafety.Data.Tests.Support;

/// <summary>
/// A deliberately plain RFC 4180 reader (whole file in memory, one character at a time), so tests can count a file by
/// a different code path than the Sep-based importer.
/// </summary>
public static class PlainCsv
{
    public static List<string[]> Read(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add([.. row]);
                    row.Clear();
                    break;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }

    /// <summary>Counts rows by the values of the named columns.</summary>
    public static Dictionary<string, long> CountBy(string path, params string[] columns)
    {
        var rows = Read(path);
        var header = rows[0];
        var idx = columns.Select(c => Array.IndexOf(header, c)).ToArray();
        var counts = new Dictionary<string, long>();
        foreach (var r in rows.Skip(1))
        {
            var key = string.Join("|", idx.Select(k => r[k]));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return counts;
    }
}
