using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Statistics;

namespace CommunitySafety.Monitoring.Progress;

/// <summary>One indicator's progress for the period: its judgement and the values behind it.</summary>
/// <param name="Indicator">The indicator (with its targets and, when it has one, its objective).</param>
/// <param name="Judgement">The judgement, as <see cref="IndicatorStatusService.JudgeFrameworkAsync"/> gives it.</param>
/// <param name="Series">The values judged, oldest first up to the period (<see cref="IndicatorStatusService.SeriesAsync"/>): annual totals for a year-end judgement of a quarterly or monthly indicator.</param>
/// <param name="Quarters">For a judgement of annual totals, the indicator's own quarterly (or monthly) values up to the year's end (<see cref="IndicatorStatusService.QuartersBehindAsync"/>); empty otherwise.</param>
/// <param name="QuartersSpc">The usual range (XmR) of <paramref name="Quarters"/>; null when there are none.</param>
/// <param name="Breakdowns">A count indicator's values by category (e.g. by presenting substance) for the area, at the judged frequency, up to the period, in scope; empty when there are none.</param>
public sealed record IndicatorProgress(
    Indicator Indicator,
    IndicatorJudgement Judgement,
    IReadOnlyList<IndicatorValue> Series,
    IReadOnlyList<IndicatorValue> Quarters,
    XmrResult? QuartersSpc,
    IReadOnlyList<IndicatorValue> Breakdowns);
