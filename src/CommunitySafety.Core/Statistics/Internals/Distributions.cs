using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace CommunitySafety.Statistics.Internals;

/// <summary>
/// Quantiles and tail probabilities from MathNet.Numerics, polished with Newton steps on the
/// distribution function so that published tables are reproduced to the last digits.
/// </summary>
internal static class Distributions
{
    /// <summary>Standard normal quantile.</summary>
    public static double NormalQuantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>Standard normal upper tail, P(Z &gt; z).</summary>
    public static double NormalUpperTail(double z) => 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));

    /// <summary>Chi-squared quantile with <paramref name="freedom"/> degrees of freedom.</summary>
    public static double ChiSquaredQuantile(double p, double freedom)
    {
        if (p <= 0)
        {
            return 0;
        }

        // Chi-squared(k) = 2 Gamma(k/2, 1); work on the gamma scale.
        var a = freedom / 2;
        double x;
        if (a < 1 && p < 0.5)
        {
            // Small shape, lower tail: P(a, x) ≈ xᵃ/Γ(a + 1) near zero gives a start just below the root.
            var logTarget = Math.Log(p) + SpecialFunctions.GammaLn(a + 1);
            x = Math.Exp(logTarget / a);
            if (x == 0)
            {
                return 0;
            }

            if (x < 0.01 * a)
            {
                // P(a, x) = xᵃ e⁻ˣ Σ xʲ Γ(a+1)/Γ(a+j+1): solve xᵃ = pΓ(a+1)/S(x) by fixed point, which contracts here.
                for (var i = 0; i < 100; i++)
                {
                    double series = 1, term = 1;
                    for (var j = 1; j < 50 && term > 1e-18 * series; j++)
                    {
                        term *= x / (a + j);
                        series += term;
                    }

                    var next = Math.Exp((logTarget - Math.Log(series) + x) / a);
                    var done = Math.Abs(next - x) <= 1e-16 * x;
                    x = next;
                    if (done)
                    {
                        break;
                    }
                }

                return 2 * x;
            }
        }
        else if (a >= 1000)
        {
            // Wilson–Hilferty start; MathNet's inverse is unreliable for large shapes.
            var h = 2 / (9 * freedom);
            var cube = 1 - h + (NormalQuantile(p) * Math.Sqrt(h));
            x = freedom * cube * cube * cube / 2;
        }
        else
        {
            x = SpecialFunctions.GammaLowerRegularizedInv(a, p);
        }

        if (!(x > 0) || double.IsInfinity(x))
        {
            x = Math.Max(a, 1e-300);
        }

        var upper = p > 0.5;
        var target = upper ? 1 - p : p;
        for (var i = 0; i < 50; i++)
        {
            var f = upper
                ? target - SpecialFunctions.GammaUpperRegularized(a, x)
                : SpecialFunctions.GammaLowerRegularized(a, x) - target;
            var logDensity = ((a - 1) * Math.Log(x)) - x - SpecialFunctions.GammaLn(a);
            var step = f / Math.Exp(logDensity);
            if (!double.IsFinite(step))
            {
                break;
            }

            var next = x - step;
            if (next <= 0)
            {
                next = x / 2;
            }

            var converged = Math.Abs(next - x) <= 1e-15 * x;
            x = next;
            if (converged)
            {
                break;
            }
        }

        return 2 * x;
    }

    /// <summary>Chi-squared upper tail P(χ²(k) ≥ x).</summary>
    public static double ChiSquaredUpperTail(double x, double freedom) =>
        x <= 0 ? 1 : SpecialFunctions.GammaUpperRegularized(freedom / 2, x / 2);

    /// <summary>Poisson P(X ≤ k) for <paramref name="mean"/>, summing the shorter tail term by term from an accurate mass.</summary>
    public static double PoissonCdf(long k, double mean)
    {
        if (k < 0)
        {
            return 0;
        }

        if (mean <= 0)
        {
            return 1;
        }

        return k < mean ? PoissonSumDownward(k, mean) : 1 - PoissonSumUpward(k + 1, mean);
    }

    /// <summary>Poisson P(X &gt; k) for <paramref name="mean"/>, computed directly so that small tails keep their precision.</summary>
    public static double PoissonUpperTail(long k, double mean)
    {
        if (k < 0)
        {
            return 1;
        }

        if (mean <= 0)
        {
            return 0;
        }

        return k + 1 > mean ? PoissonSumUpward(k + 1, mean) : 1 - PoissonSumDownward(k, mean);
    }

    /// <summary>
    /// Poisson probability mass P(X = k) by Loader's saddle-point form, e^(−stirlerr(k) − bd0(k, λ))/√(2πk), accurate
    /// for means in the hundreds of millions (Loader C, "Fast and accurate computation of binomial probabilities", 2000).
    /// </summary>
    public static double PoissonPmf(long k, double mean)
    {
        if (k < 0)
        {
            return 0;
        }

        if (mean <= 0)
        {
            return k == 0 ? 1 : 0;
        }

        if (k == 0)
        {
            return Math.Exp(-mean);
        }

        return Math.Exp(-StirlingError(k) - Deviance(k, mean)) / Math.Sqrt(2 * Math.PI * k);
    }

    // Σ_{j ≤ k} P(X = j), k below the mean, by the ratio P(j − 1)/P(j) = j/λ.
    private static double PoissonSumDownward(long k, double mean)
    {
        var term = PoissonPmf(k, mean);
        var sum = term;
        for (var j = k; j > 0 && term > sum * 1e-17; j--)
        {
            term *= j / mean;
            sum += term;
        }

        return sum;
    }

    // Σ_{j ≥ k} P(X = j), k above the mean, by the ratio P(j + 1)/P(j) = λ/(j + 1).
    private static double PoissonSumUpward(long k, double mean)
    {
        var term = PoissonPmf(k, mean);
        var sum = term;
        for (var j = k; term > sum * 1e-17; j++)
        {
            term *= mean / (j + 1);
            sum += term;
        }

        return sum;
    }

    /// <summary>Student's t quantile with <paramref name="freedom"/> degrees of freedom.</summary>
    public static double StudentTQuantile(double p, double freedom)
    {
        var t = StudentT.InvCDF(0, 1, freedom, p);
        for (var i = 0; i < 6; i++)
        {
            var f = StudentT.CDF(0, 1, freedom, t) - p;
            var step = f / StudentT.PDF(0, 1, freedom, t);
            if (!double.IsFinite(step))
            {
                break;
            }

            t -= step;
            if (Math.Abs(step) <= 1e-15 * Math.Abs(t))
            {
                break;
            }
        }

        return t;
    }

    /// <summary>Beta(a, b) quantile.</summary>
    public static double BetaQuantile(double p, double a, double b)
    {
        if (p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        var x = Beta.InvCDF(a, b, p);
        var logNorm = SpecialFunctions.BetaLn(a, b);
        for (var i = 0; i < 8; i++)
        {
            var f = SpecialFunctions.BetaRegularized(a, b, x) - p;
            var logDensity = ((a - 1) * Math.Log(x)) + ((b - 1) * Math.Log(1 - x)) - logNorm;
            var step = f / Math.Exp(logDensity);
            if (!double.IsFinite(step))
            {
                break;
            }

            var next = x - step;
            if (next <= 0 || next >= 1)
            {
                break;
            }

            var converged = Math.Abs(next - x) <= 1e-15 * x;
            x = next;
            if (converged)
            {
                break;
            }
        }

        return x;
    }

    /// <summary>Binomial P(X ≤ k), summing the shorter tail term by term from an accurate mass.</summary>
    public static double BinomialCdf(long k, long n, double p)
    {
        if (k < 0)
        {
            return 0;
        }

        if (k >= n || p <= 0)
        {
            return 1;
        }

        if (p >= 1)
        {
            return 0;
        }

        return k < n * p ? SumDownward(k, n, p) : 1 - SumUpward(k + 1, n, p);
    }

    /// <summary>Binomial P(X &gt; k), computed directly so that small tails keep their precision.</summary>
    public static double BinomialUpperTail(long k, long n, double p)
    {
        if (k < 0)
        {
            return 1;
        }

        if (k >= n || p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        return k + 1 > n * p ? SumUpward(k + 1, n, p) : 1 - SumDownward(k, n, p);
    }

    /// <summary>
    /// Binomial probability mass P(X = k) by Loader's saddle-point expansion, accurate to a few units in the last
    /// place even for n in the hundreds of millions (Loader C, "Fast and accurate computation of binomial
    /// probabilities", 2000).
    /// </summary>
    public static double BinomialPmf(long k, long n, double p)
    {
        if (k < 0 || k > n)
        {
            return 0;
        }

        var q = 1 - p;
        if (p <= 0)
        {
            return k == 0 ? 1 : 0;
        }

        if (q <= 0)
        {
            return k == n ? 1 : 0;
        }

        if (k == 0)
        {
            return Math.Exp(n * LogOnePlus(-p));
        }

        if (k == n)
        {
            return Math.Exp(n * Math.Log(p));
        }

        var lc = StirlingError(n) - StirlingError(k) - StirlingError(n - k) - Deviance(k, n * p) - Deviance(n - k, n * q);
        var lf = Math.Log(2 * Math.PI) + Math.Log(k) + LogOnePlus(-(double)k / n);
        return Math.Exp(lc - (0.5 * lf));
    }

    // Σ_{j ≤ k} P(X = j), k below the mean, by the ratio P(j − 1)/P(j) = j q / ((n − j + 1) p).
    private static double SumDownward(long k, long n, double p)
    {
        var q = 1 - p;
        var term = BinomialPmf(k, n, p);
        var sum = term;
        for (var j = k; j > 0 && term > sum * 1e-17; j--)
        {
            term *= j * q / ((n - j + 1) * p);
            sum += term;
        }

        return sum;
    }

    // Σ_{j ≥ k} P(X = j), k above the mean, by the ratio P(j + 1)/P(j) = (n − j) p / ((j + 1) q).
    private static double SumUpward(long k, long n, double p)
    {
        var q = 1 - p;
        var term = BinomialPmf(k, n, p);
        var sum = term;
        for (var j = k; j < n && term > sum * 1e-17; j++)
        {
            term *= (n - j) * p / ((j + 1) * q);
            sum += term;
        }

        return sum;
    }

    // ln(n!) − ln(√(2πn) (n/e)ⁿ): exact for small n, Stirling's series above 15.
    private static double StirlingError(double n)
    {
        if (n <= 15)
        {
            return SpecialFunctions.GammaLn(n + 1) - ((n + 0.5) * Math.Log(n)) + n - (0.5 * Math.Log(2 * Math.PI));
        }

        var n2 = n * n;
        return ((1.0 / 12) - (((1.0 / 360) - (((1.0 / 1260) - (((1.0 / 1680) - (1.0 / 1188 / n2)) / n2)) / n2)) / n2)) / n;
    }

    // x ln(x/m) + m − x, by a series when x is close to m to avoid cancellation.
    private static double Deviance(double x, double m)
    {
        if (Math.Abs(x - m) < 0.1 * (x + m))
        {
            var v = (x - m) / (x + m);
            var s = (x - m) * v;
            var ej = 2 * x * v;
            var v2 = v * v;
            for (var j = 1; j < 1000; j++)
            {
                ej *= v2;
                var next = s + (ej / ((2 * j) + 1));
                if (next == s)
                {
                    return s;
                }

                s = next;
            }

            return s;
        }

        return (x * Math.Log(x / m)) + m - x;
    }

    /// <summary>ln(1 + x), accurate for small x.</summary>
    public static double LogOnePlus(double x)
    {
        if (Math.Abs(x) > 1e-4)
        {
            return Math.Log(1 + x);
        }

        // Series to x⁵; the next term is below 1e-20 relative.
        return x * (1 - (x * ((1.0 / 2) - (x * ((1.0 / 3) - (x * ((1.0 / 4) - (x / 5))))))));
    }
}
