namespace CommunitySafety.SafeReading;

/// <summary>
/// Names a binary file by its first bytes (its "magic number"), so that a PDF, a picture, a compressed file or a
/// workbook given where a CSV is expected (often only renamed <c>.csv</c>) is rejected as what it is, not as a text
/// file with a bad byte that should be "saved as CSV UTF-8".
/// </summary>
public static class FileSignature
{
    /// <summary>How many leading bytes <see cref="Describe"/> looks at.</summary>
    public const int Length = 12;

    /// <summary>What the file starting with <paramref name="head"/> is, or null when it is not a known binary format.</summary>
    /// <param name="head">The file's first bytes (up to <see cref="Length"/>; fewer for a short file).</param>
    /// <returns>E.g. "a PDF document".</returns>
    public static string? Describe(ReadOnlySpan<byte> head) => head switch
    {
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "a PDF document",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "a PNG image",
        [0xFF, 0xD8, 0xFF, ..] => "a JPEG image",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "a GIF image",
        [0x1F, 0x8B, ..] => "a gzip-compressed file",
        [(byte)'B', (byte)'Z', (byte)'h', ..] => "a bzip2-compressed file",
        [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00, ..] => "an xz-compressed file",
        [(byte)'7', (byte)'z', 0xBC, 0xAF, 0x27, 0x1C, ..] => "a 7-Zip archive",
        [(byte)'P', (byte)'K', 0x03, 0x04, ..] or [(byte)'P', (byte)'K', 0x05, 0x06, ..] => "a zip archive (an Excel .xlsx workbook is one too)",
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] => "an old-style Office file (an Excel .xls workbook or a Word .doc)",
        [(byte)'S', (byte)'Q', (byte)'L', (byte)'i', (byte)'t', (byte)'e', ..] => "an SQLite database",
        _ when head.Length >= 12 && head[8..12].SequenceEqual("DUCK"u8) => "a DuckDB database",
        _ => null,
    };

    /// <summary>The error for a file named like a CSV that is <paramref name="what"/> (from <see cref="Describe"/>).</summary>
    /// <returns>E.g. "the file is a PDF document, not CSV text: import the CSV file itself (police.uk and ONS publish CSVs)."</returns>
    public static string Message(string what)
    {
        var advice = what switch
        {
            "a gzip-compressed file" or "a bzip2-compressed file" or "an xz-compressed file" =>
                "decompress it (e.g. gunzip) and import the CSV inside",
            "a 7-Zip archive" => "extract it and import the CSV files inside",
            _ when what.StartsWith("a zip archive", StringComparison.Ordinal) =>
                "if it is an archive of CSVs, name it .zip (or extract it); if it is a workbook, open it and save it as 'CSV UTF-8'",
            _ when what.StartsWith("an old-style Office", StringComparison.Ordinal) => "open it and save it as 'CSV UTF-8'",
            _ => "import the CSV file itself (police.uk and ONS publish CSVs)",
        };
        return $"the file is {what}, not CSV text: {advice}.";
    }
}
