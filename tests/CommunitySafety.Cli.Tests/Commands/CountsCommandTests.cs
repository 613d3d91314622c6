using System.Text.Json;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Tests.Commands;

public class CountsCommandTests : IClassFixture<CountsCommandTests.Store>
{
    private readonly Store _store;

    public CountsCommandTests(Store store) => _store = store;

    /// <summary>A store holding one Bedfordshire month, the LAD→CSP→PFA lookup and a population slice.</summary>
    public sealed class Store : IDisposable
    {
        public Store()
        {
            Temp = new TempFolder();
            Run("import", "lookup", RawPoliceFile.Fixture("lookups/LAD17_CSP17_PFA17_lookup.csv"));
            Run("import", "population", RawPoliceFile.Fixture("population/LSOA_population_mid2015_slice.csv"));
            Run("import", "police", RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv"));
        }

        public TempFolder Temp { get; }

        private void Run(params string[] args)
        {
            var result = CliRunner.RunAsync(Temp.Path, args).GetAwaiter().GetResult();
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        public void Dispose() => Temp.Dispose();
    }

    private static List<Dictionary<string, string>> Raw() =>
        RawPoliceFile.ReadFile(RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv"));

    [Fact]
    public async Task Counts_LocalAuthorityByType_MatchesIndependentCountOfRawFile()
    {
        var result = await CliRunner.RunAsync(_store.Temp.Path, "counts", "--area", "Luton", "--by", "type", "--period", "2024-01", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = Raw().Where(r => r["LSOA name"].StartsWith("Luton ", StringComparison.Ordinal))
                            .GroupBy(r => r["Crime type"]).ToDictionary(g => g.Key, g => (long)g.Count());
        using var json = JsonDocument.Parse(result.Out);
        var actual = json.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("Count").ValueKind == JsonValueKind.Number)
            .ToDictionary(r => r.GetProperty("Crime type").GetString()!, r => r.GetProperty("Count").GetInt64());
        Assert.Equal(expected.OrderBy(p => p.Key), actual.Where(p => p.Value > 0).OrderBy(p => p.Key));
    }

    [Fact]
    public async Task Counts_WithPopulation_GivesRateAndLimitsAroundIt()
    {
        var result = await CliRunner.RunAsync(_store.Temp.Path, "counts", "--area", "Luton", "--by", "total", "--period", "2024-01", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var row = json.RootElement[0];
        var rate = row.GetProperty("Rate per 1,000").GetDouble();
        Assert.True(row.GetProperty("Lower 95% limit").GetDouble() < rate);
        Assert.True(row.GetProperty("Upper 95% limit").GetDouble() > rate);
        Assert.Contains("mid-2015", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_ForceVersusArea_SaysWhichBasis()
    {
        var force = await CliRunner.RunAsync(_store.Temp.Path, "counts", "--area", "Bedfordshire Police", "--by", "total");
        var area = await CliRunner.RunAsync(_store.Temp.Path, "counts", "--area", "Luton", "--by", "total");
        Assert.Contains("all records reported by Bedfordshire Police, located or not", force.Out, StringComparison.Ordinal);
        Assert.Contains("records located in Luton", area.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_FinancialYearWithOneMonth_IsPartialWithoutRate()
    {
        var result = await CliRunner.RunAsync(_store.Temp.Path, "counts", "--area", "Luton", "--by", "year", "--period", "2023/24", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var row = json.RootElement[0];
        Assert.Equal("1 of 12 months", row.GetProperty("Months with data").GetString());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("Rate per 1,000").ValueKind);
        Assert.Contains("Partial coverage", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_EnglandAndWales_StatesForceCoverage()
    {
        var result = await CliRunner.RunAsync(_store.Temp.Path, "counts", "--area", "England and Wales", "--by", "total", "--period", "2024-01");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 of 43 forces", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExitCode.NotFound, "--area", "Gotham")]
    [InlineData(ExitCode.UsageError, "--area", "Luton", "--period", "last year")]
    [InlineData(ExitCode.UsageError, "--area", "Luton", "--by", "week")]
    [InlineData(ExitCode.UsageError, "--area", "Luton", "--crime-type", "Cyber crime")]
    public async Task Counts_BadArguments_ExitWithNamedCode(ExitCode expected, params string[] args)
    {
        var result = await CliRunner.RunAsync(_store.Temp.Path, ["counts", .. args]);
        Assert.True((int)expected == result.ExitCode, result.ToString());
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public async Task Counts_NoStore_ExitsNoData()
    {
        using var empty = new TempFolder();
        var result = await CliRunner.RunAsync(empty.Path, "counts", "--area", "Luton");
        Assert.Equal((int)ExitCode.NoData, result.ExitCode);
        Assert.Contains("csp demo", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Areas_ByDefault_ListOnlyAreasWhoseOwnForceHasData_AllListsTheRestAndTheNoteCountsThem()
    {
        // The Bedfordshire file locates a few records in other forces' districts (Milton Keynes, North Hertfordshire, …):
        // their forces have no data here, so by default they are not areas with data.
        var strays = Raw().Select(r => r["LSOA name"]).Where(n => n.Length > 0)
            .Select(n => n[..n.LastIndexOf(' ')]).Distinct().Where(d => d is not ("Luton" or "Bedford" or "Central Bedfordshire")).ToList();
        Assert.Contains("Milton Keynes", strays);

        var listed = await CliRunner.RunAsync(_store.Temp.Path, "areas", "--format", "json");
        var all = await CliRunner.RunAsync(_store.Temp.Path, "areas", "--all", "--format", "json");

        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.True(all.ExitCode == 0, all.ToString());
        static List<(string Name, string Type, string Coverage)> Rows(string json)
        {
            using var doc = JsonDocument.Parse(json);
            return [.. doc.RootElement.EnumerateArray().Select(r => (r.GetProperty("Name").GetString()!, r.GetProperty("Type").GetString()!, r.GetProperty("Coverage").GetString()!))];
        }

        var defaults = Rows(listed.Out);
        var everything = Rows(all.Out);
        Assert.Contains(("Luton", "local authority", "1 month"), defaults);
        Assert.Contains(defaults, r => r.Type == "England and Wales" && r.Coverage == "partial: 1 of 43 forces");
        Assert.DoesNotContain(defaults, r => strays.Contains(r.Name));
        foreach (var stray in strays.Where(s => s != "Craven")) // Craven is no district today (North Yorkshire since 2023)
        {
            Assert.Contains(everything, r => r.Name == stray && r.Type == "local authority" && r.Coverage.StartsWith("only records reported by another force", StringComparison.Ordinal));
        }

        var left = everything.Count - defaults.Count;
        Assert.True(left >= strays.Count - 1, $"{left} left out");
        Assert.Contains($"Left out: {left} area(s)", listed.Error + listed.Out, StringComparison.Ordinal);
    }
}
