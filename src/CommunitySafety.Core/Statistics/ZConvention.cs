namespace CommunitySafety.Statistics;

/// <summary>
/// Which normal quantile z is used for 95% and 99.8% limits. Published Fingertips figures were produced
/// with each, so a user can reproduce a published table exactly.
/// </summary>
public enum ZConvention
{
    /// <summary>The exact normal quantile: 1.959963984540054 (95%) and 3.090232306167813 (99.8%).</summary>
    ExactQuantile = 0,

    /// <summary>The rounded values of older PHE spreadsheet tools: 1.96 (95%) and 3.0902 (99.8%).</summary>
    Rounded = 1,
}

/// <summary>The z values of each <see cref="ZConvention"/>.</summary>
public static class ZValues
{
    /// <summary>The exact two-sided 95% normal quantile, Φ⁻¹(0.975).</summary>
    public const double Exact95 = 1.959963984540054;

    /// <summary>The exact two-sided 99.8% normal quantile, Φ⁻¹(0.999).</summary>
    public const double Exact998 = 3.090232306167813;

    /// <summary>z for a two-sided 95% interval under <paramref name="convention"/>.</summary>
    /// <param name="convention">The convention.</param>
    /// <returns>1.959963984540054 or 1.96.</returns>
    public static double For95(ZConvention convention) => convention == ZConvention.Rounded ? 1.96 : Exact95;

    /// <summary>z for a two-sided 99.8% interval under <paramref name="convention"/>.</summary>
    /// <param name="convention">The convention.</param>
    /// <returns>3.090232306167813 or 3.0902.</returns>
    public static double For998(ZConvention convention) => convention == ZConvention.Rounded ? 3.0902 : Exact998;
}

/// <summary>
/// The normal quantiles of the 95% and 99.8% limits as numbers, for published figures made with another z (e.g.
/// 3.090232 for 99.8%); the limits' coverage follows from z, 1 − 2Φ(−z).
/// </summary>
/// <param name="Z95">z of the inner ("95%") limits, &gt; 0.</param>
/// <param name="Z998">z of the outer ("99.8%") limits, &gt; 0.</param>
public readonly record struct ZQuantiles(double Z95, double Z998)
{
    /// <summary>The exact quantiles, 1.959963984540054 and 3.090232306167813.</summary>
    public static ZQuantiles Exact { get; } = new(ZValues.Exact95, ZValues.Exact998);

    /// <summary>The quantiles of <paramref name="convention"/>.</summary>
    /// <param name="convention">The convention.</param>
    /// <returns>The two z values.</returns>
    public static ZQuantiles For(ZConvention convention) => new(ZValues.For95(convention), ZValues.For998(convention));

    /// <summary>The two-sided coverage of the inner limits, 1 − 2Φ(−z₉₅).</summary>
    public double Coverage95 => 1 - (2 * Internals.Distributions.NormalUpperTail(Z95));

    /// <summary>The two-sided coverage of the outer limits, 1 − 2Φ(−z₉₉.₈).</summary>
    public double Coverage998 => 1 - (2 * Internals.Distributions.NormalUpperTail(Z998));
}
