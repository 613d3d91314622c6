using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Quality;

namespace CommunitySafety.Cli.Commands.Import;

/// <summary><c>csp import police &lt;paths…&gt;</c>: imports police.uk street-level crime, outcomes and stop-and-search files.</summary>
public sealed class ImportPoliceCommand : Command
{
    private readonly CliContext _context;

    private readonly Argument<string[]> _paths = new("paths")
    {
        Description = "Files, folders (searched recursively; the police.uk archive layout YYYY-MM/YYYY-MM-<force>-street.csv) or the archive .zip files.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<bool> _skipBadRows = new("--skip-bad-rows")
    {
        Description = "Import the good rows of a file that has bad ones, and write the bad rows to a rejects file. " +
                      "Without it, a file with any bad row is rejected whole and every bad row is listed.",
    };

    private readonly Option<string?> _rejects = new("--rejects")
    {
        Description = "With --skip-bad-rows: where to write the bad rows (default: rejects-<time>.csv beside the store).",
        HelpName = "file",
    };

    private readonly Option<string?> _force = new("--force")
    {
        Description = "The force that stop-and-search files belong to, when their names do not say (they have no 'Reported by' column).",
        HelpName = "name",
    };

    private readonly Option<bool> _countsOnly = new("--counts-only")
    {
        Description = "Street-level files: check every row as usual but store only the monthly counts by force, LSOA, crime type and month, " +
                      "not the records (much faster; counts, rates and assessments are the same, hot spot maps need the records).",
    };

    private readonly Option<bool> _allowEmpty = new("--allow-empty")
    {
        Description = "Exit 0 when the paths hold nothing to import (a folder with no CSVs, an empty archive); without it that is an error (exit code 10).",
    };

    /// <summary>Creates the command.</summary>
    public ImportPoliceCommand(CliContext context)
        : base("police", "Import police.uk street-level crime, outcomes and stop-and-search CSVs. Re-importing a force-month replaces it.")
    {
        _context = context;
        Arguments.Add(_paths);
        Options.Add(_skipBadRows);
        Options.Add(_rejects);
        Options.Add(_force);
        Options.Add(_countsOnly);
        Options.Add(_allowEmpty);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var paths = parseResult.GetValue(_paths)!.Select(_context.ResolvePath).ToList();
        foreach (var path in paths.Where(p => !File.Exists(p) && !Directory.Exists(p)))
        {
            throw new CliException(ExitCode.NotFound, $"{path}: no such file or folder.");
        }

        var options = new PoliceImportOptions
        {
            SkipBadRows = parseResult.GetValue(_skipBadRows),
            RejectsPath = parseResult.GetValue(_rejects) is { } r ? _context.ResolvePath(r) : null,
            StopAndSearchForce = parseResult.GetValue(_force),
            CountsOnly = parseResult.GetValue(_countsOnly),
        };
        ImportSummary summary;
        IReadOnlyList<QualityFlag> flags = [];
        try
        {
            summary = StoreAccess.Write(_context, parseResult, store =>
            {
                var s = ProgressDisplay.Run(_context, "Importing police.uk files", progress => new PoliceImporter(store).Import(paths, options, progress));
                flags = FlagsOf(store, s);
                return s;
            });
        }
        catch (ImportRejectedException e) when (e.Summary?.NothingToImport == true)
        {
            // A wrong path in a scheduled job must not pass as "Imported 0 rows".
            var what = string.Join(Environment.NewLine, e.Errors.Select(x => $"  {x.File}: {x.Message}"));
            if (parseResult.GetValue(_allowEmpty))
            {
                _context.Say("Nothing to import (allowed by --allow-empty):" + Environment.NewLine + what);
                return (int)ExitCode.Ok;
            }

            throw new CliException(ExitCode.NothingToImport, "nothing to import:" + Environment.NewLine + what, e);
        }
        catch (ImportRejectedException e) when (e.Summary is { } partial && partial.Files.Any(f => f.Imported))
        {
            // The good files (and archive entries) were committed: say what was stored before the errors.
            ImportSummaryView.Write(_context, partial);
            throw;
        }

        ImportSummaryView.Write(_context, summary);
        WriteFlags(flags);
        return (int)ExitCode.Ok;
    }

    /// <summary>The data-quality flags on the street-level force-months this import stored (see <see cref="QualityChecker"/>).</summary>
    private static IReadOnlyList<QualityFlag> FlagsOf(Data.Store.AnalyticalStore store, ImportSummary summary)
    {
        var forces = summary.RowsByForce.Keys.Where(k => k.Kind == PoliceFileKind.Street).Select(k => k.Force).ToHashSet(StringComparer.Ordinal);
        var months = summary.RowsByMonth.Keys.Where(k => k.Kind == PoliceFileKind.Street).Select(k => k.Month).ToHashSet();
        return forces.Count == 0
            ? []
            : [.. new QualityChecker(store).Check(forces, (months.Min(), months.Max())).Where(f => months.Contains(f.Month))];
    }

    private void WriteFlags(IReadOnlyList<QualityFlag> flags)
    {
        if (flags.Count == 0)
        {
            return;
        }

        _context.Say($"Data quality: {flags.Count:N0} flag(s) on the months imported (valid data that is unlike the force's own history; check before relying on it):");
        foreach (var f in flags.Take(20))
        {
            _context.Say($"  {f.Id}: {f.Detail}");
        }

        if (flags.Count > 20)
        {
            _context.Say($"  … and {flags.Count - 20:N0} more: run 'csp quality'.");
        }
    }
}
