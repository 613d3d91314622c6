using System.Globalization;
using System.IO.Compression;
using CommunitySafety.Data.Deprivation;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Store;
using CommunitySafety.Tests;
using Microsoft.VisualBasic.FileIO;

namespace CommunitySafety.Assessment.Tests.Places;

/// <summary>
/// A store built from the shipped samples as <c>csp demo</c> builds it (2024 lookups, Census 2021 LSOA and mid-2024 district
/// populations, IoD 2019 and 2025, Bedfordshire's street files), and the raw files read independently of the importers.
/// </summary>
public sealed class PlacesStore : IDisposable
{
    public PlacesStore()
    {
        Samples = RepositoryFolders.Samples;
        Folder = Path.Combine(Path.GetTempPath(), "csp-places-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Store = AnalyticalStore.Open(Path.Combine(Folder, "csp.duckdb"));
        foreach (var lookup in new[] { "lookup_lsoa11_lsoa21_ltla22_bedfordshire_hampshire.csv", "lookup_lsoa21_ward24_ltla24_bedfordshire_hampshire.csv", "lookup_ltla24_csp24_pfa24.csv", "lookup_ltla_ltla.csv" })
        {
            new LookupImporter(Store).Import(Path.Combine(Samples, "lookups", lookup));
        }

        new PopulationImporter(Store).Import(Path.Combine(Samples, "population", "census2021_lsoa21_usual_residents_6age_bedfordshire_hampshire.csv"));
        new PopulationImporter(Store).Import(Path.Combine(Samples, "population", "mye24tablesew_MYE2_persons.csv"));
        foreach (var index in Directory.EnumerateFiles(Path.Combine(Samples, "deprivation"), "*.csv").Order(StringComparer.Ordinal))
        {
            new DeprivationImporter(Store).Import(index);
        }

        new PoliceImporter(Store).Import([Path.Combine(Samples, "police", "bedfordshire-2018-2025.zip")]);
        Rows = ReadStreetRows(Path.Combine(Samples, "police", "bedfordshire-2018-2025.zip"));
    }

    public string Samples { get; }

    public string Folder { get; }

    public AnalyticalStore Store { get; }

    /// <summary>Every street-level row of the Bedfordshire archive, read with a plain CSV parser.</summary>
    public IReadOnlyList<RawRow> Rows { get; }

    /// <summary>One raw street row.</summary>
    public sealed record RawRow(string Month, string? Longitude, string? Latitude, string Location, string LsoaCode, string LsoaName, string CrimeType, string Outcome);

    /// <summary>The rows of a local authority (by LSOA name, "Luton 012A") in months first..last ("2024-04").</summary>
    public IEnumerable<RawRow> Of(string authority, string first, string last) =>
        Rows.Where(r => r.LsoaName.StartsWith(authority + " ", StringComparison.Ordinal) && string.CompareOrdinal(r.Month, first) >= 0 && string.CompareOrdinal(r.Month, last) <= 0);

    /// <summary>A CSV sample's rows (header skipped), fields unquoted.</summary>
    public List<string[]> Csv(string relative)
    {
        using var parser = new TextFieldParser(Path.Combine(Samples, relative)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        parser.ReadFields();
        var rows = new List<string[]>();
        while (parser.ReadFields() is { } row)
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>IoD 2025 decile and rank by LSOA 2021, straight from the sample.</summary>
    public Dictionary<string, (int Decile, int Rank)> Imd2025() =>
        Csv("deprivation/imd2025_england_lsoa21_bedfordshire_hampshire.csv").ToDictionary(r => r[0], r => (int.Parse(r[1], CultureInfo.InvariantCulture), int.Parse(r[9], CultureInfo.InvariantCulture)));

    /// <summary>Census 2021 residents by LSOA 2021, straight from the sample.</summary>
    public Dictionary<string, double> Census() =>
        Csv("population/census2021_lsoa21_usual_residents_6age_bedfordshire_hampshire.csv").ToDictionary(r => r[0], r => double.Parse(r[^1], CultureInfo.InvariantCulture));

    private static List<RawRow> ReadStreetRows(string zipPath)
    {
        var rows = new List<RawRow>();
        using var zip = ZipFile.OpenRead(zipPath);
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith("-street.csv", StringComparison.Ordinal)))
        {
            using var parser = new TextFieldParser(entry.Open()) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!;
            int Col(string name) => Array.IndexOf(header, name);
            var (month, lon, lat, loc, code, name, type, outcome) = (Col("Month"), Col("Longitude"), Col("Latitude"), Col("Location"), Col("LSOA code"), Col("LSOA name"), Col("Crime type"), Col("Last outcome category"));
            while (parser.ReadFields() is { } row)
            {
                rows.Add(new RawRow(row[month], row[lon].Length == 0 ? null : row[lon], row[lat].Length == 0 ? null : row[lat], row[loc], row[code], row[name], row[type], row[outcome]));
            }
        }

        return rows;
    }

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Tests sharing one places store, one after another.</summary>
[CollectionDefinition(nameof(PlacesStoreCollection))]
public sealed class PlacesStoreCollection : ICollectionFixture<PlacesStore>;
