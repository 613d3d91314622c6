using Markdig;

namespace CommunitySafety.Reports.Rendering;

/// <summary>Authored Markdown (plan sections, commentary) to HTML with Markdig; raw HTML in the Markdown is not passed through.</summary>
public static class MarkdownText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseEmphasisExtras().DisableHtml().Build();

    /// <summary>The pipeline (shared with the Word renderer, which walks the same syntax tree).</summary>
    public static MarkdownPipeline MarkdownPipeline => Pipeline;

    /// <summary>Renders Markdown to an HTML fragment.</summary>
    /// <param name="markdown">The Markdown.</param>
    /// <returns>HTML.</returns>
    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown ?? string.Empty, Pipeline);
}
