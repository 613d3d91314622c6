namespace CommunitySafety.Statistics;

/// <summary>
/// Quintiles for ranking areas: quintile = ⌈5 × rank / n⌉ with rank 1 for the lowest value; tied values share the
/// lowest rank among them; missing values get no quintile.
/// </summary>
/// <remarks>
/// Source: Fingertips quintile comparisons ("Quintiles: areas ranked and divided into five equal groups").
/// Worked number: for the ten values 1 … 10, values 1–2 are in quintile 1 and 9–10 in quintile 5.
/// </remarks>
public static class Quintiles
{
    /// <summary>The quintile (1 = lowest values … 5 = highest) of each value, null where the value is missing.</summary>
    /// <param name="values">One value per area.</param>
    /// <returns>Quintiles in the same order.</returns>
    public static int?[] Assign(IReadOnlyList<double?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var present = new List<(double Value, int Index)>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } v && !double.IsNaN(v))
            {
                present.Add((v, i));
            }
        }

        present.Sort((a, b) => a.Value.CompareTo(b.Value));
        var result = new int?[values.Count];
        var n = present.Count;
        var rank = 1;
        for (var i = 0; i < n; i++)
        {
            if (i > 0 && present[i].Value > present[i - 1].Value)
            {
                rank = i + 1;
            }

            result[present[i].Index] = (int)Math.Ceiling(5.0 * rank / n);
        }

        return result;
    }

    /// <summary>
    /// The label of a quintile under a polarity: "Best" … "Worst" with polarity, "Lowest" … "Highest" without.
    /// </summary>
    /// <param name="quintile">1 to 5.</param>
    /// <param name="polarity">The indicator's polarity.</param>
    /// <returns>The label.</returns>
    public static string Label(int quintile, Polarity polarity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quintile, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quintile, 5);
        var direction = quintile < 3 ? Direction.Lower : quintile > 3 ? Direction.Higher : Direction.Similar;
        var extreme = quintile is 1 or 5;
        return PolarityRules.IsImprovement(direction, polarity) switch
        {
            true => extreme ? "Best" : "Better",
            false => extreme ? "Worst" : "Worse",
            null when direction == Direction.Similar => "Middle",
            null => quintile switch { 1 => "Lowest", 2 => "Low", 4 => "High", _ => "Highest" },
        };
    }
}
