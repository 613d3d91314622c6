using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Methods;

namespace CommunitySafety.Hotspots.Output;

/// <summary>One column of per-cell results: numbers or text, one per cell in grid order.</summary>
/// <param name="Name">Column name in exports (snake_case, e.g. <c>gistar_z</c>).</param>
/// <param name="Numbers">Numeric values (null = missing), or null for a text column.</param>
/// <param name="Texts">Text values, or null for a numeric column.</param>
public sealed record CellColumn(string Name, IReadOnlyList<double?>? Numbers, IReadOnlyList<string?>? Texts);

/// <summary>
/// Per-cell results on a grid, ready to export (<see cref="CellExport"/>): the cells plus named columns
/// such as the count, the density and Gi*.
/// </summary>
public sealed class CellTable
{
    private readonly List<CellColumn> _columns = [];
    private readonly List<string> _notes = [];

    /// <summary>Creates an empty table on <paramref name="grid"/>; the grid's notes are carried over.</summary>
    public CellTable(HotspotGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        Grid = grid;
        _notes.AddRange(grid.Notes);
    }

    /// <summary>The grid the rows belong to.</summary>
    public HotspotGrid Grid { get; }

    /// <summary>The columns, in the order added.</summary>
    public IReadOnlyList<CellColumn> Columns => _columns;

    /// <summary>Caveats and method notes to keep with the data.</summary>
    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Adds a numeric column.</summary>
    /// <exception cref="ArgumentException">The name is taken or there is not one value per cell.</exception>
    public CellTable Add(string name, IReadOnlyList<double?> values) => AddColumn(new CellColumn(name, values, null), values?.Count);

    /// <summary>Adds a numeric column with no missing values.</summary>
    public CellTable Add(string name, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Add(name, values.Select(v => (double?)v).ToArray());
    }

    /// <summary>Adds a count column.</summary>
    public CellTable Add(string name, IReadOnlyList<int> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Add(name, values.Select(v => (double?)v).ToArray());
    }

    /// <summary>Adds a text column.</summary>
    public CellTable Add(string name, IReadOnlyList<string?> values) => AddColumn(new CellColumn(name, null, values), values?.Count);

    /// <summary>Adds a note (for example a warning from the KDE).</summary>
    public CellTable AddNotes(IEnumerable<string> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        foreach (var note in notes)
        {
            if (!_notes.Contains(note))
            {
                _notes.Add(note);
            }
        }

        return this;
    }

    /// <summary>Adds <c>count</c>.</summary>
    public CellTable AddCounts(IReadOnlyList<int> counts) => Add("count", counts);

    /// <summary>Adds <c>kde</c> (points per km²) and the KDE's warnings.</summary>
    public CellTable AddKernelDensity(KernelDensityResult kde)
    {
        ArgumentNullException.ThrowIfNull(kde);
        return Add("kde", kde.Density).AddNotes(kde.Warnings);
    }

    /// <summary>Adds <c>gistar_z</c>, <c>p_value</c>, <c>p_adjusted</c> and <c>significance</c>.</summary>
    public CellTable AddGiStar(GiStarResult gi)
    {
        ArgumentNullException.ThrowIfNull(gi);
        return Add("gistar_z", gi.Z)
            .Add("p_value", gi.P)
            .Add("p_adjusted", gi.PAdjusted)
            .Add("significance", gi.Significance.Select(SignificanceLabel).ToArray());
    }

    /// <summary>Adds <c>before</c>, <c>after</c>, <c>change</c> and <c>percent_change</c>.</summary>
    public CellTable AddChange(IReadOnlyList<CellChange> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Add("before", change.Select(c => c.Before).ToArray())
            .Add("after", change.Select(c => c.After).ToArray())
            .Add("change", change.Select(c => c.Change).ToArray())
            .Add("percent_change", change.Select(c => c.PercentChange).ToArray());
    }

    /// <summary>Adds <c>hot_periods</c> and <c>trend</c>.</summary>
    public CellTable AddClassification(HotspotClassificationResult classification)
    {
        ArgumentNullException.ThrowIfNull(classification);
        return Add("hot_periods", classification.HotPeriods)
            .Add("trend", classification.Trend.Select(TrendLabel).ToArray());
    }

    /// <summary>The export label of a significance class, e.g. <c>hot 99%</c>.</summary>
    public static string SignificanceLabel(HotspotSignificance significance) => significance switch
    {
        HotspotSignificance.Hot99 => "hot 99%",
        HotspotSignificance.Hot95 => "hot 95%",
        HotspotSignificance.Cold95 => "cold 95%",
        HotspotSignificance.Cold99 => "cold 99%",
        _ => "not significant",
    };

    /// <summary>The export label of a trend, e.g. <c>persistent</c>.</summary>
    public static string TrendLabel(HotspotTrend trend) => trend switch
    {
        HotspotTrend.Persistent => "persistent",
        HotspotTrend.Emerging => "emerging",
        HotspotTrend.Former => "former",
        HotspotTrend.Intermittent => "intermittent",
        _ => "not hot",
    };

    private CellTable AddColumn(CellColumn column, int? count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(column.Name);
        if (count != Grid.Count)
        {
            throw new ArgumentException($"Column '{column.Name}' has {count} values for {Grid.Count} cells.", nameof(column));
        }

        if (_columns.Any(c => c.Name == column.Name) || column.Name is "cell_id" or "easting" or "northing" or "longitude" or "latitude")
        {
            throw new ArgumentException($"Column '{column.Name}' is already in the table.", nameof(column));
        }

        _columns.Add(column);
        return this;
    }
}
