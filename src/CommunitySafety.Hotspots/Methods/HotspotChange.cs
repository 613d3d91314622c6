using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Methods;

/// <summary>A cell's counts in two periods.</summary>
/// <param name="Before">Points in the earlier period.</param>
/// <param name="After">Points in the later period.</param>
public readonly record struct CellChange(int Before, int After)
{
    /// <summary>After minus before.</summary>
    public int Change => After - Before;

    /// <summary>The change as a percentage of <see cref="Before"/>; null when there was nothing before.</summary>
    public double? PercentChange => Before == 0 ? null : 100.0 * (After - Before) / Before;
}

/// <summary>Change in counts per cell between two periods (before, after, change), on one grid so cells line up.</summary>
public static class HotspotChange
{
    /// <summary>Counts both periods' points on <paramref name="grid"/> and pairs them per cell.</summary>
    public static CellChange[] Calculate(HotspotGrid grid, IEnumerable<GridPoint> before, IEnumerable<GridPoint> after)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var b = grid.CountPoints(before);
        var a = grid.CountPoints(after);
        var result = new CellChange[grid.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new CellChange(b[i], a[i]);
        }

        return result;
    }
}
