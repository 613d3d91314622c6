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
