using System.CommandLine;
using CommunitySafety.Assessment.Outcomes;
using CommunitySafety.Assessment.StopSearch;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;

namespace CommunitySafety.Cli.Commands.Outcomes;

/// <summary>The outcomes and stop-and-search results the assessment report shows (<c>csp report assessment</c>, <c>csp demo</c>).</summary>
public static class OutcomeReportInputs
{
    /// <summary>Crime outcomes of the area and year, with peers; null when the area cannot be resolved.</summary>
    public static OutcomeResult? Outcomes(CliContext context, ParseResult parseResult, string areaText, FinancialYear year)
    {
        using var store = StoreAccess.OpenExisting(context, parseResult);
        var area = new AreaResolver(store).TryResolve(areaText);
        return area is null ? null : new OutcomeAnalysis(store).For(new OutcomeRequest { Area = area, Year = year });
    }

    /// <summary>
    /// Stop and search of the area's force for the latest complete year at or before <paramref name="year"/> (police.uk's
    /// stop-and-search files often end before the street files); the year asked for, saying what is missing, when none is complete.
    /// </summary>
    public static StopSearchResult? StopSearch(CliContext context, ParseResult parseResult, string areaText, FinancialYear year)
    {
        using var store = StoreAccess.OpenExisting(context, parseResult);
        var area = new AreaResolver(store).TryResolve(areaText);
        if (area is null)
        {
            return null;
        }

        return new StopSearchAnalysis(store).ForLatestCompleteYear(area, year);
    }
}
