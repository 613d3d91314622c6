using System.Globalization;
using CommunitySafety.Assessment.Internals;

namespace CommunitySafety.Assessment.StopSearch;

/// <summary>An area's Census 2021 usual residents by broad ethnic group.</summary>
/// <param name="Code">The area's GSS code (LTLA 2021 or PFA 2024).</param>
/// <param name="Name">Its name.</param>
/// <param name="Geography">"local authority (2021 boundaries)" or "police force area (2024)".</param>
/// <param name="ByGroup">Residents per broad group (<see cref="EthnicGroups.Broad"/>).</param>
/// <param name="Total">All residents.</param>
public sealed record EthnicityPopulation(string Code, string Name, string Geography, IReadOnlyDictionary<string, double> ByGroup, double Total);

/// <summary>
/// The embedded Census 2021 denominators by broad ethnic group (<c>StopSearch/Reference/census2021-broad-ethnic-group.csv</c>)
/// and the Home Office's published rates for the year ending March 2024 (see that folder's SOURCES.md).
/// </summary>
public static class EthnicityPopulations
{
    /// <summary>The source, for provenance lines.</summary>
    public const string Source = "ONS Census 2021 usual residents by ethnic group (TS021), summed to 5 broad groups; police force areas as at December 2024";

    private static readonly Lazy<Dictionary<string, EthnicityPopulation>> Table = new(Load);
    private static readonly Lazy<Dictionary<string, IReadOnlyDictionary<string, double?>>> Published = new(LoadPublished);

    /// <summary>The population of an LTLA 2021 or PFA 2024 code, or of an area by name; null when not in the table.</summary>
    public static EthnicityPopulation? For(string codeOrName)
    {
        ArgumentNullException.ThrowIfNull(codeOrName);
        var t = Table.Value;
        return t.GetValueOrDefault(codeOrName.Trim()) ?? t.Values.FirstOrDefault(p => string.Equals(p.Name, codeOrName.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The police force area population for a force's name ("Bedfordshire Police" → Bedfordshire), or null.</summary>
    public static EthnicityPopulation? ForForce(string forceName)
    {
        ArgumentNullException.ThrowIfNull(forceName);
        var key = Key(forceName);
        return Table.Value.Values.FirstOrDefault(p => p.Geography.StartsWith("police", StringComparison.Ordinal) && Key(p.Name) == key);
    }

    /// <summary>
    /// The Home Office's published stop and searches per 1,000 people for the year ending March 2024, by broad group and
    /// "All", for a police force area's name (e.g. Bedfordshire); null when not published (British Transport Police, City
    /// of London) or unknown.
    /// </summary>
    public static IReadOnlyDictionary<string, double?>? PublishedRatesYearEndingMarch2024(string forceOrAreaName)
    {
        ArgumentNullException.ThrowIfNull(forceOrAreaName);
        var key = Key(forceOrAreaName);
        return Published.Value.FirstOrDefault(kv => Key(kv.Key) == key).Value;
    }

    /// <summary>The source of the published rates.</summary>
    public const string PublishedSource = "Home Office stop and search statistics, year ending March 2024, rates per 1,000 by ethnicity and police force area (GOV.UK Ethnicity facts and figures; self-defined ethnicity, Census 2021 populations)";

    private static string Key(string name)
    {
        var n = name.Trim().ToLowerInvariant().Replace("&", "and", StringComparison.Ordinal);
        foreach (var suffix in new[] { " police", " constabulary", " police service" })
        {
            if (n.EndsWith(suffix, StringComparison.Ordinal))
            {
                n = n[..^suffix.Length];
            }
        }

        return n.Replace("metropolitan police service", "metropolitan", StringComparison.Ordinal).Trim();
    }

    private static string Read(string file)
    {
        using var stream = typeof(EthnicityPopulations).Assembly.GetManifestResourceStream("StopSearch." + file)
            ?? throw new InvalidOperationException($"The reference file '{file}' is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Dictionary<string, EthnicityPopulation> Load()
    {
        const string file = "census2021-broad-ethnic-group.csv";
        var (header, rows) = CsvText.Read(Read(file), file);
        int Col(string name) => header.ToList().IndexOf(name.ToLowerInvariant());
        var result = new Dictionary<string, EthnicityPopulation>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var f = row.Fields;
            var groups = EthnicGroups.Broad.ToDictionary(g => g, g => double.Parse(f[Col(g)], CultureInfo.InvariantCulture));
            var geography = f[Col("area_type")] == "PFA24" ? "police force area (2024)" : "local authority (2021 boundaries)";
            result[f[Col("area_code")]] = new EthnicityPopulation(f[Col("area_code")], f[Col("area_name")], geography, groups, double.Parse(f[Col("total")], CultureInfo.InvariantCulture));
        }

        return result;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, double?>> LoadPublished()
    {
        const string file = "home-office-stop-search-rates-by-pfa-ye-mar2024.csv";
        var (header, rows) = CsvText.Read(Read(file), file);
        var result = new Dictionary<string, IReadOnlyDictionary<string, double?>>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Skip(1))
        {
            var values = new Dictionary<string, double?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 1; i < header.Count && i < row.Fields.Count; i++)
            {
                values[Capitalise(header[i])] = double.TryParse(row.Fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
            }

            result[row.Fields[0]] = values;
        }

        return result;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
