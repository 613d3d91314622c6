using System.Globalization;
using System.Text;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Exports;
using CommunitySafety.SafeReading;
using nietras.SeparatedValues;

namespace CommunitySafety.Data.Internals;

/// <summary>Small helpers shared by the CSV importers.</summary>
internal static class CsvText
{
    /// <summary>Sep options for every importer: comma, header, unescaped quotes, our own column-count check.</summary>
    public static SepReaderOptions ReaderOptions =>
        Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = true, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture });

    /// <summary>
    /// Opens a stream as text, honouring a UTF-8 BOM (and UTF-16 BOMs), strict UTF-8 otherwise (bytes that are not UTF-8
    /// throw <see cref="DecoderFallbackException"/>), with records bounded by <see cref="InputLimits.MaxRecordChars"/>.
    /// </summary>
    public static TextReader Text(Stream stream) =>
        new BoundedCsvReader(StrictText.Open(stream));

    /// <summary>Sep's reader over <paramref name="text"/>; a header naming a column twice throws <see cref="MalformedInputException"/>.</summary>
    public static SepReader Open(TextReader text)
    {
        try
        {
            return ReaderOptions.From(text);
        }
        catch (ArgumentException ex) when (ex is not DecoderFallbackException)
        {
            // Sep refuses a header with a repeated column name (its message names the columns).
            throw new MalformedInputException(1, $"the header names a column more than once: {ex.Message}");
        }
    }

    /// <summary>
    /// The error to report for a file that could not be read as CSV text (<see cref="MalformedInputException"/>, bytes
    /// that are not UTF-8, a zip entry that cannot be decompressed); null for any other exception.
    /// </summary>
    /// <param name="ex">What was thrown while reading.</param>
    /// <param name="file">The file as named in errors.</param>
    /// <param name="reopen">Opens the file again from the start, to find the line of a byte that is not UTF-8.</param>
    public static ImportError? Unreadable(Exception ex, string file, Func<Stream> reopen)
    {
        switch (ex)
        {
            case MalformedInputException m:
                return new ImportError(file, m.Line, null, m.Message);
            case DecoderFallbackException:
                using (var stream = reopen())
                {
                    var bad = Utf8Check.FindFirstInvalid(stream);
                    try
                    {
                        // A damaged zip entry decodes to bytes that are not UTF-8: its CRC-32 says what is really wrong.
                        CheckedZipEntry.Drain(stream);
                    }
                    catch (InvalidDataException damaged)
                    {
                        return new ImportError(file, 0, null, damaged.Message);
                    }

                    return bad is { } b
                        ? new ImportError(file, b.Line, null, Utf8Check.Message(b.Offset, b.Value))
                        : new ImportError(file, 0, null, "the file is not UTF-8 text: save it as 'CSV UTF-8'.");
                }

            case UnauthorizedAccessException:
                return new ImportError(file, 0, null, $"the file cannot be read: permission denied (the user {Environment.UserName} has no read permission on it).");
            case InvalidDataException when ex.Message.StartsWith("the zip entry", StringComparison.Ordinal):
                return new ImportError(file, 0, null, ex.Message);
            case InvalidDataException:
                return new ImportError(file, 0, null, $"the file cannot be read: {ex.Message}");
            default:
                return null;
        }
    }

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

            CsvWriter.AppendQuoted(sb, row[i].Span);
        }

        return sb.ToString();
    }

    /// <summary>Shortens a value for an error message.</summary>
    public static string Show(ReadOnlySpan<char> value) => value.Length <= 60 ? value.ToString() : string.Concat(value[..57], "…");
}
