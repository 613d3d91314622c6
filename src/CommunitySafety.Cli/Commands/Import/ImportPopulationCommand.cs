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
        Description = "ONS population figures: the mid-year estimates workbook (.xlsx, sheet \"MYE2 - Persons\") or CSV (area code, name, all ages, then single years or age bands; optionally mid_year and sex columns), Census 2021 by LSOA 2021, or small-area estimates by LSOA 2011.",
    };

    private readonly Option<int?> _year = new("--year")
    {
        Description = "The mid-year the estimates are for, when the header or file name does not say (e.g. 2015 for mid-2015).",
        HelpName = "yyyy",
    };

    private readonly Option<string?> _sheet = new("--sheet")
    {
        Description = "The sheet of an .xlsx workbook to read (default: \"MYE2 - Persons\").",
        HelpName = "name",
    };

    private readonly Option<string?> _source = new("--source")
    {
        Description = "The source to record with every figure, when the one made from the file is not right (e.g. \"ONS mid-2024 population estimates (MYE2), Local Authority, OGL v3\").",
        HelpName = "text",
    };

    /// <summary>Creates the command.</summary>
    public ImportPopulationCommand(CliContext context)
        : base("population", "Import ONS population figures (local authority or LSOA; all ages and by age; several years side by side), each kept with its year and source. Replaces the figures for the same areas and years.")
    {
        _context = context;
        Arguments.Add(_file);
        Options.Add(_year);
        Options.Add(_sheet);
        Options.Add(_source);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var path = CommandInputs.ExistingFile(_context, parseResult.GetValue(_file)!);

        var options = new PopulationImportOptions { Year = parseResult.GetValue(_year), Sheet = parseResult.GetValue(_sheet), Source = parseResult.GetValue(_source) };
        var summary = StoreAccess.Write(_context, parseResult, store => new PopulationImporter(store).Import(path, options));
        _context.Out.WriteLine(
            $"Imported {string.Join(", ", summary.Years.Select(y => $"mid-{y}"))} population for {summary.Areas:N0} areas ({summary.LsoaAreas:N0} of them LSOAs); " +
            $"age bands: {Bands(summary.Bands)}; source: {summary.Source}.");
        return (int)ExitCode.Ok;
    }

    /// <summary>"all ages, single years 0–89, 90+" rather than ninety bands.</summary>
    private static string Bands(IReadOnlyList<AgeBand> bands)
    {
        var single = bands.Where(b => b.To == b.From).ToList();
        if (single.Count < 5)
        {
            return string.Join(", ", bands);
        }

        var rest = bands.Where(b => b.To != b.From).ToList();
        var text = $"single years {single.Min(b => b.From)}–{single.Max(b => b.From)}";
        return string.Join(", ", rest.Where(b => b.IsAllAges).Select(b => b.ToString()).Append(text).Concat(rest.Where(b => !b.IsAllAges).Select(b => b.ToString())));
    }
}
