using System.Globalization;
using CommunitySafety.Assessment.Deprivation;
using CommunitySafety.Assessment.Places;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Narrative;
using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Builders;

/// <summary>
/// The place analyses as report sections, in plain words for a board: crime by deprivation (with the Lorenz curve),
/// repeat places and anti-social behaviour. Used by the strategic assessment report (<see cref="AssessmentReportOptions.PlaceSections"/>)
/// and the area web page.
/// </summary>
public static class PlacesSections
{
    private static readonly CultureInfo Gb = ValueFormat.Culture;

    /// <summary>The section headings, as the web page finds them.</summary>
    public const string DeprivationHeading = "Crime and deprivation";

    /// <summary>The repeat places heading.</summary>
    public const string RepeatPlacesHeading = "Places with repeat crime";

    /// <summary>The anti-social behaviour heading.</summary>
    public const string AsbHeading = "Anti-social behaviour";

    /// <summary>
    /// The place sections of the strategic assessment report for <paramref name="area"/>: deprivation over the assessment
    /// year; repeat places and anti-social behaviour over the 12 months to <paramref name="lastMonth"/> (by default the
    /// latest month in the store for the area), so the 12 months before can be compared, each titled with its period.
    /// What cannot be shown is added to <paramref name="notes"/> with the reason. Used by <c>csp report assessment</c>,
    /// <c>csp demo</c>, the web app's report download and the area page alike; <paramref name="chartPrefix"/> keeps chart
    /// ids apart where several sets share a page.
    /// </summary>
    public static IReadOnlyList<ReportSection> ForArea(AnalyticalStore store, ResolvedArea area, FinancialYear year, ICollection<string> notes, YearMonth? lastMonth = null, string chartPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(notes);
        var sections = new List<ReportSection>();
        if (new DeprivationAnalysis(store).For(new DeprivationRequest(area, year.FirstMonth, year.LastMonth), out var reason) is { } deprivation)
        {
            sections.Add(Deprivation(deprivation, chartPrefix + "deprivation"));
        }
        else
        {
            notes.Add($"Crime and deprivation: {reason}.");
        }

        var last = lastMonth ?? new CrimeCounts(store).Count(new CountQuery(area)).LastMonth;
        try
        {
            sections.Add(RepeatPlaces(new RepeatPlacesAnalysis(store).For(new RepeatPlacesRequest(area, ReportingPeriod.Rolling12MonthsTo(last).FirstMonth, last))));
        }
        catch (CountsOnlyMonthsException e)
        {
            notes.Add($"Places with repeat crime: {e.Message}");
        }

        sections.Add(Asb(new AsbAnalysis(store).For(new AsbRequest(area, ReportingPeriod.Rolling12MonthsTo(last).FirstMonth, last)), chartPrefix + "asb-trend"));
        return sections;
    }

    /// <summary>Crime and anti-social behaviour by deprivation decile, the most deprived 10% and concentration.</summary>
    /// <param name="r">The analysis.</param>
    /// <param name="chartId">A prefix for the two charts' ids.</param>
    public static ReportSection Deprivation(DeprivationResult r, string chartId)
    {
        ArgumentNullException.ThrowIfNull(r);
        var area = r.Request.Area.Name;
        var blocks = new List<ReportBlock>();
        var lead = new List<string>();
        if (r.MostDeprived.Share is { } most)
        {
            lead.Add(string.Create(Gb, $"The most deprived tenth of {area}'s neighbourhoods ({r.MostDeprived.Lsoas} of {r.MostDeprived.OfLsoas} LSOAs) had {Pct(most)} of its crime{(r.MostDeprived.PopulationShare is { } p ? $" and are home to {Pct(p)} of its residents" : string.Empty)}."));
        }

        lead.Add(string.Create(Gb, $"Crime is concentrated: the 5% of neighbourhoods with the most crime ({r.TopFivePercent.Lsoas} LSOAs) had {Pct(r.TopFivePercent.Share)} of it (if crime were spread evenly they would have 5%)."));
        if (r.MostAgainstLeast is { } c && c.ToRate is { } to && c.FromRate is { } from && from > 0)
        {
            lead.Add(string.Create(Gb, $"In the most deprived neighbourhoods {Groups(c.To)} the crime rate was {to:N1} per 1,000 residents, against {from:N1} in the least deprived {Groups(c.From)}: {Times(to / from)}{(c.IsSignificant ? ", a real difference, not chance" : "; the difference could be chance")}. This is the evidence of the scoring matrix's disproportionate impact criterion."));
        }

        blocks.Add(new Paragraph(string.Join(" ", lead)));
        var bars = r.Deciles.Where(d => d.CrimeRate is not null).Select(d =>
        {
            var rate = d.CrimeRate!.Value;
            var overall = r.Deciles.Sum(x => x.Population) is > 0 and var pop ? 1000.0 * r.Crimes / pop : (double?)null;
            return new BarItem(DecileLabel(d.Decile), rate.Value, rate.Lower95, rate.Upper95, BenchmarkComparison.Compare(rate, overall, Polarity.NoJudgement));
        }).ToList();
        if (bars.Count >= 2)
        {
            var overall = 1000.0 * r.Crimes / r.Deciles.Sum(x => x.Population);
            blocks.Add(new ChartBlock(new ReportChart(chartId + "a",
                $"Crime rate by deprivation decile, {area}, {r.PeriodText}",
                string.Create(Gb, $"Bars show crimes per 1,000 residents in {area}'s neighbourhoods in each national deprivation decile (1 = the most deprived 10% in England), with 95% intervals; the line is the rate across the area, {overall:N1}. Decile 1's rate is {bars[0].Value:N1}."),
                new BarChartSpec(bars, overall, $"{area} overall") { YLabel = "National deprivation decile", XLabel = "Crimes per 1,000 residents" },
                DecileTable(r))));
        }
        else
        {
            blocks.Add(new TableBlock(DecileTable(r)));
        }

        var points = Enumerable.Range(0, 11).Select(i => i / 10.0).ToList();
        var lorenz = points.Select(x => (double?)(100 * Interpolate(r.Concentration.Lorenz, x))).ToList();
        blocks.Add(new ChartBlock(new ReportChart(chartId + "b",
            string.Create(Gb, $"How unevenly crime is spread over {area}'s neighbourhoods (Gini {r.Concentration.Gini?.ToString("N2", Gb) ?? "–"})"),
            string.Create(Gb, $"Lorenz curve: neighbourhoods (LSOAs) ordered from least to most crime; the solid line shows the share of crime in the fewest-crime share of neighbourhoods, the dashed line what an even spread would give. The half of neighbourhoods with least crime had {Interpolate(r.Concentration.Lorenz, 0.5) * 100:N0}% of it. The Gini coefficient is {r.Concentration.Gini?.ToString("N2", Gb) ?? "–"} (0 = even, 1 = all in one place)."),
            new LineChartSpec([.. points.Select(x => (x * 100).ToString("N0", Gb) + "%")], [new LineSeries("Share of crime", lorenz), new LineSeries("Even spread", [.. points.Select(x => (double?)(x * 100))], Dashed: true)])
            { YLabel = "Share of crime (%)", XLabel = "Share of neighbourhoods, fewest crimes first" },
            new ReportTable("Lorenz curve", [new("Share of neighbourhoods"), new("Share of crime", true), new("Even spread", true)],
                [.. points.Select((x, i) => new TableRow([(x * 100).ToString("N0", Gb) + "%", lorenz[i]!.Value.ToString("N1", Gb) + "%", (x * 100).ToString("N0", Gb) + "%"]))]))));
        blocks.Add(new BulletList(
        [
            $"Period: {r.PeriodText} ({r.MonthsCovered} of {r.MonthsInPeriod} months imported). Here {r.CrimeBasis}.",
            $"Deprivation: {r.IndexSource}. {r.IndexChoice}.",
            $"Residents: {r.PopulationSource}.",
            "A rate is per resident of the neighbourhood where crimes were recorded, not of the victims: a town centre's shoplifting raises its own neighbourhood's rate, whoever lives there. The index's crime domain itself counts recorded crime.",
            $"Groups compared: {r.GroupsSource.TrimEnd('.')}.",
            .. r.Notes,
        ]));
        return new ReportSection(DeprivationHeading, blocks);
    }

    /// <summary>The decile table.</summary>
    public static ReportTable DecileTable(DeprivationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new ReportTable($"Crime and anti-social behaviour by national deprivation decile, {r.Request.Area.Name}, {r.PeriodText}",
            [new("Decile"), new("LSOAs", true), new("Residents (share)", true), new("Crimes (share)", true), new("Crimes per 1,000 (95% interval)", true), new("Anti-social behaviour: incidents; per 1,000 (95% interval)", true)],
            [.. r.Deciles.Select(d => new TableRow(
            [
                DecileLabel(d.Decile), d.Lsoas.ToString("N0", Gb), $"{d.Population.ToString("N0", Gb)} ({Pct(d.PopulationShare)})", $"{d.Crimes.ToString("N0", Gb)} ({Pct(d.CrimeShare)})",
                RateText(d.CrimeRate), d.AsbRate is null ? d.AntiSocialBehaviour.ToString("N0", Gb) : $"{d.AntiSocialBehaviour.ToString("N0", Gb)}; {RateText(d.AsbRate)}",
            ]))])
        {
            Notes = [$"Deprivation: {r.IndexSource}. Residents: {r.PopulationSource}. 95% intervals by Byar's method (exact Poisson below 10)."],
        };
    }

    /// <summary>Repeat places: the top map points, their share and persistence.</summary>
    /// <param name="r">The analysis.</param>
    /// <param name="top">How many places to list in the table.</param>
    public static ReportSection RepeatPlaces(RepeatPlacesResult r, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(r);
        var area = r.Request.Area.Name;
        var text = new List<string>();
        if (r.TopShares.FirstOrDefault(s => s.Fraction == 0.05) is { } five && r.TopShares.FirstOrDefault(s => s.Fraction == 0.01) is { } one)
        {
            text.Add(string.Create(Gb, $"Crime in {area} gathers at a few places: in {r.PeriodText} the busiest 1% of places ({one.Places:N0} map points) had {Pct(one.Share)} of located crime, and the busiest 5% ({five.Places:N0}) had {Pct(five.Share)}."));
        }

        if (r.Persistence is { } p)
        {
            text.Add(string.Create(Gb, $"The same places stay busy: {p.Stayed:N0} of those {p.Of:N0} places were also in the busiest 5% in {r.PreviousPeriodText}, so work at them is likely to keep paying off."));
        }

        var blocks = new List<ReportBlock>
        {
            new Paragraph(string.Join(" ", text)),
            new Callout(RepeatPlacesResult.Snapping),
            new TableBlock(new ReportTable($"The {Math.Min(top, r.Top.Count)} places with most {r.What}, {area}, {r.PeriodText}",
                [new("Rank", true), new("Map point (not an address)"), new("Neighbourhood (LSOA)"), new("Crimes", true), new("Crimes the year before", true), new("Busiest 5% the year before")],
                [.. r.Top.Take(top).Select(x => new TableRow(
                [
                    x.Rank.ToString(Gb), x.Location ?? "–", x.LsoaName ?? x.LsoaCode ?? "–", x.Count.ToString("N0", Gb), x.PreviousCount?.ToString("N0", Gb) ?? "–",
                    x.WasTopFivePercentBefore switch { true => "Yes", false => "No", _ => "–" },
                ]))])
            {
                Notes = [$"Places with at least one record in the period: {r.Places.ToString("N0", Gb)}; located records: {r.Records.ToString("N0", Gb)}. The busiest 1% and 5% are of those places.", .. r.Notes.Skip(2)],
            }),
        };
        return new ReportSection(RepeatPlacesHeading, blocks);
    }

    /// <summary>Anti-social behaviour: count, rate, change, trend and hot spots.</summary>
    /// <param name="r">The analysis.</param>
    /// <param name="chartId">The trend chart's id.</param>
    public static ReportSection Asb(AsbResult r, string chartId)
    {
        ArgumentNullException.ThrowIfNull(r);
        var area = r.Request.Area.Name;
        var words = new List<string>
        {
            string.Create(Gb, $"{r.Count:N0} incidents of anti-social behaviour were reported to the police in {area} in {r.PeriodText}{(r.Rate is { } rate ? $", {rate.Value:N1} per 1,000 residents" : string.Empty)}; they are {Pct(r.ShareOfRecords)} of all police.uk records and are not counted as crime in this report."),
        };
        if (r.Change is { } c)
        {
            words.Add(string.Create(Gb, $"That is {(c.CountChange >= 0 ? "up" : "down")} {Math.Abs(c.CountChange):N0} on the year before ({c.EarlierCount:N0}){(c.Direction == Direction.Similar ? ", a change that could be chance" : ", a real change, not chance")}."));
        }

        if (r.Lsoas.Count > 0)
        {
            words.Add(string.Create(Gb, $"The neighbourhood with most was {r.Lsoas[0].Name ?? r.Lsoas[0].Code} ({r.Lsoas[0].Count:N0} incidents)."));
        }

        var blocks = new List<ReportBlock> { new Paragraph(string.Join(" ", words)), new Callout(AsbResult.Definition) };
        var months = r.Monthly.Where(m => m.Count is not null).ToList();
        if (months.Count >= 2)
        {
            blocks.Add(new ChartBlock(new ReportChart(chartId, $"Anti-social behaviour by month, {area}",
                string.Create(Gb, $"Incidents of anti-social behaviour each month from {r.Monthly[0].Month.ToDisplayString()} to {r.Monthly[^1].Month.ToDisplayString()}; the highest month had {months.Max(m => m.Count):N0}, the lowest {months.Min(m => m.Count):N0}."),
                new LineChartSpec([.. r.Monthly.Select(m => m.Month.ToString())], [new LineSeries("Incidents", [.. r.Monthly.Select(m => (double?)m.Count)])]) { YLabel = "Incidents per month", XLabel = "Month" },
                new ReportTable("Anti-social behaviour by month", [new("Month"), new("Incidents", true)],
                    [.. r.Monthly.Select(m => new TableRow([m.Month.ToString(), m.Count?.ToString("N0", Gb) ?? "not imported"]))]))));
        }

        blocks.Add(new TableBlock(new ReportTable($"Neighbourhoods with most anti-social behaviour, {area}, {r.PeriodText}",
            [new("Neighbourhood (LSOA)"), new("Incidents", true), new("Per 1,000 residents (95% interval)", true), new("Deprivation decile", true)],
            [.. r.Lsoas.Take(10).Select(l => new TableRow([l.Name ?? l.Code, l.Count.ToString("N0", Gb), RateText(l.Rate), l.Decile?.ToString(Gb) ?? "–"]))])
        {
            Notes = [char.ToUpperInvariant(r.LsoaSource[0]) + r.LsoaSource[1..] + ".", r.Population is { } pop ? $"Area rate per 1,000 residents: {pop.Description}." : $"No area rate: {r.PopulationNote}."],
        }));
        if (r.Places.Count > 0)
        {
            blocks.Add(new TableBlock(new ReportTable($"Map points with most anti-social behaviour, {area}, {r.PeriodText}",
                [new("Rank", true), new("Map point (not an address)"), new("Neighbourhood (LSOA)"), new("Incidents", true)],
                [.. r.Places.Take(5).Select(p => new TableRow([p.Rank.ToString(Gb), p.Location ?? "–", p.LsoaName ?? p.LsoaCode ?? "–", p.Count.ToString("N0", Gb)]))])
            {
                Notes = [RepeatPlacesResult.Snapping],
            }));
        }

        return new ReportSection(AsbHeading, blocks);
    }

    /// <summary>"1 (most deprived)", "10 (least deprived)" or the number.</summary>
    public static string DecileLabel(int decile) => decile switch
    {
        1 => "1 (most deprived)",
        10 => "10 (least deprived)",
        _ => decile.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A rate with its 95% interval, or "–".</summary>
    public static string RateText(RateResult? rate) =>
        rate is { } r ? string.Create(Gb, $"{r.Value:N1} ({r.Lower95:N1} to {r.Upper95:N1})") : "–";

    /// <summary>A share as a whole percentage ("23%"), one decimal under 10%, or "–".</summary>
    public static string Pct(double? share) =>
        share is not { } s ? "–" : 100 * s < 10 ? (100 * s).ToString("N1", Gb) + "%" : (100 * s).ToString("N0", Gb) + "%";

    /// <summary>"(deciles 1–2)" from the matrix's group label "most deprived (deciles 1–2)".</summary>
    private static string Groups(string label) => label.IndexOf('(', StringComparison.Ordinal) is var i and >= 0 ? label[i..] : $"({label})";

    private static string Times(double ratio) =>
        ratio >= 1 ? string.Create(Gb, $"{ratio:N1} times as high") : string.Create(Gb, $"{ratio:N2} times as high (lower)");

    /// <summary>The Lorenz curve's crime share at a share of units, by linear interpolation between its points.</summary>
    private static double Interpolate(IReadOnlyList<LorenzPoint> curve, double x)
    {
        for (var i = 1; i < curve.Count; i++)
        {
            if (curve[i].UnitShare >= x - 1e-12)
            {
                var (a, b) = (curve[i - 1], curve[i]);
                return b.UnitShare == a.UnitShare ? b.CountShare : a.CountShare + (b.CountShare - a.CountShare) * (x - a.UnitShare) / (b.UnitShare - a.UnitShare);
            }
        }

        return 1;
    }
}
