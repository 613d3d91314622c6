using System.Globalization;
using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Assessment.Store;
using CommunitySafety.Assessment.Trends;
using CommunitySafety.Crime;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Deprivation;

/// <summary>What to analyse: an area over a run of months.</summary>
/// <param name="Area">The area (local authority, CSP, police force area or force).</param>
/// <param name="FirstMonth">First month, inclusive.</param>
/// <param name="LastMonth">Last month, inclusive.</param>
/// <param name="IncludeAntiSocialBehaviour">Count anti-social behaviour in "crime" as well as in its own column (off by default: it is not a crime).</param>
public sealed record DeprivationRequest(ResolvedArea Area, YearMonth FirstMonth, YearMonth LastMonth, bool IncludeAntiSocialBehaviour = false);

/// <summary>One national IMD decile's part of the area.</summary>
/// <param name="Decile">1 = the most deprived 10% of LSOAs in England, 10 = the least deprived.</param>
/// <param name="Lsoas">The area's LSOAs in it.</param>
/// <param name="Population">Their residents.</param>
/// <param name="Crimes">Crimes recorded in them (with anti-social behaviour only when the request says so).</param>
/// <param name="AntiSocialBehaviour">Anti-social behaviour incidents recorded in them.</param>
/// <param name="CrimeRate">Crimes per 1,000 residents over the period, with Byar's 95% limits; null without residents or with partial months.</param>
/// <param name="AsbRate">Anti-social behaviour per 1,000 residents, likewise.</param>
/// <param name="CrimeShare">Share of the area's crime (in LSOAs with a decile), 0–1.</param>
/// <param name="PopulationShare">Share of the area's residents (in LSOAs with a decile), 0–1.</param>
public sealed record DecileRow(int Decile, int Lsoas, double Population, long Crimes, long AntiSocialBehaviour, RateResult? CrimeRate, RateResult? AsbRate, double CrimeShare, double PopulationShare);

/// <summary>An area's crime and anti-social behaviour by deprivation, and how concentrated crime is.</summary>
/// <param name="Request">What was asked.</param>
/// <param name="IndexSource">The index, edition and LSOA vintage used.</param>
/// <param name="IndexChoice">Why that edition, for this period, in words.</param>
/// <param name="PopulationSource">Whose residents the rates are per.</param>
/// <param name="MonthsCovered">Months of the period every responsible force has imported.</param>
/// <param name="MonthsInPeriod">Months in the period.</param>
/// <param name="Deciles">The deciles holding the area's LSOAs, 1 first.</param>
/// <param name="Crimes">Crimes in LSOAs with a decile.</param>
/// <param name="AntiSocialBehaviour">Anti-social behaviour in LSOAs with a decile.</param>
/// <param name="MostDeprived">The area's own most deprived 10% of LSOAs (by national IMD rank): how many, their crime, its share and their share of residents.</param>
/// <param name="TopFivePercent">The 5% of the area's LSOAs with the most crime: how many, their crime and its share.</param>
/// <param name="Concentration">The Gini coefficient and Lorenz curve of crime over the area's LSOAs.</param>
/// <param name="MostAgainstLeast">The matrix's comparison (disproportionate impact) for all crime: the rate in the most deprived group against the least deprived; null when the groups cannot be formed.</param>
/// <param name="GroupsSource">The matrix's groups and sources in words (<see cref="DeprivationGroups"/>), or why there are none.</param>
/// <param name="Notes">What was left out and why.</param>
public sealed record DeprivationResult(
    DeprivationRequest Request,
    string IndexSource,
    string IndexChoice,
    string PopulationSource,
    int MonthsCovered,
    int MonthsInPeriod,
    IReadOnlyList<DecileRow> Deciles,
    long Crimes,
    long AntiSocialBehaviour,
    (int Lsoas, int OfLsoas, long Crimes, double? Share, double? PopulationShare) MostDeprived,
    (int Lsoas, int OfLsoas, long Crimes, double? Share) TopFivePercent,
    ConcentrationResult Concentration,
    ChangeResult? MostAgainstLeast,
    string GroupsSource,
    IReadOnlyList<string> Notes)
{
    /// <summary>The period in words, e.g. "April 2024 to March 2025".</summary>
    public string PeriodText => $"{Request.FirstMonth.ToDisplayString()} to {Request.LastMonth.ToDisplayString()}";

    /// <summary>What "crime" counts here, in words.</summary>
    public string CrimeBasis => Request.IncludeAntiSocialBehaviour
        ? "crime includes anti-social behaviour (as asked)"
        : "crime excludes anti-social behaviour, which is not a crime and is shown in its own column";
}

/// <summary>
/// Crime and anti-social behaviour by the national IMD decile of the LSOA where they were recorded, the share in the
/// area's most deprived LSOAs, and how concentrated crime is over LSOAs (top 5% share, Gini, Lorenz curve). The same
/// decile counts are the evidence of the scoring matrix's disproportionate impact criterion (<see cref="Evidence"/>), so
/// the analysis and the matrix rest on one rule.
/// </summary>
/// <remarks>
/// Rates are crude rates per 1,000 residents of the LSOAs over the period with Byar's 95% limits (exact Poisson under 10)
/// from <see cref="CrudeRate"/>; the most-against-least comparison is the exact conditional test of two Poisson rates
/// (<see cref="ChangeResult.Compare"/>). The index edition follows <see cref="DeprivationQuery.IndexRule"/>. A rate is per
/// resident of the LSOA where a crime was recorded, not of its victims.
/// </remarks>
public sealed class DeprivationAnalysis(AnalyticalStore store)
{
    private readonly DeprivationQuery _query = new(store);

    /// <summary>The analysis for the request; null (and the reason) when no index covers the area's LSOAs.</summary>
    public DeprivationResult? For(DeprivationRequest request, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        var notes = new List<string>();
        if (request.Area.Kind == AreaKind.Force && PoliceForceArea(request.Area) is { } pfa)
        {
            // A force's records include some located outside its area: its own LSOAs are those of its police force area.
            notes.Add($"Analysed for {pfa.Name} police force area (records located in its LSOAs) rather than every record {request.Area.Name} reported, so that the LSOAs compared are the area's own.");
            request = request with { Area = pfa };
        }

        var (first, last) = (request.FirstMonth, request.LastMonth);
        var profile = _query.For(request.Area, first, last);
        var lsoas = _query.ByLsoa(request.Area, first, last);
        if (profile is null || lsoas is null)
        {
            reason = $"no Index of Multiple Deprivation in the store covers {request.Area.Name}'s LSOAs (import it with `csp import deprivation`)";
            return null;
        }

        var covered = new CrimeCounts(store).Count(new CountQuery(request.Area) { FirstMonth = first, LastMonth = last }).MonthsCovered.Count;
        var months = last.MonthsSince(first) + 1;
        var complete = covered == months;
        if (!complete)
        {
            notes.Add($"Only {covered} of the {months} months are imported, so no rates are given (counts and shares are of the months there are).");
        }

        bool IsCrime(CrimeType t) => request.IncludeAntiSocialBehaviour || t != CrimeType.AntiSocialBehaviour;
        var withDecile = profile.Deciles.Where(d => d.Population > 0 || d.Counts.Values.Any(n => n > 0)).ToList();
        var totalCrime = withDecile.Sum(d => d.Counts.Where(c => IsCrime(c.Key)).Sum(c => c.Value));
        var totalPopulation = withDecile.Sum(d => d.Population);
        var options = RateOptions.Default with { Multiplier = 1000 };
        var rows = withDecile.Select(d =>
        {
            var crimes = d.Counts.Where(c => IsCrime(c.Key)).Sum(c => c.Value);
            var asb = d.Counts.GetValueOrDefault(CrimeType.AntiSocialBehaviour);
            RateResult? Rate(long n) => complete && d.Population > 0 ? CrudeRate.Calculate(n, d.Population, options) : null;
            return new DecileRow(d.Decile, d.Lsoas, d.Population, crimes, asb, Rate(crimes), Rate(asb),
                totalCrime == 0 ? 0 : crimes / (double)totalCrime, totalPopulation == 0 ? 0 : d.Population / totalPopulation);
        }).ToList();

        if (profile.LsoasWithoutDecile > 0 || profile.RecordsWithoutDecile > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{profile.LsoasWithoutDecile:N0} LSOAs ({profile.RecordsWithoutDecile:N0} records) have no single decile in the index and are left out of the decile table."));
        }

        // Concentration over the area's LSOAs, every one counted (with none too).
        var crimeByLsoa = lsoas.Lsoas.Select(l => l.Counts.Where(c => IsCrime(c.Key)).Sum(c => c.Value)).ToList();
        var concentration = Concentration.Of(crimeByLsoa);
        var top = Concentration.TopShare(crimeByLsoa, 0.05);
        var ranked = lsoas.Lsoas.Where(l => l.Rank is not null).OrderBy(l => l.Rank).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();
        (int, int, long, double?, double?) most = (0, ranked.Count, 0, null, null);
        if (ranked.Count > 0)
        {
            var k = Concentration.TopUnits(ranked.Count, 0.10);
            var chosen = ranked.Take(k).ToList();
            var crimeRanked = ranked.Sum(l => l.Counts.Where(c => IsCrime(c.Key)).Sum(c => c.Value));
            var crimeChosen = chosen.Sum(l => l.Counts.Where(c => IsCrime(c.Key)).Sum(c => c.Value));
            var popRanked = ranked.Sum(l => l.Population ?? 0);
            var popChosen = chosen.Sum(l => l.Population ?? 0);
            most = (k, ranked.Count, crimeChosen, crimeRanked == 0 ? null : crimeChosen / (double)crimeRanked,
                popRanked > 0 && chosen.All(l => l.Population is not null) ? popChosen / popRanked : null);
        }

        // The matrix's own groups and test, for all crime.
        var evidence = ToEvidence(profile, first, last);
        ChangeResult? contrast = null;
        string groupsSource;
        if (DeprivationGroups.Contrasts(evidence, out var noGroups) is { } groups)
        {
            var any = groups.Contrasts.Values.First();
            var (leastCount, mostCount) = (groups.Contrasts.Where(c => IsCrime(c.Key)).Sum(c => c.Value.EarlierCount), groups.Contrasts.Where(c => IsCrime(c.Key)).Sum(c => c.Value.LaterCount));
            contrast = complete ? ChangeResult.Compare(any.EarlierLabel, any.LaterLabel, leastCount, any.EarlierPopulation, mostCount, any.LaterPopulation) : null;
            groupsSource = groups.Source;
        }
        else
        {
            groupsSource = $"No most-against-least comparison: {noGroups}.";
        }

        reason = null;
        return new DeprivationResult(request, profile.IndexSource, profile.IndexChoice ?? DeprivationQuery.IndexRule, profile.PopulationSource, covered, months, rows,
            totalCrime, rows.Sum(r => r.AntiSocialBehaviour), most, (top.Units, crimeByLsoa.Count, top.Count, top.Share), concentration, contrast, groupsSource, notes);
    }

    /// <summary>The police force area of a force ("Bedfordshire Police" → Bedfordshire), when the lookup knows it.</summary>
    private ResolvedArea? PoliceForceArea(ResolvedArea force)
    {
        var name = force.Name.EndsWith(" Police", StringComparison.Ordinal) ? force.Name[..^" Police".Length] : force.Name;
        return new AreaResolver(store).TryResolve(name + " police force area") is { Kind: AreaKind.PoliceForceArea } pfa ? pfa : null;
    }

    /// <summary>
    /// The matrix's disproportionate impact evidence for <paramref name="area"/>: records and residents by national decile
    /// over the months, or why there is none. <see cref="StoreAssessmentSource"/> takes it from here.
    /// </summary>
    public (DeprivationEvidence? Evidence, string? Note) Evidence(ResolvedArea area, YearMonth first, YearMonth last)
    {
        ArgumentNullException.ThrowIfNull(area);
        var profile = _query.For(area, first, last);
        if (profile is null)
        {
            return (null, $"no Index of Multiple Deprivation in the store covers {area.Name}'s LSOAs");
        }

        if (profile.Deciles.All(d => d.Population <= 0))
        {
            return (null, $"no LSOA population in the store for {area.Name}'s LSOAs ({profile.PopulationSource})");
        }

        return (ToEvidence(profile, first, last), null);
    }

    private static DeprivationEvidence ToEvidence(DeprivationProfile profile, YearMonth first, YearMonth last)
    {
        var deciles = profile.Deciles.Select(d => new DecileEvidence(d.Decile, d.Lsoas, d.Population, d.Counts)).ToArray();
        return new DeprivationEvidence(profile.IndexSource, profile.PopulationSource, first, last, deciles, profile.LsoasWithoutDecile, profile.RecordsWithoutDecile);
    }
}
