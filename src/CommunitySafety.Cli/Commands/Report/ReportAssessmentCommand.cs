using System.CommandLine;
using CommunitySafety.Assessment;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Model;

namespace CommunitySafety.Cli.Commands.Report;

/// <summary><c>csp report assessment --area … --year … --out …</c>: the strategic assessment report.</summary>
public sealed class ReportAssessmentCommand : Command
{
    private readonly CliContext _context;
    private readonly Option<string> _out = new("--out") { Description = "The report file: .html, .docx or .pdf.", Required = true, HelpName = "file" };
    private readonly Option<bool> _published = new("--published") { Description = "The published variant: counts below the disclosure threshold are suppressed." };
    private readonly Option<string?> _area = new("--area") { Description = "The area (name or code) to assess from the analytical store; its peers are all other areas of its kind.", HelpName = "area" };
    private readonly Option<string?> _year = new("--year") { Description = "The financial year, e.g. 2024/25.", HelpName = "year" };
    private readonly Option<string?> _from = new("--from") { Description = "A saved assessment (csp assess --format json) instead of --area and --year.", HelpName = "file" };

    /// <summary>Creates the command.</summary>
    /// <param name="context">The CLI context.</param>
    public ReportAssessmentCommand(CliContext context)
        : base("assessment", "The strategic assessment report: trends, benchmarking, scoring matrix, sensitivity and key messages.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        Options.Add(_out);
        Options.Add(_published);
        Options.Add(_area);
        Options.Add(_year);
        Options.Add(_from);
        SetAction((parseResult, _) => RunAsync(parseResult));
    }

    /// <summary>Assesses an area from the store with the default settings and its nearest ONS statistical neighbours as peers (DefaultPeers).</summary>
    /// <param name="context">The CLI context.</param>
    /// <param name="parseResult">The parse result (for --store).</param>
    /// <param name="areaText">The area.</param>
    /// <param name="year">The year.</param>
    /// <returns>The assessment.</returns>
    public static AssessmentResult Assess(CliContext context, ParseResult parseResult, string areaText, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var store = StoreAccess.OpenExisting(context, parseResult);
        try
        {
            return AreaAssessment.For(store, new AreaAssessmentRequest { Area = areaText, Year = year, GeneratedAt = context.Time.GetUtcNow() }).Assessment;
        }
        catch (AreaNotFoundException e)
        {
            throw new CliException(ExitCode.NotFound, e.Message, e);
        }
        catch (NoAssessmentDataException e)
        {
            throw new CliException(ExitCode.NoData, $"{e.Message} Run 'csp areas' to see what is imported.");
        }
    }

    private async Task<int> RunAsync(ParseResult parseResult)
    {
        var path = _context.ResolvePath(parseResult.GetValue(_out)!);
        ReportOutput.Check(path);
        AssessmentResult assessment;
        if (parseResult.GetValue(_from) is { } from)
        {
            if (!File.Exists(_context.ResolvePath(from)))
            {
                throw new CliException(ExitCode.NotFound, $"{_context.ResolvePath(from)}: no such file. --from takes an assessment saved by 'csp assess --area <area> --year <year> --format json --out <file>'.");
            }

            try
            {
                assessment = AssessmentResult.Load(_context.ResolvePath(from));
            }
            catch (AssessmentConfigurationException e)
            {
                throw new CliException(ExitCode.InvalidInput, e.Message, e);
            }
        }
        else
        {
            var area = parseResult.GetValue(_area) ?? throw new CliException(ExitCode.UsageError, "Give --area and --year, or --from a saved assessment.");
            var yearText = parseResult.GetValue(_year) ?? throw new CliException(ExitCode.UsageError, "Give --year, e.g. --year 2024/25.");
            if (!FinancialYear.TryParse(yearText, null, out var year))
            {
                throw new CliException(ExitCode.UsageError, $"--year '{yearText}' is not a financial year such as 2024/25.");
            }

            assessment = Assess(_context, parseResult, area, year);
        }

        // Outcomes and stop and search come from the store, so only for an assessment made here (not --from a saved one).
        var fromStore = parseResult.GetValue(_from) is null;
        var published = parseResult.GetValue(_published);
        var report = AssessmentReportBuilder.Build(assessment, new AssessmentReportOptions
        {
            Variant = published ? ReportVariant.Published : ReportVariant.Internal,
            Outcomes = fromStore ? Outcomes.OutcomeReportInputs.Outcomes(_context, parseResult, parseResult.GetValue(_area)!, FinancialYear.Parse(assessment.Year)) : null,
            StopSearch = fromStore ? Outcomes.OutcomeReportInputs.StopSearch(_context, parseResult, parseResult.GetValue(_area)!, FinancialYear.Parse(assessment.Year)) : null,
            // The place sections list small areas and places: in the internal report only.
            PlaceSections = published ? [] : Places.PlaceReportSections.Build(_context, parseResult, assessment.Area.Code, FinancialYear.Parse(assessment.Year)),
        });
        await ReportOutput.WriteAsync(report, path).ConfigureAwait(false);
        _context.Out.WriteLine(path);
        return (int)ExitCode.Ok;
    }
}
