using CommunitySafety.Areas;
using CommunitySafety.Crime;
using CommunitySafety.Data.Internals;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Queries;

/// <summary>One financial year of an area from <see cref="AllAreaCounts"/>: what <see cref="CrimeCounts"/> gives for it.</summary>
/// <param name="Year">The financial year.</param>
/// <param name="MonthsCovered">Months of the year with data for every force responsible for the area.</param>
/// <param name="Counts">Records by current crime type (every current type, zeros included), as <see cref="CountGrouping.CrimeType"/>.</param>
/// <param name="Population">The all-ages population for a rate in the year (<see cref="CountRateOptions"/> defaults), when found.</param>
/// <param name="PopulationNote">Why there is no population, when none was found.</param>
public sealed record AreaYearCounts(FinancialYear Year, int MonthsCovered, IReadOnlyDictionary<CrimeType, long> Counts, PopulationFigure? Population, string? PopulationNote);

/// <summary>A run of months of an area from <see cref="AllAreaCounts"/>: what <see cref="CrimeCounts"/> gives for those months grouped by crime type with a rate.</summary>
/// <param name="FirstMonth">The first month of the run.</param>
/// <param name="LastMonth">The last month of the run.</param>
/// <param name="MonthsCovered">Months of the run with data for every force responsible for the area.</param>
/// <param name="Counts">Records by current crime type (every current type, zeros included).</param>
/// <param name="Population">The all-ages population for a rate over a period ending in the last month, when found.</param>
/// <param name="PopulationNote">Why there is no population, when none was found.</param>
public sealed record AreaMonthsCounts(YearMonth FirstMonth, YearMonth LastMonth, int MonthsCovered, IReadOnlyDictionary<CrimeType, long> Counts, PopulationFigure? Population, string? PopulationNote);

/// <summary>
/// Counts of every local authority, CSP, police force area and England and Wales at once, by crime type and financial
/// year with month coverage and population, from a few queries over the pre-aggregated monthly table. For all-areas work
/// (every CSP's strategic assessment), where asking <see cref="CrimeCounts"/> area by area costs several queries each.
/// </summary>
/// <remarks>
/// <para>The figures are those of <see cref="CrimeCounts.Count"/> with the same rules: a geographic area counts records
/// whose LSOA's local authority lies in it, England and Wales every record; a month is covered only when every force
/// responsible for the area has it (the forces of the area's police force area(s), else those that reported records in
/// it); the population is the Data layer's choice for a period ending in the year's last month.</para>
/// <para>Loading reads <c>crime_monthly</c> once, grouped by local authority (numbered) × crime type × month (a few
/// hundred thousand rows for years of national data; financial years are summed from the months in memory), plus the force, lookup and loaded-month tables; everything after that is in memory.
/// An instance is a snapshot (make a new one after an import) and is not thread-safe.</para>
/// </remarks>
public sealed class AllAreaCounts
{
    private readonly AnalyticalStore _store;
    private readonly PopulationCalculator _population;
    private readonly List<(short Id, string Name, string Short)> _forces;
    private readonly List<(string LadCode, string? CspCode, string? PfaCode, string? PfaName, string? CspName)> _lookup;
    private readonly Dictionary<short, HashSet<int>> _loaded;
    private readonly Dictionary<string, long[]> _cells;
    private readonly Dictionary<string, long[]> _monthCells;
    private readonly int _firstMonth;
    private readonly int _months;
    private readonly List<(string Code, string Name)> _ladNames;
    private readonly int _firstYear;
    private readonly int _years;
    private readonly int _types;

    private AllAreaCounts(AnalyticalStore store)
    {
        _store = store;
        _population = new PopulationCalculator(store);
        _forces = store.Query("SELECT force_id, name, short_name FROM force", r => (r.GetInt16(0), r.GetString(1), r.GetString(2)));
        _lookup = store.Query(
            "SELECT lad_code, csp_code, pfa_code, pfa_name, csp_name FROM lad_lookup",
            r => (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
        _loaded = store.Query("SELECT force_id, month_idx FROM loaded_month WHERE kind = 0", r => (Force: r.GetInt16(0), Month: r.GetInt32(1)))
            .GroupBy(l => l.Force).ToDictionary(g => g.Key, g => g.Select(l => l.Month).ToHashSet());
        _types = CrimeType.All.Max(t => t.Id) + 1;

        // Local authorities are numbered (code and name pairs of the LSOA table, 0 for records in no local authority) so
        // that DuckDB groups 13 million monthly rows by small integers rather than by two strings. Months (not financial
        // years) because the matrix's rolling 12-month periods cut across financial years.
        var pairs = store.Query(
            "SELECT lad_code, lad_name FROM (SELECT DISTINCT lad_code, lad_name FROM lsoa WHERE lad_code IS NOT NULL) ORDER BY lad_code, lad_name NULLS FIRST",
            r => (Code: r.GetString(0), Name: r.IsDBNull(1) ? null : r.GetString(1)));
        var rows = store.Query(
            """
            WITH pair AS (
                SELECT lad_code, lad_name, (row_number() OVER (ORDER BY lad_code, lad_name NULLS FIRST))::INTEGER AS k
                FROM (SELECT DISTINCT lad_code, lad_name FROM lsoa WHERE lad_code IS NOT NULL)),
            keyed AS (
                SELECT s.lsoa_id, pair.k FROM lsoa s JOIN pair ON pair.lad_code = s.lad_code AND pair.lad_name IS NOT DISTINCT FROM s.lad_name)
            SELECT coalesce(keyed.k, 0) AS k, m.crime_type_id, m.month_idx, sum(m.n)::BIGINT
            FROM crime_monthly m LEFT JOIN keyed ON keyed.lsoa_id = m.lsoa_id
            GROUP BY ALL
            """,
            r => (Key: r.GetInt32(0), Type: r.GetByte(1), Month: r.GetInt32(2), N: r.GetInt64(3)));
        var withRecords = new bool[pairs.Count + 1];
        _firstYear = int.MaxValue;
        var lastYear = int.MinValue;
        _firstMonth = int.MaxValue;
        var lastMonth = int.MinValue;
        foreach (var row in rows)
        {
            if (row.Key > pairs.Count)
            {
                throw new InvalidOperationException($"The store's LSOA table changed while its counts were read ({row.Key} local authorities, {pairs.Count} listed): read again.");
            }

            withRecords[row.Key] = true;
            _firstMonth = Math.Min(_firstMonth, row.Month);
            lastMonth = Math.Max(lastMonth, row.Month);
            _firstYear = Math.Min(_firstYear, FinancialYearOf(row.Month));
            lastYear = Math.Max(lastYear, FinancialYearOf(row.Month));
        }

        _years = rows.Count == 0 ? 0 : lastYear - _firstYear + 1;
        _months = rows.Count == 0 ? 0 : lastMonth - _firstMonth + 1;
        _ladNames = [.. pairs.Where((p, i) => withRecords[i + 1] && p.Name is not null).Select(p => (p.Code, p.Name!))];
        _cells = new Dictionary<string, long[]>(StringComparer.Ordinal);
        _monthCells = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var byKey = new (long[] Years, long[] Months)?[pairs.Count + 1];
        foreach (var (key, type, month, n) in rows)
        {
            if (byKey[key] is not { } cells)
            {
                var lad = key == 0 ? string.Empty : pairs[key - 1].Code;
                if (!_cells.TryGetValue(lad, out var years))
                {
                    _cells[lad] = years = new long[_types * _years];
                    _monthCells[lad] = new long[_types * _months];
                }

                byKey[key] = cells = (years, _monthCells[lad]);
            }

            cells.Years[(type * _years) + FinancialYearOf(month) - _firstYear] += n;
            cells.Months[(type * _months) + month - _firstMonth] += n;
        }
    }

    /// <summary>The start year of the financial year (April to March) holding the month with this index.</summary>
    private static int FinancialYearOf(int monthIndex) => YearMonth.FromIndex(monthIndex).FinancialYear.StartYear;

    /// <summary>Reads the store's counts, lookups and loaded months.</summary>
    public static AllAreaCounts Load(AnalyticalStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new AllAreaCounts(store);
    }

    /// <summary>
    /// The areas of <paramref name="kind"/> with located records and a code, by name, as
    /// <see cref="AreaResolver.ListAreas"/> lists them (a local authority by the name its LSOAs were allocated, and only
    /// when the LAD → CSP → PFA lookup gives its CSP); without the three passes over the monthly counts that listing takes.
    /// </summary>
    public IReadOnlyList<ResolvedArea> Areas(AreaKind kind)
    {
        var withRecords = _cells.Keys.Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        var located = _lookup.Where(l => withRecords.Contains(l.LadCode)).ToList();
        IEnumerable<(string Code, string Name)> areas = kind switch
        {
            AreaKind.LocalAuthority => _ladNames.Where(l => located.Any(k => k.LadCode == l.Code && k.CspName is not null)),
            AreaKind.CommunitySafetyPartnership => located.Where(l => l.CspCode is not null && l.CspName is not null).Select(l => (l.CspCode!, l.CspName!)),
            AreaKind.PoliceForceArea => located.Where(l => l.PfaCode is not null && l.PfaName is not null).Select(l => (l.PfaCode!, l.PfaName!)),
            _ => throw new NotSupportedException($"All-area counts list local authorities, CSPs and police force areas, not {kind}."),
        };
        return [.. areas.Distinct()
            .OrderBy(a => a.Name, StringComparer.Ordinal).DistinctBy(a => a.Code)
            .Select(a => new ResolvedArea(kind, a.Name, AreaCode.Parse(a.Code)))];
    }

    /// <summary>
    /// The area's counts in <paramref name="year"/>, as <see cref="CrimeCounts"/> would give them for the year's months
    /// grouped by crime type with a rate; null when no month of the year is covered.
    /// </summary>
    /// <exception cref="NotSupportedException">The area is a force, an LSOA or a local authority without a code.</exception>
    public AreaYearCounts? Year(ResolvedArea area, FinancialYear year)
    {
        var plan = Plan(area);
        var covered = Covered(plan.Forces, year.FirstMonth.Index, year.LastMonth.Index);
        if (covered == 0)
        {
            return null;
        }

        var counts = new Dictionary<CrimeType, long>();
        foreach (var type in CrimeType.All.Where(t => !t.IsLegacy))
        {
            counts[type] = Sum(plan.Lads, type.Id, year);
        }

        var (figure, note) = _population.For(area, [.. plan.Forces.Select(f => f.Name)], new CountRateOptions(), PopulationYears.ForPeriod(year.LastMonth));
        return new AreaYearCounts(year, covered, counts, figure, note);
    }

    /// <summary>The financial year of the area's first covered month up to <paramref name="lastMonth"/>; null when none.</summary>
    public FinancialYear? FirstYear(ResolvedArea area, YearMonth lastMonth)
    {
        var plan = Plan(area);
        if (plan.Forces.Count == 0)
        {
            return null;
        }

        var common = CommonMonths(plan);
        var first = common.Count > 0 && common[0] <= lastMonth.Index ? common[0] : int.MaxValue;
        return first == int.MaxValue ? null : YearMonth.FromIndex(first).FinancialYear;
    }

    /// <summary>
    /// The months up to <paramref name="lastMonth"/> that every force responsible for the area has, as
    /// <see cref="CrimeCounts.Count"/> gives them for a query with only that last month; null where that query finds nothing
    /// to count (no responsible force, or none with a month up to <paramref name="lastMonth"/>).
    /// </summary>
    public IReadOnlyList<YearMonth>? CoveredMonths(ResolvedArea area, YearMonth lastMonth)
    {
        var plan = Plan(area);
        var earliest = plan.Forces.Select(f => _loaded.TryGetValue(f.Id, out var months) && months.Count > 0 ? months.Min() : int.MaxValue)
            .DefaultIfEmpty(int.MaxValue).Min();
        if (earliest > lastMonth.Index)
        {
            return null;
        }

        return [.. CommonMonths(plan).TakeWhile(m => m <= lastMonth.Index).Select(YearMonth.FromIndex)];
    }

    /// <summary>
    /// The area's counts over months <paramref name="first"/>..<paramref name="last"/> (inclusive), as
    /// <see cref="CrimeCounts"/> would give them grouped by crime type with a rate: records by current crime type, months
    /// covered, and the population for a period ending in the last month.
    /// </summary>
    /// <exception cref="NotSupportedException">The area is a force, an LSOA or a local authority without a code.</exception>
    public AreaMonthsCounts Months(ResolvedArea area, YearMonth first, YearMonth last)
    {
        if (last < first)
        {
            throw new ArgumentException($"The last month {last} is before the first month {first}.", nameof(last));
        }

        var plan = Plan(area);
        var covered = Covered(plan.Forces, first.Index, last.Index);
        var counts = new Dictionary<CrimeType, long>();
        var from = Math.Max(first.Index, _firstMonth) - _firstMonth;
        var to = Math.Min(last.Index, _firstMonth + _months - 1) - _firstMonth;
        foreach (var type in CrimeType.All.Where(t => !t.IsLegacy))
        {
            long total = 0;
            foreach (var cells in plan.Lads is null ? _monthCells.Values : plan.Lads.Select(l => _monthCells.GetValueOrDefault(l)).OfType<long[]>())
            {
                for (var m = from; m <= to; m++)
                {
                    total += cells[(type.Id * _months) + m];
                }
            }

            counts[type] = total;
        }

        var (figure, note) = _population.For(area, [.. plan.Forces.Select(f => f.Name)], new CountRateOptions(), PopulationYears.ForPeriod(last));
        return new AreaMonthsCounts(first, last, covered, counts, figure, note);
    }

    // The months (ascending) every responsible force has, worked out once per area (England and Wales intersects 43
    // forces' months and is asked again for every area assessed).
    private List<int> CommonMonths(AreaPlan plan) =>
        plan.CommonMonths ??= plan.Forces.Count == 0
            ? []
            : [.. plan.Forces.Select(f => _loaded.TryGetValue(f.Id, out var months) ? months : [])
                .Aggregate((a, b) => [.. a.Intersect(b)]).Order()];

    /// <summary>The forces with data in the months, out of those responsible (43 for England and Wales).</summary>
    public ForceCoverage Coverage(ResolvedArea area, YearMonth first, YearMonth last)
    {
        var plan = Plan(area);
        var with = plan.Forces.Where(f => _loaded.TryGetValue(f.Id, out var months) && months.Any(m => m >= first.Index && m <= last.Index))
            .Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
        var outOf = area.Kind == AreaKind.EnglandAndWales ? PoliceForces.EnglandAndWalesCount : Math.Max(1, plan.Forces.Count);
        return new ForceCoverage(with, outOf);
    }

    private sealed record AreaPlan(List<(short Id, string Name)> Forces, string[]? Lads)
    {
        /// <summary>The months (ascending) that every one of <see cref="Forces"/> has loaded, once asked for.</summary>
        public List<int>? CommonMonths { get; set; }
    }

    private readonly Dictionary<(AreaKind, string), AreaPlan> _plans = [];

    /// <summary>Which local authorities' cells make up the area (null: all, for England and Wales) and its responsible forces.</summary>
    private AreaPlan Plan(ResolvedArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        var code = area.Code?.Value;
        var key = (area.Kind, code ?? area.Name);
        if (_plans.TryGetValue(key, out var known))
        {
            return known;
        }

        if (area.Kind == AreaKind.EnglandAndWales)
        {
            return _plans[key] = new AreaPlan([.. _forces.Select(f => (f.Id, f.Name))], null);
        }

        Func<(string LadCode, string? CspCode, string? PfaCode, string? PfaName, string? CspName), bool> inArea = area.Kind switch
        {
            AreaKind.LocalAuthority when code is not null => l => l.LadCode == code,
            AreaKind.CommunitySafetyPartnership => l => l.CspCode == code,
            AreaKind.PoliceForceArea => l => l.PfaCode == code,
            _ => throw new NotSupportedException($"All-area counts are for local authorities with a code, CSPs, police force areas and England and Wales, not {area}."),
        };
        var rows = _lookup.Where(inArea).ToList();
        string[] lads = area.Kind == AreaKind.LocalAuthority ? [code!] : [.. rows.Select(l => l.LadCode).Distinct(StringComparer.Ordinal)];
        var keys = rows.Where(l => l.PfaName is not null).Select(l => CrimeCounts.ForceKeyOfPoliceForceArea(l.PfaName!)).ToHashSet();
        var forces = _forces.Where(f => keys.Contains(NameKey.For(f.Short))).Select(f => (f.Id, f.Name)).ToList();
        if (forces.Count == 0 && keys.Count == 0 && lads.Length > 0)
        {
            // As CrimeCounts: no police force area known, so the forces that reported records in the area.
            var reporting = _store.Query(
                $"SELECT DISTINCT m.force_id FROM crime_monthly m JOIN lsoa s ON s.lsoa_id = m.lsoa_id WHERE s.lad_code IN ({string.Join(',', lads.Select((_, i) => $"${i + 1}"))})",
                r => r.GetInt16(0), [.. lads]).ToHashSet();
            forces = [.. _forces.Where(f => reporting.Contains(f.Id)).Select(f => (f.Id, f.Name))];
        }

        return _plans[key] = new AreaPlan(forces, lads);
    }

    /// <summary>Months between the two indexes (inclusive) that every one of <paramref name="forces"/> has.</summary>
    private int Covered(List<(short Id, string Name)> forces, int first, int last)
    {
        if (forces.Count == 0)
        {
            return 0;
        }

        var n = 0;
        for (var m = first; m <= last; m++)
        {
            if (forces.TrueForAll(f => _loaded.TryGetValue(f.Id, out var months) && months.Contains(m)))
            {
                n++;
            }
        }

        return n;
    }

    private long Sum(string[]? lads, int type, FinancialYear year)
    {
        var y = year.StartYear - _firstYear;
        if (y < 0 || y >= _years)
        {
            return 0;
        }

        long total = 0;
        foreach (var cells in lads is null ? _cells.Values : lads.Select(l => _cells.GetValueOrDefault(l)).OfType<long[]>())
        {
            total += cells[(type * _years) + y];
        }

        return total;
    }
}
