namespace CommunitySafety.Hotspots.Methods;

/// <summary>Adjusting p-values for many tests at once (one per grid cell).</summary>
public static class FalseDiscoveryRate
{
    /// <summary>
    /// Benjamini–Hochberg adjusted p-values (R's <c>p.adjust(p, "BH")</c>): controls the expected share
    /// of false discoveries among the cells called significant.
    /// </summary>
    /// <remarks>
    /// Benjamini, Y. and Hochberg, Y. (1995) "Controlling the false discovery rate", <em>JRSS B</em> 57, 289–300.
    /// With the m p-values sorted, p₍ᵢ₎ becomes min over j ≥ i of (m / j) × p₍ⱼ₎, capped at 1. Example:
    /// 0.01, 0.04, 0.03, 0.20 (m = 4) become 0.04, 0.0533, 0.0533, 0.20. Null p-values (cells where the test
    /// is undefined) stay null and do not count in m.
    /// </remarks>
    public static double?[] BenjaminiHochberg(IReadOnlyList<double?> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var order = new List<int>(pValues.Count);
        for (var i = 0; i < pValues.Count; i++)
        {
            if (pValues[i] is { } p)
            {
                if (double.IsNaN(p) || p < 0 || p > 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(pValues), p, $"p-value {i} is not between 0 and 1.");
                }

                order.Add(i);
            }
        }

        order.Sort((a, b) => pValues[a]!.Value.CompareTo(pValues[b]!.Value));
        var adjusted = new double?[pValues.Count];
        var m = order.Count;
        var running = 1.0;
        for (var k = m - 1; k >= 0; k--)
        {
            var i = order[k];
            running = Math.Min(running, pValues[i]!.Value * m / (k + 1));
            adjusted[i] = running;
        }

        return adjusted;
    }

    /// <summary>Benjamini–Hochberg adjusted p-values for a list with no missing values.</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var boxed = new double?[pValues.Count];
        for (var i = 0; i < boxed.Length; i++)
        {
            boxed[i] = pValues[i];
        }

        return [.. BenjaminiHochberg(boxed).Select(p => p!.Value)];
    }
}
