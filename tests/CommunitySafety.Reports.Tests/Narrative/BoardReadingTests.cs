using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CommunitySafety.Hotspots.Geometry;
using CommunitySafety.Hotspots.Grids;
using CommunitySafety.Hotspots.Methods;
using CommunitySafety.Hotspots.Output;
using CommunitySafety.Hotspots.Projection;
using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Charts;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Narrative;
using CommunitySafety.Reports.Rendering;
using CommunitySafety.Reports.Tests.Rendering;
using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Tests.Narrative;

/// <summary>
/// The board report as a Health and Wellbeing Board member reads it: short (at most 15 A4 body pages), in plain English
/// (no method names or codes in the body), with charts only where the method has enough points, and axes that do not
/// exaggerate. The appendices (data, methods, glossary) may name the methods.
/// </summary>
public sealed partial class BoardReadingTests
{
    /// <summary>The most A4 pages the body of the demo plan's progress report may take (the reference report has 13).</summary>
    public const int MaxBodyPages = 15;

    /// <summary>
    /// The text a reader meets in the body of a rendered report: everything before the first appendix, without the
    /// stylesheet and without the chart data tables (collapsed in &lt;details&gt; on screen, an appendix in print and Word).
    /// </summary>
    internal static string BodyText(string html)
    {
        var doc = new HtmlParser().ParseDocument(html);
        foreach (var hidden in doc.QuerySelectorAll("style, details.csp-data, .csp-print-only").ToList())
        {
            hidden.Remove();
        }

        var firstAppendix = doc.GetElementById("s-appendix-1")?.ParentElement;
        if (firstAppendix is not null)
        {
            var node = (AngleSharp.Dom.INode)firstAppendix;
            var toRemove = new List<AngleSharp.Dom.INode>();
            for (var n = node; n is not null; n = n.NextSibling)
            {
                toRemove.Add(n);
            }

            foreach (var n in toRemove)
            {
                n.Parent!.RemoveChild(n);
            }
        }

        return doc.Body!.TextContent;
    }

    [GeneratedRegex(@"\b[EW]01\d{6}\b")]
    private static partial Regex LsoaCode();

    public static TheoryData<string> Reports => ["progress-internal", "progress-published", "assessment"];

    private static async Task<Report> ReportOf(string name) => name switch
    {
        "progress-internal" => await TestReports.ProgressAsync(ReportVariant.Internal),
        "progress-published" => await TestReports.ProgressAsync(ReportVariant.Published),
        _ => TestReports.AssessmentReport(),
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task Body_HasNoListedJargonNorLsoaCodes(string name)
    {
        var report = await ReportOf(name);
        var html = await HtmlReportRenderer.RenderAsync(report);
        var body = BodyText(html);

        Assert.Contains("Where crime concentrates", body, StringComparison.Ordinal);
        var found = Glossary.BodyJargon.Where(term => body.Contains(term, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(found.Count == 0, $"Jargon in the body of the {name} report: " + string.Join(" | ", found.Select(t =>
        {
            var i = body.IndexOf(t, StringComparison.OrdinalIgnoreCase);
            return $"{t}: …{body[Math.Max(0, i - 100)..Math.Min(body.Length, i + 60)]}…";
        })));
        Assert.DoesNotMatch(LsoaCode(), body);

        // The appendix does explain the methods: the list is not met by leaving them out altogether.
        var whole = new HtmlParser().ParseDocument(html).Body!.TextContent;
        Assert.Contains("Glossary", whole, StringComparison.Ordinal);
        Assert.Contains(Glossary.BodyJargon.Take(8), term => whole.Contains(term, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ProgressReport_SaysBoilerplateOnce()
    {
        var body = BodyText(await HtmlReportRenderer.RenderAsync(await TestReports.ProgressAsync()));

        // Who wrote the commentary, and why some indicators have no chart: once, in the note on reading the report.
        Assert.Equal(1, Regex.Count(body, "Commentary is by "));
        // A credit under a piece of commentary names another author than the usual one (said once, at the front).
        var usual = Regex.Match(body, "Commentary is by (.+?) (and is about|unless)").Groups[1].Value;
        Assert.NotEmpty(usual);
        Assert.DoesNotMatch(new Regex($"Commentary by {Regex.Escape(usual)}(,|\\s*$)", RegexOptions.Multiline), body);
        Assert.Equal(1, Regex.Count(body, $"at least {SpcOptions.MakingDataCount.MinimumPoints} periods"));
        Assert.DoesNotContain("too few points yet", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Data for the chart", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProgressReport_Pdf_BodyIsAtMost15A4Pages_AndTheDataAreInAnAppendix()
    {
        Assert.True(File.Exists(PdfReportRenderer.ChromiumPath), $"Chromium is required at {PdfReportRenderer.ChromiumPath} (apt-get install chromium)");
        var folder = Directory.CreateTempSubdirectory("csp-pdf-").FullName;
        var pdf = Path.Combine(folder, "progress.pdf");
        await PdfReportRenderer.WriteAsync(await TestReports.ProgressAsync(), pdf);
        var pages = FormatTests.PdfText(pdf).Split('\f');
        Directory.Delete(folder, true);

        var firstAppendix = Array.FindIndex(pages, p => p.Contains("Appendix 1 –", StringComparison.Ordinal));
        Assert.True(firstAppendix > 0, "The PDF has no appendix");
        Assert.InRange(firstAppendix, 5, MaxBodyPages);
        Assert.Contains(pages.Skip(firstAppendix), p => p.Contains(Report.FigureDataHeading, StringComparison.Ordinal));
        Assert.Contains(pages.Skip(firstAppendix), p => p.Contains("Data for the chart: ", StringComparison.Ordinal));
        Assert.DoesNotContain(pages.Take(firstAppendix), p => p.Contains("Data for the chart: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task YearEndReport_ChartsTheQuartersBehindAnAnnualTotal_SayingWhatIsJudged()
    {
        // The year is judged on its total (five years: too few for a usual range), so the chart shows its quarters.
        var report = await TestReports.ProgressAsync();
        var charts = Blocks(report).OfType<ChartBlock>().Select(b => b.Chart).Where(c => c.Spec is SpcChartSpec).ToList();

        var quarterly = charts.Where(c => c.Title.EndsWith("the quarters up to Q4 2024/25, with their usual range", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(quarterly);
        Assert.All(quarterly, c =>
        {
            Assert.Contains("The year is judged on its total (in the table); the chart shows its quarters.", c.Description, StringComparison.Ordinal);
            Assert.True(((SpcChartSpec)c.Spec).Spc.Points.Count >= SpcOptions.MakingDataCount.MinimumPoints, c.Title);
            Assert.Equal("Q4 2024/25", c.Data.Rows[^1].Cells[0].Text);
        });
    }

    [Fact]
    public async Task ProgressReport_Charts_OnlyFromTheMinimumPoints_AxesFromZero_TitlesAgreeWithTheirMarks()
    {
        // A quarter's report: quarterly series long enough for SPC (a year-end report judges annual totals, too few points).
        var report = await TestReports.ProgressAsync(period: "Q4 2024/25");
        var charts = Blocks(report).OfType<ChartBlock>().Select(b => b.Chart).ToList();
        var spc = charts.Where(c => c.Spec is SpcChartSpec).ToList();
        Assert.NotEmpty(spc);
        foreach (var chart in spc)
        {
            var spec = (SpcChartSpec)chart.Spec;
            Assert.True(spec.Spc.Points.Count >= SpcOptions.MakingDataCount.MinimumPoints, $"{chart.Title}: {spec.Spc.Points.Count} points");
            Assert.NotNull(spec.Spc.Points[^1].LowerProcessLimit);
            Assert.True(spec.AxisFromZero);
            Assert.Equal(0, ChartRenderer.Build(spec).Axes.GetLimits().Bottom);
            Assert.Null(ChartRenderer.AxisNote(spec));

            // A latest point marked unusual on the chart is said in its title too.
            var latest = spec.Spc.Points[^1].Variation;
            if (NarrativeRules.VariationClause(latest) is { } unusual)
            {
                Assert.EndsWith(unusual, chart.Title, StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain("unusually", chart.Title, StringComparison.Ordinal);
            }
        }

        // The demo's short series (2 annual values, 4 quarters) get no chart: no mean of two points.
        Assert.DoesNotContain(charts, c => c.Title.StartsWith("Society of St James", StringComparison.Ordinal));
        Assert.DoesNotContain(charts, c => c.Title.StartsWith("Children offered Turnaround", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IndexChart_DoesNotStartAtZero_AndSaysSoUnderTheChart()
    {
        var spec = new LineChartSpec(["Apr", "May", "Jun"], [new LineSeries("Luton", [98, 101, 104])], 100) { AxisFromZero = false };
        var chart = new ReportChart("x", "Index", "An index.", spec, new ReportTable("Data for the chart: index", [new("Month")], [new TableRow(["Apr"])]));
        var html = await HtmlReportRenderer.RenderAsync(new Report { Title = "T", Sections = [new ReportSection("S", [new ChartBlock(chart)])] });

        Assert.True(ChartRenderer.Build(spec).Axes.GetLimits().Bottom > 50);
        Assert.Contains("the vertical axis does not start at zero", html, StringComparison.Ordinal);
        var fromZero = spec with { AxisFromZero = true };
        Assert.Equal(0, ChartRenderer.Build(fromZero).Axes.GetLimits().Bottom);
    }

    [Theory]
    [InlineData(170, 196, false, Direction.Similar, "Up 15% (+26) on Q4 2023/24 (within normal variation)")]
    [InlineData(47, 75, false, Direction.Higher, "Up 60% (+28) on Q4 2023/24 (significant)")]
    [InlineData(91.5, 92.5, true, Direction.Similar, "Up 1.0 percentage points on Q4 2023/24 (within normal variation)")]
    [InlineData(420, 420, false, Direction.Similar, "No change on Q4 2023/24")]
    public void Change_OneWordingForReportsAndWeb_PointsForPercentages(double from, double to, bool percent, Direction direction, string expected)
    {
        var c = new PeriodComparison(ReportingPeriod.Parse("Q4 2023/24"), from, to, to - from, (to - from) / from * 100, percent ? null : to - from, 0.01, direction, ComparisonOutcome.NotCompared, null);

        Assert.Equal(expected, Labels.Change(c, percent ? ValueFormat.Percent : ValueFormat.Count));
        Assert.DoesNotContain("(n", Labels.Change(c, ValueFormat.Count), StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_SayTheStatusesInPlainWords()
    {
        foreach (var v in Enum.GetValues<VariationStatus>())
        {
            var label = Labels.Variation(v);
            Assert.DoesNotContain(Glossary.BodyJargon, term => label.Contains(term, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal("Unusually low", Labels.Variation(VariationStatus.NeitherLow));
        Assert.Equal("No unusual change", Labels.Variation(VariationStatus.CommonCause));
        Assert.Equal("Green: target met", Labels.Rag(Rag.Green));
    }

    [Fact]
    public void HotspotMap_WithABoundary_AnalysesOnlyCellsInTheArea_AndDrawsWardsAndFurniture()
    {
        // The area is the western half of the points' spread: records east of it are left out, and no cell there is cold.
        var area = Boundary.FromRings([[new GridPoint(507_000, 218_000), new GridPoint(510_500, 218_000), new GridPoint(510_500, 224_000), new GridPoint(507_000, 224_000)]]);
        var wards = new[]
        {
            Boundary.FromRings([[new GridPoint(507_000, 218_000), new GridPoint(508_750, 218_000), new GridPoint(508_750, 224_000), new GridPoint(507_000, 224_000)]]),
            Boundary.FromRings([[new GridPoint(508_750, 218_000), new GridPoint(510_500, 218_000), new GridPoint(510_500, 224_000), new GridPoint(508_750, 224_000)]]),
        };
        var points = TestReports.MapPoints();
        var inside = points.Count(p => area.Contains(p.Point));
        Assert.True(inside < points.Count);

        var map = TestReports.MapOf("9", "Burglary", "Testtown", points, code => code == "E01000001" ? "Testtown 001A" : null, area, wards)!;

        Assert.Contains(map.Data.Notes, n => n.Contains($"{inside.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} located records", StringComparison.Ordinal)
            && n.Contains($"{points.Count - inside} records located outside it are left out", StringComparison.Ordinal));
        foreach (var row in map.Data.Rows)
        {
            var centre = row.Cells[2].Text.Split(", ").Select(t => double.Parse(t, NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-GB"))).ToArray();
            Assert.InRange(centre[0], 507_000 - 200, 510_500 + 200);
        }

        Assert.Contains("id=\"outlines\"", map.Svg, StringComparison.Ordinal);
        Assert.Contains("id=\"boundary\"", map.Svg, StringComparison.Ordinal);
        Assert.Contains("Ward boundaries", map.Svg, StringComparison.Ordinal);
        Assert.Contains("id=\"north-arrow\"", map.Svg, StringComparison.Ordinal);
        Assert.Contains("id=\"scale-bar\"", map.Svg, StringComparison.Ordinal);
        Assert.DoesNotContain("E01000001", map.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("Gi*", map.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void MapPng_ForWord_DrawsTheTitleAndFurniture()
    {
        var points = TestReports.MapPoints().Select(p => p.Point).ToList();
        var grid = HotspotGrid.Covering(points, GridOptions.Default);
        var layer = MapLayer.GiStar(GetisOrdGiStar.Calculate(grid, grid.CountPoints(points)));

        var bare = MapRaster.ToPng(grid, layer);
        var titled = MapRaster.ToPng(grid, layer, title: "Hot spots of burglary, Testtown, 2024/25");

        Assert.True(titled.Png[..4].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
        Assert.Equal(bare.Width, titled.Width);
        Assert.NotEqual(bare.Png, titled.Png);
    }

    private static IEnumerable<ReportBlock> Blocks(Report report)
    {
        IEnumerable<ReportBlock> Walk(ReportSection s) => s.Blocks.Concat(s.Children.SelectMany(Walk));
        return report.Sections.Concat(report.Appendices).SelectMany(Walk);
    }
}
