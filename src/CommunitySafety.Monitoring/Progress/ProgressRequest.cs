using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;

namespace CommunitySafety.Monitoring.Progress;

/// <summary>What a progress question names: the plan, the period and which values are used.</summary>
public sealed record ProgressRequest
{
    /// <summary>The plan; the most recent plan (latest last year, then highest key) when null.</summary>
    public int? PlanId { get; init; }

    /// <summary>
    /// The period reported (e.g. 2024/25: each indicator is judged at its own frequency within it, quarterly and monthly
    /// counts and proportions on annual totals); when null, the year most indicators have fully reported
    /// (<see cref="IndicatorStatusService.DefaultReportPeriodAsync"/>).
    /// </summary>
    public ReportingPeriod? Period { get; init; }

    /// <summary>Drafts and approved values (<see cref="ValueScope.Working"/>, the default) or approved values only (<see cref="ValueScope.Published"/>).</summary>
    public ValueScope Scope { get; init; } = ValueScope.Working;

    /// <summary>Judgement options; the defaults when null.</summary>
    public IndicatorJudgementOptions? Options { get; init; }
}
