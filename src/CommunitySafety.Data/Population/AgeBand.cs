using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CommunitySafety.Data.Population;

/// <summary>An age band in whole years, e.g. 10–17, 90 and over, or all ages.</summary>
/// <param name="From">The first age in the band.</param>
/// <param name="To">The last age in the band (inclusive), or null for "and over".</param>
public readonly record struct AgeBand(int From, int? To)
{
    /// <summary>Everyone: 0 and over.</summary>
    public static AgeBand AllAges { get; } = new(0, null);

    /// <summary>Whether this is all ages.</summary>
    public bool IsAllAges => From == 0 && To is null;

    /// <summary>Whether <paramref name="age"/> falls in the band.</summary>
    public bool Contains(int age) => age >= From && (To is null || age <= To);

    /// <summary>Formats as <c>10-17</c>, <c>90+</c> or <c>all ages</c>.</summary>
    public override string ToString() =>
        IsAllAges ? "all ages" : To is null ? string.Create(CultureInfo.InvariantCulture, $"{From}+") : string.Create(CultureInfo.InvariantCulture, $"{From}-{To}");

    /// <summary>Parses <c>10-17</c>, <c>10–17</c>, <c>10 to 17</c>, <c>90+</c>, <c>16</c> or <c>all</c>/<c>all ages</c>.</summary>
    /// <exception cref="FormatException">The text is not an age band.</exception>
    public static AgeBand Parse(string s) =>
        TryParse(s, out var band) ? band : throw new FormatException($"'{s}' is not an age band: expected e.g. 10-17, 90+ or all ages.");

    /// <summary>Tries to parse an age band.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out AgeBand band)
    {
        band = default;
        if (string.IsNullOrWhiteSpace(s))
        {
            return false;
        }

        var t = s.Trim().ToLowerInvariant().Replace('–', '-').Replace(" to ", "-", StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (t is "all" or "allages")
        {
            band = AllAges;
            return true;
        }

        if (t.EndsWith('+') && int.TryParse(t[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var open))
        {
            band = new AgeBand(open, null);
            return true;
        }

        var dash = t.IndexOf('-');
        if (dash > 0 && int.TryParse(t[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(t[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var to) && to >= from)
        {
            band = new AgeBand(from, to);
            return true;
        }

        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var single))
        {
            band = new AgeBand(single, single);
            return true;
        }

        return false;
    }
}
