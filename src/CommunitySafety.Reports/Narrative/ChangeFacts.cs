using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Narrative;

/// <summary>
/// What the narrative rules need to describe one change: the two values and counts, and the statistics engine's test
/// result. Built from an indicator judgement or a strategic assessment change; never judged here.
/// </summary>
public sealed record ChangeFacts
{
    /// <summary>What is measured, as it starts a sentence: "Referrals to the ISVA service".</summary>
    public required string Subject { get; init; }

    /// <summary>The period described: "2022/23".</summary>
    public required string Period { get; init; }

    /// <summary>The earlier period compared with; null when there is none (first year of data).</summary>
    public string? EarlierPeriod { get; init; }

    /// <summary>The value for the period; null when missing.</summary>
    public double? Value { get; init; }

    /// <summary>The earlier value; null when missing.</summary>
    public double? EarlierValue { get; init; }

    /// <summary>The count behind the value (for rates and proportions: the numerator).</summary>
    public double? Count { get; init; }

    /// <summary>The earlier count.</summary>
    public double? EarlierCount { get; init; }

    /// <summary>The denominator (for proportions: "284 of 650").</summary>
    public double? Denominator { get; init; }

    /// <summary>The earlier denominator.</summary>
    public double? EarlierDenominator { get; init; }

    /// <summary>How values are written.</summary>
    public ValueFormat Format { get; init; } = ValueFormat.Count;

    /// <summary>True when the value is itself a count (so the count is not repeated).</summary>
    public bool ValueIsCount { get; init; } = true;

    /// <summary>The engine's significance direction; <see cref="Direction.NotCompared"/> when untested.</summary>
    public Direction Direction { get; init; }

    /// <summary>The engine's outcome after polarity (Better, Worse, …).</summary>
    public ComparisonOutcome Outcome { get; init; }

    /// <summary>The test's p-value, when tested.</summary>
    public double? PValue { get; init; }

    /// <summary>True when the counts are small (below the engine's small-numbers threshold).</summary>
    public bool SmallNumbers { get; init; }

    /// <summary>True when the count is withheld by disclosure control.</summary>
    public bool Suppressed { get; init; }

    /// <summary>The disclosure threshold, for the suppressed sentence ("fewer than 5").</summary>
    public int SuppressionThreshold { get; init; } = 5;

    /// <summary>Why the value is missing, if it is.</summary>
    public string? MissingReason { get; init; }

    /// <summary>Why the two periods must not be compared at all (e.g. a partial year), if so.</summary>
    public string? NotComparableReason { get; init; }

    /// <summary>True when the period is the first with data (no earlier period exists at all).</summary>
    public bool IsFirstYear { get; init; }

    /// <summary>
    /// The latest point's variation against the indicator's usual range (SPC), when a chart of it is shown: the
    /// headline then says it too, so that the title and the chart's marks never disagree.
    /// </summary>
    public VariationStatus LatestVariation { get; init; } = VariationStatus.InsufficientData;
}
