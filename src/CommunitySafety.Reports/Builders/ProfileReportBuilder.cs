using System.Globalization;
using CommunitySafety.Assessment.Places;
using CommunitySafety.Reports.Narrative;
using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Builders;

/// <summary>
/// The one-page profile of a ward or neighbourhood (<see cref="NeighbourhoodProfileResult"/>): crime and anti-social
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

        var months = p.Monthly.Where(m => m.Crime is not null).ToList();
        if (months.Count >= 2)
        {
            blocks.Add(new ChartBlock(new ReportChart("profile-trend", $"Crime and anti-social behaviour by month, {n.Name}",
                string.Create(Gb, $"Crimes and anti-social behaviour incidents each month from {p.Monthly[0].Month.ToDisplayString()} to {p.Monthly[^1].Month.ToDisplayString()}; crime ranged from {months.Min(m => m.Crime):N0} to {months.Max(m => m.Crime):N0} a month."),
                new LineChartSpec([.. p.Monthly.Select(m => m.Month.ToString())],
                    [new LineSeries("Crime", [.. p.Monthly.Select(m => (double?)m.Crime)]), new LineSeries("Anti-social behaviour", [.. p.Monthly.Select(m => (double?)m.AntiSocialBehaviour)], Dashed: true)])
                { YLabel = "Records per month", XLabel = "Month" },
                new ReportTable("By month", [new("Month"), new("Crime", true), new("Anti-social behaviour", true)],
                    [.. p.Monthly.Select(m => new TableRow([m.Month.ToString(), m.Crime?.ToString("N0", Gb) ?? "not imported", m.AntiSocialBehaviour?.ToString("N0", Gb) ?? "not imported"]))]))));
        }

        var types = new ReportTable($"By type, {p.PeriodText}", [new("Type"), new("Count", true), new("Year before", true)],
            [.. p.ByType.Take(15).Select(t => new TableRow([t.Type.Name, t.Count.ToString("N0", Gb), t.PreviousCount?.ToString("N0", Gb) ?? "–"]))]);
        var crimes = p.Outcomes.Sum(o => o.Count);
        var outcomes = new ReportTable($"Last outcome of the {crimes.ToString("N0", Gb)} crimes, {p.PeriodText}", [new("Last outcome (street records)"), new("Crimes", true), new("Share", true)],
            [.. p.Outcomes.Take(8).Select(o => new TableRow([o.Outcome, o.Count.ToString("N0", Gb), PlacesSections.Pct(o.Share)]))])
        {
            Notes = [NeighbourhoodProfileResult.OutcomeCaveat],
        };
        var deciles = new ReportTable("Deprivation of its neighbourhoods", [new("National deprivation decile"), new("LSOAs", true), new("Residents", true)],
            [.. p.Deciles.Select(d => new TableRow([PlacesSections.DecileLabel(d.Decile), d.Lsoas.ToString("N0", Gb), d.Population?.ToString("N0", Gb) ?? "–"]))])
        {
            Notes = [p.IndexSource is { } index ? $"Deprivation: {index}." : "No deprivation index is imported."],
        };
        return
        [
            new ReportSection("Summary", blocks),
            new ReportSection("Crime types, outcomes and deprivation", [new TableBlock(types), new TableBlock(outcomes), new TableBlock(deciles)]),
            new ReportSection("Sources",
            [
                new BulletList(
                [
                    $"Area: {n.Definition}: {string.Join(", ", n.Lsoas.Take(40))}{(n.Lsoas.Count > 40 ? ", …" : string.Empty)}.",
                    $"Records: police.uk street-level crime and anti-social behaviour ({string.Join(", ", p.Forces)}), {p.PeriodText}, {p.MonthsCovered} of {p.LastMonth.MonthsSince(p.FirstMonth) + 1} months imported; counted by the LSOA each record carries.",
                    $"Residents: {p.PopulationSource}.",
                    "Rates: per 1,000 residents over the period, 95% intervals by Byar's method; change tested with the exact test of two Poisson rates (5% level).",
                    "Contains public sector information licensed under the Open Government Licence v3.0.",
                ]),
            ]),
        ];
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
