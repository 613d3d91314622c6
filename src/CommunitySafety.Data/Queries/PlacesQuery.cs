using CommunitySafety.Crime;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Queries;

/// <summary>The records at one police.uk anonymous map point over a run of months.</summary>
/// <param name="Longitude">WGS84 longitude of the map point.</param>
/// <param name="Latitude">WGS84 latitude of the map point.</param>
/// <param name="Location">police.uk's description of the point, e.g. "On or near Parking Area" (not an address).</param>
/// <param name="LsoaCode">The LSOA of the point's records.</param>
/// <param name="Count">Records at the point in the months.</param>
/// <param name="LsoaName">The LSOA's name, e.g. "Luton 023A", when known.</param>
public sealed record PlaceCount(double Longitude, double Latitude, string? Location, string? LsoaCode, long Count, string? LsoaName = null);

/// <summary>
/// Records of an area by police.uk anonymous map point, read from the raw <c>crime</c> table (read-only), for repeat-place
/// analysis. police.uk snaps every record to the nearest of a fixed set of anonymous map points (the centre of a street,
/// a public place, a point standing for at least eight postal addresses), so a point is a place a crime is mapped to, not
/// an address. Records without coordinates are left out; the area is selected as <see cref="CrimeCounts"/> selects it.
/// </summary>
public sealed class PlacesQuery(AnalyticalStore store)
{
    /// <summary>The map points of <paramref name="area"/> with at least one record of <paramref name="types"/> in <paramref name="first"/>..<paramref name="last"/>, most records first.</summary>
    /// <param name="area">The area.</param>
    /// <param name="first">First month, inclusive.</param>
    /// <param name="last">Last month, inclusive.</param>
    /// <param name="types">The crime types counted (at least one).</param>
    /// <exception cref="CountsOnlyMonthsException">Some of the area's months were imported counts-only (no records to place).</exception>
    public IReadOnlyList<PlaceCount> Read(ResolvedArea area, YearMonth first, YearMonth last, IReadOnlyList<CrimeType> types)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(types);
        if (types.Count == 0)
        {
            throw new ArgumentException("Name at least one crime type.", nameof(types));
        }

        var countsOnly = new HotspotPointsQuery(store).CountsOnlyMonths(area, first, last);
        if (countsOnly.Count > 0)
        {
            throw new CountsOnlyMonthsException(area.Name, countsOnly);
        }

        var (join, where, args) = new CrimeCounts(store).Filter(area);
        var code = join.Length > 0 ? "s.code" : "(SELECT code FROM lsoa l WHERE l.lsoa_id = m.lsoa_id)";
        var name = join.Length > 0 ? "s.name" : "(SELECT name FROM lsoa l WHERE l.lsoa_id = m.lsoa_id)";
        return store.Query(
            $"""
            SELECT m.longitude, m.latitude, min(m.location), min({code}), count(*)::BIGINT AS n, min({name})
            FROM crime m {join}
            WHERE m.longitude IS NOT NULL AND m.latitude IS NOT NULL
              AND m.month_idx BETWEEN {first.Index} AND {last.Index} {where}
              AND m.crime_type_id IN ({string.Join(',', types.Select(t => t.Id))})
            GROUP BY m.longitude, m.latitude
            ORDER BY n DESC, m.longitude, m.latitude
            """,
            r => new PlaceCount(r.GetFloat(0), r.GetFloat(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt64(4), r.IsDBNull(5) ? null : r.GetString(5)),
            args);
    }
}
