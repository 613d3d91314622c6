using AngleSharp.Html.Parser;

namespace CommunitySafety.Web.Tests.Security;

/// <summary>
/// Checks, on the parsed page (AngleSharp, as a browser parses it), that text typed by someone came out as text: no
/// element or attribute of theirs, no script but the app's own, no javascript: address.
/// </summary>
public static class InertHtml
{
    /// <summary>The mark every payload carries, in its text and in the id of every element it tries to inject.</summary>
    public const string Mark = "xss";

    /// <summary>
    /// Payloads for a text field, each with <paramref name="n"/> in its ids so a page showing several is checked for each.
    /// Every one tries to make an element (id starting "xss"), an event handler, a script or a javascript: link.
    /// </summary>
    /// <param name="n">A number for the field.</param>
    /// <returns>The payloads, joined (a field holds them all).</returns>
    public static string Payload(int n) =>
        $"xss{n} <script id=\"xss-script-{n}\">alert({n})</script> \"><img src=x id=\"xss-img-{n}\" onerror=\"alert({n})\"> " +
        $"'><svg id='xss-svg-{n}' onload='alert({n})'></svg> </textarea></title><iframe id=\"xss-frame-{n}\" src=\"javascript:alert({n})\"></iframe> " +
        $"[link](javascript:alert({n})) <a id=\"xss-a-{n}\" href=\"javascript:alert({n})\">a</a>";

    private static readonly HtmlParser Parser = new();

    /// <summary>Asserts the page is inert and shows <paramref name="expectedText"/> somewhere (so the payload did reach it).</summary>
    /// <param name="html">The page.</param>
    /// <param name="expectedText">Text (e.g. "xss3") that must be on the page, as text or as a form field's value.</param>
    /// <param name="where">The page, for messages.</param>
    public static void AssertInert(string html, string? expectedText, string where)
    {
        using var document = Parser.ParseDocument(html);
        var all = document.QuerySelectorAll("*").ToList();

        var injected = all.Where(e => e.Id?.StartsWith(Mark, StringComparison.OrdinalIgnoreCase) == true).Select(e => e.OuterHtml).ToList();
        Assert.True(injected.Count == 0, $"{where}: injected elements: {string.Join(" | ", injected)}");

        var handlers = all.SelectMany(e => e.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)).Select(a => $"<{e.LocalName} {a.Name}=\"{a.Value}\">")).ToList();
        Assert.True(handlers.Count == 0, $"{where}: event handler attributes: {string.Join(" | ", handlers)}");

        foreach (var script in document.Scripts)
        {
            Assert.True(script.Source is { Length: > 0 } src && src.StartsWith('/') && !src.StartsWith("//", StringComparison.Ordinal) && string.IsNullOrWhiteSpace(script.Text),
                $"{where}: a script that is not the app's own: {script.OuterHtml}");
        }

        var scriptAddresses = all.SelectMany(e => e.Attributes.Where(a => a.Name is "href" or "src" or "action" or "formaction" or "xlink:href")
                .Where(a => a.Value.Trim().Replace("\t", "", StringComparison.Ordinal).StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
                .Select(a => e.OuterHtml))
            .ToList();
        Assert.True(scriptAddresses.Count == 0, $"{where}: javascript: addresses: {string.Join(" | ", scriptAddresses)}");

        Assert.Empty(document.QuerySelectorAll("iframe, object, embed, base, meta[http-equiv]"));

        if (expectedText is not null)
        {
            var shown = document.Body?.TextContent ?? string.Empty;
            var values = all.OfType<AngleSharp.Html.Dom.IHtmlInputElement>().Select(i => i.Value)
                .Concat(all.OfType<AngleSharp.Html.Dom.IHtmlTextAreaElement>().Select(t => t.Value));
            Assert.True(shown.Contains(expectedText, StringComparison.Ordinal) || values.Any(v => v.Contains(expectedText, StringComparison.Ordinal)),
                $"{where}: the payload '{expectedText}' is not on the page, so the page proves nothing");
        }
    }
}
