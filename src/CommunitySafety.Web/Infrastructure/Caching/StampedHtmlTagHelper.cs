using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CommunitySafety.Web.Infrastructure.Caching;

/// <summary>
/// <c>&lt;stamped-html key="…" stamp="…"&gt;…&lt;/stamped-html&gt;</c>: the HTML of its content, rendered once per
/// store version stamp and key and then served from <see cref="StoreVersionCache"/> without running Razor, so a cached
/// page costs the layout (per user: name, navigation, anti-forgery token) and a copy. The key must name everything the
/// content depends on besides the store (the page, its filter, what the user may do); the content must hold nothing
/// per request (no anti-forgery token, no user name). With <c>enabled="false"</c> it renders every time (e.g. for
/// filters that are not known values, so that odd addresses cannot fill the cache).
/// </summary>
/// <param name="cache">The page cache.</param>
[HtmlTargetElement("stamped-html")]
public sealed class StampedHtmlTagHelper(StoreVersionCache cache) : TagHelper
{
    /// <summary>What the content is, besides the store's state (e.g. <c>indicator:DA-C2:enter=False</c>).</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The store's version stamp the page's data was read at (<see cref="StoreVersionCache.StampAsync"/>).</summary>
    public string? Stamp { get; set; }

    /// <summary>Whether to keep the HTML (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <inheritdoc/>
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        if (!Enabled || Stamp is null || Key.Length == 0)
        {
            output.Content.SetHtmlContent(await output.GetChildContentAsync());
            return;
        }

        var html = await cache.GetOrMakeAsync("html:" + Key, Stamp, async () => new RenderedHtml((await output.GetChildContentAsync()).GetContent()));
        output.Content.SetHtmlContent(html.Html);
    }

    /// <summary>HTML kept in the cache (a type of its own, so it never meets another string entry).</summary>
    private sealed record RenderedHtml(string Html);
}
