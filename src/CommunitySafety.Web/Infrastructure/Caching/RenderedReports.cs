namespace CommunitySafety.Web.Infrastructure.Caching;

/// <summary>
/// Reports as served (HTML, Word or PDF bytes), each made once per store version and day (the report's date is the day
/// it is made) and kept in this instance's memory: a small cache of its own (<see cref="MaxReports"/> keys), apart from the
/// page cache, so large files cannot crowd out pages. Keys are the report's kind, variant, format and filters.
/// </summary>
public sealed class RenderedReports
{
    /// <summary>The most reports kept; others are made for their request (PDFs still through the PDF gate).</summary>
    public const int MaxReports = 32;

    private int _made;

    /// <summary>The cache.</summary>
    public StoreVersionCache Cache { get; } = new(MaxReports);

    /// <summary>How many reports this instance has made (not served from the cache): for tests and diagnostics.</summary>
    public int Made => Volatile.Read(ref _made);

    /// <summary>Counts one report made.</summary>
    public void CountMade() => Interlocked.Increment(ref _made);
}

/// <summary>One report as served.</summary>
/// <param name="Bytes">The file (Word, PDF), or null for HTML.</param>
/// <param name="Html">The HTML, or null for a file.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="FileName">Its download name.</param>
public sealed record RenderedReport(byte[]? Bytes, string? Html, string ContentType, string FileName);
