using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Population;

namespace CommunitySafety.Cli.Commands.Import;

/// <summary><c>csp import population &lt;file&gt;</c>: imports ONS mid-year population estimates.</summary>
public sealed class ImportPopulationCommand : Command
{
    private readonly CliContext _context;

    private readonly Argument<string> _file = new("file")
    {
        Description = "An ONS mid-year estimates CSV: area code, name, all ages, then single years or age bands (by local authority or LSOA).",
    };

    private readonly Option<int?> _year = new("--year")
    {
        Description = "The mid-year the estimates are for, when the header or file name does not say (e.g. 2015 for mid-2015).",
        HelpName = "yyyy",
    };

    /// <summary>Creates the command.</summary>
    public ImportPopulationCommand(CliContext context)
        : base("population", "Import ONS mid-year population estimates (local authority or LSOA; all ages and by age). Replaces the figures for the same areas and year.")
    {
        _context = context;
        Arguments.Add(_file);
        Options.Add(_year);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var path = _context.ResolvePath(parseResult.GetValue(_file)!);
        if (!File.Exists(path))
        {
            throw new CliException(ExitCode.NotFound, $"{path}: no such file.");
        }

        var summary = StoreAccess.Write(_context, parseResult, store => new PopulationImporter(store).Import(path, new PopulationImportOptions { Year = parseResult.GetValue(_year) }));
        _context.Out.WriteLine(
            $"Imported mid-{summary.Year} population for {summary.Areas:N0} areas ({summary.LsoaAreas:N0} of them LSOAs); " +
            $"age bands: {string.Join(", ", summary.Bands)}.");
        return (int)ExitCode.Ok;
    }
}
