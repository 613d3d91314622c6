using System.Globalization;
using CommunitySafety.Areas;
using CommunitySafety.Assessment.Internals;

namespace CommunitySafety.Assessment.Peers;

/// <summary>
/// Characteristics of areas (population, density, deprivation, age structure …) for finding nearest neighbours:
/// one row per area, one numeric column per characteristic, optional weights per characteristic.
/// </summary>
public sealed class AreaCharacteristics
{
    /// <summary>Creates the table.</summary>
    /// <param name="names">The characteristics' names.</param>
    /// <param name="values">Each area's values, in the order of <paramref name="names"/>.</param>
    /// <param name="weights">Each characteristic's weight; null for equal weights of 1.</param>
    /// <param name="source">Where the values come from.</param>
    public AreaCharacteristics(IReadOnlyList<string> names, IReadOnlyDictionary<AreaCode, double[]> values, IReadOnlyList<double>? weights, string source)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count == 0)
        {
            throw new AssessmentConfigurationException(source, "there are no characteristics.");
        }

        foreach (var (code, row) in values)
        {
            if (row.Length != names.Count || row.Any(v => !double.IsFinite(v)))
            {
                throw new AssessmentConfigurationException(source, $"{code} needs a number for each of {string.Join(", ", names)}.");
            }
        }

        weights ??= [.. names.Select(_ => 1.0)];
        if (weights.Count != names.Count || weights.Any(w => !(w >= 0) || double.IsInfinity(w)))
        {
            throw new AssessmentConfigurationException(source, "there must be one weight ≥ 0 per characteristic.");
        }

        Names = names;
        Values = values;
        Weights = weights;
        Source = source;
    }

    /// <summary>The characteristics' names.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Each area's values.</summary>
    public IReadOnlyDictionary<AreaCode, double[]> Values { get; }

    /// <summary>Each characteristic's weight.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>Where the values come from.</summary>
    public string Source { get; }

    /// <summary>Reads a characteristics CSV.</summary>
    /// <exception cref="AssessmentConfigurationException">Bad content.</exception>
    public static AreaCharacteristics Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>
    /// Parses CSV text: <c>area_code</c>, an optional <c>area_name</c>, then one numeric column per characteristic.
    /// A row whose <c>area_code</c> is <c>weight</c> gives the characteristics' weights.
    /// </summary>
    /// <exception cref="AssessmentConfigurationException">Bad content.</exception>
    public static AreaCharacteristics Parse(string text, string source)
    {
        var (header, rows) = CsvText.Read(text, source);
        var codeColumn = CsvText.Column(header, "area_code", source);
        var columns = Enumerable.Range(0, header.Count).Where(i => i != codeColumn && header[i] != "area_name").ToArray();
        var values = new Dictionary<AreaCode, double[]>();
        double[]? weights = null;
        foreach (var row in rows)
        {
            var numbers = columns.Select(i => double.TryParse(row.Fields[i], NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw new AssessmentConfigurationException(source, $"line {row.Line}, {header[i]}: '{row.Fields[i]}' is not a number.")).ToArray();
            if (string.Equals(row.Fields[codeColumn], "weight", StringComparison.OrdinalIgnoreCase))
            {
                weights = numbers;
                continue;
            }

            if (!AreaCode.TryParse(row.Fields[codeColumn], out var code))
            {
                throw new AssessmentConfigurationException(source, $"line {row.Line}: '{row.Fields[codeColumn]}' is not an ONS area code.");
            }

            if (!values.TryAdd(code, numbers))
            {
                throw new AssessmentConfigurationException(source, $"line {row.Line}: {code} is listed twice.");
            }
        }

        return new AreaCharacteristics([.. columns.Select(i => header[i])], values, weights, source);
    }
}

/// <summary>
/// The <i>k</i> nearest neighbours of an area by standardised Euclidean distance, in the manner of CIPFA's Nearest
/// Neighbours Model.
/// </summary>
/// <remarks>
/// <para>Method: each characteristic j is standardised over all areas in the table, zᵢⱼ = (xᵢⱼ − x̄ⱼ) / sⱼ, with the
/// population standard deviation sⱼ (a characteristic with sⱼ = 0 cannot separate areas and is left out). The distance
/// between areas a and b is d(a, b) = √(Σⱼ wⱼ (zₐⱼ − z_bⱼ)²) with the characteristics' weights wⱼ (1 by default). The
/// <i>k</i> areas with the smallest distance, excluding the area itself, are its neighbours; equal distances are
/// broken by area code so the group is reproducible.</para>
/// <para>Source: CIPFA, "Nearest Neighbours Model" technical documentation (standardised, weighted Euclidean distance
/// over socio-economic indicators); the Home Office's most similar groups are built the same way on crime-related
/// characteristics.</para>
/// <para>Worked example: three areas with populations 100, 200, 300 (mean 200, s = 81.65) standardise to −1.225, 0,
/// 1.225; the nearest neighbour of the first is the second at distance 1.225.</para>
/// </remarks>
public static class NearestNeighbours
{
    /// <summary>The <paramref name="k"/> nearest neighbours of <paramref name="area"/>.</summary>
    /// <param name="area">The area.</param>
    /// <param name="characteristics">Characteristics of the area and its candidates.</param>
    /// <param name="k">How many neighbours, ≥ 1.</param>
    /// <param name="candidates">When given, only these areas may be neighbours (e.g. those with data in the store); standardisation still uses every area in the table.</param>
    /// <returns>The peer group, nearest first, with each peer's distance.</returns>
    /// <exception cref="ArgumentException">The area has no characteristics.</exception>
    public static PeerGroup Find(AreaCode area, AreaCharacteristics characteristics, int k, IReadOnlySet<AreaCode>? candidates = null)
    {
        ArgumentNullException.ThrowIfNull(characteristics);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (!characteristics.Values.TryGetValue(area, out var target))
        {
            throw new ArgumentException($"{area} has no row in the characteristics ({characteristics.Source}).", nameof(area));
        }

        var standardised = Standardise(characteristics, out var usedColumns);
        var t = standardised[area];
        var distances = new List<(AreaCode Code, double Distance)>();
        foreach (var (code, z) in standardised)
        {
            if (code == area || (candidates is not null && !candidates.Contains(code)))
            {
                continue;
            }

            var sum = 0.0;
            foreach (var j in usedColumns)
            {
                var d = z[j] - t[j];
                sum += characteristics.Weights[j] * d * d;
            }

            distances.Add((code, Math.Sqrt(sum)));
        }

        var nearest = distances.OrderBy(d => d.Distance).ThenBy(d => d.Code).Take(k).ToArray();
        var method = string.Format(
            CultureInfo.InvariantCulture,
            "{0} nearest neighbours by standardised Euclidean distance on {1} ({2})",
            nearest.Length,
            Text.List([.. usedColumns.Select(j => characteristics.Names[j])]),
            characteristics.Source);
        return new PeerGroup(area, [.. nearest.Select(n => n.Code)], method, nearest.ToDictionary(n => n.Code, n => n.Distance));
    }

    /// <summary>The z-scores of every area; <paramref name="usedColumns"/> lists the characteristics that vary.</summary>
    public static Dictionary<AreaCode, double[]> Standardise(AreaCharacteristics characteristics, out int[] usedColumns)
    {
        ArgumentNullException.ThrowIfNull(characteristics);
        var columns = characteristics.Names.Count;
        var n = characteristics.Values.Count;
        var mean = new double[columns];
        var sd = new double[columns];
        foreach (var row in characteristics.Values.Values)
        {
            for (var j = 0; j < columns; j++)
            {
                mean[j] += row[j] / n;
            }
        }

        foreach (var row in characteristics.Values.Values)
        {
            for (var j = 0; j < columns; j++)
            {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }

        for (var j = 0; j < columns; j++)
        {
            sd[j] = Math.Sqrt(sd[j]);
        }

        usedColumns = [.. Enumerable.Range(0, columns).Where(j => sd[j] > 0 && characteristics.Weights[j] > 0)];
        var result = new Dictionary<AreaCode, double[]>(n);
        foreach (var (code, row) in characteristics.Values)
        {
            var z = new double[columns];
            for (var j = 0; j < columns; j++)
            {
                z[j] = sd[j] > 0 ? (row[j] - mean[j]) / sd[j] : 0;
            }

            result[code] = z;
        }

        return result;
    }
}
