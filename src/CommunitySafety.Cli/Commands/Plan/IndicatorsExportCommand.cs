using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Monitoring.Export;

namespace CommunitySafety.Cli.Commands.Plan;

/// <summary><c>csp indicators export</c>: stored values to CSV or .xlsx, in the template's columns.</summary>
public sealed class IndicatorsExportCommand : Command
{
    private readonly CliContext _context;

    private readonly Option<string?> _framework = new("--framework")
    {
        Description = "Only this monitoring framework (its code). Default: every framework.",
        HelpName = "code",
    };

    private readonly Option<string?> _out = CommonOptions.Out();

    private readonly Option<string?> _as = new("--as")
    {
        Description = "csv or xlsx. Default: from the --out file's extension, else csv.",
        HelpName = "csv|xlsx",
    };

    private readonly Option<bool> _published = new("--published")
    {
        Description = "Apply each indicator's disclosure rule (suppress small counts) for publication.",
    };

    /// <summary>Creates the command.</summary>
    public IndicatorsExportCommand(CliContext context)
        : base("export", "Export indicator values (current versions, with who entered them and when) to CSV or .xlsx; the file can be edited and imported back.")
    {
        _context = context;
        Options.Add(_framework);
        Options.Add(_out);
        Options.Add(_as);
        Options.Add(_published);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var outPath = parseResult.GetValue(_out) is { } o ? _context.ResolvePath(o) : null;
        var format = (parseResult.GetValue(_as)?.ToUpperInvariant(), outPath) switch
        {
            ("XLSX", _) => ExportFormat.Xlsx,
            ("CSV", _) => ExportFormat.Csv,
            (null, { } path) when path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) => ExportFormat.Xlsx,
            (null, _) => ExportFormat.Csv,
            var (other, _) => throw new CliException(ExitCode.UsageError, $"'{other}' is not an export format: use csv or xlsx."),
        };
        if (format == ExportFormat.Xlsx && outPath is null)
        {
            throw new CliException(ExitCode.UsageError, "An .xlsx export needs a file: name one with --out.");
        }

        await using var db = await MonitoringStoreAccess.OpenAsync(_context, parseResult, cancellationToken).ConfigureAwait(false);
        var options = new ExportOptions { FrameworkCode = parseResult.GetValue(_framework), ForPublication = parseResult.GetValue(_published) };
        using var buffer = new MemoryStream();
        int rows;
        try
        {
            rows = await new FrameworkWorkbooks(db).ExportAsync(format, buffer, options, cancellationToken).ConfigureAwait(false);
        }
        catch (KeyNotFoundException e)
        {
            throw new CliException(ExitCode.NotFound, e.Message, e);
        }

        if (outPath is null)
        {
            await _context.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
            return (int)ExitCode.Ok;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        await File.WriteAllBytesAsync(outPath, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
        _context.Say($"Wrote {rows:N0} values to {outPath}.");
        return (int)ExitCode.Ok;
    }
}
