using System.Globalization;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Crime;

namespace CommunitySafety.Assessment.Harm;

/// <summary>The ONS Crime Severity Score weight of one Home Office offence code.</summary>
/// <param name="HoCode">The Home Office offence code as the police recorded crime tables write it, e.g. <c>8N</c>, <c>105A</c>, <c>28E</c>.</param>
/// <param name="Offence">The offence, e.g. "Assault with injury".</param>
/// <param name="CssCode">The code in ONS's list of weights (the same as <paramref name="HoCode"/> except for a few merged codes).</param>
/// <param name="Weight">The CSS weight: the average sentence the offence attracts, in days of custody equivalent.</param>
/// <param name="CrimeType">The police.uk category the offence is published under.</param>
/// <param name="Subgroup">The Home Office offence subgroup of police recorded crime, e.g. "Violence with injury".</param>
public sealed record OffenceSeverity(string HoCode, string Offence, string CssCode, double Weight, CrimeType CrimeType, string Subgroup);

/// <summary>
/// ONS Crime Severity Score weights per Home Office offence code with police.uk's category for each code: the shipped
/// <c>Defaults/ons-css-weights-by-ho-code.csv</c>. Looks a weight up by offence code, so that a partnership holding a force
/// extract with offence codes computes harm from the offences themselves rather than from category averages.
/// </summary>
/// <remarks>
/// Source: ONS, "Crime Severity Score (Experimental Statistics)" data tool, list of weights, as joined to police.uk's
/// category mapping by the University of Leeds CriMS project (see the file's header). A code is matched after trimming,
/// upper-casing and dropping leading zeros of its number (<c>008N</c> = <c>8N</c>, <c>092e</c> = <c>92E</c>); the
/// homicide codes 1, 4.1, 4.2 and 4.10 share one weight.
/// </remarks>
public sealed class OffenceSeverityWeights
{
    /// <summary>The default file's name in <c>Defaults/</c>.</summary>
    public const string DefaultFileName = "ons-css-weights-by-ho-code.csv";

    private static readonly Lazy<OffenceSeverityWeights> LazyDefault = new(() => Parse(DefaultFiles.Read(DefaultFileName), DefaultFiles.SourceName(DefaultFileName)));

    private readonly Dictionary<string, OffenceSeverity> _byCode;

    private OffenceSeverityWeights(IReadOnlyList<OffenceSeverity> offences, string source)
    {
        Offences = offences;
        Source = source;
        _byCode = new Dictionary<string, OffenceSeverity>(StringComparer.Ordinal);
        foreach (var o in offences)
        {
            _byCode.TryAdd(Normalise(o.HoCode), o);
        }

        foreach (var o in offences)
        {
            _byCode.TryAdd(Normalise(o.CssCode), o);
        }
    }

    /// <summary>The shipped ONS CSS weights.</summary>
    public static OffenceSeverityWeights Default => LazyDefault.Value;

    /// <summary>Every offence row of the file, in file order.</summary>
    public IReadOnlyList<OffenceSeverity> Offences { get; }

    /// <summary>The file the weights were read from.</summary>
    public string Source { get; }

    /// <summary>The offence with Home Office code <paramref name="hoCode"/>, or null when the file has no weight for it.</summary>
    public OffenceSeverity? For(string hoCode)
    {
        ArgumentNullException.ThrowIfNull(hoCode);
        return _byCode.GetValueOrDefault(Normalise(hoCode));
    }

    /// <summary>
    /// Harm from counts by Home Office offence code: Σ count × CSS weight, with the harm of each police.uk category, and the
    /// codes that have no weight (left out of the total, and listed so that nothing is dropped silently).
    /// </summary>
    /// <param name="counts">Offence code and count pairs; a code may appear more than once.</param>
    public OffenceHarm HarmOf(IEnumerable<(string HoCode, long Count)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var byType = new Dictionary<CrimeType, double>();
        var unmatched = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var total = 0.0;
        foreach (var (code, count) in counts)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            if (For(code) is { } offence)
            {
                var harm = count * offence.Weight;
                total += harm;
                byType[offence.CrimeType] = byType.GetValueOrDefault(offence.CrimeType) + harm;
            }
            else
            {
                var key = code.Trim();
                unmatched[key] = unmatched.GetValueOrDefault(key) + count;
            }
        }

        return new OffenceHarm(total, byType, unmatched);
    }

    /// <summary>Reads a weights file with columns ho_code, offence, css_code, css_weight, policeuk_category, prc_subgroup.</summary>
    /// <exception cref="AssessmentConfigurationException">Bad content; the message names the line.</exception>
    public static OffenceSeverityWeights Parse(string text, string source)
    {
        var (header, rows) = CsvText.Read(text, source);
        int[] c = [.. new[] { "ho_code", "offence", "css_code", "css_weight", "policeuk_category", "prc_subgroup" }.Select(n => CsvText.Column(header, n, source))];
        var list = new List<OffenceSeverity>(rows.Count);
        foreach (var row in rows)
        {
            if (!double.TryParse(row.Fields[c[3]], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) || !(weight >= 0) || double.IsInfinity(weight))
            {
                throw new AssessmentConfigurationException(source, $"line {row.Line}, css_weight: '{row.Fields[c[3]]}' is not a number ≥ 0.");
            }

            if (!CrimeType.TryFind(row.Fields[c[4]], out var type))
            {
                throw new AssessmentConfigurationException(source, $"line {row.Line}, policeuk_category: '{row.Fields[c[4]]}' is not a police.uk crime type.");
            }

            list.Add(new OffenceSeverity(row.Fields[c[0]], row.Fields[c[1]], row.Fields[c[2]], weight, type, row.Fields[c[5]]));
        }

        return new OffenceSeverityWeights(list, source);
    }

    /// <summary>"008n " → "8N"; "004.10" → "4.10"; "1/4.1/4.10/4.2" unchanged.</summary>
    internal static string Normalise(string code)
    {
        var c = code.Trim().ToUpperInvariant();
        var i = 0;
        while (i < c.Length - 1 && c[i] == '0' && char.IsDigit(c[i + 1]))
        {
            i++;
        }

        return c[i..];
    }
}

/// <summary>Harm computed from offence codes.</summary>
/// <param name="TotalHarm">Σ count × CSS weight over the codes with a weight.</param>
/// <param name="ByCrimeType">The harm of each police.uk category.</param>
/// <param name="Unmatched">Codes with no weight and their counts (not in the total).</param>
public sealed record OffenceHarm(double TotalHarm, IReadOnlyDictionary<CrimeType, double> ByCrimeType, IReadOnlyDictionary<string, long> Unmatched);
