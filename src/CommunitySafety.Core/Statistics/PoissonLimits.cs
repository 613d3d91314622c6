using CommunitySafety.Statistics.Internals;

namespace CommunitySafety.Statistics;

/// <summary>How the confidence limits of a Poisson count are found.</summary>
public enum PoissonMethod
{
    /// <summary>Byar's approximation for counts of 10 or more, exact below 10 (PHEindicatormethods' <c>phe_rate</c>).</summary>
    Auto = 0,

    /// <summary>Byar's approximation for every count.</summary>
    Byars = 1,

    /// <summary>Exact (chi-squared) limits for every count.</summary>
    Exact = 2,
}

/// <summary>
/// Confidence limits for an observed Poisson count O, on the count scale (divide by the denominator to get a rate).
/// </summary>
/// <remarks>
/// <para>Byar's method (Breslow &amp; Day 1987, Statistical Methods in Cancer Research vol. II, p. 69; PHE
/// "Technical Guide: Confidence Intervals", 2018):
/// lower = O(1 − 1/(9O) − z/(3√O))³, upper = (O+1)(1 − 1/(9(O+1)) + z/(3√(O+1)))³.</para>
/// <para>Exact limits (Ulm 1990; the same Technical Guide): lower = χ²(α/2; 2O)/2, upper = χ²(1 − α/2; 2O+2)/2.</para>
/// <para>Worked number: O = 10 at 95% with exact z: Byar's lower 4.787450, upper 18.391459 (exact: 4.795389 to 18.390356).</para>
/// </remarks>
public static class PoissonLimits
{
    /// <summary>Counts below this use the exact method under <see cref="PoissonMethod.Auto"/>.</summary>
    public const int ByarsThreshold = 10;

    private const int CacheSize = 1024;
    private static readonly double[] ExactCache = CreateCache();

    /// <summary>Byar's lower limit of <paramref name="count"/> for normal quantile <paramref name="z"/>.</summary>
    /// <param name="count">Observed count, ≥ 0.</param>
    /// <param name="z">Two-sided normal quantile, e.g. 1.959963984540054.</param>
    /// <returns>
    /// The lower limit; 0 when the count is 0, and floored at 0 where the cube goes below it (count 1 at 99.8%:
    /// 1 − 1/9 − 3.090232/3 &lt; 0). A count's limit cannot be negative; 0 is kept rather than "not available"
    /// (PHEindicatormethods' choice) so that the interval is still shown and compared.
    /// </returns>
    public static double ByarsLower(double count, double z)
    {
        if (count <= 0)
        {
            return 0;
        }

        var term = 1 - (1 / (9 * count)) - (z / (3 * Math.Sqrt(count)));
        return term <= 0 ? 0 : count * term * term * term;
    }

    /// <summary>Byar's upper limit of <paramref name="count"/> for normal quantile <paramref name="z"/>.</summary>
    /// <param name="count">Observed count, ≥ 0.</param>
    /// <param name="z">Two-sided normal quantile.</param>
    /// <returns>The upper limit.</returns>
    public static double ByarsUpper(double count, double z)
    {
        var o = count + 1;
        var term = 1 - (1 / (9 * o)) + (z / (3 * Math.Sqrt(o)));
        return o * term * term * term;
    }

    /// <summary>Exact lower limit χ²(α/2; 2O)/2 at two-sided <paramref name="confidence"/> (e.g. 0.95).</summary>
    /// <param name="count">Observed count, ≥ 0.</param>
    /// <param name="confidence">Confidence level between 0 and 1.</param>
    /// <returns>The lower limit; 0 when the count is 0.</returns>
    public static double ExactLower(double count, double confidence)
    {
        if (count <= 0)
        {
            return 0;
        }

        return Distributions.ChiSquaredQuantile((1 - confidence) / 2, 2 * count) / 2;
    }

    /// <summary>Exact upper limit χ²(1 − α/2; 2O+2)/2 at two-sided <paramref name="confidence"/>.</summary>
    /// <param name="count">Observed count, ≥ 0.</param>
    /// <param name="confidence">Confidence level between 0 and 1.</param>
    /// <returns>The upper limit.</returns>
    public static double ExactUpper(double count, double confidence) =>
        Distributions.ChiSquaredQuantile(1 - ((1 - confidence) / 2), (2 * count) + 2) / 2;

    /// <summary>The method actually used for <paramref name="count"/> under <paramref name="method"/>.</summary>
    /// <param name="count">Observed count (a modelled or standardised count need not be whole).</param>
    /// <param name="method">Requested method.</param>
    /// <returns><see cref="PoissonMethod.Byars"/> or <see cref="PoissonMethod.Exact"/>.</returns>
    public static PoissonMethod Resolve(double count, PoissonMethod method) => method switch
    {
        PoissonMethod.Auto => count < ByarsThreshold ? PoissonMethod.Exact : PoissonMethod.Byars,
        _ => method,
    };

    /// <summary>
    /// Lower and upper limits of <paramref name="count"/> at 95% and 99.8% (count scale). Exact limits of
    /// counts below 1,024 are computed once and kept, so this is cheap in a loop.
    /// </summary>
    /// <param name="count">Observed count, ≥ 0.</param>
    /// <param name="method">How the limits are found.</param>
    /// <param name="zConvention">Which z Byar's method uses.</param>
    /// <returns>The four limits.</returns>
    public static (double Lower95, double Upper95, double Lower998, double Upper998) Limits(
        long count, PoissonMethod method = PoissonMethod.Auto, ZConvention zConvention = ZConvention.ExactQuantile)
    {
        if (count < 0)
        {
            StatisticsThrow.NegativeCount(nameof(count), count);
        }

        if (Resolve(count, method) == PoissonMethod.Byars)
        {
            var z95 = ZValues.For95(zConvention);
            var z998 = ZValues.For998(zConvention);
            return (ByarsLower(count, z95), ByarsUpper(count, z95), ByarsLower(count, z998), ByarsUpper(count, z998));
        }

        if (count < CacheSize)
        {
            var i = (int)count * 4;
            if (double.IsNaN(ExactCache[i + 3]))
            {
                FillCache((int)count);
            }

            return (ExactCache[i], ExactCache[i + 1], ExactCache[i + 2], ExactCache[i + 3]);
        }

        return (ExactLower(count, 0.95), ExactUpper(count, 0.95), ExactLower(count, 0.998), ExactUpper(count, 0.998));
    }

    private static double[] CreateCache()
    {
        var cache = new double[CacheSize * 4];
        Array.Fill(cache, double.NaN);
        return cache;
    }

    // Filled on first use; concurrent fills write the same numbers, and the upper 99.8% limit is written last.
    private static void FillCache(int count)
    {
        var i = count * 4;
        ExactCache[i] = ExactLower(count, 0.95);
        ExactCache[i + 1] = ExactUpper(count, 0.95);
        ExactCache[i + 2] = ExactLower(count, 0.998);
        Volatile.Write(ref ExactCache[i + 3], ExactUpper(count, 0.998));
    }
}
