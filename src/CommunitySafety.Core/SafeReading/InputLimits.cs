namespace CommunitySafety.SafeReading;

/// <summary>
/// The limits every importer enforces on what it reads, so that a broken or hostile file is rejected with a clear
/// error instead of exhausting memory or disk (see docs/bad-input.md).
/// </summary>
public static class InputLimits
{
    /// <summary>
    /// The longest CSV record (a line, or several when a quoted field holds line breaks), in characters: 1 Mi. Real
    /// police.uk rows are about 300 characters and ONS rows a few thousand; longer is a quote left open or not a CSV.
    /// </summary>
    public const int MaxRecordChars = 1 << 20;

    /// <summary>The most entries a zip archive of police.uk files may have: 100,000 (the full archive has about 20,000).</summary>
    public const int MaxZipEntries = 100_000;

    /// <summary>The most a zip archive of police.uk files may expand to, all entries together: 256 GiB.</summary>
    public const long MaxZipExpandedBytes = 256L << 30;

    /// <summary>
    /// The highest compression ratio of an entry over 1 MiB: 100 to 1. CSV compresses about 5–15 to 1; a zip bomb
    /// (a file of one repeated byte) compresses about 1,000 to 1.
    /// </summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Entries smaller than this (1 MiB) are not held to <see cref="MaxCompressionRatio"/>.</summary>
    public const long CompressionRatioFloorBytes = 1L << 20;

    /// <summary>The most an .xlsx workbook may expand to (all its parts together): 64 MiB; a filled-in template is under 1 MiB.</summary>
    public const long MaxXlsxExpandedBytes = 64L << 20;

    /// <summary>The most parts an .xlsx workbook may have: 1,000.</summary>
    public const int MaxXlsxEntries = 1_000;
}
