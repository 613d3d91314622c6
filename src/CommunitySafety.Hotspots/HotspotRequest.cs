using CommunitySafety.Crime;
using CommunitySafety.Data.Queries;
using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Methods;
using CommunitySafety.Hotspots.Projection;
using CommunitySafety.Periods;

namespace CommunitySafety.Hotspots;

/// <summary>What a hot spot analysis computes on the grid.</summary>
public enum HotspotMethod
{
    /// <summary>Located records per cell.</summary>
    Count,

    /// <summary>Kernel density (<see cref="Hotspots.Methods.KernelDensity"/>), crimes per km².</summary>
    KernelDensity,

    /// <summary>Getis-Ord Gi* on the counts, p-values adjusted for the false discovery rate (<see cref="GetisOrdGiStar"/>).</summary>
    GiStar,

    /// <summary>Change from the previous period of the same length (<see cref="HotspotChange"/>).</summary>
    Change,

    /// <summary>Persistent, emerging, former and intermittent hot spots, month by month (<see cref="HotspotClassification"/>).</summary>
    Classify,
}

/// <summary>How the located records are analysed: the method, the grid, and the area boundary if any.</summary>
public sealed record HotspotOptions
{
    /// <summary>The method; <see cref="HotspotMethod.Count"/> by default.</summary>
    public HotspotMethod Method { get; init; } = HotspotMethod.Count;

    /// <summary>The grid's cell size (null for automatic), shape and neighbours.</summary>
    public GridOptions Grid { get; init; } = GridOptions.Default;

    /// <summary>The kernel density bandwidth in metres; null for the normal reference rule.</summary>
    public double? Bandwidth { get; init; }

    /// <summary>The area boundary: the grid is then the cells that overlap it, instead of the records' bounding box.</summary>
    public Boundary? Boundary { get; init; }

    /// <summary>
    /// True to leave out the records outside <see cref="Boundary"/> itself before counting (a report's map, where no record
    /// outside the area may be counted); false to count every record that falls in one of the boundary's cells.
    /// </summary>
    public bool ClipRecordsToBoundary { get; init; }
}

/// <summary>A hot spot analysis of an area's located records: which area, period and crime types, and how.</summary>
public sealed record HotspotRequest
{
    /// <summary>The area, selected as <see cref="CrimeCounts"/> selects it.</summary>
    public required ResolvedArea Area { get; init; }

    /// <summary>The period mapped. <see cref="HotspotMethod.Change"/> also reads the previous period of the same length.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>Only these crime types; empty for all.</summary>
    public IReadOnlyList<CrimeType> CrimeTypes { get; init; } = [];

    /// <summary>The method, grid and boundary.</summary>
    public HotspotOptions Options { get; init; } = new();
}

/// <summary>One located record on the British National Grid: where, its LSOA if known, and its month.</summary>
/// <param name="Point">The record's anonymous map point (EPSG:27700).</param>
/// <param name="LsoaCode">The record's LSOA code, if any.</param>
/// <param name="Month">The month it belongs to.</param>
public sealed record LocatedRecord(GridPoint Point, string? LsoaCode, YearMonth Month);
