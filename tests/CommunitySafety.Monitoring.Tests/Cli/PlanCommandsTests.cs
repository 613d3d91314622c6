using System.Text;
using CommunitySafety.Cli;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Monitoring.Demo;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Tests.Cli;

/// <summary>Drives <c>csp plan …</c> and <c>csp indicators …</c> in-process against a SQLite store seeded with the demo plan.</summary>
public sealed class PlanCommandsTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csp-plan-cli", Guid.NewGuid().ToString("N"));

    private string Db => Path.Combine(_folder, "monitoring.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await using var db = await MonitoringDatabase.OpenAsync(MonitoringStoreOptions.Sqlite(Db));
        await DemoPlan.SeedAsync(db);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, isInteractive: false, workingDirectory: _folder);
        var exit = await CliApp.RunAsync([.. args, "--monitoring-db", Db], context);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task PlanShow_DemoPlan_ListsPrioritiesStrategiesAndFrameworks()
    {
        var (exit, output, error) = await Run("plan", "show");
        var csv = await Run("plan", "show", "--format", "csv");

        Assert.True(exit == 0, error);
        Assert.Contains("Community Safety Plan 2023-24", output, StringComparison.Ordinal);
        Assert.Contains("rolled forward", output, StringComparison.Ordinal);
        Assert.Contains("A,\"Tackling violent crime, continuing to focus on violence against women and girls, domestic abuse, knife-enabled violence and sexual violence\",Domestic Abuse Strategy,Luton Borough Council,Domestic Abuse Strategy Group,Being updated,2026-03-31,\"DAMF: Domestic Abuse Monitoring Framework (quarterly, 15 indicators)\",\"4 ongoing, 1 submitted, 1 published\"", csv.Out, StringComparison.Ordinal);
        Assert.Contains("AP1 (additional),", csv.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanShow_Json_IsOneArrayOfRows()
    {
        var (exit, output, _) = await Run("plan", "show", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(0, exit);
        Assert.Contains(json.RootElement.EnumerateArray(), row => row.GetProperty("Strategy").GetString() == "Youth Justice Plan 2025-27");
    }

    [Fact]
    public async Task PlanShow_EmptyStore_ExitsNoDataSayingWhatToDo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, workingDirectory: _folder);

        var exit = await CliApp.RunAsync(["plan", "show", "--monitoring-db", "empty.db"], context);

        Assert.Equal(5, exit);
        Assert.Contains("csp demo", error.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "empty.db")));
    }

    [Fact]
    public async Task OpenAsync_CommandWithoutTheOptions_OpensTheDefaultStoreInTheWorkingFolder()
    {
        using var output = new StringWriter();
        var context = new CliContext(output, output, workingDirectory: _folder);
        var parsed = CliApp.BuildCommand(context).Parse(["areas"]);

        await using var db = await CommunitySafety.Cli.Commands.Plan.MonitoringStoreAccess.OpenAsync(context, parsed, CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(_folder, MonitoringStoreOptions.DefaultSqliteFile)));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task IndicatorsStatus_Framework_JudgesEachIndicatorAsCsv()
    {
        var (exit, output, error) = await Run("indicators", "status", "--framework", "CDP", "--period", "2024/25", "--format", "csv");

        Assert.True(exit == 0, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Indicator,Title,Period,Value,Lower 95%,Upper 95%,Change on last year %", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("CDP-01,People in drug and alcohol treatment,2024/25,1759,", lines[1], StringComparison.Ordinal);
        Assert.Contains("EXAMPLE data", lines[1], StringComparison.Ordinal);
        Assert.Contains("EXAMPLE data", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndicatorsStatus_UnknownFramework_ExitsNotFound()
    {
        var (exit, _, error) = await Run("indicators", "status", "--framework", "NOPE");

        Assert.Equal(4, exit);
        Assert.Contains("NOPE", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplateThenImport_FilledTemplate_LandsAndBadOneIsRejectedWithCell()
    {
        var template = Path.Combine(_folder, "damf.xlsx");
        var (exit, _, error) = await Run("indicators", "template", "DAMF", "--out", template, "--period", "Q1 2026/27");
        Assert.True(exit == 0, error);

        // Fill the ISVA referrals row (DA-03 is the third indicator) through the library's own reader and writer.
        var filledCsv = Path.Combine(_folder, "filled.csv");
        await File.WriteAllTextAsync(filledCsv, "Indicator code,Period,Count,Note\nDA-03,Q1 2026/27,71,Partner return\n", Encoding.UTF8);
        var badCsv = Path.Combine(_folder, "bad.csv");
        await File.WriteAllTextAsync(badCsv, "Indicator code,Period,Count\nDA-03,Q1 2026/27,seventy\n", Encoding.UTF8);

        var good = await Run("indicators", "import", filledCsv, "--by", "partner");
        var bad = await Run("indicators", "import", badCsv);

        Assert.True(File.Exists(template));
        Assert.True(good.Exit == 0, good.Error);
        Assert.Contains("1 added", good.Out, StringComparison.Ordinal);
        Assert.Equal(3, bad.Exit);
        Assert.Contains("bad.csv row 2, column 3 (Count): 'seventy' is not a number.", bad.Error, StringComparison.Ordinal);
        await using var db = MonitoringDatabase.CreateContext(MonitoringStoreOptions.Sqlite(Db));
        var stored = await db.IndicatorValues.AsNoTracking().SingleAsync(v => v.Indicator!.Code == "DA-03" && v.PeriodStart == new Periods.YearMonth(2026, 4).Index);
        Assert.Equal((71.0, "partner"), (stored.Count!.Value, stored.EnteredBy));
    }

    [Fact]
    public async Task IndicatorsExport_CsvToStdoutAndXlsxToFile_WritesEveryValue()
    {
        var csv = await Run("indicators", "export", "--framework", "YJP");
        var xlsxPath = Path.Combine(_folder, "out", "yjp.xlsx");
        var xlsx = await Run("indicators", "export", "--framework", "YJP", "--out", xlsxPath, "--published");

        Assert.Equal(0, csv.Exit);
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 14 + 4, lines.Length); // 7 years for the area and England, and 4 quarters of Turnaround
        Assert.Contains(lines, l => l.Contains("YJ-01", StringComparison.Ordinal) && l.Contains(",2024,", StringComparison.Ordinal));
        Assert.Equal(0, xlsx.Exit);
        Assert.True(new FileInfo(xlsxPath).Length > 1000);
    }
}

/// <summary>The CLI on the PostgreSQL store, chosen by --monitoring-provider.</summary>
public sealed class PostgreSqlPlanCommandsTests(PostgreSqlFixture fixture) : IClassFixture<PostgreSqlFixture>
{
    [Fact]
    public async Task PlanShow_PostgreSqlProvider_ReadsThePlan()
    {
        await using (var db = fixture.NewContext())
        {
            await DemoPlan.SeedAsync(db);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error);

        var exit = await CliApp.RunAsync(["plan", "show", "--format", "csv", "--monitoring-provider", "postgresql", "--monitoring-db", fixture.Options.ConnectionString], context);

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("Domestic Abuse Monitoring Framework", output.ToString(), StringComparison.Ordinal);
    }
}
