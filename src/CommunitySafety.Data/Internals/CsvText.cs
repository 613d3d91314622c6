using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace CommunitySafety.Data.Internals;

/// <summary>Small helpers shared by the CSV importers.</summary>
internal static class CsvText
{
    /// <summary>Sep options for every importer: comma, header, unescaped quotes, our own column-count check.</summary>
    public static SepReaderOptions ReaderOptions =>
        Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture });

    /// <summary>Opens a stream as text, honouring a UTF-8 BOM (and UTF-16 BOMs), UTF-8 otherwise.</summary>
    public static StreamReader Text(Stream stream) => new(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);

    /// <summary>A header name as compared: trimmed, lower case, a stray BOM removed.</summary>
    public static string HeaderKey(string name) => name.Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant();

    /// <summary>The row as CSV text again (quoted where needed), for rejects files and messages.</summary>
    public static string RowText(SepReader.Row row)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < row.ColCount; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            AppendField(sb, row[i].Span);
        }

        return sb.ToString();
    }

    public static void AppendField(StringBuilder sb, ReadOnlySpan<char> value)
    {
        if (value.IndexOfAny(",\"\r\n") < 0)
        {
            sb.Append(value);
            return;
        }

        sb.Append('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                sb.Append('"');
            }

            sb.Append(c);
        }

        sb.Append('"');
    }

    /// <summary>Shortens a value for an error message.</summary>
    public static string Show(ReadOnlySpan<char> value) => value.Length <= 60 ? value.ToString() : string.Concat(value[..57], "…");
}
