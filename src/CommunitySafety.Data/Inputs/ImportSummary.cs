using CommunitySafety.Crime;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Inputs;

/// <summary>One file read by an import.</summary>
/// <param name="Path">The file (for a zip entry, <c>archive.zip!entry</c>).</param>
/// <param name="Kind">What kind of police.uk file it is.</param>
/// <param name="Rows">Rows imported.</param>
/// <param name="RejectedRows">Rows rejected (written to the rejects file with <c>PoliceImportOptions.SkipBadRows</c>).</param>
/// <param name="Imported">False when the whole file was rejected.</param>
public sealed record ImportedFile(string Path, PoliceFileKind Kind, long Rows, int RejectedRows, bool Imported);

/// <summary>What an import did.</summary>
public sealed record ImportSummary
{
    /// <summary>Every file read, in order.</summary>
    public required IReadOnlyList<ImportedFile> Files { get; init; }

    /// <summary>Rows imported per force ("Reported by" name) and kind.</summary>
    public required IReadOnlyDictionary<(string Force, PoliceFileKind Kind), long> RowsByForce { get; init; }

    /// <summary>Rows imported per month and kind.</summary>
    public required IReadOnlyDictionary<(YearMonth Month, PoliceFileKind Kind), long> RowsByMonth { get; init; }

    /// <summary>Street-level rows imported per crime type.</summary>
    public required IReadOnlyDictionary<CrimeType, long> RowsByCrimeType { get; init; }

    /// <summary>Rows that were bad: in rejected files, or skipped with <c>PoliceImportOptions.SkipBadRows</c>.</summary>
    public required IReadOnlyList<ImportError> Rejected { get; init; }

    /// <summary>Where skipped rows were written, when any were.</summary>
    public string? RejectsPath { get; init; }

    /// <summary>Previously imported files whose force-months this import replaced.</summary>
    public required IReadOnlyList<string> FilesReplaced { get; init; }

    /// <summary>Force-months (kind, force, month) this import replaced.</summary>
    public required int ForceMonthsReplaced { get; init; }

    /// <summary>
    /// Files not imported because they are byte for byte the same as a file read earlier in the same import (the same
    /// force-months twice, e.g. a file given twice or a zip holding one entry twice): counted once.
    /// </summary>
    public IReadOnlyList<(string Path, string SameAs)> Duplicates { get; init; } = [];

    /// <summary>
    /// The paths given held nothing to import (folders with no CSVs, empty archives, archives of archives): the import
    /// is rejected (<see cref="ImportRejectedException"/>) naming each, and a caller may treat it apart (the CLI's own exit code).
    /// </summary>
    public bool NothingToImport { get; init; }

    /// <summary>
    /// What became of each zip archive's entries. The rule for archives is a per-entry report, not all-or-nothing: each
    /// entry is a police.uk file and lands whole or not at all like any other, so the good entries of an archive with a
    /// bad one are committed, and this names which were and which were not (for the errors, see <see cref="Rejected"/>).
    /// Fixing the bad entry and importing the archive again is exact: its force-months replace themselves.
    /// </summary>
    public IReadOnlyList<ArchiveOutcome> Archives
    {
        get
        {
            var duplicates = Duplicates.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
            var entries = Files.Select(f => (f.Path, Done: f.Imported || duplicates.Contains(f.Path)))
                .Concat(Rejected.Select(e => e.File).Where(p => !Files.Any(f => f.Path == p)).Distinct().Select(p => (Path: p, Done: false)))
                .Where(e => e.Path.Contains('!', StringComparison.Ordinal))
                .Select(e => (Archive: e.Path[..e.Path.IndexOf('!', StringComparison.Ordinal)], Entry: e.Path[(e.Path.IndexOf('!', StringComparison.Ordinal) + 1)..], e.Done));
            return [.. entries.GroupBy(e => e.Archive, StringComparer.Ordinal)
                .Select(g => new ArchiveOutcome(g.Key, [.. g.Where(e => e.Done).Select(e => e.Entry)], [.. g.Where(e => !e.Done).Select(e => e.Entry)]))];
        }
    }

    /// <summary>Total rows imported.</summary>
    public long TotalRows => Files.Sum(f => f.Rows);

    /// <summary>Total rows rejected.</summary>
    public long TotalRejected => Files.Sum(f => (long)f.RejectedRows);
}

/// <summary>What an import did with one zip archive's CSV entries.</summary>
/// <param name="Archive">The archive's path.</param>
/// <param name="Imported">Entries committed (each whole), or counted once as the same bytes as a file read earlier.</param>
/// <param name="NotImported">Entries rejected whole (their errors are in <see cref="ImportSummary.Rejected"/>).</param>
public sealed record ArchiveOutcome(string Archive, IReadOnlyList<string> Imported, IReadOnlyList<string> NotImported);
