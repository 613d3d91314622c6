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
}
