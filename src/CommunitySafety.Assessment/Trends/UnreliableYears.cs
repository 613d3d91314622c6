using CommunitySafety.Assessment.Internals;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment.Trends;

/// <summary>A financial year excluded from baselines and trends, and why.</summary>
/// <param name="Year">The financial year.</param>
/// <param name="Reason">The reason, shown wherever the year is left out.</param>
public sealed record UnreliableYear(FinancialYear Year, string Reason);

/// <summary>
/// Financial years whose data are not used as a baseline or in trends (e.g. 2020/21, pandemic restrictions),
/// read from a CSV (<c>year,reason</c>). <see cref="Default"/> is the shipped <c>Defaults/unreliable-years.csv</c>.
/// </summary>
public sealed class UnreliableYears
{
    /// <summary>The default file's name in <c>Defaults/</c>.</summary>
    public const string DefaultFileName = "unreliable-years.csv";

    private readonly Dictionary<FinancialYear, UnreliableYear> _years;

    /// <summary>Creates the list.</summary>
    public UnreliableYears(IEnumerable<UnreliableYear> years, string source)
    {
        _years = [];
        foreach (var y in years)
        {
            if (!_years.TryAdd(y.Year, y))
            {
                throw new AssessmentConfigurationException(source, $"{y.Year} is listed twice.");
            }
        }

        Source = source;
    }

    /// <summary>No years flagged.</summary>
    public static UnreliableYears None { get; } = new([], "none");

    /// <summary>The shipped defaults (2020/21).</summary>
    public static UnreliableYears Default { get; } = Parse(DefaultFiles.Read(DefaultFileName), DefaultFiles.SourceName(DefaultFileName));

    /// <summary>Where the list came from.</summary>
    public string Source { get; }

    /// <summary>The flagged years in order.</summary>
    public IReadOnlyList<UnreliableYear> All => [.. _years.Values.OrderBy(y => y.Year)];

    /// <summary>The reason <paramref name="year"/> is unreliable, or null when it is not flagged.</summary>
    public string? ReasonFor(FinancialYear year) => _years.GetValueOrDefault(year)?.Reason;

    /// <summary>Reads a file.</summary>
    /// <exception cref="AssessmentConfigurationException">Bad content.</exception>
    public static UnreliableYears Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses CSV text.</summary>
    /// <exception cref="AssessmentConfigurationException">Bad content.</exception>
    public static UnreliableYears Parse(string text, string source)
    {
        var (header, rows) = CsvText.Read(text, source);
        var yearColumn = CsvText.Column(header, "year", source);
        var reasonColumn = CsvText.Column(header, "reason", source);
        var years = new List<UnreliableYear>();
        foreach (var row in rows)
        {
            if (!FinancialYear.TryParse(row.Fields[yearColumn], null, out var year))
            {
                throw new AssessmentConfigurationException(source, $"line {row.Line}: '{row.Fields[yearColumn]}' is not a financial year (e.g. 2020/21).");
            }

            if (row.Fields[reasonColumn].Length == 0)
            {
                throw new AssessmentConfigurationException(source, $"line {row.Line}: give the reason {year} is unreliable.");
            }

            years.Add(new UnreliableYear(year, row.Fields[reasonColumn]));
        }

        return new UnreliableYears(years, source);
    }
}
