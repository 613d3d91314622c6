using System.Globalization;
using CommunitySafety.Crime;
using CommunitySafety.Data.Internals;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Queries;

/// <summary>
/// Counts and crude rates of police.uk street-level records by area × crime type × period, from the pre-aggregated
/// monthly counts (never the raw records).
/// </summary>
/// <remarks>
/// <para>A force counts every record it reported, located or not, so its total equals the rows of its files; a geographic
/// area counts records whose LSOA lies in it, wherever the reporting force; England and Wales is the sum of the imported
/// forces, with the coverage stated ("1 of 43 forces").</para>
/// <para>Every row says how many of its months have data for the forces responsible for the area, so partial coverage
/// ("2018/19: 7 of 12 months") is shown, not hidden. A rate is count ÷ population × <see cref="CountRateOptions.Per"/>; the
/// population's mid-year is reported with it. Confidence intervals belong to the statistics engine.</para>
/// </remarks>
public sealed class CrimeCounts(AnalyticalStore store)
{
    // Population figures are read once per year per instance: an instance is for reading, not across imports.
    private readonly PopulationCalculator _population = new(store);

    /// <summary>Runs <paramref name="query"/>.</summary>
    /// <exception cref="InvalidOperationException">No months were given and nothing is imported for the area's forces.</exception>
    public CountResult Count(CountQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var area = query.Area;
        var (filterJoin, filter, filterArgs) = Filter(area);
        var forces = ResponsibleForces(area, filterJoin, filter, filterArgs);
        var forceList = forces.Count == 0 ? "NULL" : string.Join(',', forces.Keys);

        YearMonth first, last;
        if (query.FirstMonth is { } f && query.LastMonth is { } l)
        {
            (first, last) = (f, l);
        }
        else
        {
            var range = store.Query($"SELECT min(month_idx), max(month_idx) FROM loaded_month WHERE kind = 0 AND force_id IN ({forceList})",
                r => r.IsDBNull(0) ? ((int, int)?)null : (r.GetInt32(0), r.GetInt32(1))).Single()
                ?? throw new InvalidOperationException($"No street-level crime is imported for {area}: import police.uk files for its force first.");
            first = query.FirstMonth ?? YearMonth.FromIndex(range.Item1);
            last = query.LastMonth ?? YearMonth.FromIndex(range.Item2);
        }

        if (last < first)
        {
            throw new ArgumentException($"The last month {last} is before the first month {first}.", nameof(query));
        }

        var typeFilter = query.CrimeTypes is { Count: > 0 } types ? $" AND m.crime_type_id IN ({string.Join(',', types.Select(t => t.Id))})" : string.Empty;
        var cells = store.Query(
            $"""
            SELECT m.crime_type_id, m.month_idx, (m.lsoa_id IS NULL) AS no_location, sum(m.n)::BIGINT
            FROM crime_monthly m {filterJoin}
            WHERE m.month_idx BETWEEN {first.Index} AND {last.Index} {filter}{typeFilter}
            GROUP BY ALL
            """,
            r => (Type: r.GetByte(0), Month: r.GetInt32(1), NoLocation: r.GetBoolean(2), N: r.GetInt64(3)), filterArgs);
        // A month is covered only when every force responsible for the area has it: England and Wales with one force's
        // April is not a complete April.
        var covered = store.Query(
            $"""
            SELECT month_idx FROM loaded_month
            WHERE kind = 0 AND force_id IN ({forceList}) AND month_idx BETWEEN {first.Index} AND {last.Index}
            GROUP BY month_idx HAVING count(DISTINCT force_id) = {forces.Count} ORDER BY 1
            """,
            r => r.GetInt32(0)).ToHashSet();
        var forcesWithData = store.Query(
            $"SELECT DISTINCT f.name FROM loaded_month l JOIN force f USING (force_id) WHERE l.kind = 0 AND l.force_id IN ({forceList}) AND l.month_idx BETWEEN {first.Index} AND {last.Index} ORDER BY 1",
            r => r.GetString(0));
        var outOf = area.Kind == AreaKind.EnglandAndWales ? PoliceForces.EnglandAndWalesCount : Math.Max(1, forces.Count);

        var total = cells.Sum(c => c.N);
        PopulationFigure? population = null;
        string? populationNote = null;
        double per = query.Rate?.Per ?? 1000;
        // Each row's rate is on the population of its own period's mid-year (a row per financial year over 2017/18 to
        // 2024/25 uses mid-2017 … mid-2024); the result's population is that of the whole query (its last month).
        var byTarget = new Dictionary<int, PopulationFigure?>();
        PopulationFigure? PopulationFor(YearMonth end)
        {
            var target = PopulationYears.ForPeriod(end);
            if (query.Rate is not { } options)
            {
                return null;
            }

            if (!byTarget.TryGetValue(target, out var figure))
            {
                byTarget[target] = figure = _population.For(area, forces.Values.ToList(), options, target).Figure;
            }

            return figure;
        }

        if (query.Rate is { } rate)
        {
            (population, populationNote) = _population.For(area, forces.Values.ToList(), rate, PopulationYears.ForPeriod(last));
            byTarget[PopulationYears.ForPeriod(last)] = population;
        }

        double? Rate(long count) => population is { Value: > 0 } p ? count / p.Value * per : null;
        (double? Rate, PopulationFigure? Population) RowRate(long count, YearMonth end) =>
            PopulationFor(end) is { Value: > 0 } p ? (count / p.Value * per, p) : (null, null);
        var rows = Group(query, first, last, cells, covered, RowRate);
        return new CountResult
        {
            Area = area,
            FirstMonth = first,
            LastMonth = last,
            Rows = rows,
            Total = total,
            MonthsCovered = [.. covered.Order().Select(YearMonth.FromIndex)],
            Forces = new ForceCoverage(forcesWithData, outOf),
            NoLocation = area.Basis == CountBasis.LocatedInArea ? 0 : cells.Where(c => c.NoLocation).Sum(c => c.N),
            Population = population,
            PopulationNote = populationNote,
            Rate = Rate(total),
            RatePer = per,
        };
    }

    private static List<CountRow> Group(CountQuery query, YearMonth first, YearMonth last,
        List<(byte Type, int Month, bool NoLocation, long N)> cells, HashSet<int> covered, Func<long, YearMonth, (double? Rate, PopulationFigure? Population)> rateOf)
    {
        int Covered(YearMonth a, YearMonth b)
        {
            var n = 0;
            for (var m = a; m <= b; m = m.AddMonths(1))
            {
                if (m >= first && m <= last && covered.Contains(m.Index))
                {
                    n++;
                }
            }

            return n;
        }

        var allMonths = last.MonthsSince(first) + 1;
        var coveredAll = Covered(first, last);
        switch (query.By)
        {
            case CountGrouping.CrimeType:
                var types = query.CrimeTypes is { Count: > 0 } only ? only : CrimeType.All.Where(t => !t.IsLegacy || cells.Any(c => c.Type == t.Id)).ToList();
                return [.. types.Select(t =>
                {
                    var n = cells.Where(c => c.Type == t.Id).Sum(c => c.N);
                    var (r, p) = rateOf(n, last);
                    return new CountRow(t.Name, t, first, last, n, coveredAll, allMonths, r) { Population = p };
                })];
            case CountGrouping.Total:
                var total = cells.Sum(c => c.N);
                var (totalRate, totalPopulation) = rateOf(total, last);
                return [new CountRow("Total", null, first, last, total, coveredAll, allMonths, totalRate) { Population = totalPopulation }];
            default:
                var byMonth = cells.GroupBy(c => c.Month).ToDictionary(g => g.Key, g => g.Sum(c => c.N));
                var rows = new List<CountRow>();
                var start = PeriodStart(query.By, first);
                while (start <= last)
                {
                    var (label, end) = Period(query.By, start);
                    long n = 0;
                    for (var m = start; m <= end; m = m.AddMonths(1))
                    {
                        if (m >= first && m <= last)
                        {
                            n += byMonth.GetValueOrDefault(m.Index);
                        }
                    }

                    var (rowRate, rowPopulation) = rateOf(n, end);
                    rows.Add(new CountRow(label, null, start, end, n, Covered(start, end), end.MonthsSince(start) + 1, rowRate) { Population = rowPopulation });
                    start = end.AddMonths(1);
                }

                return rows;
        }
    }

    private static YearMonth PeriodStart(CountGrouping by, YearMonth month) => by switch
    {
        CountGrouping.FinancialQuarter => month.FinancialQuarter.FirstMonth,
        CountGrouping.FinancialYear => month.FinancialYear.FirstMonth,
        CountGrouping.CalendarYear => new YearMonth(month.Year, 1),
        _ => month,
    };

    private static (string Label, YearMonth End) Period(CountGrouping by, YearMonth start) => by switch
    {
        CountGrouping.FinancialQuarter => (start.FinancialQuarter.ToString(), start.FinancialQuarter.LastMonth),
        CountGrouping.FinancialYear => (start.FinancialYear.ToString(), start.FinancialYear.LastMonth),
        CountGrouping.CalendarYear => (start.Year.ToString(CultureInfo.InvariantCulture), new YearMonth(start.Year, 12)),
        _ => (start.ToString(), start),
    };

    /// <summary>The join and WHERE clause selecting an area's records in <c>crime_monthly m</c>.</summary>
    internal (string Join, string Where, object?[] Args) Filter(ResolvedArea area)
    {
        const string join = "JOIN lsoa s ON s.lsoa_id = m.lsoa_id";
        var code = area.Code?.Value;
        return area.Kind switch
        {
            AreaKind.Force => (string.Empty, "AND m.force_id = (SELECT force_id FROM force WHERE name = $1)", [area.Name]),
            AreaKind.EnglandAndWales => (string.Empty, string.Empty, []),
            AreaKind.Lsoa => (join, "AND s.code = $1", [code]),
            AreaKind.LocalAuthority when code is not null => (join, "AND s.lad_code = $1", [code]),
            AreaKind.LocalAuthority => (join, "AND lower(s.lad_name) = lower($1)", [area.Name]),
            AreaKind.CommunitySafetyPartnership => (join, "AND s.lad_code IN (SELECT lad_code FROM lad_lookup WHERE csp_code = $1)", [code]),
            _ => (join, "AND s.lad_code IN (SELECT lad_code FROM lad_lookup WHERE pfa_code = $1)", [code]),
        };
    }

    /// <summary>
    /// The forces whose months count as coverage for an area: the force itself; every force for England and Wales; for a
    /// geographic area the force(s) of its police force area(s), else the forces that reported records in it.
    /// </summary>
    internal Dictionary<short, string> ResponsibleForces(ResolvedArea area, string join, string where, object?[] args)
    {
        var forces = store.Query("SELECT force_id, name, short_name FROM force", r => (Id: r.GetInt16(0), Name: r.GetString(1), Short: r.GetString(2)));
        switch (area.Kind)
        {
            case AreaKind.Force:
                return forces.Where(f => f.Name == area.Name).ToDictionary(f => f.Id, f => f.Name);
            case AreaKind.EnglandAndWales:
                return forces.ToDictionary(f => f.Id, f => f.Name);
        }

        var code = area.Code?.Value;
        var pfaNames = area.Kind switch
        {
            AreaKind.Lsoa => store.Query("SELECT DISTINCT k.pfa_name FROM lsoa s JOIN lad_lookup k ON k.lad_code = s.lad_code WHERE s.code = $1", r => r.GetString(0), code),
            AreaKind.LocalAuthority when code is not null => store.Query("SELECT DISTINCT pfa_name FROM lad_lookup WHERE lad_code = $1", r => r.GetString(0), code),
            AreaKind.CommunitySafetyPartnership => store.Query("SELECT DISTINCT pfa_name FROM lad_lookup WHERE csp_code = $1", r => r.GetString(0), code),
            AreaKind.PoliceForceArea => store.Query("SELECT DISTINCT pfa_name FROM lad_lookup WHERE pfa_code = $1", r => r.GetString(0), code),
            _ => [],
        };
        var keys = pfaNames.Select(ForceKeyOfPoliceForceArea).ToHashSet();
        var matched = forces.Where(f => keys.Contains(NameKey.For(f.Short))).ToDictionary(f => f.Id, f => f.Name);
        if (matched.Count > 0 || keys.Count > 0)
        {
            return matched;
        }

        var reporting = store.Query($"SELECT DISTINCT m.force_id FROM crime_monthly m {join} WHERE true {where}", r => r.GetInt16(0), args).ToHashSet();
        return forces.Where(f => reporting.Contains(f.Id)).ToDictionary(f => f.Id, f => f.Name);
    }

    /// <summary>"Metropolitan Police" → "metropolitan", "London, City of" → "city of london", "Devon &amp; Cornwall" → "devon and cornwall".</summary>
    internal static string ForceKeyOfPoliceForceArea(string pfaName)
    {
        var n = pfaName.Trim();
        var comma = n.IndexOf(", City of", StringComparison.OrdinalIgnoreCase);
        if (comma > 0)
        {
            n = "City of " + n[..comma];
        }

        return NameKey.For(PoliceForces.ShortNameOf(n));
    }
}
