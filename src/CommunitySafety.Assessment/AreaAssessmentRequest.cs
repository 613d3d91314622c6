using CommunitySafety.Assessment.Peers;
using CommunitySafety.Assessment.Store;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment;

/// <summary>The strategic assessment of one area from the analytical store: which area and year, against whom, and how.</summary>
public sealed record AreaAssessmentRequest
{
    /// <summary>The area by name or ONS code: a local authority, CSP or police force area (Luton, E06000032).</summary>
    public required string Area { get; init; }

    /// <summary>The assessment year.</summary>
    public required FinancialYear Year { get; init; }

    /// <summary>The baseline year; null for three years before, moving back past unreliable or partial years.</summary>
    public FinancialYear? Baseline { get; init; }

    /// <summary>A previous assessment, to report the change in the ranking since then.</summary>
    public AssessmentResult? Previous { get; init; }

    /// <summary>
    /// The peer group of the resolved area (given the store source, for groups made from the store's areas); null for the
    /// default, the area's nearest ONS statistical neighbours (<see cref="DefaultPeers"/>).
    /// </summary>
    public Func<ResolvedArea, StoreAssessmentSource, PeerGroup>? Peers { get; init; }

    /// <summary>Matrix, harm weights, unreliable years, sensitivity, overdispersion.</summary>
    public AssessmentSettings Settings { get; init; } = AssessmentSettings.Default;

    /// <summary>When the assessment is made (stamped on the result).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }
}

/// <summary>The strategic assessment of one area from the store, with what it was made of.</summary>
/// <param name="Area">The area as resolved in the store.</param>
/// <param name="Peers">The peer group it was compared with.</param>
/// <param name="Assessment">The assessment.</param>
/// <param name="MonthsWithData">How many of the year's 12 months the store has for the area.</param>
public sealed record AreaAssessmentResult(ResolvedArea Area, PeerGroup Peers, AssessmentResult Assessment, int MonthsWithData)
{
    /// <summary>True when the year has fewer than 12 months of data.</summary>
    public bool IsPartial => MonthsWithData < 12;
}
