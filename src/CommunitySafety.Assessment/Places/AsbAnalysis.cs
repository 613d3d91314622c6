using System.Globalization;
using CommunitySafety.Crime;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Places;

/// <summary>What to analyse: anti-social behaviour in an area over a period (normally 12 months), against the period before.</summary>
/// <param name="Area">The area.</param>
/// <param name="FirstMonth">First month.</param>
/// <param name="LastMonth">Last month.</param>
/// <param name="Top">How many hot spots (LSOAs and map points) to list.</param>
public sealed record AsbRequest(ResolvedArea Area, YearMonth FirstMonth, YearMonth LastMonth, int Top = 10);

/// <summary>An LSOA with much anti-social behaviour.</summary>
/// <param name="Code">The LSOA code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Count">Incidents in the period.</param>
/// <param name="Population">Its residents; null when unknown.</param>
/// <param name="Rate">Incidents per 1,000 residents over the period with Byar's 95% limits; null without residents.</param>
/// <param name="Decile">Its national IMD decile, when known.</param>
public sealed record AsbLsoa(string Code, string? Name, long Count, double? Population, RateResult? Rate, int? Decile);

/// <summary>Anti-social behaviour as its own strand.</summary>
/// <param name="Request">What was asked.</param>
/// <param name="Count">Incidents in the period.</param>
/// <param name="PreviousCount">Incidents in the period before; null when it is not imported in full.</param>
/// <param name="MonthsCovered">Months of the period imported.</param>
/// <param name="Rate">Per 1,000 residents with 95% limits; null without a population or with partial months.</param>
/// <param name="Population">The population and its source; null when none.</param>
/// <param name="PopulationNote">Why there is no rate, when there is none.</param>
/// <param name="Change">The change on the period before, with the exact test; null when not comparable.</param>
/// <param name="ShareOfRecords">Anti-social behaviour's share of all police.uk records (crime and anti-social behaviour), 0–1.</param>
/// <param name="Monthly">Incidents per month over the period before and the period, oldest first (null: month not imported).</param>
/// <param name="Lsoas">The LSOAs with the most incidents.</param>
/// <param name="LsoaSource">The LSOA population and index used for <paramref name="Lsoas"/>.</param>
/// <param name="Places">The map points with the most incidents.</param>
/// <param name="Notes">Plain-word notes.</param>
public sealed record AsbResult(
    AsbRequest Request,
    long Count,
    long? PreviousCount,
    int MonthsCovered,
    RateResult? Rate,
    PopulationFigure? Population,
    string? PopulationNote,
    RateChange? Change,
    double? ShareOfRecords,
    IReadOnlyList<(YearMonth Month, long? Count)> Monthly,
    IReadOnlyList<AsbLsoa> Lsoas,
    string LsoaSource,
    IReadOnlyList<RepeatPlace> Places,
    IReadOnlyList<string> Notes)
{
    /// <summary>The period in words.</summary>
    public string PeriodText => new MonthSpan(Request.FirstMonth, Request.LastMonth).Text;

    /// <summary>What anti-social behaviour is and why it is apart, said wherever it is shown.</summary>
    public const string Definition =
        "Anti-social behaviour is behaviour that causes or is likely to cause harassment, alarm or distress (Anti-social Behaviour, Crime and Policing Act 2014). Most of it is not a crime, so it is counted as its own strand and is not in \"all crime\" totals unless asked for. police.uk publishes the incidents reported to the police; councils and housing providers record others that are not here.";
}

/// <summary>
/// Anti-social behaviour as its own strand: count, rate per 1,000 residents with Byar's limits (<see cref="CrudeRate"/>),
/// change on the period before with the exact conditional test (<see cref="PeriodChange.ForRates"/>), monthly trend, and
/// hot spots by LSOA (count and rate per resident) and by map point.
/// </summary>
public sealed class AsbAnalysis(AnalyticalStore store)
{
    /// <summary>The analysis for the request.</summary>
    public AsbResult For(AsbRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (first, last) = (request.FirstMonth, request.LastMonth);
        var span = new MonthSpan(first, last);
        var length = span.Length;
        var (previousFirst, previousLast) = span.Before;
        var counts = new CrimeCounts(store);
        var asb = new[] { CrimeType.AntiSocialBehaviour };
        var now = counts.Count(new CountQuery(request.Area) { FirstMonth = first, LastMonth = last, CrimeTypes = asb, Rate = new CountRateOptions() });
        var all = counts.Count(new CountQuery(request.Area) { FirstMonth = first, LastMonth = last });
        var monthly = counts.Count(new CountQuery(request.Area) { FirstMonth = previousFirst, LastMonth = last, CrimeTypes = asb, By = CountGrouping.Month });
        CountResult? before = null;
        try
        {
            before = counts.Count(new CountQuery(request.Area) { FirstMonth = previousFirst, LastMonth = previousLast, CrimeTypes = asb, Rate = new CountRateOptions() });
        }
        catch (InvalidOperationException)
        {
        }

        var complete = now.MonthsCovered.Count == length;
        var previousComplete = before is not null && before.MonthsCovered.Count == length;
        var options = RateOptions.Default with { Multiplier = 1000 };
        RateResult? rate = complete && now.Population is { } p ? CrudeRate.Calculate(now.Total, p.Value, options) : null;
        RateChange? change = complete && previousComplete && now.Population is { } pn && before!.Population is { } pb
            ? PeriodChange.ForRates(before.Total, pb.Value, now.Total, pn.Value, Polarity.LowIsGood, 1000)
            : null;

        var notes = new List<string> { AsbResult.Definition };
        if (!complete)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Only {now.MonthsCovered.Count} of the {length} months are imported: no rate is given."));
        }

        if (!previousComplete)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"No change is given: the period before ({previousFirst.ToDisplayString()} to {previousLast.ToDisplayString()}) is not imported in full."));
        }

        // Hot spots by LSOA, with rates per resident of the LSOA.
        var lsoas = new DeprivationQuery(store).ByLsoa(request.Area, first, last);
        var lsoaRows = lsoas?.Lsoas.Select(l => (l, n: l.Counts.GetValueOrDefault(CrimeType.AntiSocialBehaviour)))
            .Where(x => x.n > 0).OrderByDescending(x => x.n).ThenBy(x => x.l.Code, StringComparer.Ordinal).Take(request.Top)
            .Select(x => new AsbLsoa(x.l.Code, x.l.Name, x.n, x.l.Population, complete && x.l.Population is > 0 ? CrudeRate.Calculate(x.n, x.l.Population.Value, options) : null, x.l.Decile))
            .ToList() ?? [];
        var lsoaSource = lsoas is null ? "no LSOA population or deprivation index is imported" : $"rates per 1,000 residents: {lsoas.PopulationSource}; decile: {lsoas.IndexSource}";

        IReadOnlyList<RepeatPlace> places;
        try
        {
            places = [.. new PlacesQuery(store).Read(request.Area, first, last, asb).Take(request.Top)
                .Select((x, i) => new RepeatPlace(i + 1, x.Location, x.LsoaCode, x.LsoaName, x.Longitude, x.Latitude, x.Count, null, null))];
        }
        catch (CountsOnlyMonthsException e)
        {
            places = [];
            notes.Add(e.Message);
        }

        notes.Add(RepeatPlacesResult.Snapping);
        var covered = monthly.MonthsCovered.ToHashSet();
        var series = monthly.Rows.Select(r => (r.FirstMonth, covered.Contains(r.FirstMonth) ? (long?)r.Count : null)).ToList();
        return new AsbResult(request, now.Total, previousComplete ? before!.Total : null, now.MonthsCovered.Count, rate, now.Population, now.PopulationNote, change,
            all.Total == 0 ? null : now.Total / (double)all.Total, series, lsoaRows, lsoaSource, places, notes);
    }
}
