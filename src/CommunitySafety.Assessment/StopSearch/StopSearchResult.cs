using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.StopSearch;

/// <summary>What to analyse.</summary>
public sealed record StopSearchRequest
{
    /// <summary>The area or force (resolved by <see cref="AreaResolver"/>); an area's searches are its force's.</summary>
    public required ResolvedArea Area { get; init; }

    /// <summary>The financial year.</summary>
    public required FinancialYear Year { get; init; }
}

/// <summary>Searches with one value of a characteristic, as a share of all searches (percent, Wilson 95% limits).</summary>
/// <param name="Label">E.g. "Misuse of Drugs Act 1971 (section 23)"; "(not recorded)" for blanks.</param>
/// <param name="Share">Searches with it of all searches.</param>
public sealed record StopSearchShare(string Label, ProportionResult Share);

/// <summary>One ethnic group's searches, rate and disproportionality ratio against White.</summary>
/// <param name="Group">The broad group (<see cref="EthnicGroups"/>), or <see cref="EthnicGroups.NotStated"/>.</param>
/// <param name="Searches">Searches of people in the group.</param>
/// <param name="Population">Census 2021 residents of the group; null for not stated.</param>
/// <param name="Rate">Searches per 1,000 residents with Byar's / exact Poisson 95% limits; null without a population.</param>
/// <param name="Ratio">Rate ÷ White rate with the exact conditional 95% interval; null for White itself and without a population.</param>
/// <param name="Published">The Home Office's published rate per 1,000 for the same force and year, when there is one.</param>
public sealed record EthnicityRow(string Group, long Searches, double? Population, RateResult? Rate, RateRatioResult? Ratio, double? Published);

/// <summary>Rates and ratios by ethnic group on one definition of ethnicity.</summary>
/// <param name="Definition">Self- or officer-defined.</param>
/// <param name="Rows">Asian, Black, Mixed, White, Other, then not stated.</param>
/// <param name="Note">What to know about this definition (e.g. officers do not record Mixed).</param>
public sealed record EthnicityRates(EthnicityDefinition Definition, IReadOnlyList<EthnicityRow> Rows, string Note);

/// <summary>A force's stop and search for a year.</summary>
public sealed record StopSearchResult
{
    /// <summary>The area asked for.</summary>
    public required ResolvedArea Area { get; init; }

    /// <summary>The forces whose searches are counted.</summary>
    public required IReadOnlyList<string> Forces { get; init; }

    /// <summary>The financial year.</summary>
    public required FinancialYear Year { get; init; }

    /// <summary>Months of the year with stop-and-search files for every force.</summary>
    public IReadOnlyList<YearMonth> Months { get; init; } = [];

    /// <summary>Why there is nothing to show, when no month is imported.</summary>
    public string? NotAvailable { get; init; }

    /// <summary>All searches.</summary>
    public long Searches { get; init; }

    /// <summary>Searches by month (every month of the year; null count = not imported).</summary>
    public IReadOnlyList<(YearMonth Month, long? Searches)> ByMonth { get; init; } = [];

    /// <summary>By legislation (largest first).</summary>
    public IReadOnlyList<StopSearchShare> ByLegislation { get; init; } = [];

    /// <summary>By object of search (largest first).</summary>
    public IReadOnlyList<StopSearchShare> ByObject { get; init; } = [];

    /// <summary>By outcome (largest first).</summary>
    public IReadOnlyList<StopSearchShare> ByOutcome { get; init; } = [];

    /// <summary>By type of search (person, vehicle, both).</summary>
    public IReadOnlyList<StopSearchShare> ByType { get; init; } = [];

    /// <summary>The find rate: searches whose outcome was linked to the object of the search, of all searches.</summary>
    public ProportionResult FindRate { get; init; }

    /// <summary>Searches with any outcome other than no further action, of all searches.</summary>
    public ProportionResult ActionRate { get; init; }

    /// <summary>Searches whose "outcome linked" field is blank.</summary>
    public long LinkNotRecorded { get; init; }

    /// <summary>The population the rates are on; null when the force's area is not in the Census table.</summary>
    public EthnicityPopulation? Population { get; init; }

    /// <summary>Self-defined, then officer-defined; empty without a population.</summary>
    public IReadOnlyList<EthnicityRates> Ethnicity { get; init; } = [];

    /// <summary>Why there are no rates, when <see cref="Ethnicity"/> is empty.</summary>
    public string? EthnicityNote { get; init; }

    /// <summary>Provenance lines: period and coverage, what is counted, population source and year, published figures.</summary>
    public IReadOnlyList<string> Provenance { get; init; } = [];

    /// <summary>Plain-English sentences for a board member.</summary>
    public IReadOnlyList<string> Summary { get; init; } = [];
}
