using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Internals;

namespace CommunitySafety.Data.Police;

/// <summary>The columns of a police.uk file, found by header name.</summary>
internal sealed class PoliceHeader
{
    private static readonly string[] StreetRequired = ["Month", "Reported by", "Longitude", "Latitude", "LSOA code", "Crime type"];
    private static readonly string[] OutcomesRequired = ["Month", "Reported by", "Longitude", "Latitude", "LSOA code", "Outcome type"];
    private static readonly string[] StopAndSearchRequired = ["Type", "Date", "Latitude", "Longitude"];

    /// <summary>The header of police.uk street-level files as published.</summary>
    public const string StandardStreet = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    private readonly Dictionary<string, int> _columns;

    private PoliceHeader(IReadOnlyList<string> names, PoliceFileKind kind)
    {
        Names = names;
        Kind = kind;
        _columns = [];
        for (var i = 0; i < names.Count; i++)
        {
            _columns.TryAdd(CsvText.HeaderKey(names[i]), i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    public PoliceFileKind Kind { get; }

    public int Count => Names.Count;

    /// <summary>The index of a column, or -1.</summary>
    public int this[string name] => _columns.GetValueOrDefault(CsvText.HeaderKey(name), -1);

    /// <summary>
    /// Works out the kind of file from its header (a column only that kind has), falling back on the file name, and
    /// checks the required columns. Returns null with errors when the header is wrong.
    /// </summary>
    public static PoliceHeader? Detect(IReadOnlyList<string> names, string fileName, string displayPath, List<ImportError> errors)
    {
        var keys = names.Select(CsvText.HeaderKey).ToHashSet();
        PoliceFileKind? kind =
            keys.Contains("crime type") ? PoliceFileKind.Street
            : keys.Contains("outcome type") ? PoliceFileKind.Outcomes
            : keys.Contains("object of search") || keys.Contains("legislation") ? PoliceFileKind.StopAndSearch
            : KindFromName(fileName);
        if (kind is null)
        {
            errors.Add(new(displayPath, 1, null,
                $"not a police.uk file: the header '{CsvText.Show(string.Join(',', names))}' is not that of a street-level crime, outcomes or stop-and-search file " +
                "(expected e.g. 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context')."));
            return null;
        }

        var required = kind switch
        {
            PoliceFileKind.Street => StreetRequired,
            PoliceFileKind.Outcomes => OutcomesRequired,
            _ => StopAndSearchRequired,
        };
        var missing = required.Where(r => !keys.Contains(CsvText.HeaderKey(r))).ToList();
        foreach (var m in missing)
        {
            errors.Add(new(displayPath, 1, m, $"missing required column '{m}' in this {Describe(kind.Value)} file."));
        }

        return missing.Count > 0 ? null : new PoliceHeader(names, kind.Value);
    }

    /// <summary>The kind named by a police.uk file name, if any.</summary>
    public static PoliceFileKind? KindFromName(string fileName)
    {
        var n = fileName.ToLowerInvariant();
        return n.EndsWith("-street.csv", StringComparison.Ordinal) ? PoliceFileKind.Street
            : n.EndsWith("-outcomes.csv", StringComparison.Ordinal) ? PoliceFileKind.Outcomes
            : n.EndsWith("-stop-and-search.csv", StringComparison.Ordinal) ? PoliceFileKind.StopAndSearch
            : null;
    }

    public static string Describe(PoliceFileKind kind) => kind switch
    {
        PoliceFileKind.Street => "street-level crime",
        PoliceFileKind.Outcomes => "outcomes",
        _ => "stop-and-search",
    };
}
