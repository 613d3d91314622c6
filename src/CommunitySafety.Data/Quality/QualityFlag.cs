using CommunitySafety.Periods;

namespace CommunitySafety.Data.Quality;

/// <summary>The data-quality checks run on each force-month of street-level crime (see <see cref="QualityChecker"/>).</summary>
public enum QualityCheck
{
    /// <summary>A crime type's count far outside the force's usual range.</summary>
    CrimeType,

    /// <summary>No rows without a location in a month, from a force whose every previous month had some.</summary>
    NoLocationMissing,

    /// <summary>The share of rows without a location (no LSOA) far from the force's usual share.</summary>
    NoLocationShare,

    /// <summary>A month missing between months the force has, or after its last while other forces have it.</summary>
    MissingMonth,

    /// <summary>A month imported again from a different file (police.uk republishes months), with the rows before and after.</summary>
    Republished,
}

/// <summary>One data-quality flag: suspicious but valid data, shown wherever the month is used until acknowledged.</summary>
/// <param name="Force">The force's name.</param>
/// <param name="ForceSlug">The force's short key (e.g. <c>bedfordshire</c>).</param>
/// <param name="Month">The month flagged.</param>
/// <param name="Check">Which check.</param>
/// <param name="Subject">What within the month: a crime type's name; empty for a check of the whole month.</param>
/// <param name="Value">The value this month (a count, or a share 0–1); null for a missing month.</param>
/// <param name="Usual">The usual value (median of the history); null when there is none.</param>
/// <param name="Score">The modified z-score (Iglewicz and Hoaglin); null for checks that are not scored.</param>
/// <param name="Detail">The flag in plain words, with the history it was judged against.</param>
public sealed record QualityFlag(string Force, string ForceSlug, YearMonth Month, QualityCheck Check, string Subject,
    double? Value, double? Usual, double? Score, string Detail)
{
    /// <summary>The flag's key, used to acknowledge it: <c>force/yyyy-MM/check[/subject]</c>.</summary>
    public string Id => $"{ForceSlug}/{Month}/{CheckKey(Check)}{(Subject.Length > 0 ? "/" + Slug(Subject) : string.Empty)}";

    /// <summary>For a run of missing months, the last (the flag's <see cref="Month"/> is the first); otherwise the month itself.</summary>
    public YearMonth LastMonth { get; init; } = Month;

    /// <summary>The acknowledgement, when someone has said why the flag can stand; null while it is open.</summary>
    public QualityAcknowledgement? Acknowledged { get; init; }

    /// <summary>The check as written in a flag's key and in CSV/JSON.</summary>
    public static string CheckKey(QualityCheck check) => check switch
    {
        QualityCheck.CrimeType => "crime-type",
        QualityCheck.NoLocationMissing => "no-location-missing",
        QualityCheck.NoLocationShare => "no-location-share",
        QualityCheck.MissingMonth => "missing-month",
        QualityCheck.Republished => "republished",
        _ => check.ToString(),
    };

    /// <summary>A name as a key: lower case, words joined by hyphens.</summary>
    public static string Slug(string name) =>
        string.Join('-', name.ToLowerInvariant().Split((char[])[.. name.ToLowerInvariant().Where(c => !char.IsAsciiLetterOrDigit(c)).Distinct()], StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Someone said why a flag can stand (e.g. "a real rise: a police operation"), recorded with who and when.</summary>
/// <param name="Reason">Why.</param>
/// <param name="By">Who (the user name).</param>
/// <param name="At">When (UTC).</param>
public sealed record QualityAcknowledgement(string Reason, string By, DateTime At);
