namespace CommunitySafety.Statistics;

/// <summary>Fingertips' recent trend markers.</summary>
public enum TrendMarker
{
    /// <summary>Fewer than five consecutive points, a missing value or interval, or no variation to test.</summary>
    CannotBeCalculated = 0,

    /// <summary>No statistically significant trend.</summary>
    NoSignificantChange = 1,

    /// <summary>Significantly increasing, for an indicator with no polarity.</summary>
    Increasing = 2,

    /// <summary>Significantly decreasing, for an indicator with no polarity.</summary>
    Decreasing = 3,

    /// <summary>Significantly increasing where high is good.</summary>
    IncreasingAndGettingBetter = 4,

    /// <summary>Significantly increasing where low is good.</summary>
    IncreasingAndGettingWorse = 5,

    /// <summary>Significantly decreasing where low is good.</summary>
    DecreasingAndGettingBetter = 6,

    /// <summary>Significantly decreasing where high is good.</summary>
    DecreasingAndGettingWorse = 7,
}

/// <summary>Display text for <see cref="TrendMarker"/>.</summary>
public static class TrendMarkerExtensions
{
    /// <summary>The label used by Fingertips, e.g. "Increasing and getting worse".</summary>
    /// <param name="marker">The marker.</param>
    /// <returns>The label.</returns>
    public static string ToLabel(this TrendMarker marker) => marker switch
    {
        TrendMarker.NoSignificantChange => "No significant change",
        TrendMarker.Increasing => "Increasing",
        TrendMarker.Decreasing => "Decreasing",
        TrendMarker.IncreasingAndGettingBetter => "Increasing and getting better",
        TrendMarker.IncreasingAndGettingWorse => "Increasing and getting worse",
        TrendMarker.DecreasingAndGettingBetter => "Decreasing and getting better",
        TrendMarker.DecreasingAndGettingWorse => "Decreasing and getting worse",
        _ => "Cannot be calculated",
    };
}
