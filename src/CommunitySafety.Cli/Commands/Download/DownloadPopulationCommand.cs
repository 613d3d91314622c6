using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Download;
using CommunitySafety.Data.Population;

namespace CommunitySafety.Cli.Commands.Download;

/// <summary>
/// <c>csp download population</c>: fetches the ONS mid-year population estimates workbook for England and Wales (the
/// "MYE2 - Persons" sheet the tool's rates use) and imports it as <c>csp import population</c> does.
/// </summary>
public sealed class DownloadPopulationCommand : Command
{
    /// <summary>The environment variable that changes the default address of the workbook.</summary>
    public const string UrlVariable = "CSP_ONS_POPULATION_URL";

    /// <summary>
    /// ONS "Estimates of the population for England and Wales", mid-2024 edition (released July 2025), the workbook
    /// mye24tablesew.xlsx. ONS moves files between releases: when this address stops working, give the new one with --url.
    /// </summary>
    public const string DefaultUrl =
        "https://www.ons.gov.uk/file?uri=/peoplepopulationandcommunity/populationandmigration/populationestimates/datasets/estimatesofthepopulationforenglandandwales/mid2024/mye24tablesew.xlsx";

    private readonly CliContext _context;

    private readonly Option<string?> _url = new("--url")
    {
        Description = $"The workbook's address (default: ONS mid-2024 estimates for England and Wales, or the {UrlVariable} environment variable).",
        HelpName = "url",
    };

    /// <summary>Creates the command.</summary>
    public DownloadPopulationCommand(CliContext context)
        : base("population", "Fetch the ONS mid-year population estimates for England and Wales (local authorities, single years of age) and import them; each figure keeps its year and source.")
    {
        _context = context;
        Options.Add(_url);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var text = parseResult.GetValue(_url) ?? Environment.GetEnvironmentVariable(UrlVariable) ?? DefaultUrl;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException(ExitCode.UsageError, $"'{text}' is not a web address (http:// or https://).");
        }

        // The file's own name (the importer reads .xlsx and .csv by their extension); ONS addresses carry it in ?uri=.
        var name = new[] { Path.GetFileName(url.AbsolutePath), Path.GetFileName(Uri.UnescapeDataString(url.Query)) }
            .FirstOrDefault(n => n.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || n.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            ?? "ons-population.xlsx";
        var path = Path.Combine(DownloadCommand.Folder(_context, parseResult), name);
        using var http = DownloadCommand.Client();
        if (File.Exists(path))
        {
            File.Delete(path); // a workbook is small: always fetch the current one (a .part of an interrupted run is resumed)
        }

        DownloadCommand.Fetch(_context, new ResumableDownload(http), url, path);
        var summary = StoreAccess.Write(_context, parseResult, store => new PopulationImporter(store).Import(path, new PopulationImportOptions()));
        _context.Out.WriteLine(
            $"Imported {string.Join(", ", summary.Years.Select(y => $"mid-{y}"))} population for {summary.Areas:N0} areas from {url.Host}; source: {summary.Source}.");
        return (int)ExitCode.Ok;
    }
}
