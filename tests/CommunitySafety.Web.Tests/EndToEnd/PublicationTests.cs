using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommunitySafety.Monitoring.Export;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Progress;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Model;
using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.EndToEnd;

/// <summary>
/// Review before publication, e-mail-free public outputs, the future-period refusal and the one disclosure rule, end
/// to end over the real app and database (SQLite).
/// </summary>
public sealed class PublicationTests(SqliteWebFactory factory) : IClassFixture<SqliteWebFactory>
{
    private static readonly string EntryUrl = "/entry/form?framework=DAMF&period=" + Uri.EscapeDataString("Q1 2026/27");

    [Fact]
    public async Task PartnersValue_IsADraft_AbsentFromThePublicUntilAnAnalystApprovesIt_AndNoPublicOutputHasAnEmailAddress()
    {
        var partner = factory.ClientAs(Roles.Contributor, "Refuge");
        var form = await partner.GetStringAsync(new Uri(EntryUrl, UriKind.Relative));
        Assert.Contains("Same period last year: Q1 2025/26", form, StringComparison.Ordinal);
        // Each box is read with the indicator's hint and its earlier values (aria-describedby), not the box alone.
        Assert.Matches("<input[^>]*id=\"[^\"]*count\"[^>]*aria-describedby=\"DA-E1-hint DA-E1-earlier\"", form);
        Assert.Contains("id=\"DA-E1-hint\"", form, StringComparison.Ordinal);
        using (var posted = await Forms.PostAsync(partner, EntryUrl,
        [
            new("Rows[0].Code", "DA-E1"), new("Rows[0].Count", "40"), new("Rows[0].Denominator", "44"),
            new("Rows[0].Commentary", "Up 99% on last year. Questions to chris@refuge.example please."),
            new("Status", "Provisional"), new("action", "submit"),
        ]))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var confirmation = await partner.GetStringAsync(posted.Headers.Location!);
            Assert.Contains("Figures submitted", confirmation, StringComparison.Ordinal);
            Assert.Contains("Awaiting review", confirmation, StringComparison.Ordinal);
            Assert.Contains("id=\"commentary-check\"", confirmation, StringComparison.Ordinal);
        }

        var anonymous = factory.ClientAs(null);
        Assert.NotEqual("Q1 2026/27", await PublicPeriodAsync(anonymous, "DA-E1"));
        var inside = await factory.ClientAs(Roles.Analyst).GetFromJsonAsync<JsonElement>(new Uri("/api/indicators/DA-E1", UriKind.Relative));
        Assert.Equal("Q1 2026/27", inside.GetProperty("period").GetString());

        int valueId, commentaryId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            var start = ReportingPeriod.Parse("Q1 2026/27").FirstMonth.Index;
            var value = await db.IndicatorValues.SingleAsync(v => v.Indicator!.Code == "DA-E1" && v.PeriodStart == start && v.PeriodKind == PeriodKind.FinancialQuarter);
            Assert.Equal(ReviewState.Draft, value.Review);
            valueId = value.Id;
            var commentary = await db.Commentaries.SingleAsync(c => c.Period == "Q1 2026/27" && c.Markdown.Contains("chris@"));
            Assert.Equal(("Test Contributor", "Refuge", ReviewState.Draft), (commentary.AuthorName, commentary.AuthorOrganisation, commentary.Review));
            commentaryId = commentary.Id;
        }

        var analyst = factory.ClientAs(Roles.Analyst);
        var review = await analyst.GetStringAsync(new Uri("/review", UriKind.Relative));
        Assert.Contains("DA-E1", review, StringComparison.Ordinal);
        Assert.Contains("Up 99%&quot; does not match", review, StringComparison.Ordinal);
        using (var approve = await Forms.PostAsync(analyst, "/review?handler=Approve", [new("kind", "Value"), new("id", valueId.ToString(System.Globalization.CultureInfo.InvariantCulture))], "/review"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        }

        using (var forged = await Forms.PostAsync(analyst, "/review?handler=Approve", [new("kind", "Value"), new("id", "999999")], "/review"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using (var approve = await Forms.PostAsync(analyst, "/review?handler=Approve", [new("kind", "Commentary"), new("id", commentaryId.ToString(System.Globalization.CultureInfo.InvariantCulture))], "/review"))
        {
            Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        }

        Assert.Equal("Q1 2026/27", await PublicPeriodAsync(anonymous, "DA-E1"));

        // No e-mail address in any public output: pages, API, the published report (HTML and Word) and the published workbook.
        var outputs = new Dictionary<string, string>
        {
            ["/public"] = await anonymous.GetStringAsync(new Uri("/public", UriKind.Relative)),
            ["/api/public/indicators"] = await anonymous.GetStringAsync(new Uri("/api/public/indicators", UriKind.Relative)),
            ["progress.html"] = await anonymous.GetStringAsync(new Uri("/public/reports/progress.html?period=" + Uri.EscapeDataString("Q1 2026/27"), UriKind.Relative)),
            ["progress.docx"] = DocxText(await anonymous.GetByteArrayAsync(new Uri("/public/reports/progress.docx?period=" + Uri.EscapeDataString("Q1 2026/27"), UriKind.Relative))),
        };
        using (var scope = factory.Services.CreateScope())
        {
            using var csv = new MemoryStream();
            await new FrameworkWorkbooks(scope.ServiceProvider.GetRequiredService<MonitoringDbContext>())
                .ExportAsync(ExportFormat.Csv, csv, new ExportOptions { ForPublication = true });
            outputs["published workbook"] = Encoding.UTF8.GetString(csv.ToArray());
        }

        Assert.Contains("Refuge", outputs["progress.html"], StringComparison.Ordinal);
        Assert.Contains(Publication.EmailRemoved, outputs["progress.html"], StringComparison.Ordinal);
        foreach (var (name, raw) in outputs)
        {
            // Style sheets have @media and @page rules: everything else must have no @ at all.
            var text = System.Text.RegularExpressions.Regex.Replace(raw, "<style[\\s\\S]*?</style>", string.Empty);
            var at = text.IndexOf('@', StringComparison.Ordinal);
            Assert.True(at < 0, $"{name} has an @: …{(at < 0 ? string.Empty : text[Math.Max(0, at - 60)..Math.Min(text.Length, at + 40)])}…");
        }
    }

    [Fact]
    public async Task TypoedFuturePeriod_IsRefusedWithAClearMessage_AndNothingIsStored()
    {
        var analyst = factory.ClientAs(Roles.Analyst);
        var url = "/entry/form?framework=DAMF&period=" + Uri.EscapeDataString("Q4 2099/00");
        using var response = await Forms.PostAsync(analyst, url, [new("Rows[0].Code", "DA-C2"), new("Rows[0].Count", "9"), new("Rows[0].Denominator", "20"), new("ConfirmUnfinished", "true"), new("action", "submit")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("more than a year from now", html, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var start = ReportingPeriod.Parse("Q4 2099/00").FirstMonth.Index;
        Assert.False(await scope.ServiceProvider.GetRequiredService<MonitoringDbContext>().IndicatorValues.AnyAsync(v => v.PeriodStart == start));
    }

    [Fact]
    public async Task OneDisclosureRule_GivesTheSameAnswer_InTheReportThePublicTileTheApiAndTheWorkbook()
    {
        var random = new Random(17);
        var now = ReportingPeriod.Parse("Q2 2026/27");
        var anonymous = factory.ClientAs(null);
        for (var round = 0; round < 12; round++)
        {
            int? threshold = new int?[] { null, 3, 5, 10 }[random.Next(4)];
            var (count, earlier) = (random.Next(0, 14), random.Next(0, 14));
            Indicator indicator;
            using (var scope = factory.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
                indicator = await db.Indicators.Include(i => i.Framework).SingleAsync(i => i.Code == "DA-B3");
                indicator.DisclosureThreshold = threshold;
                await db.SaveChangesAsync();
                var store = new IndicatorValueStore(db);
                await store.RecordAsync(new IndicatorValueInput("DA-B3", now, "E06000032") { Count = count }, "analyst");
                await store.RecordAsync(new IndicatorValueInput("DA-B3", now.SamePeriodLastYear, "E06000032") { Count = earlier }, "analyst");
            }

            var expected = DisclosureControl.MustSuppress(indicator, count) || DisclosureControl.MustSuppress(indicator, earlier);
            var why = $"round {round}: count {count}, last year {earlier}, threshold {threshold?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}";

            var api = (await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/public/indicators", UriKind.Relative))).EnumerateArray().Single(e => e.GetProperty("code").GetString() == "DA-B3");
            Assert.Equal("Q2 2026/27", api.GetProperty("period").GetString());
            Assert.True(expected == api.GetProperty("suppressed").GetBoolean(), "API, " + why);

            var page = await anonymous.GetStringAsync(new Uri("/public", UriKind.Relative));
            var tileAt = page.IndexOf("DA-B3 · Q2 2026/27", StringComparison.Ordinal);
            Assert.True(tileAt > 0, why);
            var tile = page[tileAt..page.IndexOf("</div>", tileAt, StringComparison.Ordinal)];
            Assert.True(expected == tile.Contains("Suppressed", StringComparison.Ordinal), "public tile, " + why);

            using var scope2 = factory.Services.CreateScope();
            var db2 = scope2.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            var report = ProgressReportBuilder.Build(
                await new PlanProgressQuery(db2).LoadAsync(new ProgressRequest { Period = now, Scope = ValueScope.Published }),
                new ProgressReportOptions { Variant = ReportVariant.Published });
            var row = Rows(report.Sections).First(r => r.Cells[0].Text.StartsWith(indicator.Title, StringComparison.Ordinal));
            Assert.True(expected == row.Cells.Any(c => c.Status == CellStatus.Suppressed), "published report, " + why);

            using var csv = new MemoryStream();
            await new FrameworkWorkbooks(db2).ExportAsync(ExportFormat.Csv, csv, new ExportOptions { FrameworkCode = indicator.Framework!.Code, ForPublication = true });
            var line = Encoding.UTF8.GetString(csv.ToArray()).Split('\n').Single(l => l.Contains(",DA-B3,", StringComparison.Ordinal) && l.Contains("Q2 2026/27", StringComparison.Ordinal));
            Assert.True(expected == line.Contains("Suppressed: fewer than", StringComparison.Ordinal), "published workbook, " + why);
        }
    }

    private static IEnumerable<TableRow> Rows(IEnumerable<ReportSection> sections) =>
        sections.SelectMany(s => s.Blocks.OfType<TableBlock>().SelectMany(t => t.Table.Rows).Concat(Rows(s.Subsections ?? [])));

    private static async Task<string?> PublicPeriodAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/public/indicators", UriKind.Relative))).EnumerateArray()
            .Single(e => e.GetProperty("code").GetString() == code).GetProperty("period").GetString();

    private static string DocxText(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(reader.ReadToEnd());
        }

        return text.ToString();
    }
}
