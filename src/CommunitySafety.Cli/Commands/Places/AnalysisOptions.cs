using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Cli.Commands.Places;

/// <summary>The options the place analyses share (<c>csp deprivation</c>, <c>csp places</c>, <c>csp asb</c>, <c>csp profile</c>), read the same way.</summary>
public static class AnalysisOptions
{
    /// <summary>Creates <c>--area</c>.</summary>
    public static Option<string> Area() => new("--area")
    {
        Description = "A local authority, CSP or police force area by name or ONS code (Luton, E06000032), or a force ('Bedfordshire Police').",
        Required = true,
        HelpName = "name or code",
    };

    /// <summary>Creates <c>--period</c>.</summary>
    public static Option<string?> Period() => new("--period")
    {
        Description = "The period: 2024/25 (financial year), 2025 (calendar year) or '12 months to 2025-12'. Default: the latest 12 months in the store.",
        HelpName = "period",
    };

    /// <summary>Creates <c>--show</c>: which table to print, one of <paramref name="views"/>, the first by default.</summary>
    public static Option<string> Show(string description, params string[] views) => new Option<string>("--show")
    {
        Description = description,
        DefaultValueFactory = _ => views[0],
        HelpName = string.Join('|', views),
    }.AcceptOnlyFromAmong(views);

    /// <summary>Creates <c>--include-asb</c>.</summary>
    public static Option<bool> IncludeAsb() => new("--include-asb")
    {
        Description = "Count anti-social behaviour in crime totals too (by default it is left out: it is not a crime, and `csp asb` analyses it on its own).",
    };

    /// <summary>
    /// The area <paramref name="area"/> names and the months <paramref name="period"/> names (or the latest 12 the area's
    /// forces have), read the same way by every place analysis; exits as <see cref="CommandInputs.ResolveArea"/> and
    /// <see cref="Months"/> do.
    /// </summary>
    public static (ResolvedArea Area, YearMonth First, YearMonth Last) AreaAndMonths(AnalyticalStore store, ParseResult parseResult, Option<string> area, Option<string?> period)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var resolved = CommandInputs.ResolveArea(store, parseResult.GetValue(area)!);
        var (first, last) = Months(store, resolved, parseResult.GetValue(period));
        return (resolved, first, last);
    }

    /// <summary>The period asked for, or the latest 12 months the area's forces have; exits with UsageError on bad text and NoData without records.</summary>
    public static (YearMonth First, YearMonth Last) Months(AnalyticalStore store, ResolvedArea area, string? text)
    {
        if (text is not null)
        {
            return CommandInputs.PeriodMonths(text);
        }

        try
        {
            var last = new CrimeCounts(store).Count(new CountQuery(area)).LastMonth;
            return (ReportingPeriod.Rolling12MonthsTo(last).FirstMonth, last);
        }
        catch (InvalidOperationException e)
        {
            throw new CliException(ExitCode.NoData, e.Message, e);
        }
    }

    /// <summary>A rate with its limits, "12.34 (11.90 to 12.80)", or "–".</summary>
    public static string RateText(Statistics.RateResult? rate) =>
        rate is { } r ? string.Create(System.Globalization.CultureInfo.GetCultureInfo("en-GB"), $"{r.Value:N2} ({r.Lower95:N2} to {r.Upper95:N2})") : "–";

    /// <summary>A share as a percentage with one decimal, or "–".</summary>
    public static string Percent(double? share) =>
        share is { } s ? (100 * s).ToString("N1", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) + "%" : "–";
}
