using System.Globalization;
using System.Text;
using CommunitySafety.Data.Tests.Malformed;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Tests.Storage;
using CommunitySafety.Monitoring.ValueImport;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace CommunitySafety.Monitoring.Tests.Malformed;

/// <summary>
/// Fuzzing the indicator CSV importer (the value template and Fingertips exports) with random mutations of valid rows
/// (<see cref="CsvMutations"/>): each input is imported, or rejected with errors naming the file and a row inside it;
/// nothing is thrown, no import hangs, and a rejection writes nothing. A few seconds in CI; CSP_FUZZ_SECONDS for longer.
/// </summary>
public sealed class IndicatorCsvFuzzTests(SqliteFixture fixture, ITestOutputHelper output) : IClassFixture<SqliteFixture>
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Fuzz_IndicatorCsv_ImportedOrRejectedCleanly()
    {
        var options = await fixture.NewDatabaseAsync();
        await using (var db = MonitoringDatabase.CreateContext(options, fixture.Clock))
        {
            await TestPlans.AddFrameworkAsync(db, "FZ");
        }

        var template = new StringBuilder("Indicator code,Area code,Period,Category type,Category,Count,Denominator,Value,Status,Missing reason,Note\n");
        for (var year = 2015; year < 2025; year++)
        {
            for (var q = 1; q <= 4; q++)
            {
                template.Append(CultureInfo.InvariantCulture, $"FZ-{(q % 2 == 0 ? "COUNT" : "RATE")},E06000044,Q{q} {year}/{(year + 1) % 100:00},,,{40 + q},{(q % 2 == 0 ? "" : "\"17,000\"")},,{(q == 4 ? "Provisional" : "Final")},,{(q == 3 ? "\"ISVA referrals, up 21%\"" : "")}\n");
            }
        }

        (string Name, byte[] Bytes)[] seeds =
        [
            ("values.csv", Encoding.UTF8.GetBytes(template.ToString())),
            ("fingertips.csv", CsvMutations.Head(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fingertips_export_sample.csv"), 40)),
        ];

        var budget = CsvMutations.Budget(600);
        CsvMutations.Inputs(seeds.Length).Sample(input =>
        {
            var (name, seed) = seeds[input.Seed];
            var bytes = CsvMutations.Apply(CsvMutations.Head(seed, input.Rows), input);
            var run = Task.Run(() => ImportAsync(options, name, bytes));
            if (!run.Wait(Bound))
            {
                throw new TimeoutException($"no answer within {Bound}");
            }

            var (result, before, after) = run.Result;
            if (result.Succeeded)
            {
                Assert.Equal(before.Values + result.Added, after.Values);
            }
            else
            {
                var lines = CsvMutations.LineCount(bytes);
                Assert.All(result.Errors, e =>
                {
                    Assert.Equal(name, e.File);
                    Assert.InRange(e.Row, 0, lines + 1);
                    Assert.False(string.IsNullOrWhiteSpace(e.Message));
                });
                Assert.Equal(before, after);
            }
        }, writeLine: output.WriteLine, seed: budget.Seed, iter: budget.Iterations, time: budget.Seconds, threads: 1, print: i => i.ToString());
    }

    private async Task<(ImportResult Result, (int Values, int Revisions, int Indicators) Before, (int Values, int Revisions, int Indicators) After)> ImportAsync(
        MonitoringStoreOptions options, string name, byte[] bytes)
    {
        await using var db = MonitoringDatabase.CreateContext(options, fixture.Clock);
        var before = await CountsAsync(db);
        using var stream = new MemoryStream(bytes);
        var result = await new IndicatorValueImporter(db).ImportAsync(stream, name, new ImportOptions("fuzz") { FingertipsFrameworkCode = "FZ" });
        db.ChangeTracker.Clear();
        return (result, before, await CountsAsync(db));
    }

    private static async Task<(int Values, int Revisions, int Indicators)> CountsAsync(MonitoringDbContext db) =>
        (await db.IndicatorValues.CountAsync(), await db.IndicatorValueRevisions.CountAsync(), await db.Indicators.CountAsync());
}
