using System.Globalization;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Crime;

namespace CommunitySafety.Assessment.Harm;

/// <summary>The harm weight of one crime type and where it comes from.</summary>
/// <param name="CrimeType">The police.uk crime type.</param>
/// <param name="Weight">The weight per crime (e.g. days of custody at sentencing), ≥ 0.</param>
/// <param name="Basis">Where the weight comes from, shown beside it.</param>
public sealed record HarmWeight(CrimeType CrimeType, double Weight, string Basis);

/// <summary>
/// Harm weights per crime type, read from a CSV (<c>crime_type,weight,basis</c>; <c>#</c> lines are comments and
/// carry the source). <see cref="Default"/> is the shipped <c>Defaults/harm-weights.csv</c>.
/// </summary>
public sealed class HarmWeights
{
    /// <summary>The default file's name in <c>Defaults/</c>.</summary>
    public const string DefaultFileName = "harm-weights.csv";

    /// <summary>How the shipped default is cited in outputs.</summary>
    public const string DefaultSource = "ONS Crime Severity Score weights of each police.uk category's Home Office offence codes (median per offence subgroup, weighted by 2024/25 national offences; default harm-weights.csv)";

    /// <summary>The caveat printed wherever harm by category is used.</summary>
    public const string CategoryCaveat =
        "Harm is estimated from one average weight per crime category, and each category mixes offences of very different seriousness (violence and sexual offences runs from minor assaults to homicide), so a change in the mix within a category is not seen.";

    private readonly Dictionary<CrimeType, HarmWeight> _weights;

    /// <summary>Creates the weights from rows; <paramref name="source"/> describes where they come from.</summary>
    public HarmWeights(IEnumerable<HarmWeight> weights, string source, string? notes = null)
    {
        _weights = [];
        foreach (var w in weights)
        {
            if (!(w.Weight >= 0) || double.IsInfinity(w.Weight))
            {
                throw new AssessmentConfigurationException(source, $"the harm weight of {w.CrimeType.Name} must be a number ≥ 0 (was {w.Weight}).");
            }

            if (!_weights.TryAdd(w.CrimeType, w))
            {
                throw new AssessmentConfigurationException(source, $"{w.CrimeType.Name} is listed twice.");
            }
        }

        Source = source;
        Notes = notes ?? string.Empty;
    }

    /// <summary>The file (or default) the weights were read from.</summary>
    public string Source { get; }

    /// <summary>The comment lines of the file: the documented source of the weights.</summary>
    public string Notes { get; }

    /// <summary>All weights, in the order of <see cref="CrimeType.Current"/>.</summary>
    public IReadOnlyList<HarmWeight> All => [.. CrimeType.Current.Where(_weights.ContainsKey).Select(t => _weights[t])];

    /// <summary>The weight of <paramref name="crimeType"/>, or null when the file has none.</summary>
    public HarmWeight? For(CrimeType crimeType) => _weights.GetValueOrDefault(crimeType);

    /// <summary>The caveat on harm by category, shown wherever harm is used.</summary>
    public string Caveat => CategoryCaveat;

    /// <summary>The shipped defaults: weights derived from the ONS Crime Severity Score (<see cref="CrimeSeverityDerivation"/>).</summary>
    public static HarmWeights Default { get; } = Parse(DefaultFiles.Read(DefaultFileName), DefaultSource);

    /// <summary>Reads a harm weights file.</summary>
    /// <exception cref="AssessmentConfigurationException">Bad content; the message names the line.</exception>
    public static HarmWeights Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses harm weights CSV text.</summary>
    /// <exception cref="AssessmentConfigurationException">Bad content; the message names the line.</exception>
    public static HarmWeights Parse(string text, string source)
    {
        var (header, rows) = CsvText.Read(text, source);
        var typeColumn = CsvText.Column(header, "crime_type", source);
        var weightColumn = CsvText.Column(header, "weight", source);
        var basisColumn = header.ToList().IndexOf("basis");
        var weights = new List<HarmWeight>();
        foreach (var row in rows)
        {
            if (!CrimeType.TryFind(row.Fields[typeColumn], out var type))
            {
                throw new AssessmentConfigurationException(source, $"line {row.Line}: '{row.Fields[typeColumn]}' is not a police.uk crime type.");
            }

            if (!double.TryParse(row.Fields[weightColumn], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw new AssessmentConfigurationException(source, $"line {row.Line}: the weight '{row.Fields[weightColumn]}' is not a number.");
            }

            weights.Add(new HarmWeight(type, weight, basisColumn >= 0 ? row.Fields[basisColumn] : string.Empty));
        }

        var notes = string.Join('\n', text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith('#')).Select(l => l.TrimStart('#').Trim()));
        return new HarmWeights(weights, source, notes);
    }
}
