using System.Globalization;
using CommunitySafety.Crime;

namespace CommunitySafety.Assessment.Matrix;

/// <summary>
/// The two groups of LSOAs the disproportionate impact criterion compares: the area's most deprived and its least
/// deprived, made of whole national deprivation deciles.
/// </summary>
/// <remarks>
/// <para>Deciles are national (1 = the most deprived 10% of LSOAs in England on the Index of Multiple Deprivation), but an
/// area holds only some of them in very unequal shares (a deprived town may have no LSOA in deciles 9–10), so fixed
/// deciles would leave many areas without a comparison. The most deprived group takes the area's deciles from the most
/// deprived upwards until it holds at least <see cref="MinimumShare"/> of the area's residents (in LSOAs with a decile);
/// the least deprived group takes the remaining deciles from the least deprived downwards until it holds at least as
/// much, or the deciles run out. With fewer than two deciles there is no comparison.</para>
/// <para>The rate in each group is records located in its LSOAs per 1,000 of their residents; the criterion scores the
/// ratio most ÷ least with the exact conditional test of two Poisson rates (<see cref="RateContrast.Compare"/>). It is
/// a rate by where crime happens, not by who the victims are, and the Index's own crime domain counts some of the same
/// crime: a town centre's shoplifting raises the rate of the LSOA it happens in, whoever lives there.</para>
/// </remarks>
public static class DeprivationGroups
{
    /// <summary>Each group holds at least this share of the area's residents where the deciles allow (a fifth).</summary>
    public const double MinimumShare = 0.2;

    /// <summary>The deciles of each group (ascending), or null and the reason.</summary>
    public static (int[] MostDeprived, int[] LeastDeprived)? Choose(IReadOnlyList<DecileEvidence> deciles, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(deciles);
        var present = deciles.Where(d => d.Population > 0).OrderBy(d => d.Decile).ToArray();
        if (present.Length < 2)
        {
            reason = present.Length == 0
                ? "none of the area's LSOAs has a deprivation decile and residents"
                : string.Create(CultureInfo.InvariantCulture, $"all the area's LSOAs with residents are in one national deprivation decile ({present[0].Decile}), so there is nothing to compare");
            return null;
        }

        var total = present.Sum(d => d.Population);
        var most = new List<int>();
        var held = 0.0;
        var i = 0;
        while (i < present.Length - 1 && (most.Count == 0 || held < MinimumShare * total))
        {
            most.Add(present[i].Decile);
            held += present[i].Population;
            i++;
        }

        var least = new List<int>();
        held = 0;
        for (var j = present.Length - 1; j >= i && (least.Count == 0 || held < MinimumShare * total); j--)
        {
            least.Add(present[j].Decile);
            held += present[j].Population;
        }

        reason = null;
        return ([.. most], [.. least.Order()]);
    }

    /// <summary>
    /// Per crime type, the least deprived group's rate (earlier) against the most deprived group's (later), and the evidence's
    /// source in words; null and the reason when the groups cannot be formed.
    /// </summary>
    public static (IReadOnlyDictionary<CrimeType, RateContrast> Contrasts, string Source)? Contrasts(DeprivationEvidence evidence, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (Choose(evidence.Deciles, out reason) is not { } groups)
        {
            return null;
        }

        var present = evidence.Deciles.Where(d => d.Population > 0).ToArray();
        var total = present.Sum(d => d.Population);
        var most = present.Where(d => groups.MostDeprived.Contains(d.Decile)).ToArray();
        var least = present.Where(d => groups.LeastDeprived.Contains(d.Decile)).ToArray();
        var (mostPopulation, leastPopulation) = (most.Sum(d => d.Population), least.Sum(d => d.Population));
        var mostLabel = $"most deprived ({Deciles(groups.MostDeprived)})";
        var leastLabel = $"least deprived ({Deciles(groups.LeastDeprived)})";
        var contrasts = new Dictionary<CrimeType, RateContrast>();
        foreach (var type in CrimeType.Current)
        {
            contrasts[type] = new RateContrast(
                leastLabel, least.Sum(d => d.Counts.GetValueOrDefault(type)), leastPopulation,
                mostLabel, most.Sum(d => d.Counts.GetValueOrDefault(type)), mostPopulation);
        }

        var inv = CultureInfo.InvariantCulture;
        var source = string.Create(inv,
            $"{evidence.IndexSource}; residents: {evidence.PopulationSource}; records {evidence.FirstMonth.ToDisplayString()} to {evidence.LastMonth.ToDisplayString()}; "
            + $"most deprived: national {Deciles(groups.MostDeprived)} ({most.Sum(d => d.Lsoas):N0} LSOAs, {100 * mostPopulation / total:0}% of residents) "
            + $"against least deprived: {Deciles(groups.LeastDeprived)} ({least.Sum(d => d.Lsoas):N0} LSOAs, {100 * leastPopulation / total:0}% of residents)");
        if (evidence.LsoasWithoutDecile > 0 || evidence.RecordsWithoutDecile > 0)
        {
            source += string.Create(inv, $"; {evidence.LsoasWithoutDecile:N0} LSOAs ({evidence.RecordsWithoutDecile:N0} records) have no single decile in the index and are left out");
        }

        return (contrasts, source + ". Rates are per resident of the LSOAs where crimes were recorded, not of victims, and the index's crime domain itself counts recorded crime");
    }

    private static string Deciles(int[] deciles) =>
        deciles.Length == 1
            ? string.Create(CultureInfo.InvariantCulture, $"decile {deciles[0]}")
            : deciles.Zip(deciles.Skip(1)).All(p => p.Second == p.First + 1)
                ? string.Create(CultureInfo.InvariantCulture, $"deciles {deciles[0]}–{deciles[^1]}")
                : "deciles " + string.Join(", ", deciles);
}
