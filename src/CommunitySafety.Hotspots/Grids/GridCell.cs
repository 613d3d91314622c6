using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Grids;

/// <summary>One cell of a <see cref="HotspotGrid"/>.</summary>
/// <param name="Index">Position in <see cref="HotspotGrid.Cells"/>; every per-cell array is in this order.</param>
/// <param name="Column">Column in the grid's layout, west to east from 0.</param>
/// <param name="Row">Row in the grid's layout, south to north from 0.</param>
/// <param name="Centre">The cell's centre on the British National Grid.</param>
public readonly record struct GridCell(int Index, int Column, int Row, GridPoint Centre)
{
    /// <summary>A stable identifier, "c{column}r{row}", for exports.</summary>
    public string Id => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"c{Column}r{Row}");
}
