using System.Text.RegularExpressions;
using CommunitySafety.Monitoring.Model;

namespace CommunitySafety.Monitoring.Values;

/// <summary>Which values and commentary a reader sees.</summary>
public enum ValueScope
{
    /// <summary>Inside the partnership: drafts and approved entries (drafts marked as such); withdrawn ones never.</summary>
    Working,

    /// <summary>The public view, the public API, the published report and the published workbook: approved entries only.</summary>
    Published,
}

/// <summary>
/// What may be published, in one place: the approved-only filter for values and commentary, the credit line of commentary
/// (a person and organisation inside, the organisation alone in public) and the removal of e-mail addresses from
/// published text.
/// </summary>
public static partial class Publication
{
    /// <summary>The text put where an e-mail address was in published text.</summary>
    public const string EmailRemoved = "[e-mail address removed]";

    /// <summary>The values a reader in <paramref name="scope"/> sees.</summary>
    /// <param name="values">The values.</param>
    /// <param name="scope">Working or published.</param>
    /// <returns>The filtered query.</returns>
    public static IQueryable<IndicatorValue> InScope(this IQueryable<IndicatorValue> values, ValueScope scope) => scope == ValueScope.Published
        ? values.Where(v => v.Review == ReviewState.Approved)
        : values.Where(v => v.Review != ReviewState.Withdrawn);

    /// <summary>The commentary a reader in <paramref name="scope"/> sees.</summary>
    /// <param name="commentary">The commentary.</param>
    /// <param name="scope">Working or published.</param>
    /// <returns>The filtered query.</returns>
    public static IQueryable<Commentary> InScope(this IQueryable<Commentary> commentary, ValueScope scope) => scope == ValueScope.Published
        ? commentary.Where(c => c.Review == ReviewState.Approved)
        : commentary.Where(c => c.Review != ReviewState.Withdrawn);

    /// <summary>Whether a value is seen in <paramref name="scope"/>.</summary>
    /// <param name="review">The value's review state.</param>
    /// <param name="scope">Working or published.</param>
    /// <returns>Whether it is seen.</returns>
    public static bool IsVisible(ReviewState review, ValueScope scope) =>
        scope == ValueScope.Published ? review == ReviewState.Approved : review != ReviewState.Withdrawn;

    /// <summary>
    /// Who commentary is credited to. Published: the organisation alone (the commentary's, else the indicator owner's,
    /// else "the partnership"). Inside: "Name (Organisation)", the name falling back to the account.
    /// </summary>
    /// <param name="commentary">The commentary.</param>
    /// <param name="scope">Working or published.</param>
    /// <param name="ownerOrganisation">The indicator's owner, used when the commentary names no organisation.</param>
    /// <returns>The credit, never an e-mail address in published scope.</returns>
    public static string Credit(Commentary commentary, ValueScope scope, string? ownerOrganisation = null)
    {
        ArgumentNullException.ThrowIfNull(commentary);
        var organisation = commentary.AuthorOrganisation ?? ownerOrganisation;
        if (scope == ValueScope.Published)
        {
            return RedactEmails(organisation is { Length: > 0 } o ? o : "the partnership");
        }

        var name = commentary.AuthorName is { Length: > 0 } n ? n : commentary.Author;
        return organisation is { Length: > 0 } org ? $"{name} ({org})" : name;
    }

    /// <summary>Replaces every e-mail address (anything with an @ between word characters) by <see cref="EmailRemoved"/>, and any other @ by "at".</summary>
    /// <param name="text">Text to publish.</param>
    /// <returns>The text without an @.</returns>
    public static string RedactEmails(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = EmailPattern().Replace(text, EmailRemoved);
        return redacted.Replace("@", " at ", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(\.[\w-]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
