using System.Globalization;
using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Grids;

public sealed partial class HotspotGrid
{
    private static HotspotGrid Build(Envelope extent, Boundary area, GridOptions options)
    {
        var automatic = options.CellSize is null;
        var size = options.CellSize ?? CellSizeRule.Automatic(extent);
        if (!double.IsFinite(size) || size <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), size, "The cell size must be a positive number of metres.");
        }

        double originE, originN;
        long columns, rows;
        if (options.Shape == CellShape.Square)
        {
            originE = Math.Floor(extent.MinEasting / size) * size;
            originN = Math.Floor(extent.MinNorthing / size) * size;
            columns = (long)Math.Floor((extent.MaxEasting - originE) / size) + 1;
            rows = (long)Math.Floor((extent.MaxNorthing - originN) / size) + 1;
        }
        else
        {
            var radius = size / Sqrt3;
            var dy = size * Sqrt3 / 2;
            originE = Math.Floor((extent.MinEasting - size) / size) * size;
            originN = Math.Floor((extent.MinNorthing - radius) / dy) * dy;
            columns = (long)Math.Floor((extent.MaxEasting + size - originE) / size) + 1;
            rows = (long)Math.Floor((extent.MaxNorthing + radius - originN) / dy) + 1;
        }

        if (columns * rows > MaximumLayoutCells)
        {
            throw new ArgumentOutOfRangeException(nameof(options), size, string.Create(CultureInfo.InvariantCulture,
                $"A cell size of {size} m is too small for an area of {extent.Width:0} m by {extent.Height:0} m ({columns * rows:N0} cells; at most {MaximumLayoutCells:N0})."));
        }

        return new HotspotGrid(options.Shape, size, automatic, options.Contiguity, originE, originN, (int)columns, (int)rows, area);
    }

    // A cell overlaps the area when its centre is inside, or when an edge of the area crosses or touches it.
    private bool[] OverlapMask(Boundary area)
    {
        var mask = new bool[Columns * Rows];
        for (var r = 0; r < Rows; r++)
        {
            var crossings = area.Crossings(CentreOf(0, r).Northing);
            var k = 0;
            for (var c = 0; c < Columns; c++)
            {
                var x = CentreOf(c, r).Easting;
                while (k < crossings.Length && crossings[k] < x)
                {
                    k++;
                }

                mask[c + (r * Columns)] = (k & 1) == 1;
            }
        }

        var vertices = new GridPoint[Shape == CellShape.Square ? 4 : 6];
        var reachE = Shape == CellShape.Square ? 0 : CellSize;
        var reachN = Shape == CellShape.Square ? 0 : CellSize / Sqrt3;
        foreach (var (a, b) in area.Edges())
        {
            var minE = Math.Min(a.Easting, b.Easting) - reachE;
            var maxE = Math.Max(a.Easting, b.Easting) + reachE;
            var minN = Math.Min(a.Northing, b.Northing) - reachN;
            var maxN = Math.Max(a.Northing, b.Northing) + reachN;
            int c0, c1, r0, r1;
            if (Shape == CellShape.Square)
            {
                c0 = (int)Math.Floor((minE - OriginEasting) / CellSize);
                c1 = (int)Math.Floor((maxE - OriginEasting) / CellSize);
                r0 = (int)Math.Floor((minN - OriginNorthing) / CellSize);
                r1 = (int)Math.Floor((maxN - OriginNorthing) / CellSize);
            }
            else
            {
                c0 = (int)Math.Floor((minE - OriginEasting) / CellSize) - 1;
                c1 = (int)Math.Ceiling((maxE - OriginEasting) / CellSize) + 1;
                r0 = (int)Math.Floor((minN - OriginNorthing) / RowSpacing);
                r1 = (int)Math.Ceiling((maxN - OriginNorthing) / RowSpacing);
            }

            // Edges on the outer line of the layout still touch cells inside it.
            c0 = Math.Max(c0 - 1, 0);
            r0 = Math.Max(r0 - 1, 0);
            c1 = Math.Min(c1 + 1, Columns - 1);
            r1 = Math.Min(r1 + 1, Rows - 1);
            for (var r = r0; r <= r1; r++)
            {
                for (var c = c0; c <= c1; c++)
                {
                    var at = c + (r * Columns);
                    if (!mask[at])
                    {
                        FillVertices(CentreOf(c, r), vertices);
                        mask[at] = SegmentTouchesConvex(a, b, vertices);
                    }
                }
            }
        }

        return mask;
    }

    // Separating axis test: the segment and the convex polygon overlap (touching counts) unless some
    // polygon edge normal or the segment's normal separates them.
    internal static bool SegmentTouchesConvex(GridPoint a, GridPoint b, ReadOnlySpan<GridPoint> polygon)
    {
        for (var i = 0; i < polygon.Length; i++)
        {
            var p = polygon[i];
            var q = polygon[(i + 1) % polygon.Length];
            if (Separates(q.Northing - p.Northing, p.Easting - q.Easting, a, b, polygon))
            {
                return false;
            }
        }

        return !Separates(b.Northing - a.Northing, a.Easting - b.Easting, a, b, polygon);
    }

    private static bool Separates(double nx, double ny, GridPoint a, GridPoint b, ReadOnlySpan<GridPoint> polygon)
    {
        if (nx == 0 && ny == 0)
        {
            return false;
        }

        var pa = (a.Easting * nx) + (a.Northing * ny);
        var pb = (b.Easting * nx) + (b.Northing * ny);
        var sMin = Math.Min(pa, pb);
        var sMax = Math.Max(pa, pb);
        double pMin = double.PositiveInfinity, pMax = double.NegativeInfinity;
        foreach (var v in polygon)
        {
            var pv = (v.Easting * nx) + (v.Northing * ny);
            pMin = Math.Min(pMin, pv);
            pMax = Math.Max(pMax, pv);
        }

        var tolerance = 1e-9 * (Math.Abs(pMin) + Math.Abs(pMax) + 1);
        return sMax < pMin - tolerance || sMin > pMax + tolerance;
    }
}
