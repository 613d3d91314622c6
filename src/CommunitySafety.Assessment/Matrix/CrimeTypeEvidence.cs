using CommunitySafety.Assessment.Harm;
using CommunitySafety.Assessment.Trends;
using CommunitySafety.Crime;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Matrix;

/// <summary>
/// Everything the matrix scores one crime type on: its volume, its change, its rate against the benchmarks, its harm
/// weight, and whether the assessment year is complete.
/// </summary>
public sealed record CrimeTypeEvidence
{
    /// <summary>The crime type.</summary>
    public required CrimeType CrimeType { get; init; }

    /// <summary>Count in the assessment year.</summary>
    public long Count { get; init; }

    /// <summary>Rate per 1,000 with its 95% and 99.8% limits, from <see cref="CrudeRate"/>; null without a population.</summary>
    public RateResult? Rate { get; init; }

    /// <summary>Percentage of all police.uk records (crime and anti-social behaviour) in the area.</summary>
    public double? SharePercent { get; init; }

    /// <summary>Months of data in the assessment year (12 = complete).</summary>
    public int MonthsWithData { get; init; } = 12;

    /// <summary>The change against the baseline year.</summary>
    public ChangeResult? SinceBaseline { get; init; }

    /// <summary>The change against the previous year.</summary>
    public ChangeResult? SinceLastYear { get; init; }

    /// <summary>The peer group rate per 1,000 (ΣCount / ΣPopulation); null when there is no group.</summary>
    public double? PeerGroupRate { get; init; }

    /// <summary>The England and Wales rate per 1,000; null when not available.</summary>
    public double? NationalRate { get; init; }

    /// <summary>The crime type's harm weight; null when the harm file has none.</summary>
    public HarmWeight? Harm { get; init; }

    /// <summary>The population of the assessment year's rate (so that a redrawn count gives a redrawn rate); null when unknown.</summary>
    public double? Population { get; init; }

    /// <summary>The latest complete 12 months against the 12 before (the rolling trend); null when the area has no such periods.</summary>
    public RateContrast? Rolling { get; init; }

    /// <summary>The populations the rolling periods' rates use, e.g. "ONS mid-2024 estimate for E06000032 (mid-2024) and …"; null when unknown.</summary>
    public string? RollingSource { get; init; }

    /// <summary>Why there is no rolling trend, e.g. "only 16 consecutive months of data"; null when there is.</summary>
    public string? RollingNote { get; init; }

    /// <summary>The rate in the area's least deprived LSOAs (earlier) against its most deprived (later); null when there is no deprivation evidence.</summary>
    public RateContrast? Deprivation { get; init; }

    /// <summary>Where the deprivation evidence comes from (index, populations, months, deciles grouped); null when there is none.</summary>
    public string? DeprivationSource { get; init; }

    /// <summary>Why there is no deprivation evidence, e.g. "no Index of Multiple Deprivation in the store"; null when there is.</summary>
    public string? DeprivationNote { get; init; }

    /// <summary>Whether the assessment year has all twelve months.</summary>
    public bool IsCompleteYear => MonthsWithData >= 12;
}

/// <summary>
/// Two counts over populations compared by the statistics engine's exact test of two Poisson rates: two periods (the
/// rolling trend) or two groups of LSOAs (least deprived against most deprived).
/// </summary>
/// <param name="EarlierLabel">The first (comparison) group, e.g. "Jan 2024–Dec 2024" or "deciles 9–10".</param>
/// <param name="EarlierCount">Its count.</param>
/// <param name="EarlierPopulation">Its population, &gt; 0.</param>
/// <param name="LaterLabel">The second group, e.g. "Jan 2025–Dec 2025" or "deciles 1–2".</param>
/// <param name="LaterCount">Its count.</param>
/// <param name="LaterPopulation">Its population, &gt; 0.</param>
public sealed record RateContrast(string EarlierLabel, long EarlierCount, double EarlierPopulation, string LaterLabel, long LaterCount, double LaterPopulation)
{
    /// <summary>The second group's rate against the first's (<see cref="ChangeResult.Compare"/>: exact conditional test, 95%).</summary>
    public ChangeResult Compare() => ChangeResult.Compare(EarlierLabel, LaterLabel, EarlierCount, EarlierPopulation, LaterCount, LaterPopulation);

    /// <summary>The same comparison with other counts (a redraw in the sensitivity analysis).</summary>
    public RateContrast WithCounts(long earlierCount, long laterCount) => this with { EarlierCount = earlierCount, LaterCount = laterCount };
}
