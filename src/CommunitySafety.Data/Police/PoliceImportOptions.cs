namespace CommunitySafety.Data.Police;

/// <summary>Options for <see cref="PoliceImporter"/>; use as <c>new PoliceImportOptions { SkipBadRows = true }</c>.</summary>
public readonly record struct PoliceImportOptions
{
    /// <summary>Creates the default options: a file with any bad row is rejected whole.</summary>
    public PoliceImportOptions()
    {
    }

    /// <summary>Import the good rows of a file with bad rows, and write the bad ones to <see cref="RejectsPath"/>.</summary>
    public bool SkipBadRows { get; init; }

    /// <summary>
    /// Where to write rejected rows when <see cref="SkipBadRows"/> is on; by default <c>&lt;store&gt;.rejects.csv</c> beside the
    /// store. Columns: file, line, field, error, row.
    /// </summary>
    public string? RejectsPath { get; init; }

    /// <summary>
    /// Street-level files: check every field of every row exactly as a full import does, but store only the monthly
    /// counts (<c>crime_monthly</c>, loaded months, files, LSOAs), not the raw rows. National figures, the assessment and
    /// the counts are the same; hot spot maps need the raw rows and say so for counts-only months
    /// (<c>CountsOnlyMonthsException</c>). Files are read and checked in parallel. Outcomes and
    /// stop-and-search files are imported in full either way.
    /// </summary>
    public bool CountsOnly { get; init; }

    /// <summary>The force for stop-and-search files whose name does not say it (they have no force column).</summary>
    public string? StopAndSearchForce { get; init; }
}
