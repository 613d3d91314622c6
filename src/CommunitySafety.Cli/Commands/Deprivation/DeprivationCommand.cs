using System.CommandLine;
using System.Globalization;
using CommunitySafety.Assessment.Deprivation;
using CommunitySafety.Cli.Commands.Places;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Commands.Deprivation;

/// <summary>
/// <c>csp deprivation</c>: crime and anti-social behaviour by the national deprivation decile of the LSOA, with rates and
/// 95% limits, the share in the area's most deprived LSOAs and how concentrated crime is (top 5% of LSOAs, Gini, Lorenz).
/// </summary>
public sealed class DeprivationCommand : Command
{
    private readonly CliContext _context;
    private readonly Option<string> _area = AnalysisOptions.Area();
    private readonly Option<string?> _period = AnalysisOptions.Period();
    private readonly Option<bool> _includeAsb = AnalysisOptions.IncludeAsb();

    private readonly Option<string> _show = AnalysisOptions.Show("deciles: one row per national IMD decile; lsoas: one row per LSOA; lorenz: the Lorenz curve's points.", "deciles", "lsoas", "lorenz");

    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<string?> _out = CommonOptions.Out();

    /// <summary>Creates the command.</summary>
    public DeprivationCommand(CliContext context)
        : base("deprivation", "Crime and anti-social behaviour by deprivation decile of the LSOA (rates with 95% limits), the share in the most deprived LSOAs, and how concentrated crime is.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        Options.Add(_area);
        Options.Add(_period);
        Options.Add(_includeAsb);
        Options.Add(_show);
        Options.Add(_format);
        Options.Add(_out);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        using var store = StoreAccess.OpenExisting(_context, parseResult);
        var (area, first, last) = AnalysisOptions.AreaAndMonths(store, parseResult, _area, _period);
        var request = new DeprivationRequest(area, first, last, parseResult.GetValue(_includeAsb));
        var result = new DeprivationAnalysis(store).For(request, out var reason)
            ?? throw new CliException(ExitCode.NoData, $"No deprivation analysis for {area.Name}: {reason}.");
        var table = parseResult.GetValue(_show) switch
        {
            "lsoas" => Lsoas(store, request),
            "lorenz" => Lorenz(result),
            _ => Deciles(result),
        };
        table.Title = $"{result.Request.Area.Name}: crime by deprivation, {result.PeriodText}";
        table.Notes.AddRange(Summary(result));
        table.Write(_context, parseResult.GetValue(_format), parseResult.GetValue(_out));
        return (int)ExitCode.Ok;
    }

    /// <summary>The decile table.</summary>
    internal static ResultTable Deciles(DeprivationResult result)
    {
        var table = new ResultTable(
            new ResultColumn("Decile"), new ResultColumn("LSOAs", true), new ResultColumn("Residents", true, "N0"),
            new ResultColumn("Crimes", true), new ResultColumn("Share of crime"), new ResultColumn("Share of residents"),
            new ResultColumn("Crime rate per 1,000", true, "N2"), new ResultColumn("Crime lower 95%", true, "N2"), new ResultColumn("Crime upper 95%", true, "N2"),
            new ResultColumn("Anti-social behaviour", true), new ResultColumn("ASB rate per 1,000", true, "N2"), new ResultColumn("ASB lower 95%", true, "N2"), new ResultColumn("ASB upper 95%", true, "N2"));
        foreach (var d in result.Deciles)
        {
            table.Add(DecileName(d.Decile), d.Lsoas, d.Population, d.Crimes, AnalysisOptions.Percent(d.CrimeShare), AnalysisOptions.Percent(d.PopulationShare),
                d.CrimeRate?.Value, d.CrimeRate?.Lower95, d.CrimeRate?.Upper95, d.AntiSocialBehaviour, d.AsbRate?.Value, d.AsbRate?.Lower95, d.AsbRate?.Upper95);
        }

        return table;
    }

    /// <summary>"1 (most deprived)", "10 (least deprived)" or the number.</summary>
    internal static string DecileName(int decile) => decile switch
    {
        1 => "1 (most deprived)",
        10 => "10 (least deprived)",
        _ => decile.ToString(CultureInfo.InvariantCulture),
    };

    private static ResultTable Lsoas(Data.Store.AnalyticalStore store, DeprivationRequest request)
    {
        var profile = new Data.Queries.DeprivationQuery(store).ByLsoa(request.Area, request.FirstMonth, request.LastMonth)!;
        var table = new ResultTable(new ResultColumn("LSOA"), new ResultColumn("Name"), new ResultColumn("Decile", true), new ResultColumn("IMD rank", true, "N0"),
            new ResultColumn("Residents", true, "N0"), new ResultColumn("Crimes", true), new ResultColumn("Anti-social behaviour", true));
        foreach (var l in profile.Lsoas)
        {
            var crimes = l.Counts.Where(c => request.IncludeAntiSocialBehaviour || c.Key != Crime.CrimeType.AntiSocialBehaviour).Sum(c => c.Value);
            table.Add(l.Code, l.Name, l.Decile, l.Rank, l.Population, crimes, l.Counts.GetValueOrDefault(Crime.CrimeType.AntiSocialBehaviour));
        }

        return table;
    }

    private static ResultTable Lorenz(DeprivationResult result)
    {
        var table = new ResultTable(new ResultColumn("Share of LSOAs (fewest crimes first)", true, "P1"), new ResultColumn("Share of crime", true, "P1"));
        foreach (var p in result.Concentration.Lorenz)
        {
            table.Add(p.UnitShare, p.CountShare);
        }

        return table;
    }

    /// <summary>The findings and sources, one line each.</summary>
    internal static IEnumerable<string> Summary(DeprivationResult r)
    {
        var gb = CultureInfo.GetCultureInfo("en-GB");
        yield return $"Counted: {r.Request.Area.BasisDescription}; {r.CrimeBasis}. Months: {r.MonthsCovered} of {r.MonthsInPeriod} imported.";
        if (r.MostDeprived.Share is { } most)
        {
            yield return string.Create(gb, $"The most deprived 10% of {r.Request.Area.Name}'s LSOAs ({r.MostDeprived.Lsoas} of {r.MostDeprived.OfLsoas}, by national IMD rank) had {r.MostDeprived.Crimes:N0} crimes, {AnalysisOptions.Percent(most)} of the area's crime{(r.MostDeprived.PopulationShare is { } p ? $", with {AnalysisOptions.Percent(p)} of its residents" : string.Empty)}.");
        }

        yield return string.Create(gb, $"Concentration: the 5% of LSOAs with the most crime ({r.TopFivePercent.Lsoas} of {r.TopFivePercent.OfLsoas}) had {r.TopFivePercent.Crimes:N0} crimes, {AnalysisOptions.Percent(r.TopFivePercent.Share)}; Gini coefficient {r.Concentration.Gini?.ToString("N3", gb) ?? "–"} over LSOAs (0 = spread evenly, 1 = all in one LSOA), on counts.");
        if (r.MostAgainstLeast is { } c)
        {
            yield return string.Create(gb, $"Matrix (disproportionate impact), all crime: {c.To} {c.ToRate:N2} per 1,000 against {c.From} {c.FromRate:N2}; ratio {(c.ToRate / c.FromRate):N2} (95% {c.RateRatioLower95:N2} to {c.RateRatioUpper95:N2}), {(c.IsSignificant ? "significant" : "not significant")} (exact test of two Poisson rates).");
        }

        yield return $"Groups compared: {r.GroupsSource}.".Replace("..", ".", StringComparison.Ordinal);
        yield return $"Deprivation: {r.IndexSource}. {r.IndexChoice}.";
        yield return $"Residents: {r.PopulationSource}. Rates per 1,000 residents over the period, 95% limits by Byar's method (exact Poisson below 10); a rate is per resident of the LSOA where crimes were recorded, not of victims.";
        foreach (var note in r.Notes)
        {
            yield return note;
        }
    }
}
