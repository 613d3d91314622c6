using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Reports.Model;
using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Narrative;

/// <summary>
/// The one vocabulary of the product: the plain words (and cell colours) for the engine's statuses, used by the
/// reports, the web pages and the dashboard tiles alike. Method names (SPC, "special cause") never appear here: they
/// live in the reports' methods appendix and glossary (<see cref="Glossary"/>).
/// </summary>
public static class Labels
{
    /// <summary>The latest point's SPC variation in plain words: "No unusual change", "Unusually low".</summary>
    /// <param name="variation">The status.</param>
    /// <returns>The label.</returns>
    public static string Variation(VariationStatus variation) => variation switch
    {
        VariationStatus.CommonCause => "No unusual change",
        VariationStatus.ImprovingHigh => "Unusually high: improving",
        VariationStatus.ImprovingLow => "Unusually low: improving",
        VariationStatus.ConcerningHigh => "Unusually high: a concern",
        VariationStatus.ConcerningLow => "Unusually low: a concern",
        VariationStatus.NeitherHigh => "Unusually high",
        VariationStatus.NeitherLow => "Unusually low",
        _ => "Too few points to judge",
    };

    /// <summary>The heading of the column or field that holds <see cref="Variation"/>.</summary>
    public const string VariationHeading = "Against its usual range";

    /// <summary>The colour of an SPC variation cell.</summary>
    /// <param name="variation">The status.</param>
    /// <returns>The cell status.</returns>
    public static CellStatus VariationStatusOf(VariationStatus variation) => variation switch
    {
        VariationStatus.ImprovingHigh or VariationStatus.ImprovingLow => CellStatus.Good,
        VariationStatus.ConcerningHigh or VariationStatus.ConcerningLow => CellStatus.Bad,
        VariationStatus.NeitherHigh or VariationStatus.NeitherLow => CellStatus.NoJudgement,
        VariationStatus.CommonCause => CellStatus.Neutral,
        _ => CellStatus.None,
    };

    /// <summary>SPC assurance in words.</summary>
    /// <param name="assurance">The status.</param>
    /// <returns>The label.</returns>
    public static string Assurance(AssuranceStatus assurance) => assurance switch
    {
        AssuranceStatus.ConsistentlyMet => "Target consistently met",
        AssuranceStatus.ConsistentlyFailed => "Target consistently missed",
        AssuranceStatus.HitAndMiss => "Target hit and miss",
        _ => string.Empty,
    };

    /// <summary>RAG in words (never colour alone): "Green: target met".</summary>
    /// <param name="rag">The rating.</param>
    /// <returns>The label.</returns>
    public static string Rag(Rag rag) => rag switch
    {
        Monitoring.Model.Rag.Red => "Red: target missed",
        Monitoring.Model.Rag.Amber => "Amber: target missed, but not significantly",
        Monitoring.Model.Rag.Green => "Green: target met",
        _ => "No target",
    };

    /// <summary>The colour of a RAG cell.</summary>
    /// <param name="rag">The rating.</param>
    /// <returns>The cell status.</returns>
    public static CellStatus RagStatusOf(Rag rag) => rag switch
    {
        Monitoring.Model.Rag.Red => CellStatus.Bad,
        Monitoring.Model.Rag.Amber => CellStatus.Amber,
        Monitoring.Model.Rag.Green => CellStatus.Good,
        _ => CellStatus.None,
    };

    /// <summary>The colour of a comparison outcome cell.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The cell status.</returns>
    public static CellStatus OutcomeStatusOf(ComparisonOutcome outcome) => outcome switch
    {
        ComparisonOutcome.Better or ComparisonOutcome.Best => CellStatus.Good,
        ComparisonOutcome.Worse or ComparisonOutcome.Worst => CellStatus.Bad,
        ComparisonOutcome.Similar => CellStatus.Neutral,
        ComparisonOutcome.Higher or ComparisonOutcome.Lower => CellStatus.NoJudgement,
        _ => CellStatus.None,
    };

    /// <summary>The colour of a trend marker cell.</summary>
    /// <param name="marker">The marker.</param>
    /// <returns>The cell status.</returns>
    public static CellStatus TrendStatusOf(TrendMarker marker) => marker switch
    {
        TrendMarker.IncreasingAndGettingBetter or TrendMarker.DecreasingAndGettingBetter => CellStatus.Good,
        TrendMarker.IncreasingAndGettingWorse or TrendMarker.DecreasingAndGettingWorse => CellStatus.Bad,
        TrendMarker.Increasing or TrendMarker.Decreasing => CellStatus.NoJudgement,
        TrendMarker.NoSignificantChange => CellStatus.Neutral,
        _ => CellStatus.None,
    };

    /// <summary>A trend marker with an arrow, for tables: "↑ Increasing and getting worse".</summary>
    /// <param name="marker">The marker.</param>
    /// <returns>The label.</returns>
    public static string Trend(TrendMarker marker) => marker switch
    {
        TrendMarker.Increasing or TrendMarker.IncreasingAndGettingBetter or TrendMarker.IncreasingAndGettingWorse => "↑ " + marker.ToLabel(),
        TrendMarker.Decreasing or TrendMarker.DecreasingAndGettingBetter or TrendMarker.DecreasingAndGettingWorse => "↓ " + marker.ToLabel(),
        TrendMarker.NoSignificantChange => "→ " + marker.ToLabel(),
        _ => marker.ToLabel(),
    };

    /// <summary>
    /// A change on an earlier period in plain words, the same in reports, web pages and dashboard tiles: "Up 15% (+26)
    /// on Q4 2023/24", or for a percentage "Up 4.5 percentage points on Q4 2023/24" (a relative change of a
    /// percentage is never given). With <paramref name="significance"/> the engine's test is added: "(significant)",
    /// "(within normal variation)", "(not tested)".
    /// </summary>
    /// <param name="c">The engine's comparison.</param>
    /// <param name="format">How the indicator's values are written.</param>
    /// <param name="significance">Whether to add whether the change is statistically significant.</param>
    /// <returns>The text.</returns>
    public static string Change(PeriodComparison? c, ValueFormat format, bool significance = true)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (c is null || c.Difference is not { } diff || c.FromValue is not { } from)
        {
            return c?.Note is { Length: > 0 } n ? "Not compared: " + NarrativeRules.Lower(n.TrimEnd('.', ' ')) : "Not compared";
        }

        if (Math.Round(diff, format.Decimals) == 0)
        {
            return $"No change on {c.From}";
        }

        var word = diff > 0 ? "Up" : "Down";
        var size = Math.Abs(diff).ToString("N" + format.Decimals, ValueFormat.Culture);
        var text = format.IsPercentage
            ? $"{word} {size} percentage points on {c.From}"
            : from != 0 ? $"{word} {NarrativeRules.Percent(diff / from * 100)} ({format.Signed(diff)}) on {c.From}" : $"{word} {size} on {c.From}";
        if (!significance)
        {
            return text;
        }

        return text + c.Direction switch
        {
            Direction.Higher or Direction.Lower => " (significant)",
            Direction.Similar => " (within normal variation)",
            _ => " (not tested)",
        };
    }
}
