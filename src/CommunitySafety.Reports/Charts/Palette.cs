namespace CommunitySafety.Reports.Charts;

/// <summary>
/// The Analysis Function's colour-blind-safe categorical palette (Government Analysis Function, "Data visualisation:
/// colours", 2022), used for every chart and judgement colour.
/// </summary>
public static class Palette
{
    /// <summary>Dark blue: the area the report is about.</summary>
    public const string DarkBlue = "#12436D";

    /// <summary>Turquoise: the comparator (national, peer group).</summary>
    public const string Turquoise = "#28A197";

    /// <summary>Dark pink.</summary>
    public const string DarkPink = "#801650";

    /// <summary>Orange: concerning / worse.</summary>
    public const string Orange = "#F46A25";

    /// <summary>Dark grey: text, reference lines.</summary>
    public const string DarkGrey = "#3D3D3D";

    /// <summary>Light purple.</summary>
    public const string LightPurple = "#A285D1";

    /// <summary>Mid grey: common cause, not compared.</summary>
    public const string MidGrey = "#8E8E8E";

    /// <summary>Light grey: ranges and limits bands.</summary>
    public const string LightGrey = "#D9D9D9";

    /// <summary>The series colours in order.</summary>
    public static IReadOnlyList<string> Series { get; } = [DarkBlue, Turquoise, DarkPink, Orange, DarkGrey, LightPurple];
}
