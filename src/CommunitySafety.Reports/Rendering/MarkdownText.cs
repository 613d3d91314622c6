using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CommunitySafety.Reports.Rendering;

/// <summary>
/// Authored Markdown (plan sections, commentary) to HTML with Markdig; raw HTML in the Markdown is not passed through,
/// and a link or image whose address is not http, https, mailto or relative loses its address (the text stays), so
/// <c>[x](javascript:…)</c> in commentary cannot run in a report opened from disk, where no CSP applies.
/// </summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>The pipeline (shared with the Word renderer, which walks the same syntax tree).</summary>
    public static MarkdownPipeline MarkdownPipeline => Pipeline;

    /// <summary>Renders Markdown to an HTML fragment.</summary>
    /// <param name="markdown">The Markdown.</param>
    /// <returns>HTML.</returns>
    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)))
        {
            link.Url = string.Empty;
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !IsSafe(l.Url)))
        {
            link.Url = string.Empty;
        }

        return document.ToHtml(Pipeline);
    }

    /// <summary>Whether an address is relative or uses a scheme that cannot run script.</summary>
    /// <param name="url">The address.</param>
    /// <returns>Whether it is safe in a link.</returns>
    internal static bool IsSafe(string? url)
    {
        // Browsers ignore control characters and spaces inside a scheme ("java\tscript:"): compare without them.
        var cleaned = new string((url ?? string.Empty).Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        var firstDelimiter = cleaned.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (firstDelimiter >= 0 && firstDelimiter < colon))
        {
            return true; // relative
        }

        return SafeSchemes.Contains(cleaned[..colon], StringComparer.OrdinalIgnoreCase);
    }
}
