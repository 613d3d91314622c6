using System.Globalization;
using CommunitySafety.Assessment.Outcomes;
using CommunitySafety.Assessment.StopSearch;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Cli.Commands.Outcomes;

/// <summary>What <c>csp demo</c> prints of the outcomes and stop-and-search analyses for its area.</summary>
internal static class OutcomesDemo
{
    /// <summary>Prints the area's outcome shares for the year and its force's stop and search for the latest complete year.</summary>
    public static void Write(CliContext context, AnalyticalStore store, string areaName, FinancialYear year)
    {
        var area = new AreaResolver(store).Resolve(areaName);
        var outcomes = new OutcomeAnalysis(store).For(new OutcomeRequest { Area = area, Year = year, Peers = false });
        if (outcomes.Current is { } c)
        {
            var table = new ResultTable(
                new ResultColumn("Outcome group"),
                new ResultColumn("Crimes", IsNumeric: true),
                new ResultColumn("Share %", IsNumeric: true, Format: "N1"),
                new ResultColumn("95% limits"),
                new ResultColumn("Compared months, this year %", IsNumeric: true, Format: "N1"),
                new ResultColumn("Same months last year %", IsNumeric: true, Format: "N1"),
                new ResultColumn("Change"))
            {
                Title = $"{area.Name}: crime outcomes, {year} (csp outcomes --area {areaName} --year {year})",
            };
            foreach (var s in c.Shares.Where(s => s.Share.Numerator > 0))
            {
                var change = outcomes.Comparison?.Changes.Single(x => x.Group == s.Group);
                table.Add(s.Group.Name, s.Share.Numerator, s.Share.Value, string.Create(CultureInfo.InvariantCulture, $"{s.Share.Lower95:N1} to {s.Share.Upper95:N1}"),
                    change?.Change.LaterValue, change?.Change.EarlierValue, change is null ? "not compared" : change.IsSignificant ? (change.Change.Difference > 0 ? "higher" : "lower") : "no real change");
            }

            table.Notes.AddRange(outcomes.Summary);
            table.Notes.Add(outcomes.Comparison?.Basis ?? outcomes.ComparisonNote ?? string.Empty);
            table.Notes.AddRange(outcomes.Provenance);
            table.Write(context, OutputFormat.Table);
        }

        var analysis = new StopSearchAnalysis(store);
        if (analysis.LatestCompleteYear(area, year) is { } ssYear)
        {
            var result = analysis.For(new StopSearchRequest { Area = area, Year = ssYear });
            var table = new ResultTable(
                new ResultColumn("Ethnic group (self-defined)"),
                new ResultColumn("Searches", IsNumeric: true),
                new ResultColumn("Per 1,000 residents", IsNumeric: true, Format: "N1"),
                new ResultColumn("Ratio to White", IsNumeric: true, Format: "N2"),
                new ResultColumn("95% interval"),
                new ResultColumn("Home Office published per 1,000", IsNumeric: true, Format: "N1"))
            {
                Title = $"{string.Join(", ", result.Forces)}: stop and search by ethnic group, {ssYear}, the latest complete year imported (csp stop-search --area {areaName} --year {ssYear})",
            };
            foreach (var row in result.Ethnicity.Single(e => e.Definition == EthnicityDefinition.SelfDefined).Rows)
            {
                table.Add(row.Group, row.Searches, row.Rate?.Value, row.Ratio?.Ratio,
                    row.Ratio is { Lower95: { } l, Upper95: { } u } ? string.Create(CultureInfo.InvariantCulture, $"{l:N2} to {u:N2}") : null, row.Published);
            }

            table.Notes.AddRange(result.Summary);
            table.Notes.AddRange(result.Provenance);
            table.Write(context, OutputFormat.Table);
        }
    }
}
