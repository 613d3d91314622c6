using System.Globalization;
using CommunitySafety.Hotspots.Methods;

namespace CommunitySafety.Hotspots.Output;

/// <summary>One entry of a map's legend: a fill colour and what it means.</summary>
/// <param name="Colour">CSS colour, e.g. <c>#21918c</c>.</param>
/// <param name="Label">Legend text, e.g. <c>5 – 10</c> or <c>Hot spot (99%)</c>.</param>
public sealed record MapClass(string Colour, string Label);

/// <summary>
/// What a map shows: each cell's class (or −1 for not shaded) and the classes' colours and labels.
/// Build one with <see cref="Sequential(string, IReadOnlyList{double}, string)"/>, <see cref="GiStar"/>, <see cref="Change"/> or <see cref="Trend"/>.
/// </summary>
/// <param name="Title">The legend's heading, e.g. "Crimes per cell".</param>
/// <param name="Classes">The legend entries, in legend order.</param>
/// <param name="CellClass">Each cell's index into <paramref name="Classes"/>, or −1 to leave the cell unshaded.</param>
/// <param name="UnshadedLabel">What an unshaded cell means (shown in the legend), e.g. "None".</param>
public sealed record MapLayer(string Title, IReadOnlyList<MapClass> Classes, IReadOnlyList<int> CellClass, string UnshadedLabel)
{
    /// <summary>Viridis, 5 classes, light (low) to dark (high): colour-blind safe and readable in grey.</summary>
    public static IReadOnlyList<string> SequentialColours { get; } = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"];

    /// <summary>
    /// Five equal-interval classes over (0, maximum], viridis colours; zero, missing and negative values are
    /// unshaded. Example: maximum 20 gives 0–4, 4–8, 8–12, 12–16, 16–20 (each class includes its upper limit).
    /// </summary>
    public static MapLayer Sequential(string title, IReadOnlyList<double> values, string format = "0.##")
    {
        ArgumentNullException.ThrowIfNull(values);
        var max = values.Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var k = SequentialColours.Count;
        var classes = new MapClass[k];
        for (var i = 0; i < k; i++)
        {
            classes[i] = new MapClass(SequentialColours[i], $"{F(max * i / k, format)} – {F(max * (i + 1) / k, format)}");
        }

        var cellClass = values.Select(v => !double.IsFinite(v) || v <= 0 || max <= 0 ? -1 : Math.Min(k - 1, (int)Math.Ceiling(v / max * k) - 1)).ToArray();
        return new MapLayer(title, classes, cellClass, "0");
    }

    /// <summary>Five equal-interval classes of counts.</summary>
    public static MapLayer Sequential(string title, IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return Sequential(title, counts.Select(c => (double)c).ToArray(), "0.#");
    }

    /// <summary>Gi* hot and cold spots at 99% and 95% (ColorBrewer RdBu, colour-blind safe); not significant unshaded.</summary>
    public static MapLayer GiStar(GiStarResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        MapClass[] classes =
        [
            new("#b2182b", "Hot spot (99%)"),
            new("#d6604d", "Hot spot (95%)"),
            new("#4393c3", "Cold spot (95%)"),
            new("#2166ac", "Cold spot (99%)"),
        ];
        var cellClass = result.Significance.Select(s => s switch
        {
            HotspotSignificance.Hot99 => 0,
            HotspotSignificance.Hot95 => 1,
            HotspotSignificance.Cold95 => 2,
            HotspotSignificance.Cold99 => 3,
            _ => -1,
        }).ToArray();
        var adjusted = result.Adjustment == PValueAdjustment.FalseDiscoveryRate ? "FDR-adjusted" : "unadjusted";
        return new MapLayer($"Getis-Ord Gi* ({adjusted})", classes, cellClass, "Not significant");
    }

    /// <summary>Change between two periods: large and small falls and rises (ColorBrewer RdBu); no change unshaded.
    /// "Large" is at least half the largest change in either direction.</summary>
    public static MapLayer Change(IReadOnlyList<CellChange> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var largest = change.Select(c => Math.Abs(c.Change)).DefaultIfEmpty(0).Max();
        var large = Math.Max(1, (int)Math.Ceiling(largest / 2.0));
        MapClass[] classes =
        [
            new("#b2182b", $"Rise of {large} or more"),
            new("#d6604d", $"Rise of 1 to {Math.Max(1, large - 1)}"),
            new("#4393c3", $"Fall of 1 to {Math.Max(1, large - 1)}"),
            new("#2166ac", $"Fall of {large} or more"),
        ];
        var cellClass = change.Select(c => c.Change switch
        {
            0 => -1,
            var d when d >= large => 0,
            > 0 => 1,
            var d when d <= -large => 3,
            _ => 2,
        }).ToArray();
        return new MapLayer("Change in crimes per cell", classes, cellClass, "No change");
    }

    /// <summary>Persistent, emerging, former and intermittent hot spots (Okabe–Ito colours, colour-blind safe).</summary>
    public static MapLayer Trend(HotspotClassificationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        MapClass[] classes =
        [
            new("#d55e00", "Persistent hot spot"),
            new("#e69f00", "Emerging hot spot"),
            new("#56b4e9", "Former hot spot"),
            new("#cc79a7", "Intermittent hot spot"),
        ];
        var cellClass = result.Trend.Select(t => t switch
        {
            HotspotTrend.Persistent => 0,
            HotspotTrend.Emerging => 1,
            HotspotTrend.Former => 2,
            HotspotTrend.Intermittent => 3,
            _ => -1,
        }).ToArray();
        return new MapLayer("Hot spots over time", classes, cellClass, "Never a hot spot");
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
