using System.Text;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.ValueImport;
using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.Features.Indicators;

/// <summary>The values CSV download writes formula-like text with a leading apostrophe (Core/Exports/SpreadsheetSafety); numbers stay numbers.</summary>
public sealed class CsvDownloadInjectionTests(SqliteWebFactory factory) : IClassFixture<SqliteWebFactory>
{
    [Fact]
    public async Task ValuesCsv_FormulaInMissingReasonAndEnteredBy_GetsApostrophe()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            // A past period with no demo value (a future one is refused by the reporting period rule).
            var csv = "Indicator code,Period,Value,Missing reason\nDA-02,Q1 2015/16,,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n";
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
            var result = await new IndicatorValueImporter(db).ImportAsync(stream, "values.csv", new ImportOptions("@SUM(1+1)*cmd|' /C calc'!A0"));
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        }

        using var response = await factory.ClientAs(Roles.BoardMember).GetAsync(new Uri("/api/indicators/DA-02/values.csv", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        var row = Assert.Single(lines, l => l.Contains("Q1 2015/16", StringComparison.Ordinal));
        Assert.EndsWith(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(1+1)*cmd|' /C calc'!A0", row, StringComparison.Ordinal);
        // The demo's values are still plain numbers.
        Assert.Contains(lines.Skip(1), l => l.Split(',')[3] is { Length: > 0 } value && double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _));
    }
}
