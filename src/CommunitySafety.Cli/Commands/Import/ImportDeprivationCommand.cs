using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Deprivation;

namespace CommunitySafety.Cli.Commands.Import;

/// <summary><c>csp import deprivation &lt;file&gt;</c>: imports an index of multiple deprivation by LSOA.</summary>
public sealed class ImportDeprivationCommand : Command
{
    private readonly CliContext _context;

    private readonly Argument<string> _file = new("file")
    {
        Description = "An index of deprivation by LSOA (CSV): an LSOA code column (lsoa21_code, \"LSOA code (2021)\", lsoa11_code) and the IMD decile (IMD_decile or \"Index of Multiple Deprivation (IMD) Decile\"), e.g. the English Indices of Deprivation 2025 or 2019.",
    };

    private readonly Option<int?> _year = new("--year")
    {
        Description = "The index's year, when the file name does not say (e.g. 2025 for the English Indices of Deprivation 2025).",
        HelpName = "yyyy",
    };

    private readonly Option<int?> _lsoaYear = new("--lsoa-year")
    {
        Description = "The LSOA vintage of the codes (2011 or 2021), when the header and file name do not say.",
        HelpName = "yyyy",
    };

    /// <summary>Creates the command.</summary>
    public ImportDeprivationCommand(CliContext context)
        : base("deprivation", "Import an index of multiple deprivation by LSOA (its IMD decile, rank and score), for crime by deprivation decile. Replaces the same index.")
    {
        _context = context;
        Arguments.Add(_file);
        Options.Add(_year);
        Options.Add(_lsoaYear);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var path = CommandInputs.ExistingFile(_context, parseResult.GetValue(_file)!);

        var options = new DeprivationImportOptions { Year = parseResult.GetValue(_year), LsoaYear = parseResult.GetValue(_lsoaYear) };
        var summary = StoreAccess.Write(_context, parseResult, store => new DeprivationImporter(store).Import(path, options));
        _context.Out.WriteLine($"Imported the {summary.IndexName} for {summary.Lsoas:N0} LSOAs ({summary.LsoaYear} LSOAs; decile from column '{summary.DecileColumn}').");
        return (int)ExitCode.Ok;
    }
}
