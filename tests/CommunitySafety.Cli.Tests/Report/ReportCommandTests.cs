using CommunitySafety.Monitoring.Demo;
using CommunitySafety.Monitoring.Storage;

namespace CommunitySafety.Cli.Tests.Report;

public sealed class ReportCommandTests
{
    [Fact]
    public async Task Progress_UnknownExtension_IsUsageError()
    {
        using var folder = new TempFolder();
        var result = await CliRunner.RunAsync(folder.Path, "report", "progress", "--out", "report.txt");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(".html, .docx or .pdf", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_FromSeededPlan_WritesHtmlAndDocx_PublishedSuppresses()
    {
        using var folder = new TempFolder();
        var db = folder.File("monitoring.db");
        await using (var context = await MonitoringDatabase.OpenAsync(MonitoringStoreOptions.Sqlite(db)))
        {
            await DemoPlan.SeedAsync(context);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var html = await CliRunner.RunAsync(folder.Path, "report", "progress", "--out", "r.html", "--period", "2024/25", "--meeting-date", "2025-07-10", "--monitoring-db", db);
        Assert.True(html.ExitCode == 0, html.ToString());
        Assert.EndsWith("r.html", html.Out.Trim(), StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(folder.File("r.html"));
        Assert.Contains("10 July 2025", text, StringComparison.Ordinal);
        Assert.Contains("Priority A:", text, StringComparison.Ordinal);

        var docx = await CliRunner.RunAsync(folder.Path, "report", "progress", "--out", "r.docx", "--published", "--monitoring-db", db);
        Assert.True(docx.ExitCode == 0, docx.ToString());
        Assert.True(new FileInfo(folder.File("r.docx")).Length > 10_000);
    }

    [Fact]
    public async Task Progress_SeveralOuts_WritesEachFormatFromOneBuild()
    {
        using var folder = new TempFolder();
        var db = folder.File("monitoring.db");
        await using (var context = await MonitoringDatabase.OpenAsync(MonitoringStoreOptions.Sqlite(db)))
        {
            await DemoPlan.SeedAsync(context);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var result = await CliRunner.RunAsync(folder.Path, "report", "progress", "--out", "r.html", "--out", "r.docx", "--out", "r.pdf", "--period", "2022/23", "--meeting-date", "2023-06-28", "--monitoring-db", db);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["r.html", "r.docx", "r.pdf"], result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Path.GetFileName));
        Assert.Contains("Priority A:", await File.ReadAllTextAsync(folder.File("r.html")), StringComparison.Ordinal);
        Assert.True(new FileInfo(folder.File("r.docx")).Length > 10_000);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(folder.File("r.pdf")).AsSpan(0, 5)));
    }

    [Fact]
    public async Task Assessment_WithoutAreaOrFrom_IsUsageError()
    {
        using var folder = new TempFolder();
        var result = await CliRunner.RunAsync(folder.Path, "report", "assessment", "--out", "a.html");
        Assert.Equal(2, result.ExitCode);
    }
}
