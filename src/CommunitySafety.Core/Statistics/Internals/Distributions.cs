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
        var x = SpecialFunctions.GammaLowerRegularizedInv(a, p);
        if (!(x > 0) || double.IsInfinity(x))
        {
            x = Math.Max(a, 1e-300);
        }

        var upper = p > 0.5;
        var target = upper ? 1 - p : p;
        for (var i = 0; i < 8; i++)
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

    /// <summary>Binomial P(X ≤ k).</summary>
    public static double BinomialCdf(long k, long n, double p)
    {
        if (k < 0)
        {
            return 0;
        }

        if (k >= n)
        {
            return 1;
        }

        if (p <= 0)
        {
            return 1;
        }

        if (p >= 1)
        {
            return 0;
        }

        // P(X ≤ k) = I_{1-p}(n-k, k+1)
        return SpecialFunctions.BetaRegularized(n - k, k + 1, 1 - p);
    }

    /// <summary>Binomial P(X &gt; k), computed directly so that small tails keep their precision.</summary>
    public static double BinomialUpperTail(long k, long n, double p)
    {
        if (k < 0)
        {
            return 1;
        }

        if (k >= n)
        {
            return 0;
        }

        if (p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        // P(X > k) = I_p(k+1, n-k)
        return SpecialFunctions.BetaRegularized(k + 1, n - k, p);
    }

    /// <summary>Binomial probability mass P(X = k).</summary>
    public static double BinomialPmf(long k, long n, double p)
    {
        if (k < 0 || k > n)
        {
            return 0;
        }

        if (p <= 0)
        {
            return k == 0 ? 1 : 0;
        }

        if (p >= 1)
        {
            return k == n ? 1 : 0;
        }

        var log = SpecialFunctions.BinomialLn((int)Math.Min(n, int.MaxValue), (int)Math.Min(k, int.MaxValue))
            + (k * Math.Log(p)) + ((n - k) * LogOnePlus(-p));
        return Math.Exp(log);
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
