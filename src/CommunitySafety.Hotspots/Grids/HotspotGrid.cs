using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Projection;

namespace CommunitySafety.Hotspots.Grids;

/// <summary>
/// A grid of square or hexagonal cells over an area on the British National Grid, with each cell's
/// neighbours. Cells are kept when they overlap the area (its boundary, or a rectangle).
/// </summary>
/// <remarks>
/// Square cells are aligned to multiples of the cell size, so two grids of the same size over
/// overlapping areas share cell edges. Every per-cell result (counts, densities, Gi*) is an array in the
/// order of <see cref="Cells"/>.
/// </remarks>
public sealed partial class HotspotGrid
{
    /// <summary>The most cells a grid's layout may hold (about 100 MB of working arrays).</summary>
    public const int MaximumLayoutCells = 20_000_000;

    private static readonly double Sqrt3 = Math.Sqrt(3);

    private readonly int[] _layout; // column + row * columns → cell index, or -1
    private readonly GridCell[] _cells;
    private readonly int[] _neighbourStart;
    private readonly int[] _neighbours;

    private HotspotGrid(CellShape shape, double cellSize, bool automatic, Contiguity contiguity, double originE, double originN, int columns, int rows, Boundary area)
    {
        Shape = shape;
        CellSize = cellSize;
        CellSizeIsAutomatic = automatic;
        Contiguity = shape == CellShape.Square ? contiguity : Contiguity.Queen;
        OriginEasting = originE;
        OriginNorthing = originN;
        Columns = columns;
        Rows = rows;
        _layout = new int[checked(columns * rows)];
        var keep = OverlapMask(area);
        var cells = new List<GridCell>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                if (keep[c + (r * columns)])
                {
                    _layout[c + (r * columns)] = cells.Count;
                    cells.Add(new GridCell(cells.Count, c, r, CentreOf(c, r)));
                }
                else
                {
                    _layout[c + (r * columns)] = -1;
                }
            }
        }

        _cells = [.. cells];
        (_neighbourStart, _neighbours) = BuildNeighbours();
        var notes = new List<string>();
        if (cellSize < CellSizeRule.MeaningfulMinimum)
        {
            notes.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"Cells of {cellSize:0} m are smaller than about {CellSizeRule.MeaningfulMinimum:0} m: police.uk moves each crime to an anonymous map point, so differences at this scale mean nothing."));
        }

        Notes = notes;
    }

    /// <summary>Square or hexagonal cells.</summary>
    public CellShape Shape { get; }

    /// <summary>The cell size in metres (side of a square; distance between a hexagon's opposite flat sides).</summary>
    public double CellSize { get; }

    /// <summary>Whether <see cref="CellSize"/> came from <see cref="CellSizeRule.Automatic"/>.</summary>
    public bool CellSizeIsAutomatic { get; }

    /// <summary>The neighbour rule used for square cells.</summary>
    public Contiguity Contiguity { get; }

    /// <summary>Easting of the layout's origin (south-west corner for squares; centre of cell 0,0 for hexagons).</summary>
    public double OriginEasting { get; }

    /// <summary>Northing of the layout's origin.</summary>
    public double OriginNorthing { get; }

    /// <summary>Columns in the layout (kept and dropped cells).</summary>
    public int Columns { get; }

    /// <summary>Rows in the layout (kept and dropped cells).</summary>
    public int Rows { get; }

    /// <summary>The kept cells.</summary>
    public IReadOnlyList<GridCell> Cells => _cells;

    /// <summary>The number of kept cells.</summary>
    public int Count => _cells.Length;

    /// <summary>The area of one cell in square metres.</summary>
    public double CellArea => Shape == CellShape.Square ? CellSize * CellSize : CellSize * CellSize * Sqrt3 / 2;

    /// <summary>Caveats a reader of any result on this grid should see (for example, cells below 100 m).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>A grid over the cells that overlap <paramref name="boundary"/>; the automatic size uses its bounding box.</summary>
    public static HotspotGrid Covering(Boundary boundary, GridOptions options)
    {
        ArgumentNullException.ThrowIfNull(boundary);
        return Build(boundary.Envelope, boundary, options);
    }

    /// <summary>A grid over the cells that overlap the rectangle <paramref name="extent"/>.</summary>
    public static HotspotGrid Covering(Envelope extent, GridOptions options) =>
        Build(extent, RectangleBoundary(extent), options);

    /// <summary>A grid over the bounding box of <paramref name="points"/>.</summary>
    /// <exception cref="ArgumentException">There are no points.</exception>
    public static HotspotGrid Covering(IEnumerable<GridPoint> points, GridOptions options) =>
        Covering(Envelope.Of(points), options);

    /// <summary>The index of the cell holding <paramref name="point"/>, or −1 when it is in no kept cell.</summary>
    public int FindCell(GridPoint point)
    {
        var (c, r) = LayoutPosition(point);
        if (c < 0 || r < 0 || c >= Columns || r >= Rows)
        {
            return -1;
        }

        return _layout[c + (r * Columns)];
    }

    /// <summary>The number of points in each cell; points in no kept cell are counted in <paramref name="outside"/>.</summary>
    public int[] CountPoints(IEnumerable<GridPoint> points, out int outside)
    {
        ArgumentNullException.ThrowIfNull(points);
        var counts = new int[_cells.Length];
        outside = 0;
        foreach (var p in points)
        {
            var i = FindCell(p);
            if (i < 0)
            {
                outside++;
            }
            else
            {
                counts[i]++;
            }
        }

        return counts;
    }

    /// <summary>The number of points in each cell, ignoring points in no kept cell.</summary>
    public int[] CountPoints(IEnumerable<GridPoint> points) => CountPoints(points, out _);

    /// <summary>The cell's neighbours for Gi*, including the cell itself.</summary>
    public ReadOnlySpan<int> Neighbours(int cell) =>
        _neighbours.AsSpan(_neighbourStart[cell], _neighbourStart[cell + 1] - _neighbourStart[cell]);

    /// <summary>The cell's corners, anticlockwise.</summary>
    public GridPoint[] Polygon(int cell)
    {
        var vertices = new GridPoint[Shape == CellShape.Square ? 4 : 6];
        FillVertices(_cells[cell].Centre, vertices);
        return vertices;
    }

    /// <summary>The layout cell index at (column, row), or −1 when dropped or out of range.</summary>
    internal int CellAt(int column, int row) =>
        column < 0 || row < 0 || column >= Columns || row >= Rows ? -1 : _layout[column + (row * Columns)];

    internal GridPoint CentreOf(int column, int row)
    {
        if (Shape == CellShape.Square)
        {
            return new GridPoint(OriginEasting + ((column + 0.5) * CellSize), OriginNorthing + ((row + 0.5) * CellSize));
        }

        var offset = (row & 1) == 1 ? CellSize / 2 : 0;
        return new GridPoint(OriginEasting + (column * CellSize) + offset, OriginNorthing + (row * RowSpacing));
    }

    /// <summary>Vertical distance between rows of cell centres.</summary>
    internal double RowSpacing => Shape == CellShape.Square ? CellSize : CellSize * Sqrt3 / 2;

    private (int Column, int Row) LayoutPosition(GridPoint p)
    {
        if (Shape == CellShape.Square)
        {
            return ((int)Math.Floor((p.Easting - OriginEasting) / CellSize), (int)Math.Floor((p.Northing - OriginNorthing) / CellSize));
        }

        // The nearest centre is in the nearest row or the one above or below it.
        var dy = RowSpacing;
        var r0 = (int)Math.Round((p.Northing - OriginNorthing) / dy);
        var best = (Column: int.MinValue, Row: int.MinValue);
        var bestD = double.PositiveInfinity;
        for (var r = r0 - 1; r <= r0 + 1; r++)
        {
            var offset = (r & 1) == 1 ? CellSize / 2 : 0;
            var c = (int)Math.Round((p.Easting - OriginEasting - offset) / CellSize);
            var ce = OriginEasting + (c * CellSize) + offset;
            var cn = OriginNorthing + (r * dy);
            var d = ((p.Easting - ce) * (p.Easting - ce)) + ((p.Northing - cn) * (p.Northing - cn));
            if (d < bestD)
            {
                bestD = d;
                best = (c, r);
            }
        }

        return best;
    }

    private void FillVertices(GridPoint centre, GridPoint[] vertices)
    {
        if (Shape == CellShape.Square)
        {
            var h = CellSize / 2;
            vertices[0] = new GridPoint(centre.Easting - h, centre.Northing - h);
            vertices[1] = new GridPoint(centre.Easting + h, centre.Northing - h);
            vertices[2] = new GridPoint(centre.Easting + h, centre.Northing + h);
            vertices[3] = new GridPoint(centre.Easting - h, centre.Northing + h);
            return;
        }

        var radius = CellSize / Sqrt3;
        var half = CellSize / 2;
        vertices[0] = new GridPoint(centre.Easting + half, centre.Northing - (radius / 2));
        vertices[1] = new GridPoint(centre.Easting + half, centre.Northing + (radius / 2));
        vertices[2] = new GridPoint(centre.Easting, centre.Northing + radius);
        vertices[3] = new GridPoint(centre.Easting - half, centre.Northing + (radius / 2));
        vertices[4] = new GridPoint(centre.Easting - half, centre.Northing - (radius / 2));
        vertices[5] = new GridPoint(centre.Easting, centre.Northing - radius);
    }

    private (int[] Start, int[] Neighbours) BuildNeighbours()
    {
        var start = new int[_cells.Length + 1];
        var list = new List<int>(_cells.Length * 9);
        Span<(int Dc, int Dr)> offsets = stackalloc (int, int)[9];
        for (var i = 0; i < _cells.Length; i++)
        {
            start[i] = list.Count;
            var cell = _cells[i];
            var n = NeighbourOffsets(cell.Row, offsets);
            for (var k = 0; k < n; k++)
            {
                var j = CellAt(cell.Column + offsets[k].Dc, cell.Row + offsets[k].Dr);
                if (j >= 0)
                {
                    list.Add(j);
                }
            }
        }

        start[_cells.Length] = list.Count;
        return (start, [.. list]);
    }

    private int NeighbourOffsets(int row, Span<(int Dc, int Dr)> offsets)
    {
        var n = 0;
        offsets[n++] = (0, 0);
        if (Shape == CellShape.Square)
        {
            for (var dr = -1; dr <= 1; dr++)
            {
                for (var dc = -1; dc <= 1; dc++)
                {
                    if ((dr != 0 || dc != 0) && (Contiguity == Contiguity.Queen || dr == 0 || dc == 0))
                    {
                        offsets[n++] = (dc, dr);
                    }
                }
            }

            return n;
        }

        // Odd rows sit half a cell east, so the diagonal neighbours depend on the row's parity.
        var shift = (row & 1) == 1 ? 0 : -1;
        offsets[n++] = (-1, 0);
        offsets[n++] = (1, 0);
        offsets[n++] = (shift, -1);
        offsets[n++] = (shift + 1, -1);
        offsets[n++] = (shift, 1);
        offsets[n++] = (shift + 1, 1);
        return n;
    }

    private static Boundary RectangleBoundary(Envelope e) => Boundary.FromRings(
    [
        [
            new GridPoint(e.MinEasting, e.MinNorthing), new GridPoint(e.MaxEasting, e.MinNorthing),
            new GridPoint(e.MaxEasting, e.MaxNorthing), new GridPoint(e.MinEasting, e.MaxNorthing),
        ],
    ]);
}
