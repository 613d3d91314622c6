using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Monitoring.Export;
using CommunitySafety.Periods;

namespace CommunitySafety.Cli.Commands.Plan;

/// <summary><c>csp indicators template &lt;framework&gt; --out file.xlsx</c>: a workbook for partners to fill in.</summary>
public sealed class IndicatorsTemplateCommand : Command
{
    private readonly CliContext _context;

    private readonly Argument<string> _framework = new("framework")
    {
        Description = "The monitoring framework's code, e.g. DAMF ('csp plan show' lists them).",
    };

    private readonly Option<string> _out = new("--out")
    {
        Description = "The .xlsx file to write.",
        Required = true,
        HelpName = "file.xlsx",
    };

    private readonly Option<string?> _period = new("--period")
    {
        Description = "The period to collect, e.g. Q1 2024/25. Default: each indicator's last complete period.",
        HelpName = "period",
    };

    /// <summary>Creates the command.</summary>
    public IndicatorsTemplateCommand(CliContext context)
        : base("template", "Write a framework's values template (.xlsx: Instructions, Values, Indicators) for partners to fill in and return for 'csp indicators import'.")
    {
        _context = context;
        Arguments.Add(_framework);
        Options.Add(_out);
        Options.Add(_period);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var outPath = _context.ResolvePath(parseResult.GetValue(_out)!);
        if (!outPath.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException(ExitCode.UsageError, "The template is an Excel workbook: name a .xlsx file with --out.");
        }

        ReportingPeriod? period = null;
        if (parseResult.GetValue(_period) is { } text)
        {
            period = ReportingPeriod.TryParse(text, null, out var p)
                ? p
                : throw new CliException(ExitCode.UsageError, $"'{text}' is not a period: write e.g. Q4 2022/23, 2022/23, 2024 or 2024-01.");
        }

        await using var db = await MonitoringStoreAccess.OpenAsync(_context, parseResult, cancellationToken).ConfigureAwait(false);
        var code = parseResult.GetValue(_framework)!;
        using var buffer = new MemoryStream();
        int rows;
        try
        {
            rows = await new FrameworkWorkbooks(db).WriteTemplateAsync(code, buffer, period, cancellationToken).ConfigureAwait(false);
        }
        catch (KeyNotFoundException e)
        {
            throw new CliException(ExitCode.NotFound, e.Message, e);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        await File.WriteAllBytesAsync(outPath, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
        _context.Say($"Wrote the {code} template ({rows} value rows) to {outPath}.");
        return (int)ExitCode.Ok;
    }
}
