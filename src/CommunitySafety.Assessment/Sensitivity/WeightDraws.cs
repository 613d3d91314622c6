namespace CommunitySafety.Assessment.Sensitivity;

/// <summary>
/// The weights drawn by <see cref="RankingSensitivity"/>, shared between analyses with the same weights, draws, spread and
/// seed: every area of an all-areas run draws the same sequence, so it is drawn once (10,000 draws × the criteria) instead of
/// once per area. The numbers are those the analysis drew itself, draw after draw, criterion after criterion.
/// </summary>
/// <remarks>Keeps the last set drawn (one matrix and one setting at a time is the usual case); thread-safe.</remarks>
internal static class WeightDraws
{
    private sealed record Drawn(double[] Weights, int Draws, double Spread, int Seed, double[] Values);

    private static Drawn? _last;

    /// <summary>
    /// The drawn weights, draw d's weight of criterion c at <c>[(d × criteria) + c]</c>: weight × (1 + spread × (2u − 1)) with
    /// u the next <see cref="Random.NextDouble"/> of <see cref="Random"/> seeded with <see cref="SensitivitySettings.Seed"/>.
    /// </summary>
    /// <param name="weights">The criteria's weights, in the matrix's order.</param>
    /// <param name="settings">Draws, spread and seed.</param>
    /// <returns>A shared array: read it, never write to it.</returns>
    public static double[] For(double[] weights, SensitivitySettings settings)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && last.Draws == settings.Draws && last.Seed == settings.Seed
            && last.Spread.Equals(settings.Spread) && last.Weights.AsSpan().SequenceEqual(weights))
        {
            return last.Values;
        }

        var values = Draw(weights, settings);
        Volatile.Write(ref _last, new Drawn([.. weights], settings.Draws, settings.Spread, settings.Seed, values));
        return values;
    }

    /// <summary>Draws the weights afresh (the computation <see cref="For"/> shares).</summary>
    internal static double[] Draw(double[] weights, SensitivitySettings settings)
    {
        var criteria = weights.Length;
        var values = new double[settings.Draws * criteria];
        var random = new Random(settings.Seed);
        for (var d = 0; d < settings.Draws; d++)
        {
            for (var c = 0; c < criteria; c++)
            {
                values[(d * criteria) + c] = weights[c] * (1 + (settings.Spread * ((2 * random.NextDouble()) - 1)));
            }
        }

        return values;
    }
}
