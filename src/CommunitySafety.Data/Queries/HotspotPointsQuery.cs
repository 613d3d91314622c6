using CommunitySafety.Crime;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Queries;

/// <summary>One located street-level record, for hotspot analysis.</summary>
/// <param name="Longitude">WGS84 longitude of the record's anonymous map point.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="LsoaCode">The record's LSOA code, if any.</param>
/// <param name="Month">The month the record belongs to.</param>
public sealed record HotspotPoint(double Longitude, double Latitude, string? LsoaCode, YearMonth Month);

/// <summary>
/// Reads the located records of an area, crime types and months from the raw <c>crime</c> table (read-only), for
/// hotspot maps. Records without coordinates are left out; the area is selected exactly as
/// <see cref="CrimeCounts"/> selects it. Months imported counts-only have no records: asking for them throws
/// <see cref="CountsOnlyMonthsException"/> instead of returning too few points.
/// </summary>
public sealed class HotspotPointsQuery(AnalyticalStore store)
{
    /// <summary>The located records of <paramref name="area"/> from <paramref name="first"/> to <paramref name="last"/>.</summary>
    /// <param name="area">The area (force, local authority, CSP, police force area, LSOA).</param>
    /// <param name="first">First month, inclusive.</param>
    /// <param name="last">Last month, inclusive.</param>
    /// <param name="types">Only these crime types; null or empty for all.</param>
    /// <exception cref="CountsOnlyMonthsException">Some of the area's months in the range were imported counts-only.</exception>
    public IReadOnlyList<HotspotPoint> Read(ResolvedArea area, YearMonth first, YearMonth last, IReadOnlyList<CrimeType>? types)
    {
        ArgumentNullException.ThrowIfNull(area);
        var (join, where, args) = new CrimeCounts(store).Filter(area);
        var countsOnly = CountsOnlyMonths(join, where, args, first, last);
        if (countsOnly.Count > 0)
        {
            throw new CountsOnlyMonthsException(area.Name, countsOnly);
        }

        var typeFilter = types is { Count: > 0 } ? $" AND m.crime_type_id IN ({string.Join(',', types.Select(t => t.Id))})" : string.Empty;
        var code = join.Length > 0 ? "s.code" : "(SELECT code FROM lsoa l WHERE l.lsoa_id = m.lsoa_id)";
        return store.Query(
            $"""
            SELECT m.longitude, m.latitude, {code}, m.month_idx
            FROM crime m {join}
            WHERE m.longitude IS NOT NULL AND m.latitude IS NOT NULL
              AND m.month_idx BETWEEN {first.Index} AND {last.Index} {where}{typeFilter}
            """,
            r => new HotspotPoint(r.GetFloat(0), r.GetFloat(1), r.IsDBNull(2) ? null : r.GetString(2), YearMonth.FromIndex(r.GetInt32(3))),
            args);
    }

    /// <summary>
    /// The months from <paramref name="first"/> to <paramref name="last"/> in which <paramref name="area"/> has counts
    /// but no records, because a force-month it draws on was imported counts-only.
    /// </summary>
    /// <param name="area">The area.</param>
    /// <param name="first">First month, inclusive.</param>
    /// <param name="last">Last month, inclusive.</param>
    public IReadOnlyList<YearMonth> CountsOnlyMonths(ResolvedArea area, YearMonth first, YearMonth last)
    {
        ArgumentNullException.ThrowIfNull(area);
        var (join, where, args) = new CrimeCounts(store).Filter(area);
        return CountsOnlyMonths(join, where, args, first, last);
    }

    private List<YearMonth> CountsOnlyMonths(string join, string where, object?[] args, YearMonth first, YearMonth last)
    {
        if (store.SchemaVersion < 2)
        {
            // Written before counts-only imports (opened read-only, not upgraded): every month has its records.
            return [];
        }

        return store.Query(
            $"""
            SELECT DISTINCT m.month_idx
            FROM crime_monthly m {join}
            JOIN loaded_month lm ON lm.kind = 0 AND lm.force_id = m.force_id AND lm.month_idx = m.month_idx AND lm.counts_only
            WHERE m.month_idx BETWEEN {first.Index} AND {last.Index} {where}
            ORDER BY 1
            """,
            r => YearMonth.FromIndex(r.GetInt32(0)),
            args);
    }
}
