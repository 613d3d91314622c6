using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace CommunitySafety.Web.Infrastructure;

/// <summary>
/// Renders commentary (Markdown) to HTML that cannot carry script: raw HTML in the Markdown is escaped by Markdig, and
/// the result is cleaned by an allow-list sanitiser (which also drops <c>javascript:</c> links).
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The HTML of <paramref name="markdown"/>, safe to put in a page.</summary>
    /// <param name="markdown">The Markdown, from anyone.</param>
    /// <returns>Sanitised HTML with GOV.UK classes on paragraphs, lists and links.</returns>
    public static HtmlString Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        var html = Markdown.ToHtml(markdown, Pipeline);
        var clean = Sanitizer.Sanitize(html)
            .Replace("<p>", "<p class=\"govuk-body\">", StringComparison.Ordinal)
            .Replace("<ul>", "<ul class=\"govuk-list govuk-list--bullet\">", StringComparison.Ordinal)
            .Replace("<ol>", "<ol class=\"govuk-list govuk-list--number\">", StringComparison.Ordinal)
            .Replace("<a href", "<a class=\"govuk-link\" href", StringComparison.Ordinal);
        return new HtmlString(clean);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "em", "strong", "ul", "ol", "li", "a", "code", "pre", "blockquote", "h3", "h4", "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        return new HtmlSanitizer(options);
    }
}
