using System.Text.Json;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Assessment.Previous;
using CommunitySafety.Assessment.Sensitivity;
using CommunitySafety.Assessment.Trends;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment;

/// <summary>The status of a financial year in the series.</summary>
public enum YearStatus
{
    /// <summary>Twelve months of data, not flagged: used in baselines and trends.</summary>
    Complete,

    /// <summary>Fewer than twelve months of data: shown as partial, never compared.</summary>
    Partial,

    /// <summary>Flagged unreliable (e.g. 2020/21): shown with the reason, left out of baselines and trends.</summary>
    Unreliable,

    /// <summary>No data in the store for the year.</summary>
    NoData,
}

/// <summary>One year of a crime type's series.</summary>
/// <param name="Year">The financial year, e.g. "2022/23".</param>
/// <param name="Status">Complete, partial, unreliable or no data.</param>
/// <param name="Note">Why the year is partial or unreliable.</param>
/// <param name="Count">The count (for a partial year, of the months with data).</param>
/// <param name="MonthsWithData">Months with data.</param>
/// <param name="Population">Population used for the rate.</param>
/// <param name="Rate">Rate per 1,000; null for partial years and without population.</param>
/// <param name="Lower95">Lower 95% limit.</param>
/// <param name="Upper95">Upper 95% limit.</param>
/// <param name="Index">The rate as an index, base year = 100; null when the year has no rate.</param>
/// <param name="NationalRate">England and Wales rate per 1,000.</param>
/// <param name="NationalIndex">England and Wales index, same base year.</param>
public sealed record TrendYear(
    string Year,
    YearStatus Status,
    string? Note,
    long Count,
    int MonthsWithData,
    double? Population,
    double? Rate,
    double? Lower95,
    double? Upper95,
    double? Index,
    double? NationalRate,
    double? NationalIndex);

/// <summary>A crime type's (or all recorded crime's) series, changes and trend marker.</summary>
/// <param name="CrimeType">The crime type, or "All recorded crime".</param>
/// <param name="Years">The series, oldest first.</param>
/// <param name="IndexBaseYear">The year the indices are based on (= 100).</param>
/// <param name="SinceLastYear">Change against the previous year.</param>
/// <param name="SinceBaseline">Change against the baseline year.</param>
/// <param name="TrendMarker">The recent trend (statistics engine, five points, 99.8%).</param>
/// <param name="TrendNote">Which years the trend uses and any left out, or why it cannot be calculated.</param>
/// <param name="TrendYears">The years the trend marker uses, oldest first; empty when it cannot be calculated.</param>
/// <param name="NationalTrendMarker">England and Wales's recent trend.</param>
/// <param name="NationalSinceBaseline">England and Wales's change against the baseline year.</param>
public sealed record CrimeTrend(
    string CrimeType,
    IReadOnlyList<TrendYear> Years,
    string? IndexBaseYear,
    ChangeResult? SinceLastYear,
    ChangeResult? SinceBaseline,
    TrendMarker TrendMarker,
    string TrendNote,
    IReadOnlyList<string> TrendYears,
    TrendMarker NationalTrendMarker,
    ChangeResult? NationalSinceBaseline);

/// <summary>A crime type's rate in the assessment year against its peer group and England and Wales.</summary>
/// <param name="CrimeType">The crime type, or "All recorded crime".</param>
/// <param name="Count">The area's count.</param>
/// <param name="Population">The area's population.</param>
/// <param name="Rate">The area's rate per 1,000.</param>
/// <param name="Lower95">Lower 95% limit.</param>
/// <param name="Upper95">Upper 95% limit.</param>
/// <param name="PeerCount">ΣCount over the peers used.</param>
/// <param name="PeerPopulation">ΣPopulation over the peers used.</param>
/// <param name="PeerRate">The peer group rate per 1,000 = ΣCount / ΣPopulation × 1,000.</param>
/// <param name="VsPeers">The area's rate against the peer group rate (95%; low is good).</param>
/// <param name="NationalRate">England and Wales's rate per 1,000.</param>
/// <param name="VsNational">The area's rate against England and Wales (95%; low is good).</param>
/// <param name="RankInGroup">The area's rank among itself and its peers, 1 = lowest rate.</param>
/// <param name="GroupSize">How many areas were ranked.</param>
/// <param name="FunnelPosition">Where the area lies on the funnel plot around the peer group rate.</param>
/// <param name="NotComparedReason">Why the area was not compared (partial year, no population); null when it was.</param>
public sealed record BenchmarkRow(
    string CrimeType,
    long Count,
    double? Population,
    double? Rate,
    double? Lower95,
    double? Upper95,
    long PeerCount,
    double PeerPopulation,
    double? PeerRate,
    ComparisonOutcome VsPeers,
    double? NationalRate,
    ComparisonOutcome VsNational,
    int? RankInGroup,
    int GroupSize,
    FunnelPosition FunnelPosition,
    string? NotComparedReason)
{
    /// <summary>How the area was compared with its peers, naming the overdispersion allowance and its φ and τ² (null without peers).</summary>
    public string? PeerComparisonMethod { get; init; }

    /// <summary>The allowance applied to <see cref="BenchmarkRow.VsPeers"/> and <see cref="BenchmarkRow.FunnelPosition"/>: none when none was found.</summary>
    public OverdispersionMethod OverdispersionApplied { get; init; }

    /// <summary>φ̂, the overdispersion factor of the area and its peers around the peer rate (Spiegelhalter 2005); null when not estimated.</summary>
    public double? OverdispersionPhi { get; init; }

    /// <summary>τ̂², the between-area variance on the square-root scale; null when not estimated.</summary>
    public double? OverdispersionTau2 { get; init; }

    /// <summary>The p-value of the χ² test for overdispersion; null when not estimated.</summary>
    public double? OverdispersionPValue { get; init; }

    /// <summary>The comparison with the peer rate without any allowance (the area's 95% confidence interval).</summary>
    public ComparisonOutcome VsPeersUnadjusted { get; init; }

    /// <summary>The funnel position against the exact limits, without any allowance.</summary>
    public FunnelPosition FunnelPositionUnadjusted { get; init; }
}

/// <summary>One area's point on a crime type's funnel plot around the peer group rate.</summary>
/// <param name="CrimeType">The crime type, or "All recorded crime".</param>
/// <param name="AreaCode">The area's code.</param>
/// <param name="AreaName">The area's name.</param>
/// <param name="IsAssessedArea">Whether this is the area being assessed.</param>
/// <param name="Population">The population (the funnel's x).</param>
/// <param name="Count">The count.</param>
/// <param name="Rate">The rate per 1,000 (the funnel's y).</param>
/// <param name="Lower95">Lower 95% control limit at this population.</param>
/// <param name="Upper95">Upper 95% control limit.</param>
/// <param name="Lower998">Lower 99.8% control limit.</param>
/// <param name="Upper998">Upper 99.8% control limit.</param>
/// <param name="Position">Where the point lies.</param>
public sealed record FunnelPoint(
    string CrimeType,
    string AreaCode,
    string AreaName,
    bool IsAssessedArea,
    double Population,
    long Count,
    double Rate,
    double Lower95,
    double Upper95,
    double Lower998,
    double Upper998,
    FunnelPosition Position)
{
    /// <summary>Lower 95% exact limit with no allowance for overdispersion.</summary>
    public double UnadjustedLower95 { get; init; }

    /// <summary>Upper 95% exact limit with no allowance.</summary>
    public double UnadjustedUpper95 { get; init; }

    /// <summary>Lower 99.8% exact limit with no allowance.</summary>
    public double UnadjustedLower998 { get; init; }

    /// <summary>Upper 99.8% exact limit with no allowance.</summary>
    public double UnadjustedUpper998 { get; init; }

    /// <summary>The position against the exact limits.</summary>
    public FunnelPosition UnadjustedPosition { get; init; }
}

/// <summary>A member of the peer group and whether it was used.</summary>
/// <param name="Code">The peer's code.</param>
/// <param name="Name">The peer's name; the code when unknown.</param>
/// <param name="Distance">Standardised distance, for nearest neighbours.</param>
/// <param name="Included">Whether its data were used.</param>
/// <param name="ExcludedReason">Why not (no data, partial year, no population).</param>
public sealed record PeerMember(string Code, string Name, double? Distance, bool Included, string? ExcludedReason);

/// <summary>The peer group used.</summary>
/// <param name="Method">How the group was chosen.</param>
/// <param name="IncludesAssessedArea">Whether the group rate counts the area itself.</param>
/// <param name="Members">The peers.</param>
public sealed record PeerGroupSummary(string Method, bool IncludesAssessedArea, IReadOnlyList<PeerMember> Members)
{
    /// <summary>Where the group comes from: the published table (e.g. ONS nearest neighbours) or the partnership's file.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Why the area is not compared with similar areas (no group, or no peer with data); null when it is.</summary>
    public string? NotComparedReason { get; init; }

    /// <summary>Which peers lack crime data in the store and which police.uk files would load them; null when none.</summary>
    public string? MissingData { get; init; }

    /// <summary>Whether the area was compared with at least one peer.</summary>
    public bool IsCompared => NotComparedReason is null;
}

/// <summary>Harm-weighted figures for one crime type.</summary>
/// <param name="CrimeType">The crime type.</param>
/// <param name="Count">The count.</param>
/// <param name="Weight">Its harm weight; null when the file has none.</param>
/// <param name="Harm">Count × weight.</param>
/// <param name="HarmSharePercent">Its share of the total harm, percent.</param>
/// <param name="CountSharePercent">Its share of recorded crime (count), percent, for comparison.</param>
/// <param name="HarmRatePer1000">Harm per 1,000 residents.</param>
/// <param name="PeerHarmRatePer1000">The peer group's harm per 1,000 (ΣHarm / ΣPopulation).</param>
/// <param name="NationalHarmRatePer1000">England and Wales's harm per 1,000.</param>
public sealed record HarmRow(
    string CrimeType,
    long Count,
    double? Weight,
    double Harm,
    double? HarmSharePercent,
    double? CountSharePercent,
    double? HarmRatePer1000,
    double? PeerHarmRatePer1000,
    double? NationalHarmRatePer1000);

/// <summary>Harm-weighted totals and rates for the assessment year.</summary>
/// <param name="Rows">One row per crime type, most harm first.</param>
/// <param name="TotalHarm">Σ count × weight.</param>
/// <param name="HarmRatePer1000">Total harm per 1,000 residents.</param>
/// <param name="PeerHarmRatePer1000">The peer group's.</param>
/// <param name="NationalHarmRatePer1000">England and Wales's.</param>
/// <param name="BaselineTotalHarm">Total harm in the baseline year (complete, reliable years only).</param>
/// <param name="ChangeSinceBaselinePercent">Percentage change of total harm since the baseline (no significance test: see the methodology).</param>
public sealed record HarmResult(
    IReadOnlyList<HarmRow> Rows,
    double TotalHarm,
    double? HarmRatePer1000,
    double? PeerHarmRatePer1000,
    double? NationalHarmRatePer1000,
    double? BaselineTotalHarm,
    double? ChangeSinceBaselinePercent)
{
    /// <summary>Where the harm weights come from.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>The caveat on harm by category (one average weight per category), shown wherever harm is used.</summary>
    public string Caveat { get; init; } = string.Empty;
}

/// <summary>A plain-English finding and the rule that produced it.</summary>
/// <param name="Rule">The rule's id, e.g. "rate-vs-peers".</param>
/// <param name="Text">The sentence.</param>
public sealed record KeyMessage(string Rule, string Text);

/// <summary>The area assessed.</summary>
/// <param name="Code">ONS code.</param>
/// <param name="Name">Name.</param>
/// <param name="Type">What kind of area.</param>
public sealed record AssessedArea(string Code, string Name, string Type);

/// <summary>A harm weight as written into the methodology.</summary>
/// <param name="CrimeType">The crime type.</param>
/// <param name="Weight">The weight.</param>
/// <param name="Basis">Its basis.</param>
public sealed record HarmWeightEntry(string CrimeType, double Weight, string Basis);

/// <summary>A partnership score as written into the methodology.</summary>
/// <param name="CrimeType">The crime type.</param>
/// <param name="CriterionId">The criterion.</param>
/// <param name="Score">The score.</param>
/// <param name="Evidence">Its evidence.</param>
public sealed record PartnershipScoreEntry(string CrimeType, string CriterionId, int Score, string Evidence);

/// <summary>An unreliable year as written into the methodology.</summary>
/// <param name="Year">The year.</param>
/// <param name="Reason">The reason.</param>
public sealed record UnreliableYearEntry(string Year, string Reason);

/// <summary>
/// Everything needed to reproduce the assessment: the matrix, the harm weights and their source, the unreliable
/// years, the partnership's scores, the sensitivity settings, the peer group method and the statistical methods.
/// </summary>
public sealed record Methodology(
    MatrixDefinition Matrix,
    string HarmWeightsSource,
    string HarmWeightsNotes,
    IReadOnlyList<HarmWeightEntry> HarmWeights,
    string UnreliableYearsSource,
    IReadOnlyList<UnreliableYearEntry> UnreliableYears,
    string PartnershipScoresSource,
    IReadOnlyList<PartnershipScoreEntry> PartnershipScores,
    SensitivitySettings Sensitivity,
    bool IncludeAreaInPeerRate,
    string PeerGroupMethod,
    IReadOnlyList<string> Statistics);

/// <summary>
/// The saved result of a strategic assessment: the figures, the matrix, its sensitivity, the change since the
/// previous assessment, the key messages and the methodology. Written as JSON by <see cref="Save"/> for reports,
/// the web app and next year's comparison.
/// </summary>
public sealed record AssessmentResult
{
    /// <summary>The version of this shape; readers check it.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The shape's version.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>When the assessment was produced.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The area.</summary>
    public required AssessedArea Area { get; init; }

    /// <summary>The assessment year, e.g. "2022/23".</summary>
    public required string Year { get; init; }

    /// <summary>Status of the assessment year in the area.</summary>
    public required YearStatus YearStatus { get; init; }

    /// <summary>The baseline year used, or null when none was usable.</summary>
    public string? Baseline { get; init; }

    /// <summary>The peer group.</summary>
    public required PeerGroupSummary PeerGroup { get; init; }

    /// <summary>All recorded crime first, then each crime type.</summary>
    public required IReadOnlyList<CrimeTrend> Trends { get; init; }

    /// <summary>All recorded crime first, then each crime type.</summary>
    public required IReadOnlyList<BenchmarkRow> Benchmarks { get; init; }

    /// <summary>Funnel plot points for each crime type and all recorded crime.</summary>
    public required IReadOnlyList<FunnelPoint> Funnel { get; init; }

    /// <summary>Harm-weighted totals and rates.</summary>
    public required HarmResult Harm { get; init; }

    /// <summary>The scored matrix.</summary>
    public required MatrixResult Matrix { get; init; }

    /// <summary>The sensitivity of the ranking to the weights.</summary>
    public required SensitivityResult Sensitivity { get; init; }

    /// <summary>The change since the previous assessment, when one was given.</summary>
    public ChangeSincePreviousResult? ChangeSincePrevious { get; init; }

    /// <summary>The key messages.</summary>
    public required IReadOnlyList<KeyMessage> KeyMessages { get; init; }

    /// <summary>Notes and caveats about the data.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Where the population and the national comparator come from; null when the caller did not say.</summary>
    public DataProvenance? Provenance { get; init; }

    /// <summary>How the assessment was done.</summary>
    public required Methodology Methodology { get; init; }

    /// <summary>The result as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, AssessmentJson.Options);

    /// <summary>Writes the result as JSON to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllText(path, ToJson() + "\n");

    /// <summary>Reads a saved result.</summary>
    /// <exception cref="AssessmentConfigurationException">Not a saved assessment, or a newer schema version.</exception>
    public static AssessmentResult Load(string path) => FromJson(File.ReadAllText(path), path);

    /// <summary>Parses a saved result.</summary>
    /// <exception cref="AssessmentConfigurationException">Not a saved assessment, or a newer schema version.</exception>
    public static AssessmentResult FromJson(string json, string source)
    {
        AssessmentResult? result;
        try
        {
            result = JsonSerializer.Deserialize<AssessmentResult>(json, AssessmentJson.Options);
        }
        catch (JsonException e)
        {
            throw new AssessmentConfigurationException(source, $"not a saved assessment: {e.Message}", e);
        }

        if (result is null)
        {
            throw new AssessmentConfigurationException(source, "the file is empty.");
        }

        if (result.SchemaVersion > CurrentSchemaVersion)
        {
            throw new AssessmentConfigurationException(source, $"saved by a newer version (schema {result.SchemaVersion}; this one reads up to {CurrentSchemaVersion}).");
        }

        return result;
    }
}
