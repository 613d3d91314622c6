using CommunitySafety.Monitoring.Demo;
using CommunitySafety.Monitoring.Progress;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Rendering;

namespace CommunitySafety.Reports.Tests.Builders;

/// <summary>The progress report builder is pure: it builds from the progress Monitoring reads, never from the store.</summary>
public sealed class ProgressReportBuilderTests
{
    private static readonly ReportingPeriod Year = ReportingPeriod.Parse("2024/25");

    private static async Task<PlanProgress> DemoProgressAsync(ValueScope scope)
    {
        var file = Path.Combine(Path.GetTempPath(), $"csp-progress-builder-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = await MonitoringDatabase.OpenAsync(MonitoringStoreOptions.Sqlite(file));
            await DemoPlan.SeedAsync(db);
            return await new PlanProgressQuery(db).LoadAsync(new ProgressRequest { Period = Year, Scope = scope });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Build_WithTheStoreClosedAndDeleted_MakesTheWholeReport_TheSameEachTime()
    {
        var progress = await DemoProgressAsync(ValueScope.Working);

        var first = await HtmlReportRenderer.RenderAsync(ProgressReportBuilder.Build(progress, new ProgressReportOptions()));
        var second = await HtmlReportRenderer.RenderAsync(ProgressReportBuilder.Build(progress, new ProgressReportOptions()));

        // ScottPlot numbers its SVG clip paths (in hex) across the process, so other tests drawing at the same time move them; everything else is the same.
        Assert.Equal(WithoutClipPathNumbers(first), WithoutClipPathNumbers(second));
        Assert.Contains("progress report 2024/25", first, StringComparison.Ordinal);
        // Every framework of the plan has its section, with its indicators' table.
        foreach (var framework in progress.Frameworks.Where(f => f.Indicators.Count > 0))
        {
            Assert.Contains($"{System.Net.WebUtility.HtmlEncode(framework.Framework.Name)}: indicators", first, StringComparison.Ordinal);
        }

        // A breakdown Monitoring read (people in treatment by presenting substance) is shown as its table.
        Assert.Contains(progress.Indicators, i => i.Breakdowns.Count > 0);
        Assert.Contains("by presenting substance", first, StringComparison.Ordinal);
    }

    private static string WithoutClipPathNumbers(string html) => System.Text.RegularExpressions.Regex.Replace(html, "cl_[0-9a-f]+", "cl_");

    [Fact]
    public async Task Build_ProgressReadInAnotherScopeThanTheVariant_IsRefused()
    {
        var working = await DemoProgressAsync(ValueScope.Working);

        var e = Assert.Throws<ArgumentException>(() => ProgressReportBuilder.Build(working, new ProgressReportOptions { Variant = ReportVariant.Published }));
        Assert.Contains("published", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsAssembly_DoesNotReferenceEntityFrameworkCore()
    {
        var references = typeof(Report).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.Contains("CommunitySafety.Monitoring", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }
}
