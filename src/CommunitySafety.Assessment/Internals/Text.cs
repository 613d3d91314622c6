using System.Globalization;

namespace CommunitySafety.Assessment.Internals;

/// <summary>Plain-English helpers for sentences: lists, numbers and percentages as reports write them.</summary>
internal static class Text
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>A whole number with thousands separators: 28,119.</summary>
    public static string Count(long value) => value.ToString("N0", EnGb);

    /// <summary>A rate rounded to whole numbers when 10 or more, else one decimal: 131, 4.2.</summary>
    public static string Rate(double value) => Math.Abs(value) >= 10
        ? Math.Round(value, MidpointRounding.AwayFromZero).ToString("N0", EnGb)
        : value.ToString("0.0", EnGb);

    /// <summary>A percentage rounded to a whole number: 44%.</summary>
    public static string Percent(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("0", EnGb) + "%";

    /// <summary>Lower-cases a crime type name for use mid-sentence, keeping "ASB" style acronyms.</summary>
    public static string Lower(string crimeType) => crimeType.Length > 1 && char.IsUpper(crimeType[1]) ? crimeType : char.ToLowerInvariant(crimeType[0]) + crimeType[1..];

    /// <summary>Capitalises the first letter.</summary>
    public static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
