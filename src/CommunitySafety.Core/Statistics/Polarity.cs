namespace CommunitySafety.Statistics;

/// <summary>
/// Whether a high or a low value of an indicator is good (Fingertips' "polarity").
/// </summary>
/// <remarks>
/// Polarity is turned into a judgement in exactly one place, <see cref="PolarityRules"/>; every method
/// that says "better" or "worse" goes through it.
/// </remarks>
public enum Polarity
{
    /// <summary>Neither direction is good or bad: results say Lower / Similar / Higher.</summary>
    NoJudgement = 0,

    /// <summary>A low value is good (e.g. crime rates).</summary>
    LowIsGood = 1,

    /// <summary>A high value is good (e.g. the proportion of victims who are satisfied).</summary>
    HighIsGood = 2,
}
