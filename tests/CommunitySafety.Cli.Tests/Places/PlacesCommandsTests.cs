using System.Text.Json;
using CommunitySafety.Cli.Commands.Demo;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Tests.Places;

/// <summary><c>csp deprivation</c>, <c>csp places</c>, <c>csp asb</c>, <c>csp profile</c> and the anti-social behaviour rule of <c>csp counts</c>, on the shipped samples.</summary>
public sealed class PlacesCommandsTests(PlacesCommandsTests.Store store) : IClassFixture<PlacesCommandsTests.Store>
{
    /// <summary>A store of the samples the analyses need, imported through the CLI.</summary>
    public sealed class Store : IDisposable
    {
        public Store()
        {
            Temp = new TempFolder();
            var samples = DemoCommand.DefaultSamplesFolder();
            foreach (var lookup in new[] { "lookup_lsoa11_lsoa21_ltla22_bedfordshire_hampshire.csv", "lookup_lsoa21_ward24_ltla24_bedfordshire_hampshire.csv", "lookup_ltla24_csp24_pfa24.csv", "lookup_ltla_ltla.csv" })
            {
                Run("import", "lookup", Path.Combine(samples, "lookups", lookup));
            }

            Run("import", "population", Path.Combine(samples, "population", "census2021_lsoa21_usual_residents_6age_bedfordshire_hampshire.csv"));
            Run("import", "population", Path.Combine(samples, "population", "mye24tablesew_MYE2_persons.csv"));
            Run("import", "deprivation", Path.Combine(samples, "deprivation", "imd2025_england_lsoa21_bedfordshire_hampshire.csv"));
            Run("import", "deprivation", Path.Combine(samples, "deprivation", "imd2019_england_lsoa11_bedfordshire_hampshire.csv"));
            Run("import", "police", Path.Combine(samples, "police", "bedfordshire-2018-2025.zip"));
            Zip = Path.Combine(samples, "police", "bedfordshire-2018-2025.zip");
        }

        public TempFolder Temp { get; }

        public string Zip { get; }

        private void Run(params string[] args)
        {
            var result = CliRunner.RunAsync(Temp.Path, args).GetAwaiter().GetResult();
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        public void Dispose() => Temp.Dispose();
    }

    [Fact]
    public async Task Counts_LeaveAsbOutOfTotalsByDefault_AndSaySo_IncludeAsbPutsItBack()
    {
        var raw = RawPoliceFile.ReadStreetRowsFromZips([store.Zip], "2025-01", "2025-01").Where(r => r["LSOA name"].StartsWith("Luton ", StringComparison.Ordinal)).ToList();
        var without = await CliRunner.RunAsync(store.Temp.Path, "counts", "--area", "Luton", "--by", "total", "--period", "2025-01", "--format", "json");
        var with = await CliRunner.RunAsync(store.Temp.Path, "counts", "--area", "Luton", "--by", "total", "--period", "2025-01", "--include-asb", "--format", "json");
        Assert.True(without.ExitCode == 0, without.ToString());
        using (var json = JsonDocument.Parse(without.Out))
        {
            Assert.Equal(raw.Count(r => r["Crime type"] != "Anti-social behaviour"), json.RootElement[0].GetProperty("Count").GetInt64());
        }

        using (var json = JsonDocument.Parse(with.Out))
        {
            Assert.Equal(raw.Count, json.RootElement[0].GetProperty("Count").GetInt64());
        }

        var asb = raw.Count(r => r["Crime type"] == "Anti-social behaviour");
        Assert.Contains($"Anti-social behaviour is not included: it is not a crime ({asb:N0} incidents in these months; add --include-asb", without.Error, StringComparison.Ordinal);
        Assert.Contains("Anti-social behaviour is included in these counts, as asked (--include-asb)", with.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deprivation_Json_DecileCrimesAddUpToLutonsCrimeInLsoasWithADecile()
    {
        var result = await CliRunner.RunAsync(store.Temp.Path, "deprivation", "--area", "Luton", "--period", "2024/25", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var raw = RawPoliceFile.ReadStreetRowsFromZips([store.Zip], "2024-04", "2025-03")
            .Count(r => r["LSOA name"].StartsWith("Luton ", StringComparison.Ordinal) && r["Crime type"] != "Anti-social behaviour");
        Assert.Equal(raw, json.RootElement.EnumerateArray().Sum(r => r.GetProperty("Crimes").GetInt64()));
        Assert.Equal("1 (most deprived)", json.RootElement[0].GetProperty("Decile").GetString());
        Assert.Contains("English Indices of Deprivation 2025 (MHCLG) is used because it is published on 2021 LSOAs", result.Error, StringComparison.Ordinal);
        Assert.Contains("Gini coefficient", result.Error, StringComparison.Ordinal);

        var lorenz = await CliRunner.RunAsync(store.Temp.Path, "deprivation", "--area", "Luton", "--period", "2024/25", "--show", "lorenz", "--format", "csv");
        Assert.True(lorenz.ExitCode == 0, lorenz.ToString());
        Assert.Equal(127, lorenz.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Places_And_Asb_PrintTheirFindingsAndTheSnappingCaveat()
    {
        var places = await CliRunner.RunAsync(store.Temp.Path, "places", "--area", "Luton", "--period", "2025", "--top", "5", "--format", "csv");
        Assert.True(places.ExitCode == 0, places.ToString());
        Assert.Equal(6, places.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Persistence:", places.Error, StringComparison.Ordinal);
        Assert.Contains("not an address", places.Error, StringComparison.Ordinal);

        var asb = await CliRunner.RunAsync(store.Temp.Path, "asb", "--area", "Luton", "--period", "2025", "--format", "json");
        Assert.True(asb.ExitCode == 0, asb.ToString());
        using var json = JsonDocument.Parse(asb.Out);
        var raw = RawPoliceFile.ReadStreetRowsFromZips([store.Zip], "2025-01", "2025-12")
            .Count(r => r["LSOA name"].StartsWith("Luton ", StringComparison.Ordinal) && r["Crime type"] == "Anti-social behaviour");
        Assert.Equal(raw, json.RootElement[0].GetProperty("Incidents").GetInt64());
        Assert.Contains("ONS mid-2024 population estimates", asb.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_Ward_WritesTheOnePageReport_AndAFileOfLsoasWithABadLineIsRefused()
    {
        var result = await CliRunner.RunAsync(store.Temp.Path, "profile", "--ward", "South, Luton", "--report", "south.html", "--report", "south.docx");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Crime (anti-social behaviour not included)", result.Out, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(store.Temp.Path, "south.html"));
        Assert.Contains("Ward profile: South (Luton), January 2025 to December 2025", html, StringComparison.Ordinal);
        Assert.Contains("Census 2021 usual residents", html, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(store.Temp.Path, "south.docx")).Length > 1000);

        File.WriteAllLines(Path.Combine(store.Temp.Path, "hub.txt"), ["E01015792", "E0101579"]);
        var bad = await CliRunner.RunAsync(store.Temp.Path, "profile", "--lsoas", "hub.txt");
        Assert.Equal((int)ExitCode.InvalidInput, bad.ExitCode);
        Assert.Contains("hub.txt", bad.Error, StringComparison.Ordinal);
        Assert.Contains("'E0101579' is not an LSOA code", bad.Error, StringComparison.Ordinal);

        var neither = await CliRunner.RunAsync(store.Temp.Path, "profile");
        Assert.Equal((int)ExitCode.UsageError, neither.ExitCode);
    }
}
