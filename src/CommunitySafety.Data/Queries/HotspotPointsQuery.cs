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
/// <see cref="CrimeCounts"/> selects it.
/// </summary>
public sealed class HotspotPointsQuery(AnalyticalStore store)
{
    /// <summary>The located records of <paramref name="area"/> from <paramref name="first"/> to <paramref name="last"/>.</summary>
    /// <param name="area">The area (force, local authority, CSP, police force area, LSOA).</param>
    /// <param name="first">First month, inclusive.</param>
    /// <param name="last">Last month, inclusive.</param>
    /// <param name="types">Only these crime types; null or empty for all.</param>
    public IReadOnlyList<HotspotPoint> Read(ResolvedArea area, YearMonth first, YearMonth last, IReadOnlyList<CrimeType>? types)
    {
        ArgumentNullException.ThrowIfNull(area);
        var (join, where, args) = new CrimeCounts(store).Filter(area);
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
}
