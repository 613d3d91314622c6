using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;

namespace CommunitySafety.Monitoring.Progress;

/// <summary>
/// A plan's progress for one period, everything a progress report needs from the monitoring store: the plan (priorities,
/// strategies, narrative sections), one <see cref="FrameworkProgress"/> per framework, the commentary as the scope may
/// show it, and each indicator's latest period with a value.
/// </summary>
/// <param name="Plan">The plan, with its partnership, sections, priorities, strategies, frameworks, objectives, indicators and targets.</param>
/// <param name="Period">The period reported (the one asked for, or the default year-end).</param>
/// <param name="Scope">Which values and commentary were used.</param>
/// <param name="Frameworks">Each framework of the plan's strategies, in the plan's order.</param>
/// <param name="Commentary">The commentary in scope, credited as <see cref="Publication.Credit"/> says (organisation alone and no e-mail address when published).</param>
/// <param name="LatestPeriods">Each indicator's latest period with a value (totals, in scope), by indicator key.</param>
public sealed record PlanProgress(
    CommunitySafetyPlan Plan,
    ReportingPeriod Period,
    ValueScope Scope,
    IReadOnlyList<FrameworkProgress> Frameworks,
    IReadOnlyList<Commentary> Commentary,
    IReadOnlyDictionary<int, ReportingPeriod> LatestPeriods)
{
    /// <summary>Every indicator's progress, framework by framework.</summary>
    public IEnumerable<IndicatorProgress> Indicators => Frameworks.SelectMany(f => f.Indicators);
}
