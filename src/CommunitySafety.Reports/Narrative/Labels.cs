using CommunitySafety.Monitoring;
using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Narrative;

/// <summary>The words (and cell colours) for the engine's statuses, as shown in tables and sentences.</summary>
public static class Labels
{
    /// <summary>SPC variation in words.</summary>
    /// <param name="variation">The status.</param>
    /// <returns>The label.</returns>
    public static string Variation(VariationStatus variation) => variation switch
    {
        VariationStatus.CommonCause => "Common cause",
        VariationStatus.ImprovingHigh => "Improving (high)",
        VariationStatus.ImprovingLow => "Improving (low)",
        VariationStatus.ConcerningHigh => "Concerning (high)",
        VariationStatus.ConcerningLow => "Concerning (low)",
        VariationStatus.NeitherHigh => "Special cause (high)",
        VariationStatus.NeitherLow => "Special cause (low)",
        _ => "Too few points",
    };

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

    /// <summary>RAG in words (never colour alone).</summary>
    /// <param name="rag">The rating.</param>
    /// <returns>The label.</returns>
    public static string Rag(Rag rag) => rag switch
    {
        Monitoring.Rag.Red => "Red",
        Monitoring.Rag.Amber => "Amber",
        Monitoring.Rag.Green => "Green",
        _ => "No target",
    };

    /// <summary>The colour of a RAG cell.</summary>
    /// <param name="rag">The rating.</param>
    /// <returns>The cell status.</returns>
    public static CellStatus RagStatusOf(Rag rag) => rag switch
    {
        Monitoring.Rag.Red => CellStatus.Bad,
        Monitoring.Rag.Amber => CellStatus.Amber,
        Monitoring.Rag.Green => CellStatus.Good,
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
}
