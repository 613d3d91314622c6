using System.Globalization;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Data.Queries;

namespace CommunitySafety.Assessment.Peers;

/// <summary>
/// The default peer group of an area when the partnership gives none: its N nearest ONS statistical neighbours
/// (<see cref="PublishedNeighbours"/>). Never "whatever else is in the store": an area with no published neighbours gets
/// <see cref="PeerGroup.Unavailable"/> with the reason and what to supply.
/// </summary>
/// <remarks>
/// A local authority district uses its own row of the table. A CSP that is exactly one district (the usual case) uses that
/// district's row, found through the ONS December 2024 district → CSP lookup (<see cref="PartnershipGeography"/>); a CSP
/// spanning several districts, a police force area and a Welsh authority have no published neighbours.
/// </remarks>
public static class DefaultPeers
{
    /// <summary>What a partnership supplies when there are no published neighbours.</summary>
    public const string WhatToSupply =
        "Give the partnership's own peer group with --peers <file> (CSV with area_code,peer_code, e.g. its Home Office most similar group from iQuanta).";

    /// <summary>The default peer group of <paramref name="area"/>.</summary>
    /// <param name="area">The area assessed.</param>
    /// <param name="count">How many neighbours (default <see cref="PublishedNeighbours.DefaultCount"/>).</param>
    /// <param name="neighbours">The table; default ONS October 2025.</param>
    /// <param name="geography">The district → CSP lookup; default ONS December 2024.</param>
    public static PeerGroup For(ResolvedArea area, int count = PublishedNeighbours.DefaultCount, PublishedNeighbours? neighbours = null, PartnershipGeography? geography = null)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        neighbours ??= PublishedNeighbours.Default;
        geography ??= PartnershipGeography.Default;
        var code = area.Code ?? throw new ArgumentException($"{area.Name} has no ONS code.", nameof(area));
        switch (area.Kind)
        {
            case AreaKind.LocalAuthority:
                return neighbours.GroupFor(code, count)
                    ?? PeerGroup.Unavailable(code, $"{area.Name} ({code}) has no published nearest neighbours: {neighbours.Source} covers English districts on 2024 boundaries{(code.Value.StartsWith('W') ? ", not Welsh authorities" : string.Empty)}. {WhatToSupply}");
            case AreaKind.CommunitySafetyPartnership:
                var districts = geography.DistrictsOf(code);
                if (geography.SoleDistrictOf(code) is { } sole)
                {
                    return neighbours.GroupFor(sole.District, count, area.Name)
                        ?? PeerGroup.Unavailable(code, $"{area.Name} is the district {sole.DistrictName} ({sole.District}), which has no published nearest neighbours ({neighbours.Source} covers English districts only). {WhatToSupply}");
                }

                var spans = districts.Count > 1
                    ? string.Create(CultureInfo.InvariantCulture, $"spans {districts.Count} districts ({Text.List([.. districts.Select(d => d.DistrictName)])})")
                    : districts.Count == 1 ? $"covers part of the district {districts[0].DistrictName}" : "is not in the ONS December 2024 district → CSP lookup";
                return PeerGroup.Unavailable(code, $"{area.Name} {spans}, and ONS publishes nearest neighbours for single districts only. {WhatToSupply}");
            default:
                return PeerGroup.Unavailable(code, $"{area.Name} is a {area.KindName}: ONS publishes nearest neighbours for local authority districts only. {WhatToSupply}");
        }
    }
}
