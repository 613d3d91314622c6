using System.CommandLine;
using CommunitySafety.Cli.Commands.Counts;
using CommunitySafety.Cli.Commands.Plan;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Deprivation;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Monitoring.Demo;
using CommunitySafety.Periods;

namespace CommunitySafety.Cli.Commands.Demo;

/// <summary>
/// <c>csp demo</c>: builds a fresh analytical store from the bundled samples (real police.uk files, ONS population and
/// lookups) and prints what it holds for the demo's areas.
/// </summary>
public sealed class DemoCommand : Command
{
    /// <summary>The areas the summary shows: Bedfordshire's three authorities (complete 2024/25) and Portsmouth (scattered months).</summary>
    public static IReadOnlyList<string> DemoAreas { get; } = ["Luton", "Bedford", "Central Bedfordshire", "Bedfordshire Police", "Portsmouth"];

    /// <summary>The demo's default assessment year: the financial year the Bedfordshire sample covers completely.</summary>
    public static FinancialYear DemoYear { get; } = new(2024);

    private readonly CliContext _context;

    private readonly Option<string?> _samples = new("--samples")
    {
        Description = "The folder of sample data (default: the samples shipped with csp).",
        HelpName = "folder",
    };

    private readonly Option<bool> _replace = new("--replace")
    {
        Description = "Replace the store even if it was not made by an earlier 'csp demo'.",
    };

    /// <summary>Creates the command.</summary>
    public DemoCommand(CliContext context)
        : base("demo", "Build a fresh analytical store from the bundled sample data (Bedfordshire 2023-12..2025-12, Hampshire's scattered months, ONS mid-2020..mid-2024 and Census 2021 population, the 2024 lookups, the English Indices of Deprivation 2019 and 2025) and summarise it.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        Options.Add(_samples);
        Options.Add(_replace);
        SetAction(RunAsync);
    }

    /// <summary>Where the samples are: beside the program, or the repository's <c>samples/</c> when run from source.</summary>
    public static string DefaultSamplesFolder()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "samples");
        return Directory.Exists(beside) ? beside : Path.GetFullPath("samples");
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var samples = parseResult.GetValue(_samples) is { } s ? _context.ResolvePath(s) : DefaultSamplesFolder();
        if (!Directory.Exists(samples))
        {
            throw new CliException(ExitCode.NotFound, $"The sample data folder {samples} does not exist.");
        }

        var storePath = _context.ResolvePath(CommonOptions.StoreValue(parseResult) ?? CommonOptions.DefaultStorePath);
        PrepareFreshStore(storePath, parseResult.GetValue(_replace));

        _context.Say($"Building a fresh analytical store at {storePath} from {samples}");
        Dictionary<CommunitySafety.Crime.CrimeType, IReadOnlyDictionary<FinancialQuarter, long>> policeByQuarter;
        using (var store = AnalyticalStore.Open(storePath))
        {
            Build(store, samples);
            Summarise(store);
            policeByQuarter = PlanCrimeTypes.ToDictionary(t => t, t => (IReadOnlyDictionary<FinancialQuarter, long>)CompleteQuarters(store, PlanArea, t));
        }

        File.WriteAllText(MarkerPath(storePath), $"Made by 'csp demo' from {samples}.{Environment.NewLine}");

        await using (var db = await MonitoringStoreAccess.OpenAsync(_context, parseResult, cancellationToken).ConfigureAwait(false))
        {
            var plan = await DemoPlan.SeedAsync(db, new DemoPlanOptions { PoliceRecordedByQuarter = policeByQuarter }, cancellationToken).ConfigureAwait(false);
            _context.Say(plan.AlreadyPresent
                ? "The example partnership plan was already in the monitoring store; it was left as it was."
                : $"Created the example partnership plan: {plan.Frameworks} monitoring frameworks, {plan.Indicators} indicators, {plan.Values:N0} values " +
                  $"(EXAMPLE data, except the police.uk counts for {PlanArea}, the strategic assessment and the Crime Survey series).");
        }
        // ---- Reports (issue 6): both reports in HTML, Word and PDF in ./out/, their paths on standard output.
        _context.Say(string.Empty);
        await DemoReports.WriteAsync(_context, parseResult, PlanArea, DemoYear).ConfigureAwait(false);
        // ---- end of reports

        _context.Say(string.Empty);
        _context.Say("Next, try:");
        _context.Say("  csp counts --area Luton --by type --period 2024/25");
        _context.Say("  csp counts --area Portsmouth --by year");
        _context.Say("  csp outcomes --area Luton --year 2024/25 --view maturity");
        _context.Say("  csp stop-search --area Luton --year 2023/24 --by object");
        _context.Say("  csp deprivation --area Luton --period 2024/25");
        _context.Say("  csp places --area Luton --period 2025");
        _context.Say("  csp asb --area Luton --period 2025 --show lsoas");
        _context.Say("  csp profile --ward \"South, Luton\" --report out/profile-south.pdf");
        _context.Say("  csp areas");
        _context.Say("  csp plan show");
        _context.Say("  csp indicators status --framework DAMF");
        return (int)ExitCode.Ok;
    }

    private static string MarkerPath(string storePath) => storePath + ".demo";

    /// <summary>The area of the example plan: the samples cover its financial year 2024/25 completely.</summary>
    public const string PlanArea = "Luton";

    /// <summary>The crime types whose real police.uk counts become the demo plan's police-recorded indicators.</summary>
    private static readonly CommunitySafety.Crime.CrimeType[] PlanCrimeTypes =
    [
        CommunitySafety.Crime.CrimeType.ViolenceAndSexualOffences,
        CommunitySafety.Crime.CrimeType.PossessionOfWeapons,
        CommunitySafety.Crime.CrimeType.AntiSocialBehaviour,
    ];

    /// <summary>
    /// Records of <paramref name="type"/> located in <paramref name="areaName"/> for each financial quarter whose three
    /// months are all imported. Partial quarters are left out, not zero.
    /// </summary>
    private static Dictionary<FinancialQuarter, long> CompleteQuarters(AnalyticalStore store, string areaName, CommunitySafety.Crime.CrimeType type)
    {
        var area = new AreaResolver(store).Resolve(areaName);
        var result = new CrimeCounts(store).Count(new CountQuery(area)
        {
            By = CountGrouping.FinancialQuarter,
            CrimeTypes = [type],
        });
        return result.Rows.Where(r => !r.IsPartial).ToDictionary(r => r.FirstMonth.FinancialQuarter, r => r.Count);
    }

    private static void PrepareFreshStore(string storePath, bool replace)
    {
        // A store that publishes snapshots (csp import --snapshot) has no file at the path itself, only its pointer.
        if (!File.Exists(storePath) && !StoreSnapshots.IsPublished(storePath))
        {
            return;
        }

        if (!replace && !File.Exists(MarkerPath(storePath)))
        {
            throw new CliException(
                ExitCode.UsageError,
                $"A store that 'csp demo' did not make already exists at {storePath}. Name another file with --store, or pass --replace to overwrite it.");
        }

        File.Delete(storePath);
        File.Delete(storePath + ".wal");
        File.Delete(StoreSnapshots.PointerPath(storePath));
        if (Directory.Exists(StoreSnapshots.Folder(storePath)))
        {
            Directory.Delete(StoreSnapshots.Folder(storePath), recursive: true);
        }
    }

    /// <summary>
    /// The lookups the demo imports: the ONS 2024 geography (LSOA 2011 → 2021, LSOA 2021 → ward → district, district →
    /// CSP → police force area, district code history). The older national lookups beside them (LAD17…, LSOA11_WD20…)
    /// are for <c>csp generate</c>.
    /// </summary>
    public static IReadOnlyList<string> DemoLookups { get; } =
    [
        "lookup_lsoa11_lsoa21_ltla22_bedfordshire_hampshire.csv",
        "lookup_lsoa21_ward24_ltla24_bedfordshire_hampshire.csv",
        "lookup_ltla_ltla.csv",
        "lookup_ltla24_csp24_pfa24.csv",
    ];

    /// <summary>
    /// The population files the demo imports: ONS mid-year estimates by district for mid-2020 to mid-2024 (with the
    /// country totals) and Census 2021 by LSOA 2021. The mid-2015 LSOA file beside them is the earlier sample, kept for
    /// comparison and for the tests that use it.
    /// </summary>
    public static IReadOnlyList<string> DemoPopulation { get; } =
    [
        "ons_mye2_lad_sya_mid2020_2022.csv",
        "mye23tablesew_MYE2_persons.csv",
        "mye24tablesew_MYE2_persons.csv",
        "census2021_lsoa21_usual_residents_6age_bedfordshire_hampshire.csv",
    ];

    private void Build(AnalyticalStore store, string samples)
    {
        foreach (var name in DemoLookups)
        {
            var summary = new LookupImporter(store).Import(Path.Combine(samples, "lookups", name));
            _context.Say($"  lookup      {name}: {summary.Rows:N0} rows");
        }

        foreach (var name in DemoPopulation)
        {
            var summary = new PopulationImporter(store).Import(Path.Combine(samples, "population", name));
            _context.Say($"  population  {name}: {string.Join(", ", summary.Years.Select(y => $"mid-{y}"))}, {summary.Areas:N0} areas ({summary.Source})");
        }

        foreach (var index in Directory.EnumerateFiles(Path.Combine(samples, "deprivation"), "*.csv").Order(StringComparer.Ordinal))
        {
            var summary = new DeprivationImporter(store).Import(index);
            _context.Say($"  deprivation {Path.GetFileName(index)}: {summary.IndexName}, {summary.Lsoas:N0} LSOAs");
        }

        var archives = Directory.EnumerateFiles(Path.Combine(samples, "police"), "*.zip").Order(StringComparer.Ordinal).ToList();
        var police = ProgressDisplay.Run(_context, "Importing police.uk samples", p => new PoliceImporter(store).Import(archives, progress: p));
        foreach (var ((force, kind), rows) in police.RowsByForce.OrderBy(p => p.Key.Force, StringComparer.Ordinal).ThenBy(p => p.Key.Kind))
        {
            _context.Say($"  police.uk   {force}, {Import.ImportSummaryView.KindName(kind)}: {rows:N0} rows");
        }
    }

    /// <summary>Every crime type but anti-social behaviour, which is not a crime.</summary>
    private static readonly IReadOnlyList<CommunitySafety.Crime.CrimeType> CrimeOnly =
        [.. CommunitySafety.Crime.CrimeType.All.Where(t => t != CommunitySafety.Crime.CrimeType.AntiSocialBehaviour)];

    private void Summarise(AnalyticalStore store)
    {
        var resolver = new AreaResolver(store);
        var counts = new CrimeCounts(store);
        var period = ReportingPeriod.OfFinancialYear(DemoYear);

        var overview = new ResultTable(
            new ResultColumn("Area"),
            new ResultColumn("Type"),
            new ResultColumn("Months with data"),
            new ResultColumn("Crimes", IsNumeric: true),
            new ResultColumn("Rate per 1,000", IsNumeric: true, Format: "N1"),
            new ResultColumn("95% limits"))
        {
            Title = $"Recorded crime (anti-social behaviour not included: it is not a crime), {period}",
        };
        foreach (var name in DemoAreas)
        {
            var area = resolver.Resolve(name);
            var result = counts.Count(CountQuery.For(area, period) with { Rate = new CountRateOptions(), CrimeTypes = CrimeOnly });
            var table = CountsCommand.Build(result, CountGrouping.Total, period, 1000);
            var row = table.Rows[0];
            overview.Add(area.Name, area.KindName, row[1], row[2], row[3], row[4] is double lo && row[5] is double hi ? $"{lo:N1} to {hi:N1}" : null);
        }

        var populations = new List<string>();
        foreach (var name in DemoAreas)
        {
            var result = counts.Count(CountQuery.For(resolver.Resolve(name), period) with { Rate = new CountRateOptions() });
            populations.Add(result.Population is { } p ? $"{name}: {p.Description}" : $"{name}: no rate ({result.PopulationNote})");
        }

        overview.Notes.Add($"Rates use {PopulationYears.Rule}; here {period} → mid-{PopulationYears.ForPeriod(period.LastMonth)}. Each area's population, with its source:");
        overview.Notes.AddRange(populations);
        overview.Write(_context, OutputFormat.Table);

        DemoPlaces.Show(_context, store, resolver.Resolve(PlanArea), period);

        Outcomes.OutcomesDemo.Write(_context, store, PlanArea, DemoYear);

        var portsmouth = resolver.Resolve("Portsmouth");
        var byYear = counts.Count(new CountQuery(portsmouth) { By = CountGrouping.FinancialYear, Rate = new CountRateOptions() });
        var coverage = CountsCommand.Build(byYear, CountGrouping.FinancialYear, null, 1000);
        coverage.Title = "Portsmouth by financial year: the samples hold scattered months, and partial years are labelled, not hidden";
        coverage.Write(_context, OutputFormat.Table);
    }
}
