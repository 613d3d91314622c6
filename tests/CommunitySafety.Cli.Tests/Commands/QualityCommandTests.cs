using System.IO.Compression;
using System.Text.Json;
using CommunitySafety.Cli.Commands.Demo;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Deprivation;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Cli.Tests.Commands;

/// <summary>
/// <c>csp quality</c> on the demo store (built here from samples/ as <c>csp demo</c> builds it, without its reports) after a
/// doctored copy of Bedfordshire's real June 2025 (violence doubled; scored against its 18 months before) is imported: the import summary, the report in
/// each format, the notes beside <c>csp counts</c>, and an acknowledgement.
/// </summary>
public sealed class QualityCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _store;
    private readonly string _doctored;
    private readonly long _violence;

    public QualityCommandTests()
    {
        _store = _temp.File("csp.duckdb");
        var samples = DemoCommand.DefaultSamplesFolder();
        using (var store = AnalyticalStore.Open(_store))
        {
            foreach (var name in DemoCommand.DemoLookups)
            {
                new LookupImporter(store).Import(Path.Combine(samples, "lookups", name));
            }

            foreach (var name in DemoCommand.DemoPopulation)
            {
                new PopulationImporter(store).Import(Path.Combine(samples, "population", name));
            }

            foreach (var index in Directory.GetFiles(Path.Combine(samples, "deprivation"), "*.csv"))
            {
                new DeprivationImporter(store).Import(index);
            }

            new PoliceImporter(store).Import(Directory.GetFiles(Path.Combine(samples, "police"), "*.zip"));
        }

        using var zip = ZipFile.OpenRead(Path.Combine(samples, "police", "bedfordshire-2018-2025.zip"));
        using var reader = new StreamReader(zip.GetEntry("2025-06/2025-06-bedfordshire-street.csv")!.Open());
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        _violence = lines.Count(l => l.Contains(",Violence and sexual offences,", StringComparison.Ordinal));
        _doctored = _temp.File("2025-06-bedfordshire-street.csv");
        File.WriteAllLines(_doctored, [lines[0], .. lines.Skip(1).SelectMany(l => l.Contains(",Violence and sexual offences,", StringComparison.Ordinal) ? new[] { l, l } : [l])]);
    }

    public void Dispose() => _temp.Dispose();

    private const string Id = "bedfordshire/2025-06/crime-type/violence-and-sexual-offences";

    private Task<CliResult> Csp(params string[] args) => CliRunner.RunAsync(_temp.Path, ["--store", _store, .. args]);

    [Fact]
    public async Task DemoStore_NoFlagsOnItsRealMonths()
    {
        var result = await Csp("quality", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var crimeType = json.RootElement.EnumerateArray().Where(f => f.GetProperty("Check").GetString() == "crime-type").Select(f => f.GetProperty("Id").GetString()).ToList();
        // Bedfordshire's real months: nothing. Hampshire's sample has one real finding: its anti-social behaviour fell from
        // about 4,400 a month to 842 in December 2018 (police.uk's own file), and stayed there.
        Assert.Equal(["hampshire/2018-12/crime-type/anti-social-behaviour"], crimeType);
    }

    [Fact]
    public async Task DoctoredMonth_FlaggedInImportSummary_Quality_AndBesideCounts_ThenAcknowledged()
    {
        var import = await Csp("import", "police", _doctored);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("Data quality: 2 flag(s) on the months imported", import.Error, StringComparison.Ordinal);
        Assert.Contains($"  {Id}: Violence and sexual offences: {2 * _violence:N0} records in June 2025", import.Error, StringComparison.Ordinal);
        Assert.Contains("bedfordshire/2025-06/republished", import.Error, StringComparison.Ordinal);

        var table = await Csp("quality", "--force", "bedfordshire");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("2 flag(s), 2 not acknowledged", table.Out, StringComparison.Ordinal);
        Assert.Contains("modified z-score (Iglewicz and Hoaglin)", table.Out, StringComparison.Ordinal);

        var csv = await Csp("quality", "--format", "csv");
        var row = Assert.Single(csv.Out.Split('\n'), l => l.StartsWith(Id + ",", StringComparison.Ordinal));
        Assert.StartsWith($"{Id},Bedfordshire Police,2025-06,crime-type,Violence and sexual offences,{2 * _violence},", row, StringComparison.Ordinal);

        // Luton is in Bedfordshire: its counts over the months held (to December 2025) carry the flag beside them.
        var counts = await Csp("counts", "--area", "Luton", "--by", "year");
        Assert.True(counts.ExitCode == 0, counts.ToString());
        Assert.Contains($"Data-quality flag on a month used here: Bedfordshire Police 2025-06 — Violence and sexual offences: {2 * _violence:N0} records", counts.Out + counts.Error, StringComparison.Ordinal);
        var before = await Csp("counts", "--area", "Luton", "--by", "year", "--period", "2023/24");
        Assert.DoesNotContain("Data-quality flag", before.Out + before.Error, StringComparison.Ordinal);

        // The assessment of 2025/26 (its trend runs from the baseline year to it) says so after its tables.
        var assess = await Csp("assess", "--area", "Luton", "--year", "2025/26");
        Assert.True(assess.ExitCode == 0, assess.ToString());
        Assert.Contains($"Data-quality flag on a month used here: Bedfordshire Police 2025-06 — Violence and sexual offences: {2 * _violence:N0} records", assess.Error, StringComparison.Ordinal);

        var ack = await Csp("quality", "acknowledge", Id, "--reason", "doctored on purpose for this test", "--by", "tester");
        Assert.True(ack.ExitCode == 0, ack.ToString());
        Assert.Contains($"Acknowledged {Id} (Bedfordshire Police 2025-06, crime-type: Violence and sexual offences) by tester: doctored on purpose for this test", ack.Error, StringComparison.Ordinal);

        var json = await Csp("quality", "--format", "json");
        using var doc = JsonDocument.Parse(json.Out);
        var flag = Assert.Single(doc.RootElement.EnumerateArray(), f => f.GetProperty("Id").GetString() == Id);
        Assert.EndsWith("UTC by tester: doctored on purpose for this test", flag.GetProperty("Acknowledged").GetString(), StringComparison.Ordinal);
        var open = await Csp("quality", "--open", "--format", "json");
        using var openDoc = JsonDocument.Parse(open.Out);
        Assert.DoesNotContain(openDoc.RootElement.EnumerateArray(), f => f.GetProperty("Id").GetString() == Id);
        var after = await Csp("counts", "--area", "Luton", "--by", "year");
        Assert.Contains("1 acknowledged data-quality flag(s) on months used here", after.Out + after.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledge_UnknownId_NotFound()
    {
        var result = await Csp("quality", "acknowledge", "bedfordshire/2025-06/crime-type/jaywalking", "--reason", "x");

        Assert.True(result.ExitCode == (int)ExitCode.NotFound, result.ToString());
        Assert.Contains("No data-quality flag has the id 'bedfordshire/2025-06/crime-type/jaywalking'", result.Error, StringComparison.Ordinal);
    }
}
