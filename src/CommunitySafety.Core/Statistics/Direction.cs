namespace CommunitySafety.Statistics;

/// <summary>
/// The statistical direction of a difference, before polarity is applied.
/// </summary>
public enum Direction
{
    /// <summary>No comparison was possible because data are missing.</summary>
    NotCompared = 0,

    /// <summary>Significantly lower than the comparator.</summary>
    Lower = 1,

    /// <summary>Not significantly different from the comparator.</summary>
    Similar = 2,

    /// <summary>Significantly higher than the comparator.</summary>
    Higher = 3,
}
