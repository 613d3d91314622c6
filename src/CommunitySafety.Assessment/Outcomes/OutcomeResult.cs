using CommunitySafety.Areas;
using CommunitySafety.Crime;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Outcomes;

/// <summary>What to analyse.</summary>
public sealed record OutcomeRequest
{
    /// <summary>The area (resolved by <see cref="AreaResolver"/>).</summary>
    public required ResolvedArea Area { get; init; }

    /// <summary>The financial year.</summary>
    public required FinancialYear Year { get; init; }

    /// <summary>Only these crime types; null or empty for all crime (anti-social behaviour is never included: it has no outcomes).</summary>
    public IReadOnlyList<CrimeType>? CrimeTypes { get; init; }

    /// <summary>Whether to compare with the area's published nearest neighbours (default true).</summary>
    public bool Peers { get; init; } = true;
}

/// <summary>The share of crimes in one outcome group, as a percentage with Wilson 95% limits.</summary>
/// <param name="Group">The group.</param>
/// <param name="Share">Crimes in the group of all crimes (percent).</param>
/// <param name="Categories">The police.uk categories counted in the group, with their counts (largest first).</param>
public sealed record OutcomeShare(OutcomeGroup Group, ProportionResult Share, IReadOnlyList<(string Category, long Count)> Categories);

/// <summary>Outcome shares over a set of months.</summary>
/// <param name="Label">E.g. "2024/25" or "Dec 2023–Mar 2024".</param>
/// <param name="Months">The months counted (each with records for every responsible force).</param>
/// <param name="Crimes">Crimes recorded in those months (the denominator).</param>
/// <param name="Shares">One per group, in <see cref="OutcomeGroups.All"/> order.</param>
public sealed record OutcomeShares(string Label, IReadOnlyList<YearMonth> Months, long Crimes, IReadOnlyList<OutcomeShare> Shares)
{
    /// <summary>The share of one group.</summary>
    public OutcomeShare Of(OutcomeGroup group) => Shares.Single(s => s.Group.Id == group.Id);
}

/// <summary>The change in one group's share between the same months a year apart.</summary>
/// <param name="Group">The group.</param>
/// <param name="Change">Earlier and later share, difference with Newcombe 95% limits, two-proportion z test.</param>
public sealed record OutcomeGroupChange(OutcomeGroup Group, ProportionChange Change)
{
    /// <summary>True when p &lt; 0.05.</summary>
    public bool IsSignificant => Change.PValue < 0.05;
}

/// <summary>This year against last, like with like.</summary>
/// <param name="Earlier">The earlier months' shares.</param>
/// <param name="Later">The later months' shares.</param>
/// <param name="Changes">One per group.</param>
/// <param name="Basis">Plain words: which months are compared and why they are like with like.</param>
public sealed record OutcomeComparison(OutcomeShares Earlier, OutcomeShares Later, IReadOnlyList<OutcomeGroupChange> Changes, string Basis);

/// <summary>How complete one month's outcomes are.</summary>
/// <param name="Month">Month the crimes were recorded.</param>
/// <param name="AgeMonths">Months between it and the month the outcomes were taken from (<see cref="OutcomeResult.OutcomesAsOf"/>).</param>
/// <param name="Crimes">Crimes recorded that month.</param>
/// <param name="Open">Share still under investigation (percent, Wilson 95%).</param>
/// <param name="Charged">Share charged or summonsed so far (percent, Wilson 95%).</param>
public sealed record MaturityRow(YearMonth Month, int AgeMonths, long Crimes, ProportionResult Open, ProportionResult Charged);

/// <summary>How quickly one month's crimes got a first outcome, from the police.uk outcomes files.</summary>
/// <param name="Month">Month the crimes were recorded.</param>
/// <param name="Crimes">Crimes recorded that month (with a Crime ID).</param>
/// <param name="WithOutcomeByAge">Element k: the share (percent, Wilson 95%) with a first outcome listed in the outcomes files of months up to k months after the crime's month; as many ages as there are consecutive outcomes files.</param>
public sealed record TimingRow(YearMonth Month, long Crimes, IReadOnlyList<ProportionResult> WithOutcomeByAge);

/// <summary>A peer's outcome shares over the same months, or why there are none.</summary>
/// <param name="Code">The peer's ONS code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Shares">Its shares; null when not available.</param>
/// <param name="NotAvailable">Why not, when <paramref name="Shares"/> is null.</param>
public sealed record PeerOutcome(AreaCode Code, string Name, OutcomeShares? Shares, string? NotAvailable);

/// <summary>An area's crime outcomes for a year: shares by group, change on last year, maturity and peers.</summary>
public sealed record OutcomeResult
{
    /// <summary>The area.</summary>
    public required ResolvedArea Area { get; init; }

    /// <summary>The financial year asked for.</summary>
    public required FinancialYear Year { get; init; }

    /// <summary>"all crime (anti-social behaviour excluded)" or the crime types' names.</summary>
    public required string CrimeTypesText { get; init; }

    /// <summary>The year's shares; null when none of its months has records (see <see cref="NotAvailable"/>).</summary>
    public OutcomeShares? Current { get; init; }

    /// <summary>Why there are no shares, when <see cref="Current"/> is null.</summary>
    public string? NotAvailable { get; init; }

    /// <summary>The latest street month imported for the area's forces: outcomes are as recorded then.</summary>
    public YearMonth? OutcomesAsOf { get; init; }

    /// <summary>Months after which fewer than <see cref="OutcomeAnalysis.MatureOpenPercent"/>% of the area's crimes are still open; null when never.</summary>
    public int? MatureAgeMonths { get; init; }

    /// <summary>The share still open by month recorded, every month imported (oldest first).</summary>
    public IReadOnlyList<MaturityRow> Maturity { get; init; } = [];

    /// <summary>Time to a first outcome by month recorded, at equal ages (from the outcomes files); empty when none overlap the street months.</summary>
    public IReadOnlyList<TimingRow> Timing { get; init; } = [];

    /// <summary>What <see cref="Timing"/> shows, or why it is empty.</summary>
    public string TimingNote { get; init; } = string.Empty;

    /// <summary>This year against the same months last year; null when not possible (see <see cref="ComparisonNote"/>).</summary>
    public OutcomeComparison? Comparison { get; init; }

    /// <summary>Why there is no comparison, or what it leaves out.</summary>
    public string? ComparisonNote { get; init; }

    /// <summary>Peers over the same months.</summary>
    public IReadOnlyList<PeerOutcome> Peers { get; init; } = [];

    /// <summary>Where the peers come from, or why there are none.</summary>
    public string PeerNote { get; init; } = string.Empty;

    /// <summary>Categories the grouping table does not know, with counts (put in "Other or unrecognised").</summary>
    public IReadOnlyList<(string Category, long Count)> UnknownCategories { get; init; } = [];

    /// <summary>Provenance lines: what is counted, period and coverage, source and date of the outcomes.</summary>
    public IReadOnlyList<string> Provenance { get; init; } = [];

    /// <summary>Plain-English sentences for a board member.</summary>
    public IReadOnlyList<string> Summary { get; init; } = [];
}
