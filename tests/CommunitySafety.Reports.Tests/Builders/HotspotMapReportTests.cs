using AngleSharp.Html.Parser;
using CommunitySafety.Hotspots;
using CommunitySafety.Reports.Rendering;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CommunitySafety.Reports.Tests.Builders;

/// <summary>Gi* hot spot maps in the reports: title with the finding, text alternative, data table, SVG in HTML, PNG in Word.</summary>
public sealed class HotspotMapReportTests
{
    [Fact]
    public void Build_ClusterAmongSpreadPoints_FindsTheHotSpotAndNamesItsLsoa()
    {
        var map = TestReports.Map;

        Assert.Matches(@"^Violence and sexual offences in Luton, 2024/25: \d+ hot spot cells? of [\d,]+ m hold \d+% of the located records; the busiest, with \d+ records, is around Testtown 001A$", map.Title);
        Assert.Contains("The data table lists the cells", map.Description, StringComparison.Ordinal);
        var first = map.Data.Rows[0].Cells.Select(c => c.Text).ToList();
        Assert.Equal("1", first[0]);
        Assert.Equal("Testtown 001A (E01000001)", first[1]);
        Assert.StartsWith("hot", first[5], StringComparison.Ordinal);
        Assert.True(double.Parse(first[4], System.Globalization.CultureInfo.GetCultureInfo("en-GB")) > 2.58);

        // The rows are the hot spot cells with most records first, and their records are real counts of the points.
        var records = map.Data.Rows.Select(r => int.Parse(r.Cells[3].Text, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("en-GB"))).ToList();
        Assert.Equal(records.OrderByDescending(r => r), records);
        Assert.True(records.Sum() <= 700 && records[0] > 0);
        Assert.Contains(map.Data.Notes, n => n.Contains("700 located records", StringComparison.Ordinal));
        Assert.True(map.Png.Length > 1000 && map.Png[..4].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47 }));
    }

    [Fact]
    public void Build_UniformPoints_SaysThereAreNoHotSpots()
    {
        var grid = new List<LocatedRecord>();
        for (var x = 0; x < 20; x++)
        {
            for (var y = 0; y < 20; y++)
            {
                grid.Add(new LocatedRecord(new Hotspots.Projection.GridPoint(500_000 + (x * 250) + 125, 200_000 + (y * 250) + 125), null, default));
            }
        }

        var map = TestReports.MapOf("2", "Burglary", "Testtown", grid, _ => null)!;
        Assert.Equal("Burglary in Testtown, 2024/25: no statistically significant hot spots on 100 m cells", map.Title);
        Assert.Contains("none is a significant hot spot", map.Data.Caption, StringComparison.Ordinal);
        Assert.Null(TestReports.MapOf("3", "Burglary", "Testtown", [grid[0]], _ => null));
    }

    [Fact]
    public async Task AssessmentAndProgressHtml_HaveTheMapWithUniqueIdsTextAlternativeAndTable()
    {
        foreach (var report in new[] { TestReports.AssessmentReport(), await TestReports.ProgressAsync() })
        {
            var html = await HtmlReportRenderer.RenderAsync(report);
            var doc = new HtmlParser().ParseDocument(html);
            var figure = doc.QuerySelector("figure.csp-map")!;
            Assert.NotNull(figure);
            Assert.Equal(TestReports.Map.Title, figure.QuerySelector("figcaption")!.TextContent.Trim());
            var svg = figure.QuerySelector("svg")!;
            Assert.Equal("img", svg.GetAttribute("role"));
            foreach (var id in svg.GetAttribute("aria-labelledby")!.Split(' '))
            {
                Assert.Single(doc.QuerySelectorAll($"[id='{id}']"));
                Assert.False(string.IsNullOrWhiteSpace(doc.GetElementById(id)!.TextContent));
            }

            var ids = doc.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.Contains("Data for the map", figure.NextElementSibling!.QuerySelector("table caption")!.TextContent, StringComparison.Ordinal);
            Assert.Contains(doc.QuerySelectorAll("h2, h3"), h => h.TextContent.Contains("Where crime concentrates", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void AssessmentDocx_HasTheMapAsAnImageWithItsDescription_AndValidates()
    {
        using var stream = new MemoryStream();
        DocxReportRenderer.Write(TestReports.AssessmentReport(), stream);
        stream.Position = 0;
        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var pictures = doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().ToList();
        Assert.Contains(pictures, p => p.Title == TestReports.Map.Title && p.Description == TestReports.Map.Description);
        Assert.Contains("Data for the map", doc.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
    }
}
