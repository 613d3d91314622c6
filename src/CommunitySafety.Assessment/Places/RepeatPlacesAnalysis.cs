using System.Globalization;
using CommunitySafety.Crime;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Places;

/// <summary>What to analyse: an area's places over a period, against the period of the same length before it.</summary>
/// <param name="Area">The area.</param>
/// <param name="FirstMonth">First month of the period (normally 12 months).</param>
/// <param name="LastMonth">Last month of the period.</param>
/// <param name="CrimeTypes">The types counted; null for all crime (anti-social behaviour only with <paramref name="IncludeAntiSocialBehaviour"/>).</param>
/// <param name="IncludeAntiSocialBehaviour">Count anti-social behaviour with crime (off by default).</param>
/// <param name="Top">How many places to list.</param>
public sealed record RepeatPlacesRequest(ResolvedArea Area, YearMonth FirstMonth, YearMonth LastMonth, IReadOnlyList<CrimeType>? CrimeTypes = null, bool IncludeAntiSocialBehaviour = false, int Top = 20);

/// <summary>One of the places with the most records.</summary>
/// <param name="Rank">1 = the most records.</param>
/// <param name="Location">police.uk's description of the anonymous map point, e.g. "On or near Parking Area".</param>
/// <param name="LsoaCode">The LSOA it lies in.</param>
/// <param name="LsoaName">The LSOA's name, when known.</param>
/// <param name="Longitude">The map point's longitude.</param>
/// <param name="Latitude">The map point's latitude.</param>
/// <param name="Count">Records in the period.</param>
/// <param name="PreviousCount">Records at the same point in the period before; null when that period is not imported in full.</param>
/// <param name="WasTopFivePercentBefore">Whether the point was among the top 5% of places the period before; null when not imported in full.</param>
public sealed record RepeatPlace(int Rank, string? Location, string? LsoaCode, string? LsoaName, double Longitude, double Latitude, long Count, long? PreviousCount, bool? WasTopFivePercentBefore);

/// <summary>The share of records at the top places.</summary>
/// <param name="Fraction">0.01 or 0.05.</param>
/// <param name="Places">How many places that is (⌈fraction × places with records⌉).</param>
/// <param name="Count">Their records.</param>
/// <param name="Share">Their share of all located records, 0–1.</param>
public sealed record TopPlacesShare(double Fraction, int Places, long Count, double? Share);

/// <summary>The places with the most records, how much they hold, and whether they stay the same.</summary>
/// <param name="Request">What was asked.</param>
/// <param name="What">What was counted, in words ("all crime except anti-social behaviour").</param>
/// <param name="MonthsCovered">Months of the period imported.</param>
/// <param name="PreviousFirstMonth">First month of the period before.</param>
/// <param name="PreviousLastMonth">Last month of the period before.</param>
/// <param name="PreviousMonthsCovered">Months of the period before imported.</param>
/// <param name="Places">Map points with at least one record in the period.</param>
/// <param name="Records">Located records in the period.</param>
/// <param name="Top">The places with the most records, most first.</param>
/// <param name="TopShares">The top 1% and 5% of places and their share of records.</param>
/// <param name="PreviousTopShares">The same for the period before; empty when it is not imported in full.</param>
/// <param name="Persistence">Of the top 5% of places in the period, how many were also in the top 5% the period before (and of how many); null when the period before is not imported in full.</param>
/// <param name="Concentration">Gini coefficient and Lorenz curve over the places with records.</param>
/// <param name="Notes">What the figures mean and leave out, in plain words.</param>
public sealed record RepeatPlacesResult(
    RepeatPlacesRequest Request,
    string What,
    int MonthsCovered,
    YearMonth PreviousFirstMonth,
    YearMonth PreviousLastMonth,
    int PreviousMonthsCovered,
    int Places,
    long Records,
    IReadOnlyList<RepeatPlace> Top,
    IReadOnlyList<TopPlacesShare> TopShares,
    IReadOnlyList<TopPlacesShare> PreviousTopShares,
    (int Stayed, int Of)? Persistence,
    ConcentrationResult Concentration,
    IReadOnlyList<string> Notes)
{
    /// <summary>The period in words.</summary>
    public string PeriodText => new MonthSpan(Request.FirstMonth, Request.LastMonth).Text;

    /// <summary>The period before in words.</summary>
    public string PreviousPeriodText => new MonthSpan(PreviousFirstMonth, PreviousLastMonth).Text;

    /// <summary>What a "place" is, said wherever places are shown.</summary>
    public const string Snapping =
        "Places are police.uk's anonymous map points: to protect victims, police.uk moves every crime to the nearest of a fixed set of points (the middle of a street, a public place such as a car park or station, or a point standing for at least eight addresses). A place is therefore a map point crimes are snapped to, not an address, and one point can gather crimes from several nearby streets or buildings.";
}

/// <summary>
/// Repeat places: the police.uk map points with the most records over a period (normally 12 months), the share of records
/// at the top 1% and 5% of places, and persistence: whether the same points were at the top the period before.
/// </summary>
/// <remarks>
/// Counting follows the "law of crime concentration" studies (Weisburd, Criminology 2015;53:133–157): the share of crime
/// at the top 1% and 5% of places, here over the places with at least one record, said as such (the share over all
/// possible places would be smaller). Top places are ⌈f × n⌉ (<see cref="Concentration.TopShare"/>); persistence is the
/// overlap of the two periods' top 5% of places.
/// </remarks>
public sealed class RepeatPlacesAnalysis(AnalyticalStore store)
{
    /// <summary>The analysis for the request.</summary>
    /// <exception cref="CountsOnlyMonthsException">The period's months were imported counts-only (no records to place).</exception>
    public RepeatPlacesResult For(RepeatPlacesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var types = Types(request);
        var (first, last) = (request.FirstMonth, request.LastMonth);
        var span = new MonthSpan(first, last);
        var length = span.Length;
        var (previousFirst, previousLast) = span.Before;
        var counts = new CrimeCounts(store);
        var covered = counts.Count(new CountQuery(request.Area) { FirstMonth = first, LastMonth = last }).MonthsCovered.Count;
        int previousCovered;
        try
        {
            previousCovered = counts.Count(new CountQuery(request.Area) { FirstMonth = previousFirst, LastMonth = previousLast }).MonthsCovered.Count;
        }
        catch (InvalidOperationException)
        {
            previousCovered = 0;
        }

        var query = new PlacesQuery(store);
        var places = query.Read(request.Area, first, last, types);
        var previousComplete = previousCovered == length;
        var before = previousComplete ? query.Read(request.Area, previousFirst, previousLast, types) : [];
        var beforeByPoint = before.ToDictionary(p => (p.Longitude, p.Latitude), p => p.Count);
        var beforeTop = previousComplete && before.Count > 0
            ? before.Take(Concentration.TopUnits(before.Count, 0.05)).Select(p => (p.Longitude, p.Latitude)).ToHashSet()
            : [];
        var top = places.Take(request.Top).Select((p, i) => new RepeatPlace(i + 1, p.Location, p.LsoaCode, p.LsoaName, p.Longitude, p.Latitude, p.Count,
            previousComplete ? beforeByPoint.GetValueOrDefault((p.Longitude, p.Latitude)) : null,
            previousComplete ? beforeTop.Contains((p.Longitude, p.Latitude)) : null)).ToList();

        var values = places.Select(p => p.Count).ToList();
        var shares = values.Count == 0 ? [] : new[] { 0.01, 0.05 }.Select(f => Share(values, f)).ToList();
        var previousShares = before.Count == 0 ? [] : new[] { 0.01, 0.05 }.Select(f => Share([.. before.Select(p => p.Count)], f)).ToList();
        (int, int)? persistence = null;
        if (previousComplete && places.Count > 0)
        {
            var nowTop = places.Take(Concentration.TopUnits(places.Count, 0.05)).ToList();
            persistence = (nowTop.Count(p => beforeTop.Contains((p.Longitude, p.Latitude))), nowTop.Count);
        }

        var notes = new List<string>
        {
            RepeatPlacesResult.Snapping,
            "The top 1% and 5% are of the places with at least one record in the period; records without a map point are not counted.",
        };
        if (covered < length)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Only {covered} of the {length} months of {first.ToDisplayString()} to {last.ToDisplayString()} are imported: the counts are of those months."));
        }

        if (!previousComplete)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"Persistence is not shown: only {previousCovered} of the {length} months of the period before ({previousFirst.ToDisplayString()} to {previousLast.ToDisplayString()}) are imported."));
        }

        return new RepeatPlacesResult(request, What(request), covered, previousFirst, previousLast, previousCovered, places.Count, values.Sum(), top,
            shares, previousShares, persistence, values.Count == 0 ? Concentration.Of([0]) : Concentration.Of(values), notes);
    }

    /// <summary>What was counted, in words.</summary>
    public static string What(RepeatPlacesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CrimeTypes is { Count: > 0 } types)
        {
            return string.Join(", ", types.Select(t => t.Name.ToLowerInvariant()));
        }

        return request.IncludeAntiSocialBehaviour ? "all crime and anti-social behaviour" : "all crime (anti-social behaviour not included)";
    }

    private static List<CrimeType> Types(RepeatPlacesRequest request) =>
        request.CrimeTypes is { Count: > 0 } types
            ? [.. types]
            : [.. CrimeType.All.Where(t => request.IncludeAntiSocialBehaviour || t != CrimeType.AntiSocialBehaviour)];

    private static TopPlacesShare Share(IReadOnlyList<long> values, double fraction)
    {
        var (units, count, share) = Concentration.TopShare(values, fraction);
        return new TopPlacesShare(fraction, units, count, share);
    }
}
