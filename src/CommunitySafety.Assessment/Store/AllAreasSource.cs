using CommunitySafety.Areas;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment.Store;

/// <summary>
/// What every area's assessment needs, read in bulk: <see cref="AllAreaCounts"/> loads the counts of every area once, and
/// this class turns them into the same <see cref="AssessmentData"/> that <see cref="StoreAssessmentSource.Load"/> builds
/// area by area (same counts, coverage, populations, peers and notes).
/// </summary>
/// <remarks>Not thread-safe: load sequentially, then assess in parallel.</remarks>
internal sealed class AllAreasSource
{
    private readonly AreaResolver _resolver;
    private readonly AllAreaCounts _counts;
    private readonly StoreAssessmentSource _evidence; // the matrix's deprivation deciles, area by area
    private readonly Dictionary<(AreaKind, string), Dictionary<FinancialYear, (AreaYear? Year, string? Note)>> _years = [];
    private readonly Dictionary<FinancialYear, ForceCoverage> _nationalCoverage = [];

    public AllAreasSource(AnalyticalStore store)
    {
        _resolver = new AreaResolver(store);
        _counts = AllAreaCounts.Load(store);
        _evidence = new StoreAssessmentSource(store);
    }

    private readonly Dictionary<AreaKind, IReadOnlyList<ResolvedArea>> _areas = [];
    private readonly Dictionary<AreaKind, Dictionary<AreaCode, ResolvedArea>> _listed = [];

    /// <summary>As <see cref="StoreAssessmentSource.AreasOfKind"/>, from the counts already read.</summary>
    public IReadOnlyList<ResolvedArea> AreasOfKind(AreaKind kind)
    {
        if (!_areas.TryGetValue(kind, out var areas))
        {
            _areas[kind] = areas = _counts.Areas(kind);
        }

        return areas;
    }

    /// <summary>One year of an area and the population note it brings; null year when no month is covered.</summary>
    public (AreaYear? Year, string? Note) Year(ResolvedArea area, FinancialYear year)
    {
        var key = (area.Kind, area.Code?.Value ?? area.Name);
        if (!_years.TryGetValue(key, out var years))
        {
            _years[key] = years = [];
        }

        if (!years.TryGetValue(year, out var found))
        {
            var counts = _counts.Year(area, year);
            found = counts is null
                ? (null, null)
                : (new AreaYear(year, counts.MonthsCovered, counts.Population?.Value, counts.Counts),
                   StoreAssessmentSource.PopulationNote(area, counts.Population, counts.PopulationNote));
            years[year] = found;
        }

        return found;
    }

    /// <summary>The area's years from its first covered month to <paramref name="last"/>, adding their notes to <paramref name="notes"/>.</summary>
    public List<AreaYear> Series(ResolvedArea area, FinancialYear last, SortedSet<string> notes)
    {
        var years = new List<AreaYear>();
        var first = _counts.FirstYear(area, last.LastMonth);
        for (var y = first ?? last; first is not null && y <= last; y = y.Next)
        {
            if (Add(Year(area, y), notes) is { } data)
            {
                years.Add(data);
            }
        }

        return years;
    }

    /// <summary>
    /// Everything to assess <paramref name="area"/>, as <see cref="StoreAssessmentSource.Load"/> gives it from a new source
    /// after <see cref="StoreAssessmentSource.AllOthers"/> (when <paramref name="allOthers"/>) or with the peer group given.
    /// </summary>
    public AssessmentData Load(ResolvedArea area, FinancialYear year, PeerGroup? peers, bool allOthers)
    {
        var populationNotes = new SortedSet<string>(StringComparer.Ordinal);
        if (allOthers)
        {
            foreach (var other in AreasOfKind(area.Kind).Where(a => a.Code != area.Code))
            {
                Add(Year(other, year), populationNotes);
            }
        }

        var own = Series(area, year, populationNotes);
        var notes = new List<string>();
        AreaData? national = null;
        var ew = new ResolvedArea(AreaKind.EnglandAndWales, Area.EnglandAndWales.Name, Area.EnglandAndWales.Code);
        if (!_nationalCoverage.TryGetValue(year, out var coverage))
        {
            _nationalCoverage[year] = coverage = _counts.Coverage(ew, year.FirstMonth, year.LastMonth);
        }

        if (coverage.IsPartial)
        {
            notes.Add(StoreAssessmentSource.NationalComparatorText(coverage, year));
        }
        else
        {
            national = new AreaData(Area.EnglandAndWales, Series(ew, year, populationNotes));
        }

        var peerData = new List<AreaData>();
        if (!_listed.TryGetValue(area.Kind, out var listed))
        {
            _listed[area.Kind] = listed = AreasOfKind(area.Kind).ToDictionary(a => a.Code!.Value);
        }

        foreach (var code in peers?.Peers ?? [])
        {
            if ((listed.GetValueOrDefault(code) ?? _resolver.TryResolve(code.Value)) is { Code: not null } peer)
            {
                peerData.Add(new AreaData(StoreAssessmentSource.ToArea(peer), Add(Year(peer, year), populationNotes) is { } y ? [y] : []));
            }
        }

        notes.AddRange(populationNotes);
        var data = new AssessmentData(new AreaData(StoreAssessmentSource.ToArea(area), own), national, peerData, notes);
        return StoreAssessmentSource.WithEvidence(data, area, year, Rolling(area, year), _evidence.Deprivation);
    }

    /// <summary>The matrix's rolling 12-month periods of the area, from the counts already read (as <see cref="StoreAssessmentSource.Rolling(ResolvedArea, FinancialYear)"/>).</summary>
    private (RollingYears? Rolling, string? Note) Rolling(ResolvedArea area, FinancialYear year) =>
        StoreAssessmentSource.Rolling(area, year, _counts.CoveredMonths(area, year.Next.LastMonth), (first, last) =>
        {
            var months = _counts.Months(area, first, last);
            // The Data layer's source already names the estimate's year, as StoreAssessmentSource's own count does.
            return new MonthsCounts(first, last, months.MonthsCovered, months.Population?.Value, months.Population?.Source ?? months.PopulationNote, months.Counts);
        });

    private static AreaYear? Add((AreaYear? Year, string? Note) found, SortedSet<string> notes)
    {
        if (found.Note is { } note)
        {
            notes.Add(note);
        }

        return found.Year;
    }
}
