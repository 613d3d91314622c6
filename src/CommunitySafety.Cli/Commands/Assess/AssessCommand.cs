using System.CommandLine;
using System.Globalization;
using CommunitySafety.Assessment;
using CommunitySafety.Assessment.Harm;
using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Assessment.Sensitivity;
using CommunitySafety.Assessment.Store;
using CommunitySafety.Assessment.Trends;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Cli.Commands.Assess;

/// <summary>
/// <c>csp assess</c>: the strategic assessment of an area for a financial year — trends, benchmarking against a peer
/// group and England and Wales, harm, the priority scoring matrix with its sensitivity, the change since the previous
/// assessment and the key messages.
/// </summary>
public sealed class AssessCommand : Command
{
    private readonly CliContext _context;

    private readonly Option<string> _area = new("--area")
    {
        Description = "The local authority, CSP or police force area, by name or ONS code (Luton, E06000044).",
        Required = true,
        HelpName = "name or code",
    };

    private readonly Option<string> _year = new("--year")
    {
        Description = "The assessment year, a financial year such as 2022/23.",
        Required = true,
        HelpName = "yyyy/yy",
    };

    private readonly Option<string?> _baseline = new("--baseline")
    {
        Description = "The baseline year to compare with, e.g. 2019/20. Default: three years before, moving back past unreliable or partial years.",
        HelpName = "yyyy/yy",
    };

    private readonly Option<string?> _peers = new("--peers")
    {
        Description = "The partnership's own peer group: CSV with area_code,peer_code (e.g. its Home Office most similar group). Default: the area's nearest ONS statistical neighbours (October 2025), --neighbours of them.",
        HelpName = "file",
    };

    private readonly Option<int> _neighbours = new("--neighbours")
    {
        Description = "How many of the area's nearest ONS statistical neighbours form the peer group when no --peers file is given.",
        DefaultValueFactory = _ => PublishedNeighbours.DefaultCount,
        HelpName = "n",
    };

    private readonly Option<int?> _nearest = new("--nearest")
    {
        Description = "Instead of ONS's published neighbours, compute the k nearest areas in the store by standardised Euclidean distance on --characteristics (default: population and age structure from the store).",
        HelpName = "k",
    };

    private readonly Option<string?> _characteristics = new("--characteristics")
    {
        Description = "Area characteristics for --nearest: CSV with area_code, optional area_name, one numeric column each; an optional row 'weight' weights them.",
        HelpName = "file",
    };

    private readonly Option<string?> _matrix = new("--matrix")
    {
        Description = "The scoring matrix (JSON): criteria, bands, weights. Default: the shipped Defaults/Assessment/matrix.json.",
        HelpName = "file",
    };

    private readonly Option<string?> _scores = new("--scores")
    {
        Description = "The partnership's scores per crime type for public concern, disproportionate impact and drug/alcohol link (CSV; see Defaults/Assessment/partnership-scores.csv).",
        HelpName = "file",
    };

    private readonly Option<string?> _harm = new("--harm")
    {
        Description = "Harm weights per crime type (CSV: crime_type,weight,basis). Default: the shipped Defaults/Assessment/harm-weights.csv.",
        HelpName = "file",
    };

    private readonly Option<string?> _unreliable = new("--unreliable")
    {
        Description = "Years excluded from baselines and trends (CSV: year,reason). Default: 2020/21 (pandemic restrictions).",
        HelpName = "file",
    };

    private readonly Option<string?> _previous = new("--previous")
    {
        Description = "A previous assessment saved with --format json, to report the change in the ranking since then.",
        HelpName = "file",
    };

    private readonly Option<int> _draws = new("--draws")
    {
        Description = "Sensitivity analysis: how many draws, each redrawing every count within its Poisson uncertainty and every weight within ±50%.",
        DefaultValueFactory = _ => SensitivitySettings.Default.Draws,
        HelpName = "n",
    };

    private readonly Option<int> _seed = new("--seed")
    {
        Description = "Sensitivity analysis: the random seed (the same seed and inputs give the same figures).",
        DefaultValueFactory = _ => SensitivitySettings.Default.Seed,
        HelpName = "n",
    };

    private readonly Option<string> _overdispersion = new("--overdispersion")
    {
        Description = "Allowance for overdispersion in peer comparisons and funnel positions, applied when the area and its peers show it (Spiegelhalter 2005): additive (random effects), multiplicative or none. The unadjusted result is always shown beside it.",
        DefaultValueFactory = _ => "additive",
        HelpName = "additive|multiplicative|none",
    };

    private readonly Option<OutputFormat> _format = new("--format")
    {
        Description = "table (for people), json (the full saved result: use it for reports, the web app and --previous next year) or csv (the matrix, one row per crime type).",
        DefaultValueFactory = _ => OutputFormat.Table,
        HelpName = "table|csv|json",
    };

    private readonly Option<string?> _out = CommonOptions.Out();

    /// <summary>Creates the command.</summary>
    public AssessCommand(CliContext context)
        : base("assess", "The strategic assessment of an area for a financial year: trends, benchmarking against similar areas, harm, the priority scoring matrix and its sensitivity, and key messages.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        _nearest.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is { } k && k < 1)
            {
                r.AddError("--nearest must be at least 1.");
            }
        });
        _neighbours.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--neighbours must be at least 1.");
            }
        });
        _draws.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--draws must be at least 1.");
            }
        });
        Options.Add(_area);
        Options.Add(_year);
        Options.Add(_baseline);
        Options.Add(_peers);
        Options.Add(_neighbours);
        Options.Add(_nearest);
        Options.Add(_characteristics);
        Options.Add(_matrix);
        Options.Add(_scores);
        Options.Add(_harm);
        Options.Add(_unreliable);
        Options.Add(_previous);
        Options.Add(_draws);
        Options.Add(_seed);
        Options.Add(_overdispersion);
        Options.Add(_format);
        Options.Add(_out);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var year = Year(parseResult.GetValue(_year)!, "--year");
        var baseline = parseResult.GetValue(_baseline) is { } b ? Year(b, "--baseline") : (FinancialYear?)null;
        if (baseline >= year)
        {
            throw new CliException(ExitCode.UsageError, $"--baseline {baseline} must be before --year {year}.");
        }

        if (parseResult.GetValue(_peers) is not null && parseResult.GetValue(_nearest) is not null)
        {
            throw new CliException(ExitCode.UsageError, "Give either --peers <file> or --nearest <k>, not both.");
        }

        var settings = Settings(parseResult);
        var previous = parseResult.GetValue(_previous) is { } p ? Load(p, AssessmentResult.Load) : null;

        using var store = StoreAccess.OpenExisting(_context, parseResult);
        AreaAssessmentResult assessed;
        try
        {
            assessed = AreaAssessment.For(store, new AreaAssessmentRequest
            {
                Area = parseResult.GetValue(_area)!,
                Year = year,
                Baseline = baseline,
                Previous = previous,
                Peers = (resolved, source) => PeerGroup(parseResult, source, resolved, year),
                Settings = settings,
                GeneratedAt = _context.Time.GetUtcNow(),
            });
        }
        catch (AreaNotFoundException e)
        {
            throw new CliException(ExitCode.NotFound, e.Message, e);
        }
        catch (ArgumentException e)
        {
            throw new CliException(ExitCode.UsageError, e.Message, e);
        }
        catch (NoAssessmentDataException e)
        {
            throw new CliException(ExitCode.NoData, $"{e.Message} Run 'csp areas' to see what is imported.");
        }

        var (area, result) = (assessed.Area, assessed.Assessment);
        Write(result, parseResult.GetValue(_format), parseResult.GetValue(_out));
        SayQualityFlags(store, area, (baseline ?? year.AddYears(-3)).FirstMonth, year.LastMonth);
        return (int)ExitCode.Ok;
    }

    /// <summary>The data-quality flags (csp quality) on the months the assessment's trends and rates use, to standard error.</summary>
    private void SayQualityFlags(Data.Store.AnalyticalStore store, ResolvedArea area, Periods.YearMonth from, Periods.YearMonth to)
    {
        var counts = new CrimeCounts(store).Count(new CountQuery(area) { FirstMonth = from, LastMonth = to, By = CountGrouping.Total });
        foreach (var note in Quality.QualityCommand.NotesFor(Quality.QualityCommand.For(store, counts.Forces.Forces, from, to)))
        {
            _context.Say(note);
        }
    }

    private AssessmentSettings Settings(ParseResult parseResult)
    {
        var matrix = parseResult.GetValue(_matrix) is { } m ? Load(m, MatrixDefinition.Load) : MatrixDefinition.Default;
        return AssessmentSettings.Default with
        {
            Matrix = matrix,
            Harm = parseResult.GetValue(_harm) is { } h ? Load(h, HarmWeights.Load) : HarmWeights.Default,
            UnreliableYears = parseResult.GetValue(_unreliable) is { } u ? Load(u, UnreliableYears.Load) : UnreliableYears.Default,
            Partnership = parseResult.GetValue(_scores) is { } s ? Load(s, path => PartnershipScores.Load(path, matrix)) : PartnershipScores.None,
            Sensitivity = SensitivitySettings.Default with { Draws = parseResult.GetValue(_draws), Seed = parseResult.GetValue(_seed) },
            Overdispersion = parseResult.GetValue(_overdispersion)!.Trim().ToLowerInvariant() switch
            {
                "additive" or "additive random effects" or "random effects" => OverdispersionMethod.AdditiveRandomEffects,
                "multiplicative" => OverdispersionMethod.Multiplicative,
                "none" => OverdispersionMethod.None,
                var other => throw new CliException(ExitCode.UsageError, $"--overdispersion: '{other}' is not additive, multiplicative or none."),
            },
        };
    }

    private PeerGroup PeerGroup(ParseResult parseResult, StoreAssessmentSource source, ResolvedArea area, FinancialYear year)
    {
        var code = area.Code!.Value;
        if (parseResult.GetValue(_peers) is { } file)
        {
            var groups = Load(file, PeerGroupFile.Load);
            return groups.For(code)
                ?? throw new CliException(ExitCode.InvalidInput, $"{file} has no peer group for {area.Name} ({code}).");
        }

        if (parseResult.GetValue(_nearest) is { } k)
        {
            var characteristics = parseResult.GetValue(_characteristics) is { } c
                ? Load(c, AreaCharacteristics.Load)
                : source.PopulationCharacteristics(area.Kind, year);
            try
            {
                var candidates = source.AllOthers(area, year).Peers.ToHashSet();
                return NearestNeighbours.Find(code, characteristics, k, candidates);
            }
            catch (ArgumentException e)
            {
                throw new CliException(ExitCode.InvalidInput, e.Message, e);
            }
        }

        return DefaultPeers.For(area, parseResult.GetValue(_neighbours));
    }

    private T Load<T>(string path, Func<string, T> load)
    {
        var full = _context.ResolvePath(path);
        if (!File.Exists(full))
        {
            throw new CliException(ExitCode.NotFound, $"There is no file {full}.");
        }

        try
        {
            return load(full);
        }
        catch (AssessmentConfigurationException e)
        {
            throw new CliException(ExitCode.InvalidInput, e.Message, e);
        }
    }

    private static FinancialYear Year(string text, string option) =>
        FinancialYear.TryParse(text, CultureInfo.InvariantCulture, out var year)
            ? year
            : throw new CliException(ExitCode.UsageError, $"{option}: '{text}' is not a financial year; write e.g. 2022/23.");

    private void Write(AssessmentResult result, OutputFormat format, string? outPath)
    {
        switch (format)
        {
            case OutputFormat.Json:
                WriteText(result.ToJson() + Environment.NewLine, outPath, "the assessment");
                foreach (var note in result.Notes)
                {
                    _context.Say(note);
                }

                break;
            case OutputFormat.Csv:
                AssessTables.Matrix(result).Write(_context, OutputFormat.Csv, outPath);
                break;
            default:
                using (var text = new StringWriter(CultureInfo.InvariantCulture))
                {
                    var context = new CliContext(text, text, isInteractive: false, _context.Time, _context.WorkingDirectory);
                    foreach (var table in AssessTables.All(result))
                    {
                        table.Write(context, OutputFormat.Table);
                        text.WriteLine();
                    }

                    WriteText(text.ToString(), outPath, "the assessment tables");
                }

                break;
        }
    }

    private void WriteText(string text, string? outPath, string what)
    {
        if (outPath is null)
        {
            _context.Out.Write(text);
            return;
        }

        var full = _context.ResolvePath(outPath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new System.Text.UTF8Encoding(false));
        _context.Say($"Wrote {what} to {full}.");
    }
}
