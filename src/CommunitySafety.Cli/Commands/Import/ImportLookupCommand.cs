using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Lookups;

namespace CommunitySafety.Cli.Commands.Import;

/// <summary><c>csp import lookup &lt;file&gt;</c>: imports an ONS geography lookup.</summary>
public sealed class ImportLookupCommand : Command
{
    private readonly CliContext _context;

    private readonly Argument<string> _file = new("file")
    {
        Description = "An ONS lookup CSV: LSOA → local authority (e.g. LSOA11CD,…,LAD20CD,LAD20NM) or local authority → CSP → police force area (LAD17CD,LAD17NM,CSP17CD,CSP17NM,PFA17CD,PFA17NM).",
    };

    /// <summary>Creates the command.</summary>
    public ImportLookupCommand(CliContext context)
        : base("lookup", "Import an ONS lookup (LSOA → local authority, or local authority → CSP → police force area). Records already imported are allocated again.")
    {
        _context = context;
        Arguments.Add(_file);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var path = CommandInputs.ExistingFile(_context, parseResult.GetValue(_file)!);

        var summary = StoreAccess.Write(_context, parseResult, store => new LookupImporter(store).Import(path));
        var what = summary.Kind switch
        {
            LookupKind.LsoaToLocalAuthority => "LSOA → local authority",
            LookupKind.LocalAuthorityToCspAndPoliceForceArea => "local authority → Community Safety Partnership → police force area",
            _ => summary.Kind.ToString(),
        };
        _context.Out.WriteLine($"Imported {summary.Rows:N0} rows of the {what} lookup (columns {summary.Columns}).");
        return (int)ExitCode.Ok;
    }
}
