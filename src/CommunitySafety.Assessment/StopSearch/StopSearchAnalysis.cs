using System.Globalization;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.StopSearch;

/// <summary>
/// Stop and search for a force (or an area's force) and a financial year: counts by month, legislation, object and
/// outcome; the find rate; searches per 1,000 residents by ethnic group on Census 2021 populations; disproportionality
/// ratios against White with exact 95% intervals, for self-defined and officer-defined ethnicity.
/// </summary>
/// <remarks>
/// <para>Source: police.uk stop-and-search records. police.uk gives no area code for a search (a map point, missing for about
/// one search in five), so an area's searches are its force's, and rates are on the force's police force area
/// population.</para>
/// <para>Find rate: searches whose outcome was linked to the object of the search ("Outcome linked to object of search" =
/// True) of all searches, with a Wilson 95% interval (<see cref="Proportion"/>); the action rate is any outcome other than
/// "A no further action disposal". Rates: <see cref="CrudeRate"/> per 1,000 (Byar's method; exact below 10).
/// Disproportionality ratio: the group's rate ÷ the White rate, the Home Office's reference group, with the exact
/// conditional interval of the ratio of two Poisson rates (<see cref="RateRatio"/>). Searches whose ethnicity is not
/// stated have no denominator and are counted but get no rate: the rates of the other groups are therefore lower bounds.</para>
/// </remarks>
public sealed class StopSearchAnalysis(AnalyticalStore store)
{
    private const string NoFurtherAction = "A no further action disposal";
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// The latest financial year at or before <paramref name="atOrBefore"/> with all 12 months of stop-and-search files for
    /// the area's force(s); null when there is none (e.g. a report for 2024/25 when only 2023/24 is complete shows 2023/24).
    /// </summary>
    public FinancialYear? LatestCompleteYear(ResolvedArea area, FinancialYear atOrBefore)
    {
        ArgumentNullException.ThrowIfNull(area);
        var query = new StopSearchRecordsQuery(store);
        var months = query.MonthsLoaded(query.ForcesOf(area)).ToHashSet();
        for (var y = atOrBefore; months.Count > 0 && y.LastMonth >= months.Min(); y = y.Previous)
        {
            if (y.Months.All(months.Contains))
            {
                return y;
            }
        }

        return null;
    }

    /// <summary>
    /// Stop and search of the area's force for the latest complete year at or before <paramref name="year"/> (police.uk's
    /// stop-and-search files often end before the street files), saying so in its provenance; the year asked for, saying
    /// what is missing, when none is complete. The one rule the report, the CLI and the area page follow.
    /// </summary>
    public StopSearchResult ForLatestCompleteYear(ResolvedArea area, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(area);
        var complete = LatestCompleteYear(area, year);
        var result = For(new StopSearchRequest { Area = area, Year = complete ?? year });
        return complete is { } y && y != year
            ? result with { Provenance = [$"Year: {y}, the latest complete year of stop-and-search files imported; {year} is not complete.", .. result.Provenance] }
            : result;
    }

    /// <summary>Runs the analysis.</summary>
    public StopSearchResult For(StopSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new StopSearchRecordsQuery(store);
        var forces = query.ForcesOf(request.Area);
        var year = request.Year;
        var records = query.For(forces, year.FirstMonth, year.LastMonth);
        var months = records.MonthsLoaded.Order().ToList();
        var forceText = forces.Count == 0 ? "the area's police force" : Text.List([.. forces]);
        var provenance = new List<string>
        {
            $"Counted: every stop and search published on police.uk for {forceText}" +
            (request.Area.Kind == AreaKind.Force ? "." : $" (police.uk gives no area code for searches, so {request.Area.Name}'s figures are its force's)."),
            $"Period: {year} ({year.FirstMonth.ToDisplayString()} to {year.LastMonth.ToDisplayString()}); {months.Count} of 12 months imported{(months.Count is > 0 and < 12 ? $" ({Outcomes.OutcomeAnalysis.MonthRange(months)})" : string.Empty)}.",
            "Source: police.uk stop-and-search files. Contains public sector information licensed under the Open Government Licence v3.0.",
        };
        if (months.Count == 0)
        {
            return new StopSearchResult
            {
                Area = request.Area,
                Forces = forces,
                Year = year,
                NotAvailable = $"No stop-and-search files of {year} are imported for {forceText}: import police.uk's {year} stop-and-search files (csp import police).",
                Provenance = provenance,
            };
        }

        var cells = records.Cells;
        var total = records.Total;
        var byMonth = year.Months.Select(m => (m, records.MonthsLoaded.Contains(m) ? cells.Where(c => c.Month == m).Sum(c => c.Count) : (long?)null)).ToList();
        List<StopSearchShare> By(Func<StopSearchCell, string> key) =>
            [.. cells.GroupBy(c => key(c).Length == 0 ? "(not recorded)" : key(c))
                .Select(g => new StopSearchShare(g.Key, Proportion.Calculate(g.Sum(c => c.Count), total)))
                .OrderByDescending(s => s.Share.Numerator).ThenBy(s => s.Label, StringComparer.Ordinal)];
        var found = cells.Where(c => c.OutcomeLinked == true).Sum(c => c.Count);
        var action = cells.Where(c => c.Outcome.Length > 0 && !string.Equals(c.Outcome, NoFurtherAction, StringComparison.OrdinalIgnoreCase)).Sum(c => c.Count);
        var linkBlank = cells.Where(c => c.OutcomeLinked is null).Sum(c => c.Count);

        var population = forces.Count == 1 ? EthnicityPopulations.ForForce(forces[0]) : null;
        var published = forces.Count == 1 && year == new FinancialYear(2023) ? EthnicityPopulations.PublishedRatesYearEndingMarch2024(forces[0]) : null;
        List<EthnicityRates> ethnicity = [];
        string? ethnicityNote = null;
        if (population is null)
        {
            ethnicityNote = forces.Count == 1
                ? $"No rates by ethnic group: {forces[0]}'s police force area is not in the Census 2021 table shipped with the product."
                : "No rates by ethnic group: rates are given for one force at a time.";
        }
        else
        {
            ethnicity.Add(Rates(EthnicityDefinition.SelfDefined, cells, population, published, months.Count));
            ethnicity.Add(Rates(EthnicityDefinition.OfficerDefined, cells, population, null, months.Count));
            provenance.Add($"Populations: {EthnicityPopulations.Source}; {population.Name} {population.Geography}, {Text.Count((long)population.Total)} residents (Census day 21 March 2021). {(months.Count < 12 ? $"Only {months.Count} of 12 months are imported, so no rates per 1,000 (they would not be annual rates); the ratios compare groups over the same months and stand." : "Rates are searches per 1,000 residents over the year.")}");
            if (published is not null)
            {
                provenance.Add($"Published: {EthnicityPopulations.PublishedSource}. police.uk's records differ from the Home Office's (see docs/stop-search-comparison.md).");
            }
        }

        var result = new StopSearchResult
        {
            Area = request.Area,
            Forces = forces,
            Year = year,
            Months = months,
            Searches = total,
            ByMonth = byMonth,
            ByLegislation = By(c => c.Legislation),
            ByObject = By(c => c.ObjectOfSearch),
            ByOutcome = By(c => c.Outcome),
            ByType = By(c => c.Type),
            FindRate = Proportion.Calculate(found, total),
            ActionRate = Proportion.Calculate(action, total),
            LinkNotRecorded = linkBlank,
            Population = population,
            Ethnicity = ethnicity,
            EthnicityNote = ethnicityNote,
            Provenance = provenance,
        };
        return result with { Summary = Summarise(result) };
    }

    private static EthnicityRates Rates(EthnicityDefinition definition, IReadOnlyList<StopSearchCell> cells, EthnicityPopulation population, IReadOnlyDictionary<string, double?>? published, int months)
    {
        var counts = cells.GroupBy(c => EthnicGroups.Of(definition == EthnicityDefinition.SelfDefined ? c.SelfDefinedEthnicity : c.OfficerDefinedEthnicity))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var white = counts.GetValueOrDefault(EthnicGroups.White);
        var whitePopulation = population.ByGroup[EthnicGroups.White];
        var options = RateOptions.Default with { Multiplier = 1000 };
        var rows = new List<EthnicityRow>();
        foreach (var group in EthnicGroups.Broad)
        {
            var n = counts.GetValueOrDefault(group);
            if (definition == EthnicityDefinition.OfficerDefined && group == EthnicGroups.Mixed)
            {
                // Officers do not record Mixed: a rate of 0 would be a recording rule, not a finding.
                rows.Add(new EthnicityRow(group, n, null, null, null, null));
                continue;
            }

            var pop = population.ByGroup[group];
            // A rate per 1,000 residents is for a whole year; the ratio compares groups over the same months, so it stands.
            RateResult? rate = months == 12 ? CrudeRate.Calculate(n, pop, options) : null;
            var ratio = group == EthnicGroups.White ? null : RateRatio.Calculate(n, pop, white, whitePopulation);
            rows.Add(new EthnicityRow(group, n, pop, rate, ratio, months == 12 ? published?.GetValueOrDefault(group) : null));
        }

        rows.Add(new EthnicityRow(EthnicGroups.NotStated, counts.GetValueOrDefault(EthnicGroups.NotStated), null, null, null, null));
        var notStated = counts.GetValueOrDefault(EthnicGroups.NotStated);
        var total = counts.Values.Sum();
        var share = total > 0 ? (double)notStated / total * 100 : 0;
        var note = definition == EthnicityDefinition.SelfDefined
            ? $"Self-defined: the person's own answer. {Text.Count(notStated)} searches ({share.ToString("0", EnGb)}%) have no stated ethnicity and no rate, so every group's rate is a lower bound; if those people were mostly of one group, that group's ratio would be higher."
            : $"Officer-defined: the officer's view. Officers record Asian, Black, White or Other, not Mixed, so the Mixed rate is not comparable (people who describe themselves as Mixed are recorded under another group). {Text.Count(notStated)} searches ({share.ToString("0", EnGb)}%) have none recorded.";
        return new EthnicityRates(definition, rows, note);
    }

    private static List<string> Summarise(StopSearchResult r)
    {
        var lines = new List<string>
        {
            string.Format(EnGb, "{0} carried out {1} stop and searches in {2}{3}. {4} of searches found what the officer was looking for (the outcome was linked to the object of the search); {5} ended with no further action.",
                Text.List([.. r.Forces]), Text.Count(r.Searches), r.Year, r.Months.Count < 12 ? $" ({r.Months.Count} of 12 months imported)" : string.Empty,
                Pct(r.FindRate), Pct(Proportion.Calculate(r.Searches - r.ActionRate.Numerator, r.Searches))),
        };
        if (r.ByObject.Count > 0)
        {
            lines.Add(string.Format(EnGb, "Most searches were for {0} ({1}).", r.ByObject[0].Label.ToLowerInvariant(), Pct(r.ByObject[0].Share)));
        }

        var self = r.Ethnicity.FirstOrDefault(e => e.Definition == EthnicityDefinition.SelfDefined);
        var black = self?.Rows.Single(x => x.Group == EthnicGroups.Black);
        if (black?.Ratio is { Ratio: { } ratio } rr)
        {
            lines.Add(string.Format(EnGb, "Black people were stopped and searched {0:0.0} times as often as White people for their share of the population (95% interval {1:0.0} to {2:0.0}, self-defined ethnicity); a ratio of 1 would mean the same rate.",
                ratio, rr.Lower95, rr.Upper95));
        }

        return lines;
    }

    private static string Pct(ProportionResult p) => p.Value is { } v ? v.ToString(v < 10 ? "0.0" : "0", EnGb) + "%" : "–";
}
