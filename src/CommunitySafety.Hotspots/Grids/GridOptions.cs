using CommunitySafety.Hotspots.Geometry;

namespace CommunitySafety.Hotspots.Grids;

/// <summary>The shape of a grid's cells.</summary>
public enum CellShape
{
    /// <summary>Squares with sides of the cell size.</summary>
    Square,

    /// <summary>Pointy-topped regular hexagons whose opposite flat sides are the cell size apart (as sf's <c>st_make_grid</c>).</summary>
    Hexagon,
}

/// <summary>Which square cells count as neighbours for Getis-Ord Gi*. Hexagons always have their six edge neighbours.</summary>
public enum Contiguity
{
    /// <summary>The eight cells sharing an edge or a corner (a chess queen's moves), plus the cell itself.</summary>
    Queen,

    /// <summary>The four cells sharing an edge (a chess rook's moves), plus the cell itself.</summary>
    Rook,
}

/// <summary>How to lay out a hotspot grid.</summary>
public readonly record struct GridOptions
{
    /// <summary>The default: square cells, automatic size, queen contiguity.</summary>
    public static GridOptions Default { get; } = new();

    /// <summary>Creates the default options.</summary>
    public GridOptions()
    {
    }

    /// <summary>Square (default) or hexagonal cells.</summary>
    public CellShape Shape { get; init; } = CellShape.Square;

    /// <summary>The cell size in metres, or <see langword="null"/> for the automatic size (<see cref="CellSizeRule"/>).</summary>
    public double? CellSize { get; init; }

    /// <summary>Neighbours of a square cell for Gi*; ignored for hexagons.</summary>
    public Contiguity Contiguity { get; init; } = Contiguity.Queen;
}

/// <summary>The automatic cell size, as the R package sfhotspot chooses it.</summary>
/// <remarks>
/// Fifty cells along the shorter side of the area's bounding box, rounded down to a multiple of 100 m
/// (sfhotspot: "50 cells on the shorter side … adjusted so that the cell size is a multiple of 100"),
/// never less than 100 m. Example: a bounding box 8,420 m by 14,100 m gives 8,420 / 50 = 168.4, so 100 m;
/// 41,000 m by 52,000 m gives 820 → 800 m.
/// </remarks>
public static class CellSizeRule
{
    /// <summary>Cells along the shorter side.</summary>
    public const int CellsOnShorterSide = 50;

    /// <summary>The step the size is rounded down to, in metres; also the smallest size.</summary>
    public const double Step = 100;

    /// <summary>
    /// Below this size (metres) results mean nothing: police.uk moves each crime to an anonymous "map
    /// point" (the centre of a street or a landmark), so positions are not more precise than this.
    /// </summary>
    public const double MeaningfulMinimum = 100;

    /// <summary>The automatic cell size for an area with this bounding box.</summary>
    public static double Automatic(Envelope extent)
    {
        var shorter = Math.Min(extent.Width, extent.Height);
        var size = Math.Floor(shorter / CellsOnShorterSide / Step) * Step;
        return size < Step ? Step : size;
    }
}
