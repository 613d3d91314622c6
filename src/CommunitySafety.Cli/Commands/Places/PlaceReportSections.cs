using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Model;

namespace CommunitySafety.Cli.Commands.Places;

/// <summary>The place analyses' sections of the strategic assessment report (deprivation, repeat places, anti-social behaviour), from the store.</summary>
public static class PlaceReportSections
{
    /// <summary>
    /// The sections for <paramref name="area"/>: deprivation over the assessment year; repeat places and anti-social behaviour
    /// over the latest 12 months in the store (so the 12 months before can be compared), each titled with its period. Empty,
    /// with the reason said, when the store cannot give them.
    /// </summary>
    public static IReadOnlyList<ReportSection> Build(CliContext context, ParseResult parseResult, string area, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            using var store = StoreAccess.OpenExisting(context, parseResult);
            var resolved = new AreaResolver(store).Resolve(area);
            var notes = new List<string>();
            var sections = PlacesSections.ForArea(store, resolved, year, notes);
            notes.ForEach(context.Say);
            return sections;
        }
        catch (Exception e) when (e is CliException or AreaNotFoundException or InvalidOperationException)
        {
            context.Say($"The place sections (deprivation, repeat places, anti-social behaviour) are left out: {e.Message}");
            return [];
        }
    }
}
