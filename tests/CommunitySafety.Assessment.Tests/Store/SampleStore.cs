using System.IO.Compression;
using CommunitySafety.Assessment.Store;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Store;
using CommunitySafety.Tests;
using Microsoft.VisualBasic.FileIO;

namespace CommunitySafety.Assessment.Tests.Store;

/// <summary>A store built once from the repository's real samples (as <c>csp demo</c> does), shared by the store tests.</summary>
public sealed class SampleStore : IDisposable
{
    public SampleStore()
    {
        Samples = RepositoryFolders.Samples;
        Folder = Path.Combine(Path.GetTempPath(), "csp-assessment-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Store = AnalyticalStore.Open(Path.Combine(Folder, "csp.duckdb"));
        foreach (var lookup in Directory.EnumerateFiles(Path.Combine(Samples, "lookups"), "*.csv").Order(StringComparer.Ordinal))
        {
            new LookupImporter(Store).Import(lookup);
        }

        new PopulationImporter(Store).Import(Path.Combine(Samples, "population", "LSOA_population_mid2015_IoD2019_denominators.csv"));
        new PoliceImporter(Store).Import(Directory.EnumerateFiles(Path.Combine(Samples, "police"), "*.zip").Order(StringComparer.Ordinal).ToList());
    }

    public string Samples { get; }

    public string Folder { get; }

    public AnalyticalStore Store { get; }

    /// <summary>One source for all tests, so its per-area cache is shared as in an all-areas run.</summary>
    public StoreAssessmentSource Source => _source ??= new StoreAssessmentSource(Store);

    private StoreAssessmentSource? _source;

    private readonly Dictionary<string, Dictionary<string, Dictionary<string, long>>> _raw = [];

    /// <summary>
    /// Counts street-level records per crime type straight from the police.uk archives, independently of the importer:
    /// rows of the months given whose LSOA name is the local authority's name followed by the LSOA's number.
    /// </summary>
    public Dictionary<string, long> RawCounts(string archive, string localAuthority, IEnumerable<string> months)
    {
        var wanted = months.Order(StringComparer.Ordinal).ToArray();
        var key = archive + "|" + string.Join(',', wanted);
        lock (_raw)
        {
            if (!_raw.TryGetValue(key, out var byAuthority))
            {
                _raw[key] = byAuthority = ReadRaw(archive, wanted.ToHashSet(StringComparer.Ordinal));
            }

            return byAuthority.GetValueOrDefault(localAuthority) ?? [];
        }
    }

    private Dictionary<string, Dictionary<string, long>> ReadRaw(string archive, HashSet<string> wanted)
    {
        var counts = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        using var zip = ZipFile.OpenRead(Path.Combine(Samples, "police", archive));
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith("-street.csv", StringComparison.Ordinal) && wanted.Contains(e.Name[..7])))
        {
            using var parser = new TextFieldParser(entry.Open()) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!;
            var name = Array.IndexOf(header, "LSOA name");
            var type = Array.IndexOf(header, "Crime type");
            while (parser.ReadFields() is { } row)
            {
                var space = row[name].LastIndexOf(' ');
                if (space <= 0)
                {
                    continue;
                }

                var authority = row[name][..space];
                if (!counts.TryGetValue(authority, out var byType))
                {
                    counts[authority] = byType = new Dictionary<string, long>(StringComparer.Ordinal);
                }

                byType[row[type]] = byType.GetValueOrDefault(row[type]) + 1;
            }
        }

        return counts;
    }

    /// <summary>The local authority's mid-2015 population summed from the LSOA file, independently of the importer.</summary>
    public double RawPopulation(string localAuthority)
    {
        using var parser = new TextFieldParser(Path.Combine(Samples, "population", "LSOA_population_mid2015_IoD2019_denominators.csv"))
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
        };
        parser.SetDelimiters(",");
        parser.ReadFields();
        var total = 0.0;
        while (parser.ReadFields() is { } row)
        {
            if (row[3] == localAuthority)
            {
                total += double.Parse(row[4].Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return total;
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
