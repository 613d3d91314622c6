using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Monitoring.ValueImport;

namespace CommunitySafety.Cli.Commands.Plan;

/// <summary><c>csp indicators import &lt;file&gt;</c>: imports indicator values from CSV, a filled-in template or a Fingertips export.</summary>
public sealed class IndicatorsImportCommand : Command
{
    private readonly CliContext _context;

    private readonly Argument<string> _file = new("file")
    {
        Description = "A .csv with the template's columns, a filled-in .xlsx template, or a Fingertips data export (.csv).",
    };

    private readonly Option<string?> _framework = new("--framework")
    {
        Description = "For a Fingertips export: the framework in which to create indicators not yet in the store.",
        HelpName = "code",
    };

    private readonly Option<string?> _area = new("--area")
    {
        Description = "The area code for rows that give none (default: the partnership's area).",
        HelpName = "code",
    };

    private readonly Option<string?> _by = new("--by")
    {
        Description = "Who is importing, recorded with every value (default: the user name).",
        HelpName = "name",
    };

    /// <summary>Creates the command.</summary>
    public IndicatorsImportCommand(CliContext context)
        : base("import", "Import indicator values. Every row is checked first: the whole file lands, or nothing does and each problem is listed by sheet, row and column. Changed values keep their previous versions.")
    {
        _context = context;
        Arguments.Add(_file);
        Options.Add(_framework);
        Options.Add(_area);
        Options.Add(_by);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var path = CommandInputs.ExistingFile(_context, parseResult.GetValue(_file)!);

        await using var db = await MonitoringStoreAccess.OpenAsync(_context, parseResult, cancellationToken).ConfigureAwait(false);
        var options = new ImportOptions(parseResult.GetValue(_by) ?? Environment.UserName)
        {
            DefaultAreaCode = parseResult.GetValue(_area),
            FingertipsFrameworkCode = parseResult.GetValue(_framework),
        };
        var result = await new IndicatorValueImporter(db).ImportFileAsync(path, options, cancellationToken).ConfigureAwait(false);
        foreach (var warning in result.Warnings)
        {
            _context.Say($"warning: {warning}");
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                _context.Say($"error: {error}");
            }

            throw new CliException(ExitCode.InvalidInput, $"{Path.GetFileName(path)}: {result.Errors.Count} problem(s); nothing was imported.");
        }

        var created = result.IndicatorsCreated > 0 ? $", {result.IndicatorsCreated} indicators created" : string.Empty;
        var skipped = result.Skipped > 0 ? $", {result.Skipped} rows left out (see warnings)" : string.Empty;
        _context.Out.WriteLine(
            $"Imported {Path.GetFileName(path)} ({result.Format}): {result.Added} added, {result.Changed} changed (previous versions kept), {result.Unchanged} unchanged{created}{skipped}.");
        return (int)ExitCode.Ok;
    }
}
