using CommunitySafety.Monitoring.Demo;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Narrative;
using CommunitySafety.Reports.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Reports.Tests.Builders;

/// <summary>The progress report's period, review state and credit rules, from the demo plan in a temporary SQLite store.</summary>
public sealed class PublicationReportTests
{
    private static readonly ReportingPeriod Year = ReportingPeriod.Parse("2024/25");

    private static async Task<T> WithDemoAsync<T>(Func<MonitoringDbContext, Task<T>> act)
    {
        var file = Path.Combine(Path.GetTempPath(), $"csp-publication-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = await MonitoringDatabase.OpenAsync(MonitoringStoreOptions.Sqlite(file));
            await DemoPlan.SeedAsync(db);
            return await act(db);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static IEnumerable<ReportTable> Tables(IEnumerable<ReportSection> sections) =>
        sections.SelectMany(s => s.Blocks.OfType<TableBlock>().Select(t => t.Table).Concat(Tables(s.Children)));

    private static IEnumerable<TableRow> Rows(IEnumerable<ReportSection> sections) =>
        sections.SelectMany(s => s.Blocks.OfType<TableBlock>().SelectMany(t => t.Table.Rows).Concat(Rows(s.Children)));

    [Fact]
    public Task YearEndReport_JudgesAQuarterlyCountOnItsAnnualTotal() => WithDemoAsync(async db =>
    {
        var indicator = await db.Indicators.SingleAsync(i => i.Code == "DA-B3");
        Assert.Equal(ReportingFrequency.Quarterly, indicator.Frequency);
        var quarters = await db.IndicatorValues.Where(v => v.IndicatorId == indicator.Id && v.CategoryType == "" && v.PeriodKind == PeriodKind.FinancialQuarter
                                                           && v.PeriodStart >= Year.FirstMonth.Index && v.PeriodEnd <= Year.LastMonth.Index).ToListAsync();
        Assert.Equal(4, quarters.Count);
        var total = quarters.Sum(q => q.Count!.Value);

        var report = await TestReports.BuildProgressAsync(db, new ProgressReportOptions(), Year);
        var row = Rows(report.Sections).First(r => r.Cells[0].Text.StartsWith(indicator.Title, StringComparison.Ordinal));
        // The value is the annual total; the period is in its own column, or in the table's title when every row shares it.
        Assert.Contains(row.Cells, c => c.Text.StartsWith(total.ToString("N0", ValueFormat.Culture), StringComparison.Ordinal));
        Assert.True(row.Cells.Any(c => c.Text == "2024/25") || Tables(report.Sections).Any(t => t.Rows.Contains(row) && t.Caption.Contains("2024/25", StringComparison.Ordinal)));
        Assert.Contains("2024/25", report.Title, StringComparison.Ordinal);
        return true;
    });

    [Fact]
    public Task Report_IsForThePeriodChosen_AndSaysOnceWhichIndicatorsAreForAnotherPeriod() => WithDemoAsync(async db =>
    {
        var report = await TestReports.BuildProgressAsync(db, new ProgressReportOptions(), ReportingPeriod.Parse("Q4 2024/25"));
        Assert.Contains("Q4 2024/25", report.Title, StringComparison.Ordinal);
        var other = report.Sections.SelectMany(s => s.Children.Prepend(s)).Where(s => s.Heading.StartsWith("Figures for another period", StringComparison.Ordinal)).ToList();
        Assert.Single(other);
        Assert.Contains(other[0].Blocks.OfType<BulletList>().Single().Items, i => i.Contains("reported for 2024/25", StringComparison.Ordinal));

        // With no period named, the report is for the year most indicators have fully reported, not one partner's early quarter.
        await new IndicatorValueStore(db).RecordAsync(new IndicatorValueInput("DA-B3", ReportingPeriod.Parse("Q1 2026/27"), "E06000032") { Count = 40 }, "early partner");
        var chosen = await TestReports.BuildProgressAsync(db, new ProgressReportOptions());
        Assert.EndsWith("progress report 2025/26", chosen.Title, StringComparison.Ordinal);
        return true;
    });

    [Fact]
    public Task PublishedReport_ShowsApprovedCommentaryOnly_CreditedToTheOrganisation_WithoutAnEmailAddress() => WithDemoAsync(async db =>
    {
        var indicator = await db.Indicators.SingleAsync(i => i.Code == "DA-B3");
        var store = new IndicatorValueStore(db);
        await store.WriteCommentaryAsync(CommentarySubject.OnIndicator(indicator.Id), Year, "APPROVED-MARKER: ask jo.bloggs@stop.example for the detail.",
            "jo.bloggs@stop.example", new CommentaryCredit("Jo Bloggs", "STOP Domestic Abuse"), ReviewState.Approved);
        var other = await db.Indicators.SingleAsync(i => i.Code == "DA-E1");
        await store.WriteCommentaryAsync(CommentarySubject.OnIndicator(other.Id), Year, "DRAFT-MARKER not yet checked.",
            "chris@refuge.example", new CommentaryCredit("Chris Contributor", "Refuge"), ReviewState.Draft);

        var published = await HtmlReportRenderer.RenderAsync(await TestReports.BuildProgressAsync(db, new ProgressReportOptions { Variant = ReportVariant.Published }, Year));
        var inside = await HtmlReportRenderer.RenderAsync(await TestReports.BuildProgressAsync(db, new ProgressReportOptions(), Year));

        Assert.Contains("APPROVED-MARKER", published, StringComparison.Ordinal);
        Assert.DoesNotContain("DRAFT-MARKER", published, StringComparison.Ordinal);
        Assert.Contains("STOP Domestic Abuse", published, StringComparison.Ordinal);
        Assert.DoesNotContain("Jo Bloggs", published, StringComparison.Ordinal);
        // Style sheets have @media and @page rules: the text and the markup must have no @ at all.
        Assert.DoesNotContain("@", System.Text.RegularExpressions.Regex.Replace(published, "<style[\\s\\S]*?</style>", string.Empty), StringComparison.Ordinal);

        Assert.Contains("DRAFT-MARKER", inside, StringComparison.Ordinal);
        Assert.Contains("Jo Bloggs (STOP Domestic Abuse)", inside, StringComparison.Ordinal);
        return true;
    });
}
