using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Tests.Hotspots;

public class HotspotsCommandTests : IClassFixture<HotspotsCommandTests.Store>
{
    private const string Violence = "Violence and sexual offences";
    private readonly Store _store;

    public HotspotsCommandTests(Store store) => _store = store;

    /// <summary>A store holding one real Bedfordshire month and the LAD→CSP→PFA lookup.</summary>
    public sealed class Store : IDisposable
    {
        public Store()
        {
            Temp = new TempFolder();
            foreach (var args in new[]
            {
                new[] { "import", "lookup", RawPoliceFile.Fixture("lookups/LAD17_CSP17_PFA17_lookup.csv") },
                new[] { "import", "police", RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv") },
            })
            {
                var result = CliRunner.RunAsync(Temp.Path, args).GetAwaiter().GetResult();
                Assert.True(result.ExitCode == 0, result.ToString());
            }
        }

        public TempFolder Temp { get; }

        public void Dispose() => Temp.Dispose();
    }

    private static int LocatedLutonRows(string? crimeType) =>
        RawPoliceFile.ReadFile(RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv"))
            .Count(r => r["LSOA name"].StartsWith("Luton ", StringComparison.Ordinal)
                        && r["Longitude"].Length > 0
                        && (crimeType is null || r["Crime type"] == crimeType));

    [Fact]
    public async Task Hotspots_CountsToCsv_CellsAddUpToLocatedRecordsOfTheRawFile()
    {
        var csv = _store.Temp.File("violence-cells.csv");
        var result = await CliRunner.RunAsync(_store.Temp.Path, "hotspots", "--area", "Luton", "--period", "2024-01", "--crime-type", Violence, "--out", csv);
        Assert.True(result.ExitCode == 0, result.ToString());

        var lines = File.ReadAllLines(csv);
        var countColumn = Array.IndexOf(lines[0].Split(','), "count");
        Assert.True(countColumn >= 0, lines[0]);
        var total = lines.Skip(1).Sum(l => long.Parse(l.Split(',')[countColumn], CultureInfo.InvariantCulture));
        Assert.Equal(LocatedLutonRows(Violence), total);
    }

    [Fact]
    public async Task Hotspots_GiStarToSvg_WritesAccessibleMap()
    {
        var svg = _store.Temp.File("map.svg");
        var result = await CliRunner.RunAsync(_store.Temp.Path, "hotspots", "--area", "Luton", "--period", "2024-01", "--method", "gistar", "--out", svg);
        Assert.True(result.ExitCode == 0, result.ToString());

        var doc = XDocument.Load(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", doc.Root!.Name);
        Assert.False(string.IsNullOrWhiteSpace(doc.Root.Element(ns + "title")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(doc.Root.Element(ns + "desc")?.Value));
        Assert.Contains("Open Government Licence", doc.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hotspots_KdeToGeoJson_WritesFeatureCollectionOfCells()
    {
        var path = _store.Temp.File("cells.geojson");
        var result = await CliRunner.RunAsync(_store.Temp.Path, "hotspots", "--area", "Luton", "--period", "2024-01", "--method", "kde", "--out", path);
        Assert.True(result.ExitCode == 0, result.ToString());

        using var json = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal("FeatureCollection", json.RootElement.GetProperty("type").GetString());
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        Assert.All(features, f => Assert.Equal("Polygon", f.GetProperty("geometry").GetProperty("type").GetString()));
    }

    [Theory]
    [InlineData(ExitCode.NotFound, "--area", "Gotham", "--period", "2024-01", "--out", "x.svg")]
    [InlineData(ExitCode.UsageError, "--area", "Luton", "--period", "2024-01", "--method", "magic", "--out", "x.svg")]
    [InlineData(ExitCode.UsageError, "--area", "Luton", "--period", "2024-01", "--out", "x.png")]
    public async Task Hotspots_BadArguments_ExitWithNamedCode(ExitCode expected, params string[] args)
    {
        var result = await CliRunner.RunAsync(_store.Temp.Path, ["hotspots", .. args]);
        Assert.True((int)expected == result.ExitCode, result.ToString());
        Assert.NotEmpty(result.Error);
    }
}
