namespace CommunitySafety.Monitoring.Model;

/// <summary>Where a community safety plan is in its life.</summary>
public enum PlanStatus
{
    /// <summary>Being written, not yet agreed.</summary>
    Draft,

    /// <summary>Agreed and in force.</summary>
    Active,

    /// <summary>Its priorities carried forward unchanged into another year (as in 2022/23).</summary>
    RolledForward,

    /// <summary>Replaced by a newer plan.</summary>
    Superseded,
}

/// <summary>Where a strategy or delivery plan is in its life.</summary>
public enum StrategyStatus
{
    /// <summary>Current and in force.</summary>
    Current,

    /// <summary>In force, with a new version being written.</summary>
    BeingUpdated,

    /// <summary>Not yet agreed; being developed.</summary>
    InDevelopment,

    /// <summary>Replaced.</summary>
    Superseded,
}

/// <summary>How often an indicator or a monitoring framework is reported.</summary>
public enum ReportingFrequency
{
    /// <summary>Every month.</summary>
    Monthly,

    /// <summary>Every quarter of the financial year.</summary>
    Quarterly,

    /// <summary>Once a year.</summary>
    Annual,
}

/// <summary>Whether an indicator's years are financial (April–March) or calendar years.</summary>
public enum YearType
{
    /// <summary>April to March, written 2022/23.</summary>
    Financial,

    /// <summary>January to December.</summary>
    Calendar,
}

/// <summary>What kind of number an indicator's value is.</summary>
public enum IndicatorValueType
{
    /// <summary>A count of events or people.</summary>
    Count,

    /// <summary>A crude rate per <see cref="Indicator.Multiplier"/> (e.g. per 100,000 of the 10–17 population).</summary>
    CrudeRate,

    /// <summary>A proportion, shown as a percentage when <see cref="Indicator.Multiplier"/> is 100.</summary>
    Proportion,

    /// <summary>A mean.</summary>
    Mean,

    /// <summary>A score (e.g. a survey score); no limits are computed.</summary>
    Score,
}

/// <summary>What an indicator is compared with.</summary>
public enum BenchmarkKind
{
    /// <summary>Not compared with a benchmark.</summary>
    None,

    /// <summary>England's value (E92000001).</summary>
    England,

    /// <summary>England and Wales's value (K04000001), as for the Crime Survey.</summary>
    EnglandAndWales,

    /// <summary>The region's value.</summary>
    Region,

    /// <summary>A peer group (e.g. the CSP's most similar group), held as an area code of its own.</summary>
    PeerGroup,
}

/// <summary>How final an indicator value is.</summary>
public enum ValueStatus
{
    /// <summary>First figures, which may change.</summary>
    Provisional,

    /// <summary>Final figures.</summary>
    Final,

    /// <summary>Final figures that were later revised.</summary>
    Revised,
}

/// <summary>Where an action is.</summary>
public enum ActionStatus
{
    /// <summary>Not started.</summary>
    NotStarted,

    /// <summary>Under way (e.g. a domestic homicide review in progress).</summary>
    Ongoing,

    /// <summary>Submitted for approval (e.g. a review sent to the Home Office).</summary>
    Submitted,

    /// <summary>Approved and published.</summary>
    Published,

    /// <summary>Done.</summary>
    Completed,

    /// <summary>Stopped.</summary>
    Cancelled,
}

/// <summary>Red / amber / green rating.</summary>
public enum Rag
{
    /// <summary>Not rated.</summary>
    None,

    /// <summary>Off track.</summary>
    Red,

    /// <summary>At risk.</summary>
    Amber,

    /// <summary>On track.</summary>
    Green,
}

/// <summary>The narrative sections of a plan or priority, as a progress report has them.</summary>
public enum NarrativeKind
{
    /// <summary>Purpose.</summary>
    Purpose,

    /// <summary>Background.</summary>
    Background,

    /// <summary>Progress.</summary>
    Progress,

    /// <summary>Plans for next year.</summary>
    PlansForNextYear,

    /// <summary>National context.</summary>
    NationalContext,

    /// <summary>Conclusion.</summary>
    Conclusion,

    /// <summary>Any other section.</summary>
    Other,
}

/// <summary>
/// Where a partner's value or commentary is in review before publication. Drafts and approved entries are used inside
/// the partnership (marked as drafts); only approved ones reach the public view, the public API, the published report and
/// the published workbook. A withdrawn entry is kept for the audit trail but used nowhere.
/// </summary>
public enum ReviewState
{
    /// <summary>Entered by a partner, not yet checked by an analyst.</summary>
    Draft,

    /// <summary>Checked and approved by an analyst (or entered by one); may be published.</summary>
    Approved,

    /// <summary>Withdrawn by an analyst as wrong: kept in the history, used nowhere.</summary>
    Withdrawn,
}
