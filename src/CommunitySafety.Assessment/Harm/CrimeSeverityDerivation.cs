using System.Globalization;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Crime;

namespace CommunitySafety.Assessment.Harm;

/// <summary>The national number of police recorded offences in one Home Office offence subgroup.</summary>
/// <param name="CrimeType">The police.uk category the subgroup belongs to.</param>
/// <param name="Subgroup">The subgroup, e.g. "Violence with injury".</param>
/// <param name="Offences">Offences recorded in England and Wales in the year.</param>
public sealed record SubgroupVolume(CrimeType CrimeType, string Subgroup, long Offences);

/// <summary>How one police.uk category's weight was derived.</summary>
/// <param name="CrimeType">The category.</param>
/// <param name="Weight">Σ offences × subgroup weight / Σ offences.</param>
/// <param name="Subgroups">Each subgroup: its median CSS weight, its number of offence codes and its national offences.</param>
public sealed record DerivedCategoryWeight(CrimeType CrimeType, double Weight, IReadOnlyList<(string Subgroup, double MedianWeight, int Codes, long Offences)> Subgroups);

/// <summary>
/// Derives a harm weight for each police.uk category from the ONS Crime Severity Score weights of its Home Office offence
/// codes (<see cref="OffenceSeverityWeights"/>) and the national volume of each offence subgroup
/// (<c>Defaults/prc-subgroup-counts-2024-25.csv</c>). The shipped <c>Defaults/harm-weights.csv</c> holds the result, and a
/// test recomputes it from the two shipped files.
/// </summary>
/// <remarks>
/// <para>Rule, for each category c: (1) each Home Office offence subgroup s in c (e.g. violence with injury, rape) gets the
/// median w̃ₛ of the CSS weights of its offence codes; (2) the category weight is the mean of the subgroup weights
/// weighted by the subgroups' national offences in 2024/25, W_c = Σₛ nₛ w̃ₛ / Σₛ nₛ.</para>
/// <para>This is a simplification. ONS's own score weights every offence code by its own volume; the shipped data have
/// volumes only per subgroup, so within a subgroup each code counts once whatever its volume (a rare, severe offence
/// counts as much as a common, minor one, and the median limits but does not remove that pull). A category weight
/// averages offences of very different severity: violence and sexual offences runs from 7.5 (assault without injury on a
/// constable) to 7,973 (homicide).</para>
/// <para>Worked example, criminal damage and arson: arson's two codes weigh 826.19 and 186.67 (median 506.43, 22,837
/// offences); criminal damage's five weigh 5.40, 5.40, 5.40, 5.40, 14.01 (median 5.40, 432,167 offences); W = (22,837 ×
/// 506.43 + 432,167 × 5.40) / 455,004 = 30.54.</para>
/// </remarks>
public static class CrimeSeverityDerivation
{
    /// <summary>The volumes file's name in <c>Defaults/</c>.</summary>
    public const string VolumesFileName = "prc-subgroup-counts-2024-25.csv";

    /// <summary>The shipped national offences per subgroup, April 2024 to March 2025.</summary>
    public static IReadOnlyList<SubgroupVolume> DefaultVolumes => LazyVolumes.Value;

    private static readonly Lazy<IReadOnlyList<SubgroupVolume>> LazyVolumes = new(() => ParseVolumes(DefaultFiles.Read(VolumesFileName), DefaultFiles.SourceName(VolumesFileName)));

    /// <summary>Derives every category's weight (anti-social behaviour has no CSS weight and no row).</summary>
    /// <exception cref="AssessmentConfigurationException">A subgroup with offence codes has no volume, or the reverse.</exception>
    public static IReadOnlyList<DerivedCategoryWeight> Derive(OffenceSeverityWeights? weights = null, IReadOnlyList<SubgroupVolume>? volumes = null)
    {
        weights ??= OffenceSeverityWeights.Default;
        volumes ??= DefaultVolumes;
        var result = new List<DerivedCategoryWeight>();
        foreach (var type in CrimeType.Current)
        {
            var codes = weights.Offences.Where(o => o.CrimeType == type).ToArray();
            if (codes.Length == 0)
            {
                continue;
            }

            var subgroups = new List<(string, double, int, long)>();
            foreach (var group in codes.GroupBy(o => o.Subgroup, StringComparer.Ordinal))
            {
                var volume = volumes.FirstOrDefault(v => v.CrimeType == type && string.Equals(v.Subgroup, group.Key, StringComparison.OrdinalIgnoreCase))
                    ?? throw new AssessmentConfigurationException(weights.Source, $"the subgroup '{group.Key}' ({type.Name}) has no national volume in {VolumesFileName}.");
                subgroups.Add((group.Key, Median([.. group.Select(o => o.Weight)]), group.Count(), volume.Offences));
            }

            foreach (var v in volumes.Where(v => v.CrimeType == type && !subgroups.Any(s => string.Equals(s.Item1, v.Subgroup, StringComparison.OrdinalIgnoreCase))))
            {
                throw new AssessmentConfigurationException(VolumesFileName, $"the subgroup '{v.Subgroup}' ({type.Name}) has no offence codes in {weights.Source}.");
            }

            var offences = subgroups.Sum(s => s.Item4);
            var weight = offences > 0 ? subgroups.Sum(s => s.Item4 * s.Item2) / offences : subgroups.Average(s => s.Item2);
            result.Add(new DerivedCategoryWeight(type, weight, subgroups));
        }

        return result;
    }

    /// <summary>The median of a non-empty list: the middle value, or the mean of the two middle values.</summary>
    internal static double Median(double[] values)
    {
        Array.Sort(values);
        var n = values.Length;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    /// <summary>Reads a volumes file with columns policeuk_category, prc_subgroup, offences_2024_25.</summary>
    /// <exception cref="AssessmentConfigurationException">Bad content; the message names the line.</exception>
    public static IReadOnlyList<SubgroupVolume> ParseVolumes(string text, string source)
    {
        var (header, rows) = CsvText.Read(text, source);
        var typeColumn = CsvText.Column(header, "policeuk_category", source);
        var subgroupColumn = CsvText.Column(header, "prc_subgroup", source);
        var countColumn = CsvText.Column(header, "offences_2024_25", source);
        var list = new List<SubgroupVolume>(rows.Count);
        foreach (var row in rows)
        {
            if (!CrimeType.TryFind(row.Fields[typeColumn], out var type))
            {
                throw new AssessmentConfigurationException(source, $"line {row.Line}: '{row.Fields[typeColumn]}' is not a police.uk crime type.");
            }

            if (!long.TryParse(row.Fields[countColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 0)
            {
                throw new AssessmentConfigurationException(source, $"line {row.Line}, offences_2024_25: '{row.Fields[countColumn]}' is not a count.");
            }

            list.Add(new SubgroupVolume(type, row.Fields[subgroupColumn], n));
        }

        return list;
    }
}
