using CommunitySafety.Periods;

namespace CommunitySafety.Data.Synthetic;

/// <summary>The kinds of file the generator writes.</summary>
[Flags]
public enum SyntheticFileKinds
{
    /// <summary>Street-level crime and anti-social behaviour (<c>YYYY-MM-&lt;force&gt;-street.csv</c>).</summary>
    Street = 1,

    /// <summary>Outcomes (<c>YYYY-MM-&lt;force&gt;-outcomes.csv</c>).</summary>
    Outcomes = 2,

    /// <summary>Stop and search (<c>YYYY-MM-&lt;force&gt;-stop-and-search.csv</c>).</summary>
    StopAndSearch = 4,

    /// <summary>All three, as police.uk's archive has them.</summary>
    All = Street | Outcomes | StopAndSearch,
}

/// <summary>What <see cref="NationalArchiveGenerator"/> writes.</summary>
/// <remarks>Used as <c>new NationalArchiveOptions { OutputFolder = "/tmp/national" } with { Months = 1 }</c>.</remarks>
public sealed record NationalArchiveOptions
{
    /// <summary>The folder to write the archive into (created when missing). Never a folder of real data: files are added to it.</summary>
    public required string OutputFolder { get; init; }

    /// <summary>The ONS LSOA→district lookup (e.g. <c>samples/lookups/LSOA11_WD20_LAD20_lookup.csv</c>): real LSOA codes and names.</summary>
    public required string LsoaLookupPath { get; init; }

    /// <summary>The ONS district→CSP→police force area lookup (e.g. <c>samples/lookups/LAD17_CSP17_PFA17_lookup.csv</c>).</summary>
    public required string LocalAuthorityLookupPath { get; init; }

    /// <summary>The first month; police.uk's monthly files, financial years start in April.</summary>
    public YearMonth Start { get; init; } = new(2021, 4);

    /// <summary>How many months to write (12 per year).</summary>
    public int Months { get; init; } = 60;

    /// <summary>The seed: the same seed and options write byte-identical files.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The volume as a share of a national year (<see cref="SyntheticCalibration.StreetRowsPerYear"/>); 1 for full scale, smaller for tests.</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>Which kinds of file to write.</summary>
    public SyntheticFileKinds Kinds { get; init; } = SyntheticFileKinds.All;

    /// <summary>Only these forces (police.uk slugs, e.g. <c>bedfordshire</c>); null or empty for all 43.</summary>
    public IReadOnlyList<string>? Forces { get; init; }

    /// <summary>Files written at once; by default one per processor.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>What the generator wrote.</summary>
/// <param name="Folder">The archive's root folder.</param>
/// <param name="Files">CSV files written.</param>
/// <param name="StreetRows">Street-level rows.</param>
/// <param name="OutcomeRows">Outcomes rows.</param>
/// <param name="StopAndSearchRows">Stop-and-search rows.</param>
/// <param name="Bytes">Bytes written (all CSV files).</param>
/// <param name="StreetBytes">Bytes of the street-level files.</param>
public sealed record GeneratedArchive(string Folder, int Files, long StreetRows, long OutcomeRows, long StopAndSearchRows, long Bytes, long StreetBytes);
