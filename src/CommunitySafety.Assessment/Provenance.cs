namespace CommunitySafety.Assessment;

/// <summary>
/// Where the assessment's denominators and national comparator come from, carried with the numbers into the result, the
/// key messages, the tables and the report.
/// </summary>
/// <param name="PopulationYear">The mid-year of the population estimate the assessment year's rates use (e.g. 2024 for 2024/25); null when there is none.</param>
/// <param name="PopulationSource">How the population was obtained, e.g. "ONS mid-2024 estimate for E06000032".</param>
/// <param name="PopulationWarning">The Data layer's warning when the estimate is more than two years from the year's own mid-year; null otherwise.</param>
/// <param name="NationalComparator">Whether England and Wales is compared, and when not, the forces the store holds and what would make it complete.</param>
public sealed record DataProvenance(int? PopulationYear, string? PopulationSource, string? PopulationWarning, string NationalComparator)
{
    /// <summary>Whether England and Wales is compared (every force's data are in the store).</summary>
    public bool IsNationalCompared { get; init; }

    /// <summary>The forces the store holds for the year, e.g. "2 of 43 forces".</summary>
    public string NationalCoverage { get; init; } = string.Empty;

    /// <summary>The population sentence for readers, e.g. "Rates use the ONS mid-2024 population estimate (…)".</summary>
    public string PopulationText => PopulationYear is { } y
        ? $"Rates per 1,000 residents use the ONS mid-{y} population estimate ({PopulationSource})."
        : "There is no population estimate in the store for this area, so no rates are given.";
}
