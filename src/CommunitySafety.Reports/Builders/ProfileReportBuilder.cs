using System.Globalization;
using CommunitySafety.Assessment.Places;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Narrative;
using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Builders;

/// <summary>
/// The short profile (two printed pages) of a ward or neighbourhood (<see cref="NeighbourhoodProfileResult"/>): crime and anti-social
/// behaviour with rates and change, the monthly trend, crime types, last outcomes and deprivation, with every source.
/// Rendered to HTML, Word and PDF like any report, and shown on the web.
/// </summary>
public static class ProfileReportBuilder
{
    private static readonly CultureInfo Gb = ValueFormat.Culture;

    /// <summary>Builds the profile.</summary>
    /// <param name="p">The profile.</param>
    /// <returns>The report.</returns>
    public static Report Build(NeighbourhoodProfileResult p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var n = p.Neighbourhood;
        var title = $"{(n.Kind == "ward" ? "Ward" : "Neighbourhood")} profile: {n.Name}, {p.PeriodText}";
        return new Report
        {
            Title = title,
            Sections = [.. Sections(p)],
            Footer = title,
        };
    }

    /// <summary>The profile's sections (the web page shows the same).</summary>
    public static IReadOnlyList<ReportSection> Sections(NeighbourhoodProfileResult p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var n = p.Neighbourhood;
        var summary = new List<string>
        {
            $"{n.Name} is {(n.Kind == "ward" ? "an electoral ward" : "a neighbourhood")} of {n.Lsoas.Count.ToString("N0", Gb)} neighbourhoods (LSOAs){(n.LocalAuthority is { } lad ? $" in {lad}" : string.Empty)}{(p.Population is { } pop ? $", home to {pop.ToString("N0", Gb)} residents" : string.Empty)}.",
            Sentence(p.Crime, "crimes were", "crime"),
            Sentence(p.AntiSocialBehaviour, "incidents of anti-social behaviour were", "anti-social behaviour"),
        };
        var blocks = new List<ReportBlock>
        {
            new Paragraph(string.Join(" ", summary)),
            new TableBlock(new ReportTable($"Crime and anti-social behaviour, {p.PeriodText}",
                [new("Strand"), new("Count", true), new("Year before", true), new("Per 1,000 residents (95% interval)", true), new("Change")],
                [.. new[] { p.Crime, p.AntiSocialBehaviour }.Select(s => new TableRow(
                [
                    s.Name, s.Count.ToString("N0", Gb), s.PreviousCount?.ToString("N0", Gb) ?? "–", PlacesSections.RateText(s.Rate), ChangeText(s.Change),
                ]))])
            {
                Notes = [$"Residents: {p.PopulationSource}.", .. p.Notes],
            }),
        };

        // Three-month blocks ending in the last month, so the chart and its table fit the page.
        var blocksOf3 = p.Monthly.Select((m, i) => (m, i)).GroupBy(x => x.i / 3).Select(g => g.Select(x => x.m).ToList()).ToList();
        var quarters = blocksOf3.Select(g => (Label: $"{g[0].Month}–{g[^1].Month.ToString()[5..]}", Crime: g.All(m => m.Crime is not null) ? g.Sum(m => m.Crime) : null, Asb: g.All(m => m.AntiSocialBehaviour is not null) ? g.Sum(m => m.AntiSocialBehaviour) : null)).ToList();
        var complete = quarters.Where(q => q.Crime is not null).ToList();
        if (complete.Count >= 2)
        {
            blocks.Add(new ChartBlock(new ReportChart("profile-trend", $"Crime and anti-social behaviour every three months, {n.Name}",
                string.Create(Gb, $"Crimes and anti-social behaviour incidents in each three months from {p.Monthly[0].Month.ToDisplayString()} to {p.Monthly[^1].Month.ToDisplayString()}; crime ranged from {complete.Min(q => q.Crime):N0} to {complete.Max(q => q.Crime):N0} in three months."),
                new LineChartSpec([.. quarters.Select(q => q.Label)],
                    [new LineSeries("Crime", [.. quarters.Select(q => (double?)q.Crime)]), new LineSeries("Anti-social behaviour", [.. quarters.Select(q => (double?)q.Asb)], Dashed: true)])
                { YLabel = "Records in three months", XLabel = "Months" },
                new ReportTable("Every three months", [new("Months"), new("Crime", true), new("Anti-social behaviour", true)],
                    [.. quarters.Select(q => new TableRow([q.Label, q.Crime?.ToString("N0", Gb) ?? "not imported", q.Asb?.ToString("N0", Gb) ?? "not imported"]))]))));
        }

        var crimeTypes = p.ByType.Where(t => t.Type != Crime.CrimeType.AntiSocialBehaviour).ToList();
        var crimes = p.Outcomes.Sum(o => o.Count);
        var outcomes = new ReportTable($"Last outcome of the {crimes.ToString("N0", Gb)} crimes, {p.PeriodText}", [new("Last outcome (street records)"), new("Crimes", true), new("Share", true)],
        [
            .. p.Outcomes.Take(4).Select(o => new TableRow([o.Outcome, o.Count.ToString("N0", Gb), PlacesSections.Pct(o.Share)])),
            .. p.Outcomes.Count > 4 ? [new TableRow([$"Other outcomes ({p.Outcomes.Count - 4})", p.Outcomes.Skip(4).Sum(o => o.Count).ToString("N0", Gb), PlacesSections.Pct(p.Outcomes.Skip(4).Sum(o => o.Share))])] : Array.Empty<TableRow>(),
        ])
        {
            Notes = [NeighbourhoodProfileResult.OutcomeCaveat],
        };
        // One section, so that the printed profile stays on one page.
        // Crime types and deprivation in words, the outcomes as a short table, so that the printed profile stays short.
        var typeWords = string.Join(", ", crimeTypes.Take(3).Select(t => $"{t.Type.Name.ToLowerInvariant()} {t.Count.ToString("N0", Gb)}{(t.PreviousCount is { } b ? $" ({b.ToString("N0", Gb)} the year before)" : string.Empty)}"));
        var decileWords = p.Deciles.Count == 0 ? "no deprivation index is imported"
            : string.Join(", ", p.Deciles.Select(d => $"{d.Lsoas} in decile {d.Decile}")) + $" (1 = the most deprived 10% of neighbourhoods in England; {p.IndexSource})";
        blocks.Add(new Paragraph($"Most common crimes: {typeWords}. Its neighbourhoods by national deprivation decile: {decileWords}.", "Crime types and deprivation"));
        blocks.Add(new TableBlock(outcomes));
        blocks.Add(new BulletList(
        [
            $"Area: {n.Definition}: {string.Join(", ", n.Lsoas.Take(40))}{(n.Lsoas.Count > 40 ? ", …" : string.Empty)}.",
            $"Records: police.uk street-level crime and anti-social behaviour ({string.Join(", ", p.Forces)}), {p.PeriodText}, {p.MonthsCovered} of {p.LastMonth.MonthsSince(p.FirstMonth) + 1} months imported; counted by the LSOA each record carries. Anti-social behaviour ({p.AntiSocialBehaviour.Count.ToString("N0", Gb)} incidents) is not a crime and is not in the crime figures.",
            "Rates: per 1,000 residents over the period, 95% intervals by Byar's method; change tested with the exact test of two Poisson rates (5% level).",
            "Contains public sector information licensed under the Open Government Licence v3.0.",
        ]));
        return [new ReportSection("Profile", blocks)];
    }

    private static string Sentence(ProfileStrand s, string counted, string what)
    {
        var text = string.Create(Gb, $"{s.Count:N0} {counted} recorded{(s.Rate is { } r ? $" ({r.Value:N1} per 1,000 residents)" : string.Empty)}");
        if (s.Change is { } c)
        {
            text += c.Direction == Direction.Similar
                ? string.Create(Gb, $", {Math.Abs(c.CountChange):N0} {(c.CountChange >= 0 ? "more" : "fewer")} than the year before, a change that could be chance")
                : string.Create(Gb, $", {Math.Abs(c.CountChange):N0} {(c.CountChange >= 0 ? "more" : "fewer")} than the year before, a real {(c.CountChange >= 0 ? "rise" : "fall")} in {what}, not chance");
        }

        return text + ".";
    }

    private static string ChangeText(RateChange? c) =>
        c is null ? "not compared (see notes)"
            : string.Create(Gb, $"{(c.CountChange >= 0 ? "+" : "−")}{Math.Abs(c.CountChange):N0}{(c.PercentChange is { } pc ? $" ({(pc >= 0 ? "+" : "−")}{Math.Abs(pc):N0}%)" : string.Empty)}, {(c.Direction == Direction.Similar ? "not significant" : "significant")}");
}
