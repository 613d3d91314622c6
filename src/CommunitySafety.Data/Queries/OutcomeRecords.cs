using CommunitySafety.Crime;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Queries;

/// <summary>Street-level records of one month and crime type with one "Last outcome category".</summary>
/// <param name="Month">The month the crime was recorded in (police.uk's "Month": the month of the offence report).</param>
/// <param name="Type">The police.uk crime type.</param>
/// <param name="Outcome">The last outcome category as written in the file; empty when the file gives none (anti-social behaviour).</param>
/// <param name="Count">Records.</param>
public sealed record OutcomeCell(YearMonth Month, CrimeType Type, string Outcome, long Count);

/// <summary>An area's street-level records by month, crime type and last outcome category.</summary>
/// <param name="Area">The area.</param>
/// <param name="FirstMonth">The first month asked for.</param>
/// <param name="LastMonth">The last month asked for.</param>
/// <param name="Cells">The counts (only months in <see cref="MonthsWithRecords"/>).</param>
/// <param name="MonthsWithRecords">Months asked for that every force responsible for the area has imported with its records (not counts only).</param>
/// <param name="CountsOnlyMonths">Months asked for imported as counts only: their outcomes are not in the store.</param>
/// <param name="OutcomesAsOf">The latest street month imported for the area's forces: police.uk's last outcomes are those recorded when that month was published.</param>
/// <param name="Forces">The forces responsible for the area.</param>
public sealed record OutcomeRecords(
    ResolvedArea Area,
    YearMonth FirstMonth,
    YearMonth LastMonth,
    IReadOnlyList<OutcomeCell> Cells,
    IReadOnlySet<YearMonth> MonthsWithRecords,
    IReadOnlySet<YearMonth> CountsOnlyMonths,
    YearMonth? OutcomesAsOf,
    IReadOnlyList<string> Forces);

/// <summary>
/// Reads police.uk street-level records' "Last outcome category" for an area, by month and crime type, from the raw
/// records (the monthly counts carry no outcome).
/// </summary>
/// <remarks>
/// Areas are selected exactly as <see cref="CrimeCounts"/> selects them (a force: every record it reported; a geographic
/// area: records whose LSOA lies in it), so an outcome share's denominator is the same count <c>csp counts</c> gives.
/// </remarks>
public sealed class OutcomeRecordsQuery(AnalyticalStore store)
{
    /// <summary>The records of <paramref name="area"/> in <paramref name="first"/>..<paramref name="last"/>.</summary>
    /// <param name="area">The area.</param>
    /// <param name="first">First month.</param>
    /// <param name="last">Last month.</param>
    /// <param name="types">Only these crime types; null or empty for all.</param>
    public OutcomeRecords For(ResolvedArea area, YearMonth first, YearMonth last, IReadOnlyCollection<CrimeType>? types = null)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (last < first)
        {
            throw new ArgumentException($"The last month {last} is before the first month {first}.", nameof(last));
        }

        var counts = new CrimeCounts(store);
        var (join, where, args) = counts.Filter(area);
        var forces = counts.ResponsibleForces(area, join, where, args);
        var forceList = forces.Count == 0 ? "NULL" : string.Join(',', forces.Keys);
        var loaded = store.Query(
            $"""
            SELECT month_idx, bool_or(coalesce(counts_only, false)), count(DISTINCT force_id)
            FROM loaded_month WHERE kind = 0 AND force_id IN ({forceList}) AND month_idx BETWEEN {first.Index} AND {last.Index}
            GROUP BY month_idx
            """,
            r => (Month: YearMonth.FromIndex(r.GetInt32(0)), CountsOnly: r.GetBoolean(1), Forces: r.GetInt64(2)));
        var withRecords = loaded.Where(l => !l.CountsOnly && l.Forces == forces.Count).Select(l => l.Month).ToHashSet();
        var countsOnly = loaded.Where(l => l.CountsOnly).Select(l => l.Month).ToHashSet();
        var asOf = store.Query($"SELECT max(month_idx) FROM loaded_month WHERE kind = 0 AND force_id IN ({forceList})",
            r => r.IsDBNull(0) ? (YearMonth?)null : YearMonth.FromIndex(r.GetInt32(0))).Single();

        var typeFilter = types is { Count: > 0 } ? $" AND m.crime_type_id IN ({string.Join(',', types.Select(t => t.Id))})" : string.Empty;
        var monthList = withRecords.Count == 0 ? "NULL" : string.Join(',', withRecords.Select(m => m.Index));
        var cells = store.Query(
            $"""
            SELECT m.month_idx, m.crime_type_id, coalesce(m.outcome, ''), count(*)::BIGINT
            FROM crime m {join}
            WHERE m.month_idx IN ({monthList}) {where}{typeFilter}
            GROUP BY ALL ORDER BY 1, 2, 3
            """,
            r => new OutcomeCell(YearMonth.FromIndex(r.GetInt32(0)), CrimeType.FromId(r.GetByte(1)), r.GetString(2), r.GetInt64(3)), args);
        return new OutcomeRecords(area, first, last, cells, withRecords, countsOnly, asOf, [.. forces.Values.Order(StringComparer.Ordinal)]);
    }

    /// <summary>
    /// How long the area's crimes took to get their first outcome in the police.uk outcomes files: for each month recorded
    /// (with street records), the crimes by months between the crime's month and the first outcomes-file month that lists
    /// its Crime ID (null: none listed yet), with the months of outcomes files every responsible force has.
    /// </summary>
    /// <param name="area">The area.</param>
    /// <param name="types">Only these crime types; null or empty for all.</param>
    public OutcomeLags FirstOutcomeLags(ResolvedArea area, IReadOnlyCollection<CrimeType>? types = null)
    {
        ArgumentNullException.ThrowIfNull(area);
        var counts = new CrimeCounts(store);
        var (join, where, args) = counts.Filter(area);
        var forces = counts.ResponsibleForces(area, join, where, args);
        var forceList = forces.Count == 0 ? "NULL" : string.Join(',', forces.Keys);
        var outcomeMonths = store.Query(
            $"SELECT month_idx FROM loaded_month WHERE kind = 1 AND force_id IN ({forceList}) GROUP BY month_idx HAVING count(DISTINCT force_id) = {Math.Max(1, forces.Count)} ORDER BY 1",
            r => YearMonth.FromIndex(r.GetInt32(0))).ToHashSet();
        var streetMonths = store.Query(
            $"SELECT month_idx FROM loaded_month WHERE kind = 0 AND NOT coalesce(counts_only, false) AND force_id IN ({forceList}) GROUP BY month_idx HAVING count(DISTINCT force_id) = {Math.Max(1, forces.Count)}",
            r => r.GetInt32(0)).Where(m => outcomeMonths.Contains(YearMonth.FromIndex(m))).ToList();
        if (streetMonths.Count == 0)
        {
            return new OutcomeLags(outcomeMonths, []);
        }

        var typeFilter = types is { Count: > 0 } ? $" AND m.crime_type_id IN ({string.Join(',', types.Select(t => t.Id))})" : string.Empty;
        var cells = store.Query(
            $"""
            WITH o AS (SELECT crime_id, min(month_idx) AS first_idx FROM outcome WHERE crime_id IS NOT NULL AND force_id IN ({forceList}) GROUP BY crime_id)
            SELECT m.month_idx, CASE WHEN o.first_idx IS NULL THEN NULL ELSE greatest(o.first_idx - m.month_idx, 0) END, count(*)::BIGINT
            FROM crime m {join} LEFT JOIN o ON o.crime_id = m.crime_id
            WHERE m.crime_id IS NOT NULL AND m.crime_type_id <> 1 AND m.month_idx IN ({string.Join(',', streetMonths)}) {where}{typeFilter}
            GROUP BY ALL ORDER BY 1, 2
            """,
            r => (YearMonth.FromIndex(r.GetInt32(0)), r.IsDBNull(1) ? (int?)null : r.GetInt32(1), r.GetInt64(2)), args);
        return new OutcomeLags(outcomeMonths, cells);
    }
}

/// <summary>Crimes by month recorded and months to their first outcome in the police.uk outcomes files.</summary>
/// <param name="OutcomeFileMonths">Months with an outcomes file for every responsible force.</param>
/// <param name="Cells">(month recorded, months to the first outcome or null when none yet, crimes).</param>
public sealed record OutcomeLags(IReadOnlySet<YearMonth> OutcomeFileMonths, IReadOnlyList<(YearMonth Month, int? Lag, long Count)> Cells);
