using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using CommunitySafety.Cli.Commands.Demo;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Tests.Commands;

/// <summary><c>csp outcomes</c> and <c>csp stop-search</c> on real files, against counts of the raw CSVs.</summary>
public class OutcomesAndStopSearchCommandTests : IClassFixture<OutcomesAndStopSearchCommandTests.Store>
{
    private static readonly string Archive = Path.Combine(DemoCommand.DefaultSamplesFolder(), "police", "bedfordshire-outcomes-stop-search-2021-2024.zip");
    private readonly Store _store;

    public OutcomesAndStopSearchCommandTests(Store store) => _store = store;

    /// <summary>A store holding one Bedfordshire street month, the lookup, and the shipped stop-and-search and outcomes archive.</summary>
    public sealed class Store : IDisposable
    {
        public Store()
        {
            Temp = new TempFolder();
            Run("import", "lookup", RawPoliceFile.Fixture("lookups/LAD17_CSP17_PFA17_lookup.csv"));
            Run("import", "police", RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv"));
            Run("import", "police", Archive);
        }

        public TempFolder Temp { get; }

        private void Run(params string[] args)
        {
            var result = CliRunner.RunAsync(Temp.Path, args).GetAwaiter().GetResult();
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        public void Dispose() => Temp.Dispose();
    }

    private static List<Dictionary<string, string>> RawSearches(string first, string last)
    {
        var rows = new List<Dictionary<string, string>>();
        using var zip = ZipFile.OpenRead(Archive);
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith("-stop-and-search.csv", StringComparison.Ordinal)
                     && string.CompareOrdinal(e.Name[..7], first) >= 0 && string.CompareOrdinal(e.Name[..7], last) <= 0))
        {
            using var reader = new StreamReader(entry.Open());
            rows.AddRange(RawPoliceFile.Rows(reader));
        }

        return rows;
    }

    [Fact]
    public async Task Outcomes_ForceOneMonth_JsonSharesEqualTheRawFile_AndNotesGoToStandardError()
    {
        var result = await CliRunner.RunAsync(_store.Temp.Path, "outcomes", "--area", "Bedfordshire Police", "--year", "2023/24", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var raw = RawPoliceFile.ReadFile(RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv"))
            .Where(r => r["Crime type"] != "Anti-social behaviour").ToList();

        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("Outcome group").GetString()!);
        Assert.Equal(raw.Count, rows["All crimes"].GetProperty("Crimes").GetInt64());
        Assert.Equal(raw.Count(r => r["Last outcome category"] == "Investigation complete; no suspect identified"), rows["No suspect identified"].GetProperty("Crimes").GetInt64());
        Assert.Equal(raw.Count(r => r["Last outcome category"] == "Unable to prosecute suspect") * 100.0 / raw.Count,
            rows["Unable to prosecute (evidential difficulties)"].GetProperty("Share %").GetDouble(), 10);
        Assert.Equal("2023/24 (1 of 12 months)", rows["Charged or summonsed"].GetProperty("Period").GetString());
        Assert.Contains("No comparison with 2022/23", result.Error, StringComparison.Ordinal);
        Assert.Contains("Open Government Licence v3.0", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopSearch_Force2023To24_CountsByEthnicityEqualTheRawFiles_WithRatiosAndTheirSource()
    {
        var result = await CliRunner.RunAsync(_store.Temp.Path, "stop-search", "--force", "Bedfordshire", "--year", "2023/24", "--format", "csv");
        Assert.True(result.ExitCode == 0, result.ToString());
        var raw = RawSearches("2023-04", "2024-03");
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        string[] Row(string definition, string group) => lines.Single(l => l.StartsWith($"{definition},{group},", StringComparison.Ordinal)).Split(',');
        var black = Row("officer-defined", "Black");
        Assert.Equal(raw.Count(r => r["Officer-defined ethnicity"] == "Black"), long.Parse(black[3], CultureInfo.InvariantCulture));
        var selfBlack = Row("self-defined", "Black");
        Assert.Equal(raw.Count(r => r["Self-defined ethnicity"].StartsWith("Black/", StringComparison.Ordinal)), long.Parse(selfBlack[3], CultureInfo.InvariantCulture));
        Assert.Equal("39601", selfBlack[4]);
        Assert.Equal("12.2", selfBlack[11]);
        Assert.Contains("Census 2021", result.Error, StringComparison.Ordinal);
        Assert.Contains("Period: 2023/24 (April 2023 to March 2024); 12 of 12 months imported.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopSearch_AreaByMonth_CountsEachMonthsFile_AndSaysTheFiguresAreTheForces()
    {
        var result = await CliRunner.RunAsync(_store.Temp.Path, "stop-search", "--area", "Luton", "--year", "2023/24", "--by", "month", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var byMonth = json.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("Month").GetString()!, r => r.GetProperty("Searches").GetInt64());

        Assert.Equal(RawSearches("2023-07", "2023-07").Count, byMonth["2023-07"]);
        Assert.Equal(RawSearches("2023-04", "2024-03").Count, byMonth["All searches"]);
        Assert.Contains("Luton's figures are its force's", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopSearch_NeitherAreaNorForce_IsAUsageError()
    {
        var result = await CliRunner.RunAsync(_store.Temp.Path, "stop-search", "--year", "2023/24");
        Assert.Equal((int)ExitCode.UsageError, result.ExitCode);
        Assert.Contains("Give one of --area or --force", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outcomes_AYearWithNoRecords_ExitsWithNoDataAndSaysWhatToImport()
    {
        var result = await CliRunner.RunAsync(_store.Temp.Path, "outcomes", "--area", "Bedfordshire Police", "--year", "2019/20");
        Assert.Equal((int)ExitCode.NoData, result.ExitCode);
        Assert.Contains("import the police.uk street files for 2019/20", result.Error, StringComparison.Ordinal);
    }
}
