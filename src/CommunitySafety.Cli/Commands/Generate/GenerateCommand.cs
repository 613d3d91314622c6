using System.CommandLine;
using System.Diagnostics;
using CommunitySafety.Cli.Commands.Demo;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Synthetic;
using CommunitySafety.Periods;

namespace CommunitySafety.Cli.Commands.Generate;

/// <summary>
/// <c>csp generate --years 5 --out &lt;dir&gt;</c>: writes a synthetic national police.uk archive (43 forces, real layout and
/// columns, real LSOA codes, distributions calibrated on real files) for demos and benchmarks.
/// </summary>
public sealed class GenerateCommand : Command
{
    private readonly CliContext _context;

    private readonly Option<string> _out = new("--out")
    {
        Description = "The folder to write into (e.g. /tmp/national). Not inside a git working tree: generated data never belongs in a repository.",
        HelpName = "folder",
        Required = true,
    };

    private readonly Option<int> _years = new("--years")
    {
        Description = "Years of monthly files to write (12 months each).",
        DefaultValueFactory = _ => 5,
    };

    private readonly Option<int?> _months = new("--months")
    {
        Description = "Months to write instead of whole years (e.g. 1 for a quick look).",
    };

    private readonly Option<string> _start = new("--start")
    {
        Description = "The first month, yyyy-mm.",
        DefaultValueFactory = _ => "2021-04",
        HelpName = "yyyy-mm",
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "The seed: the same seed and options write the same files.",
        DefaultValueFactory = _ => 1,
    };

    private readonly Option<double> _scale = new("--scale")
    {
        Description = "Volume as a share of the national one (about 6.5 million street rows a year); e.g. 0.01 for a small archive.",
        DefaultValueFactory = _ => 1.0,
    };

    private readonly Option<string> _kinds = new("--kinds")
    {
        Description = "Which files: any of street, outcomes, stop-and-search, comma-separated, or all.",
        DefaultValueFactory = _ => "all",
    };

    private readonly Option<string[]> _forces = new("--force")
    {
        Description = "Only this force (police.uk name, e.g. bedfordshire); repeat for several. Default: all 43.",
        HelpName = "slug",
    };

    private readonly Option<string?> _lookups = new("--lookups")
    {
        Description = "The folder holding LSOA11_WD20_LAD20_lookup.csv and LAD17_CSP17_PFA17_lookup.csv (default: the samples shipped with csp).",
        HelpName = "folder",
    };

    /// <summary>Creates the command.</summary>
    public GenerateCommand(CliContext context)
        : base("generate", "Write a synthetic national police.uk archive (street, outcomes and stop-and-search files for the 43 forces of England and Wales), marked SYNTHETIC.")
    {
        _context = context;
        Options.Add(_out);
        Options.Add(_years);
        Options.Add(_months);
        Options.Add(_start);
        Options.Add(_seed);
        Options.Add(_scale);
        Options.Add(_kinds);
        Options.Add(_forces);
        Options.Add(_lookups);
        SetAction((parseResult, cancellationToken) => Task.FromResult(Run(parseResult, cancellationToken)));
    }

    private int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = _context.ResolvePath(parseResult.GetValue(_out)!);
        if (RepositoryAbove(output) is { } repo)
        {
            throw new CliException(ExitCode.UsageError,
                $"{output} is inside the git working tree {repo}: generated data must not go into a repository. Write it under /tmp or another folder.");
        }

        if (!YearMonth.TryParse(parseResult.GetValue(_start), out var start))
        {
            throw new CliException(ExitCode.UsageError, $"--start '{parseResult.GetValue(_start)}' is not a month: write it as yyyy-mm, e.g. 2021-04.");
        }

        var months = parseResult.GetValue(_months) ?? parseResult.GetValue(_years) * 12;
        if (months < 1)
        {
            throw new CliException(ExitCode.UsageError, "--years and --months must be at least 1.");
        }

        var scale = parseResult.GetValue(_scale);
        if (!(scale > 0 && scale <= 100))
        {
            throw new CliException(ExitCode.UsageError, "--scale must be above 0 and at most 100.");
        }

        var lookups = parseResult.GetValue(_lookups) is { } l ? _context.ResolvePath(l) : Path.Combine(DemoCommand.DefaultSamplesFolder(), "lookups");
        var lsoaLookup = Path.Combine(lookups, "LSOA11_WD20_LAD20_lookup.csv");
        var ladLookup = Path.Combine(lookups, "LAD17_CSP17_PFA17_lookup.csv");
        foreach (var f in new[] { lsoaLookup, ladLookup }.Where(f => !File.Exists(f)))
        {
            throw new CliException(ExitCode.NotFound, $"{f}: no such lookup; give the folder holding it with --lookups.");
        }

        var options = new NationalArchiveOptions
        {
            OutputFolder = output,
            LsoaLookupPath = lsoaLookup,
            LocalAuthorityLookupPath = ladLookup,
            Start = start,
            Months = months,
            Seed = parseResult.GetValue(_seed),
            Scale = scale,
            Kinds = ParseKinds(parseResult.GetValue(_kinds)!),
            Forces = parseResult.GetValue(_forces) is { Length: > 0 } forces ? forces : null,
        };

        _context.Say($"Writing a SYNTHETIC police.uk archive to {output}: {months} months from {start}, scale {scale}, seed {options.Seed}");
        var clock = Stopwatch.StartNew();
        GeneratedArchive archive;
        try
        {
            archive = NationalArchiveGenerator.Generate(options, new TenthsProgress(_context), cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw new CliException(ExitCode.UsageError, e.Message);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        _context.Say($"Wrote {archive.Files:N0} files, {archive.Bytes / 1e6:N0} MB in {seconds:N1} s: " +
            $"{archive.StreetRows:N0} street rows ({archive.StreetBytes / 1e6:N0} MB), {archive.OutcomeRows:N0} outcomes, {archive.StopAndSearchRows:N0} stop and searches.");
        _context.Say($"Import it with: csp import police {output}");
        return (int)ExitCode.Ok;
    }

    private static SyntheticFileKinds ParseKinds(string text)
    {
        SyntheticFileKinds kinds = 0;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            kinds |= part.ToLowerInvariant() switch
            {
                "all" => SyntheticFileKinds.All,
                "street" => SyntheticFileKinds.Street,
                "outcomes" => SyntheticFileKinds.Outcomes,
                "stop-and-search" or "stop-search" => SyntheticFileKinds.StopAndSearch,
                _ => throw new CliException(ExitCode.UsageError, $"--kinds: unknown kind '{part}'; use street, outcomes, stop-and-search or all."),
            };
        }

        return kinds == 0 ? throw new CliException(ExitCode.UsageError, "--kinds names no kind of file.") : kinds;
    }

    /// <summary>The git working tree holding <paramref name="folder"/>, if any.</summary>
    private static string? RepositoryAbove(string folder)
    {
        for (var d = new DirectoryInfo(folder); d is not null; d = d.Parent)
        {
            if (Directory.Exists(Path.Combine(d.FullName, ".git")) || File.Exists(Path.Combine(d.FullName, ".git")))
            {
                return d.FullName;
            }
        }

        return null;
    }

    private sealed class TenthsProgress(CliContext context) : IProgress<GeneratorProgress>
    {
        private int _lastTenth;

        public void Report(GeneratorProgress value)
        {
            var tenth = value.FilesWritten * 10 / Math.Max(1, value.FilesTotal);
            if (tenth > Volatile.Read(ref _lastTenth) && Interlocked.Exchange(ref _lastTenth, tenth) < tenth)
            {
                context.Say($"  {tenth * 10,3}%  {value.FilesWritten:N0} of {value.FilesTotal:N0} force-months");
            }
        }
    }
}
