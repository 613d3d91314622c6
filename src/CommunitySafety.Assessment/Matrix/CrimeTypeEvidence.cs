using CommunitySafety.Crime;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment;

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

    /// <summary>Whether the assessment year has all twelve months.</summary>
    public bool IsCompleteYear => MonthsWithData >= 12;
}
