using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Download;
using CommunitySafety.Data.Police;
using CommunitySafety.Periods;
using CommunitySafety.Naming;

namespace CommunitySafety.Cli.Commands.Download;

/// <summary>
/// <c>csp download police --force &lt;name|all&gt; --from YYYY-MM --to YYYY-MM</c>: fetches data.police.uk's bulk archive(s)
/// covering the months, takes out the forces' files (CRC-checked) and imports them as <c>csp import police</c> does.
/// </summary>
public sealed class DownloadPoliceCommand : Command
{
    /// <summary>The environment variable that changes the default police.uk address (a mirror, or a test server).</summary>
    public const string BaseUrlVariable = "CSP_POLICE_BASE_URL";

    private readonly CliContext _context;

    private readonly Option<string[]> _force = new("--force")
    {
        Description = "The force(s) to fetch, as police.uk names them (e.g. Bedfordshire, \"Thames Valley\", metropolitan), or all.",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
        HelpName = "name|all",
    };

    private readonly Option<string> _from = new("--from") { Description = "The first month, e.g. 2024-04.", Required = true, HelpName = "yyyy-mm" };

    private readonly Option<string> _to = new("--to") { Description = "The last month, e.g. 2025-03 (police.uk publishes a month about six weeks after it ends).", Required = true, HelpName = "yyyy-mm" };

    private readonly Option<string[]> _kinds = new("--kinds")
    {
        Description = "Which files: street, outcomes, stop-and-search (default: street).",
        AllowMultipleArgumentsPerToken = true,
        HelpName = "street|outcomes|stop-and-search",
    };

    private readonly Option<string?> _baseUrl = new("--base-url")
    {
        Description = $"Where police.uk's archive is (default: https://data.police.uk/, or the {BaseUrlVariable} environment variable).",
        HelpName = "url",
    };

    private readonly Option<bool> _countsOnly = new("--counts-only")
    {
        Description = "Store only the monthly counts of street-level files, not the records (as 'csp import police --counts-only').",
    };

    private readonly Option<bool> _keep = new("--keep")
    {
        Description = "Keep the downloaded archive in downloads/ beside the store after importing (it is deleted otherwise; a partial download is always kept to resume).",
    };

    /// <summary>Creates the command.</summary>
    public DownloadPoliceCommand(CliContext context)
        : base("police", "Fetch police.uk crime files for forces and months from data.police.uk's archive, check them and import them. A month already in the store is replaced, never double-counted.")
    {
        _context = context;
        Options.Add(_force);
        Options.Add(_from);
        Options.Add(_to);
        Options.Add(_kinds);
        Options.Add(_baseUrl);
        Options.Add(_countsOnly);
        Options.Add(_keep);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var first = Month(parseResult.GetValue(_from)!, "--from");
        var last = Month(parseResult.GetValue(_to)!, "--to");
        if (last < first)
        {
            throw new CliException(ExitCode.UsageError, $"--to {last} is before --from {first}.");
        }

        var forces = Forces(parseResult.GetValue(_force) ?? []);
        var kinds = Kinds(parseResult.GetValue(_kinds));
        var baseUrl = BaseUrl(parseResult.GetValue(_baseUrl) ?? Environment.GetEnvironmentVariable(BaseUrlVariable) ?? "https://data.police.uk/");
        var folder = DownloadCommand.Folder(_context, parseResult);
        var extracted = Path.Combine(folder, $"police-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..40]);
        using var http = DownloadCommand.Client();
        var download = new ResumableDownload(http);
        var missing = new List<string>();
        try
        {
            var archives = new List<string>();
            foreach (var part in PoliceArchive.Plan(first, last))
            {
                var zip = Path.Combine(folder, $"police-archive-{part.Month}.zip");
                if (File.Exists(zip))
                {
                    _context.Say($"Using {zip}, downloaded before.");
                }
                else
                {
                    DownloadCommand.Fetch(_context, download, PoliceArchive.Url(baseUrl, part.Month), zip);
                }

                ArchiveExtract taken;
                try
                {
                    taken = PoliceArchive.Extract(zip, part, forces, kinds, extracted);
                }
                catch (DownloadException e)
                {
                    File.Delete(zip); // damaged: the next run downloads it again
                    throw new CliException(ExitCode.DownloadFailed, e.Message, e);
                }

                missing.AddRange(taken.Missing);
                archives.Add(zip);
                _context.Say($"Took {taken.Files.Count} file(s) for {part.First}..{part.Last} out of {Path.GetFileName(zip)}.");
            }

            if (!Directory.Exists(extracted))
            {
                throw new CliException(ExitCode.NothingToImport, $"police.uk's archive holds no {string.Join("/", kinds)} files for {Describe(forces)} in {first}..{last}.");
            }

            var options = new PoliceImportOptions { CountsOnly = parseResult.GetValue(_countsOnly) };
            var summary = StoreAccess.Write(_context, parseResult, store =>
                ProgressDisplay.Run(_context, "Importing police.uk files", progress => new PoliceImporter(store).Import([extracted], options, progress)));
            Import.ImportSummaryView.Write(_context, summary);
            if (missing.Count > 0)
            {
                _context.Say($"Not in police.uk's archive ({missing.Count}): {string.Join(", ", missing.Take(12))}{(missing.Count > 12 ? ", …" : string.Empty)}. " +
                    "A force sometimes publishes a month late or not at all; those months count as not covered.");
            }

            if (!parseResult.GetValue(_keep))
            {
                archives.ForEach(File.Delete);
            }

            return (int)ExitCode.Ok;
        }
        finally
        {
            if (Directory.Exists(extracted))
            {
                Directory.Delete(extracted, recursive: true);
            }
        }
    }

    private static YearMonth Month(string text, string option) =>
        YearMonth.TryParse(text, null, out var month)
            ? month
            : throw new CliException(ExitCode.UsageError, $"{option} '{text}' is not a month: write it as yyyy-mm, e.g. 2024-04.");

    /// <summary>The police.uk slugs of the forces named, or null for all.</summary>
    private static HashSet<string>? Forces(string[] names)
    {
        if (names.Length == 0 || names.Any(n => n.Equals("all", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var force = PoliceForces.Find(name) ?? PoliceForces.FromSlug(name.Trim().ToLowerInvariant())
                ?? throw new CliException(ExitCode.UsageError, $"No police force called '{name}'.{DidYouMean.Suggest(name, PoliceForces.Known.Select(f => f.ShortName))} Give a force as police.uk names it (e.g. Bedfordshire), or all.");
            slugs.Add(force.Slug);
        }

        return slugs;
    }

    private static HashSet<string> Kinds(string[]? given)
    {
        if (given is not { Length: > 0 })
        {
            return ["street"];
        }

        var kinds = given.SelectMany(k => k.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(k => k.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var kind in kinds.Where(k => !PoliceArchive.Kinds.Contains(k)))
        {
            throw new CliException(ExitCode.UsageError, $"--kinds '{kind}' is not a kind of police.uk file: use street, outcomes or stop-and-search.");
        }

        return kinds;
    }

    private static Uri BaseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new CliException(ExitCode.UsageError, $"'{text}' is not a web address (http:// or https://).");

    private static string Describe(HashSet<string>? forces) => forces is null ? "any force" : string.Join(", ", forces.Order(StringComparer.Ordinal));
}
