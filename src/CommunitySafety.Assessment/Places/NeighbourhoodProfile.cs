using System.Globalization;
using CommunitySafety.Crime;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Places;

/// <summary>A strand (crime, or anti-social behaviour) of a neighbourhood over the period and the period before.</summary>
/// <param name="Name">"Crime" or "Anti-social behaviour".</param>
/// <param name="Count">Records in the period.</param>
/// <param name="PreviousCount">Records in the period before; null when not imported in full.</param>
/// <param name="Rate">Per 1,000 residents with Byar's 95% limits; null without residents or with partial months.</param>
/// <param name="Change">The change on the period before (exact test); null when not comparable.</param>
public sealed record ProfileStrand(string Name, long Count, long? PreviousCount, RateResult? Rate, RateChange? Change);

/// <summary>A ward's or neighbourhood's profile.</summary>
/// <param name="Neighbourhood">The ward or neighbourhood.</param>
/// <param name="FirstMonth">First month of the period.</param>
/// <param name="LastMonth">Last month.</param>
/// <param name="MonthsCovered">Months of the period imported.</param>
/// <param name="Forces">Forces with records in it.</param>
/// <param name="Population">Residents (the sum of its LSOAs' figures); null when some LSOA has none.</param>
/// <param name="PopulationSource">The population's source and year.</param>
/// <param name="Crime">All crime (anti-social behaviour not included).</param>
/// <param name="AntiSocialBehaviour">Anti-social behaviour.</param>
/// <param name="ByType">Records by crime type in the period (and the period before when imported), most first; anti-social behaviour last.</param>
/// <param name="Monthly">Crime and anti-social behaviour per month over both periods (null: not imported).</param>
/// <param name="Outcomes">Crimes by their last outcome on the street records, most first, with the share of the period's crimes.</param>
/// <param name="Deciles">Its LSOAs by national IMD decile: LSOAs and residents.</param>
/// <param name="IndexSource">The deprivation index used, and why; null when none is imported.</param>
/// <param name="Notes">What is left out and why.</param>
public sealed record NeighbourhoodProfileResult(
    Neighbourhood Neighbourhood,
    YearMonth FirstMonth,
    YearMonth LastMonth,
    int MonthsCovered,
    IReadOnlyList<string> Forces,
    double? Population,
    string PopulationSource,
    ProfileStrand Crime,
    ProfileStrand AntiSocialBehaviour,
    IReadOnlyList<(CrimeType Type, long Count, long? PreviousCount)> ByType,
    IReadOnlyList<(YearMonth Month, long? Crime, long? AntiSocialBehaviour)> Monthly,
    IReadOnlyList<(string Outcome, long Count, double Share)> Outcomes,
    IReadOnlyList<(int Decile, int Lsoas, double? Population)> Deciles,
    string? IndexSource,
    IReadOnlyList<string> Notes)
{
    /// <summary>The period in words.</summary>
    public string PeriodText => new MonthSpan(FirstMonth, LastMonth).Text;

    /// <summary>The period before, in words.</summary>
    public string PreviousPeriodText => new MonthSpan(FirstMonth, LastMonth).Before.Text;

    /// <summary>The last-outcome caveat, said wherever outcomes are shown.</summary>
    public const string OutcomeCaveat =
        "Outcomes are each crime's last outcome as the street file of its month gave it when published: recent crimes are often still \"under investigation\" and many later reach another outcome, so these shares are a first look, not the final picture.";
}

/// <summary>
/// A short profile (two printed pages) of a ward (LSOA 2021 → ward 2024) or a user-defined neighbourhood (a list of LSOAs): crime and
/// anti-social behaviour counts, rates per 1,000 residents (the sum of its LSOAs' Census 2021 populations, or newer when
/// imported), change on the period before, the monthly trend, the last outcomes of its crimes and its deprivation.
/// </summary>
/// <remarks>Rates: <see cref="CrudeRate"/> (Byar's limits); change: <see cref="PeriodChange.ForRates"/> (exact conditional test), with the same residents in both periods.</remarks>
public sealed class NeighbourhoodProfile(AnalyticalStore store)
{
    /// <summary>The profile of <paramref name="neighbourhood"/> over <paramref name="first"/>..<paramref name="last"/> (normally 12 months) against the period before.</summary>
    public NeighbourhoodProfileResult For(Neighbourhood neighbourhood, YearMonth first, YearMonth last)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        var query = new NeighbourhoodQuery(store);
        var span = new MonthSpan(first, last);
        var length = span.Length;
        var (previousFirst, previousLast) = span.Before;
        var counts = query.Counts(neighbourhood, previousFirst, last);
        var covered = counts.MonthsCovered.ToHashSet();
        var nowCovered = Enumerable.Range(0, length).Count(i => covered.Contains(first.AddMonths(i)));
        var beforeComplete = Enumerable.Range(0, length).All(i => covered.Contains(previousFirst.AddMonths(i)));
        var complete = nowCovered == length;
        var population = query.Population(neighbourhood);

        long Sum(Func<CrimeType, bool> type, YearMonth a, YearMonth b) => counts.Cells.Where(c => type(c.Type) && c.Month >= a && c.Month <= b).Sum(c => c.Count);
        bool IsCrime(CrimeType t) => t != CrimeType.AntiSocialBehaviour;
        bool IsAsb(CrimeType t) => t == CrimeType.AntiSocialBehaviour;
        ProfileStrand Strand(string name, Func<CrimeType, bool> type)
        {
            var n = Sum(type, first, last);
            long? before = beforeComplete ? Sum(type, previousFirst, previousLast) : null;
            var rate = complete && population.Value is > 0 ? CrudeRate.Calculate(n, population.Value.Value, RateOptions.Default with { Multiplier = 1000 }) : (RateResult?)null;
            var change = complete && before is { } b && population.Value is > 0 ? PeriodChange.ForRates(b, population.Value.Value, n, population.Value.Value, Polarity.LowIsGood, 1000) : null;
            return new ProfileStrand(name, n, before, rate, change);
        }

        var byType = CrimeType.All.Select(t => (Type: t, Count: Sum(x => x == t, first, last), Previous: beforeComplete ? Sum(x => x == t, previousFirst, previousLast) : (long?)null))
            .Where(x => x.Count > 0 || x.Previous > 0)
            .OrderBy(x => x.Type == CrimeType.AntiSocialBehaviour).ThenByDescending(x => x.Count).ThenBy(x => x.Type.Name, StringComparer.Ordinal).ToList();
        var monthly = Enumerable.Range(0, 2 * length).Select(i => previousFirst.AddMonths(i))
            .Select(m => (m, covered.Contains(m) ? Sum(IsCrime, m, m) : (long?)null, covered.Contains(m) ? Sum(IsAsb, m, m) : (long?)null)).ToList();

        var outcomes = query.LastOutcomes(neighbourhood, first, last);
        var crimes = outcomes.Sum(o => o.Count);
        var outcomeRows = outcomes.Select(o => (o.Outcome, o.Count, crimes == 0 ? 0 : o.Count / (double)crimes)).ToList();

        var deprivation = new DeprivationQuery(store).ByLsoa(neighbourhood.Lsoas, first, last);
        var deciles = deprivation?.Lsoas.Where(l => neighbourhood.Lsoas.Contains(l.Code, StringComparer.Ordinal) && l.Decile is not null)
            .GroupBy(l => l.Decile!.Value).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Count(), g.All(l => l.Population is not null) ? g.Sum(l => l.Population) : null)).ToList() ?? [];

        var notes = new List<string>();
        if (!complete)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Only {nowCovered} of the {length} months are imported: no rates are given."));
        }

        if (!beforeComplete)
        {
            notes.Add($"No change is given: the period before ({previousFirst.ToDisplayString()} to {previousLast.ToDisplayString()}) is not imported in full.");
        }

        var unknown = query.UnknownLsoas(neighbourhood);
        if (unknown.Count > 0)
        {
            notes.Add($"The store knows nothing of {unknown.Count} of the listed LSOAs (no lookup row, records or population): {string.Join(", ", unknown.Take(10))}{(unknown.Count > 10 ? ", …" : string.Empty)}. Check the codes.");
        }

        var changed = query.ChangedLsoas(neighbourhood);
        if (changed.Count > 0 && previousFirst < DeprivationQuery.FirstLsoa2021Month)
        {
            notes.Add($"{changed.Count} of its LSOAs were split, merged or redrawn by ONS in 2021: their records before October 2023 carry 2011 codes and are not counted.");
        }

        notes.Add("Rates are per 1,000 residents over the period; the same residents are used for both periods, so the change in the rate is the change in the count.");
        return new NeighbourhoodProfileResult(neighbourhood, first, last, nowCovered, counts.Forces, population.Value,
            population.Year is { } y ? $"{population.Source} (population year {y})" : population.Source,
            Strand("Crime (anti-social behaviour not included)", IsCrime), Strand("Anti-social behaviour", IsAsb), byType, monthly, outcomeRows, deciles,
            deprivation is null ? null : $"{deprivation.IndexSource}; {deprivation.IndexChoice}", notes);
    }
}
