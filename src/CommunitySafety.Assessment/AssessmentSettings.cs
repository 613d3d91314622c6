using CommunitySafety.Assessment.Harm;
using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Assessment.Sensitivity;
using CommunitySafety.Assessment.Store;
using CommunitySafety.Assessment.Trends;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment;

/// <summary>What is assessed: the year, the baseline and the peer group.</summary>
public sealed record AssessmentRequest
{
    /// <summary>The assessment year, e.g. 2022/23.</summary>
    public required FinancialYear Year { get; init; }

    /// <summary>The baseline year; null for the default (three years earlier, moving back past unreliable or partial years).</summary>
    public FinancialYear? Baseline { get; init; }

    /// <summary>The peer group to benchmark against; null to benchmark against England and Wales only.</summary>
    public PeerGroup? PeerGroup { get; init; }

    /// <summary>A previous assessment's saved result, for the change since then.</summary>
    public AssessmentResult? Previous { get; init; }

    /// <summary>Where the population and the national comparator come from (<see cref="StoreAssessmentSource.Provenance"/>); null when unknown.</summary>
    public DataProvenance? Provenance { get; init; }
}

/// <summary>
/// How the assessment is done: the matrix, the harm weights, the unreliable years, the partnership's scores and the
/// sensitivity settings. Every field is written into the saved result so that it can be reproduced.
/// </summary>
public sealed record AssessmentSettings
{
    /// <summary>The shipped defaults and no partnership scores.</summary>
    public static AssessmentSettings Default { get; } = new();

    /// <summary>The scoring matrix.</summary>
    public MatrixDefinition Matrix { get; init; } = MatrixDefinition.Default;

    /// <summary>The harm weights.</summary>
    public HarmWeights Harm { get; init; } = HarmWeights.Default;

    /// <summary>Years excluded from baselines and trends.</summary>
    public UnreliableYears UnreliableYears { get; init; } = UnreliableYears.Default;

    /// <summary>The partnership's scores for its criteria.</summary>
    public PartnershipScores Partnership { get; init; } = PartnershipScores.None;

    /// <summary>The sensitivity analysis.</summary>
    public SensitivitySettings Sensitivity { get; init; } = SensitivitySettings.Default;

    /// <summary>
    /// Whether the area itself is counted in its peer group's rate. False by default, as in "higher than the average
    /// for other similar areas".
    /// </summary>
    public bool IncludeAreaInPeerRate { get; init; }

    /// <summary>
    /// Whether funnel plot points are produced for every crime type (true) or for all recorded crime only. Each point
    /// needs exact Poisson control limits (about a millisecond each for large counts), so an all-areas run may turn it off.
    /// </summary>
    public bool FunnelForEachCrimeType { get; init; } = true;

    /// <summary>
    /// Whether each funnel has a point for every peer (true, what the single-area report draws) or only the area's own
    /// point. An all-areas run needs only each area's own position (every peer is assessed in its own result), and the
    /// peers' points cost four exact Poisson limits each around that area's peer rate: 305 CSPs × 282 peers × 15 funnels.
    /// The area's own point, its limits and position are the same either way.
    /// </summary>
    public bool FunnelPointForEachPeer { get; init; } = true;

    /// <summary>
    /// The allowance for overdispersion in peer comparisons and funnel positions, applied when the area and its peers
    /// show it (Spiegelhalter 2005). Additive random effects by default: with populations of a few hundred thousand, the
    /// multiplicative allowance would still flag almost every area.
    /// </summary>
    public OverdispersionMethod Overdispersion { get; init; } = OverdispersionMethod.AdditiveRandomEffects;

    /// <summary>Default distance from the assessment year to the baseline, in years.</summary>
    public int DefaultBaselineYearsBack { get; init; } = 3;
}
