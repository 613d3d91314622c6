using CommunitySafety.Areas;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment.Store;

/// <summary>
/// Reads what an assessment needs from the analytical store through the Data project's query API
/// (<see cref="AreaResolver"/> and <see cref="CrimeCounts"/>): each area's counts by crime type per financial year,
/// with the months covered and the population, for the area, its peers and England and Wales.
/// </summary>
/// <remarks>
/// Reads are cached per area and year, so an all-areas run reads each area once however many peer groups it is in.
/// England and Wales is used only when every force is in the store; otherwise it is left out with a note, because the
/// sum of a few forces is not the national picture.
/// </remarks>
public sealed partial class StoreAssessmentSource
{
    private readonly AreaResolver _resolver;
    private readonly CrimeCounts _counts;
    private readonly Dictionary<(AreaKind, string), Dictionary<FinancialYear, AreaYear?>> _cache = [];
    private readonly Dictionary<(AreaKind, string), FinancialYear?> _firstYear = [];
    private readonly Dictionary<((AreaKind, string) Area, FinancialYear Year), PopulationFigure?> _populations = [];
    private readonly HashSet<string> _populationNotes = [];
    private readonly Dictionary<FinancialYear, ForceCoverage> _nationalCoverage = [];
    private IReadOnlyList<AreaSummary>? _areas;

    /// <summary>Creates the source over an open store.</summary>
    public StoreAssessmentSource(AnalyticalStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _resolver = new AreaResolver(store);
        _counts = new CrimeCounts(store);
        _store = store;
    }

    /// <summary>Resolves a name or code to a geographic area with an ONS code.</summary>
    /// <exception cref="AreaNotFoundException">Nothing matches.</exception>
    /// <exception cref="ArgumentException">The area is a police force or an LSOA, or has no ONS code.</exception>
    public ResolvedArea Resolve(string text)
    {
        var area = _resolver.Resolve(text);
        return area.Kind switch
        {
            AreaKind.Force => throw new ArgumentException($"'{text}' is the police force {area.Name}: an assessment is for a geographic area. Try '{text} police force area', or a local authority or CSP.", nameof(text)),
            AreaKind.Lsoa => throw new ArgumentException($"'{text}' is an LSOA: an assessment is for a local authority, a CSP or a police force area.", nameof(text)),
            AreaKind.EnglandAndWales => throw new ArgumentException("An assessment is for an area within England and Wales, which is its benchmark.", nameof(text)),
            _ when area.Code is null => throw new ArgumentException($"{area.Name} has no ONS code in the store: import the ONS LSOA → local authority lookup first.", nameof(text)),
            _ => area,
        };
    }

    /// <summary>
    /// The areas of <paramref name="kind"/> with records in the store (e.g. every CSP), by name. Local authorities must
    /// be in the LAD → CSP → PFA lookup, so that their coverage is their own force's months (an authority missing from the
    /// lookup with a few records from a neighbouring force would otherwise look complete).
    /// </summary>
    public IReadOnlyList<ResolvedArea> AreasOfKind(AreaKind kind)
    {
        _areas ??= _resolver.ListAreas();
        return [.. _areas
            .Where(a => a.Area.Kind == kind && a.Area.Code is not null && (kind != AreaKind.LocalAuthority || a.Parent is not null))
            .Select(a => a.Area).DistinctBy(a => a.Code).OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The peer group of every other area of the same kind with data for <paramref name="year"/> in the store, for when no
    /// peer group is given. Areas with a partial year stay in the group and are then left out of its rate with the reason.
    /// </summary>
    public PeerGroup AllOthers(ResolvedArea area, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(area);
        var others = AreasOfKind(area.Kind)
            .Where(a => a.Code != area.Code && Year(a, year) is not null)
            .Select(a => a.Code!.Value)
            .ToArray();
        return AllOthersGroup(area, others, year);
    }

    /// <summary>The peer group of <see cref="AllOthers"/> from the other areas' codes.</summary>
    internal static PeerGroup AllOthersGroup(ResolvedArea area, AreaCode[] others, FinancialYear year) =>
        new(area.Code!.Value, others, $"every other {area.KindName} with data for {year} in the store ({others.Length})", new Dictionary<AreaCode, double>());

    /// <summary>The area as a domain <see cref="Area"/>.</summary>
    public static Area ToArea(ResolvedArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        var type = area.Kind switch
        {
            AreaKind.Lsoa => AreaType.Lsoa,
            AreaKind.LocalAuthority => AreaType.LocalAuthority,
            AreaKind.CommunitySafetyPartnership => AreaType.CommunitySafetyPartnership,
            AreaKind.PoliceForceArea => AreaType.PoliceForceArea,
            _ => AreaType.EnglandAndWales,
        };
        return new Area(area.Code ?? Area.EnglandAndWales.Code, area.Name, type);
    }

    /// <summary>
    /// Everything to assess <paramref name="area"/> in <paramref name="year"/>: its years from its first month of data,
    /// England and Wales's (when complete), and the peers' assessment year.
    /// </summary>
    public AssessmentData Load(ResolvedArea area, FinancialYear year, PeerGroup? peers)
    {
        ArgumentNullException.ThrowIfNull(area);
        var notes = new List<string>();
        var own = Series(area, year);
        AreaData? national = null;
        var ew = new ResolvedArea(AreaKind.EnglandAndWales, Area.EnglandAndWales.Name, Area.EnglandAndWales.Code);
        if (!_nationalCoverage.TryGetValue(year, out var coverage))
        {
            _nationalCoverage[year] = coverage = _counts.Count(new CountQuery(ew) { FirstMonth = year.FirstMonth, LastMonth = year.LastMonth }).Forces;
        }

        if (coverage.IsPartial)
        {
            notes.Add(NationalComparatorText(coverage, year));
        }
        else
        {
            national = new AreaData(Area.EnglandAndWales, Series(ew, year));
        }

        var peerData = new List<AreaData>();
        foreach (var code in peers?.Peers ?? [])
        {
            if (_resolver.TryResolve(code.Value) is { Code: not null } peer)
            {
                peerData.Add(new AreaData(ToArea(peer), Year(peer, year) is { } y ? [y] : []));
            }
        }

        notes.AddRange(_populationNotes.Order(StringComparer.Ordinal));
        return WithEvidence(new AssessmentData(new AreaData(ToArea(area), own), national, peerData, notes), area, year);
    }

    /// <summary>The area's financial years, from its first month of data to <paramref name="last"/>.</summary>
    public IReadOnlyList<AreaYear> Series(ResolvedArea area, FinancialYear last)
    {
        ArgumentNullException.ThrowIfNull(area);
        var key = Key(area);
        if (!_firstYear.TryGetValue(key, out var first))
        {
            CountResult? range = null;
            try
            {
                range = _counts.Count(new CountQuery(area) { LastMonth = last.LastMonth, By = CountGrouping.FinancialYear });
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                // Nothing imported for the area's forces, or nothing before the year asked for.
            }

            first = range?.Rows.Where(r => r.MonthsCovered > 0).Select(r => (FinancialYear?)r.FirstMonth.FinancialYear).Min();
            _firstYear[key] = first;
        }

        var years = new List<AreaYear>();
        for (var y = first ?? last; first is not null && y <= last; y = y.Next)
        {
            if (Year(area, y) is { } data)
            {
                years.Add(data);
            }
        }

        return years;
    }

    /// <summary>One financial year of the area: counts by crime type, months covered, population; null when no months have data.</summary>
    public AreaYear? Year(ResolvedArea area, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(area);
        var key = Key(area);
        if (!_cache.TryGetValue(key, out var years))
        {
            _cache[key] = years = [];
        }

        if (years.TryGetValue(year, out var cached))
        {
            return cached;
        }

        CountResult result;
        try
        {
            result = _counts.Count(new CountQuery(area) { FirstMonth = year.FirstMonth, LastMonth = year.LastMonth, By = CountGrouping.CrimeType });
        }
        catch (InvalidOperationException)
        {
            years[year] = null;
            return null;
        }

        AreaYear? data = null;
        if (result.MonthsCovered.Count > 0)
        {
            var counts = result.Rows.Where(r => r.CrimeType is { IsLegacy: false }).ToDictionary(r => r.CrimeType!, r => r.Count);
            data = new AreaYear(year, result.MonthsCovered.Count, Population(area, year)?.Value, counts);
        }

        years[year] = data;
        return data;
    }

    /// <summary>
    /// The population the Data layer uses for a rate in <paramref name="year"/> (the year's own mid-year, else the nearest
    /// earlier, else the earliest, with its source and any warning), read once per area and year: the choice and its note
    /// and warning depend on the year asked for, so a figure is never reused for another year.
    /// </summary>
    private PopulationFigure? Population(ResolvedArea area, FinancialYear year)
    {
        var key = (Key(area), year);
        if (_populations.TryGetValue(key, out var known))
        {
            return known;
        }

        var result = _counts.Count(new CountQuery(area) { FirstMonth = year.LastMonth, LastMonth = year.LastMonth, Rate = new CountRateOptions() });
        _populations[key] = result.Population;
        if (PopulationNote(area, result.Population, result.PopulationNote) is { } note)
        {
            _populationNotes.Add(note);
        }

        return result.Population;
    }

    /// <summary>The note an assessment carries about an area's population: its mid-year, or why there is none.</summary>
    internal static string? PopulationNote(ResolvedArea area, PopulationFigure? figure, string? missing) => figure is { } p
        ? "Rates use the ONS population estimate for each year's own mid-year (2024/25 → mid-2024), else the nearest earlier one in the store."
        : missing is null ? null : $"No rates for {area.Name}: {missing}";

    private static (AreaKind, string) Key(ResolvedArea area) => (area.Kind, area.Code?.Value ?? area.Name);

    /// <summary>
    /// Characteristics for nearest neighbours from the store's population estimates: population, the share aged 0–15
    /// and the share aged 60 and over, for each area of <paramref name="kind"/>. Crime is deliberately not among them, so
    /// that peers are not chosen by the very thing they are compared on.
    /// </summary>
    public AreaCharacteristics PopulationCharacteristics(AreaKind kind, FinancialYear year)
    {
        var values = new Dictionary<AreaCode, double[]>();
        int? populationYear = null;
        foreach (var area in AreasOfKind(kind))
        {
            double? Population(AgeBand band)
            {
                var figure = _counts.Count(new CountQuery(area) { FirstMonth = year.LastMonth, LastMonth = year.LastMonth, Rate = new CountRateOptions(Band: band) }).Population;
                populationYear ??= figure?.Year;
                return figure?.Value;
            }

            var all = Population(AgeBand.AllAges);
            var children = Population(new AgeBand(0, 15));
            var older = Population(new AgeBand(60, null));
            if (all is > 0 && children is { } c && older is { } o)
            {
                values[area.Code!.Value] = [all.Value, 100 * c / all.Value, 100 * o / all.Value];
            }
        }

        return new AreaCharacteristics(
            ["population", "% aged 0-15", "% aged 60+"],
            values,
            null,
            $"ONS population estimates in the store{(populationYear is { } y ? $" (mid-{y})" : string.Empty)}");
    }
}
