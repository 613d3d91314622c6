using System.Text.Json;
using CommunitySafety.Cli.Commands.Demo;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Tests.Commands;

public class DemoCommandTests
{
    [Fact]
    public async Task Demo_BuildsStoreWhoseLutonCountsMatchTheRawSampleFiles()
    {
        using var temp = new TempFolder();
        var demo = await CliRunner.RunAsync(temp.Path, "demo");
        Assert.True(demo.ExitCode == 0, demo.ToString());
        Assert.True(File.Exists(Path.Combine(temp.Path, CommonOptions.DefaultStorePath)));
        Assert.Contains("Luton", demo.Out, StringComparison.Ordinal);
        Assert.Contains("of 12 months", demo.Out, StringComparison.Ordinal);

        var zips = Directory.GetFiles(Path.Combine(DemoCommand.DefaultSamplesFolder(), "police"), "*.zip");
        var expected = RawPoliceFile.ReadStreetRowsFromZips(zips, "2024-04", "2025-03")
            .Count(r => r["LSOA name"].StartsWith("Luton ", StringComparison.Ordinal));

        var counts = await CliRunner.RunAsync(temp.Path, "counts", "--area", "Luton", "--by", "total", "--period", "2024/25", "--format", "json");
        Assert.True(counts.ExitCode == 0, counts.ToString());
        using var json = JsonDocument.Parse(counts.Out);
        Assert.Equal(expected, json.RootElement[0].GetProperty("Count").GetInt64());
        Assert.Equal("12 of 12 months", json.RootElement[0].GetProperty("Months with data").GetString());
    }

    [Fact]
    public async Task Demo_ExistingStoreNotMadeByDemo_IsLeftAlone()
    {
        using var temp = new TempFolder();
        var import = await CliRunner.RunAsync(temp.Path, "import", "police", RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv"));
        Assert.Equal(0, import.ExitCode);
        var store = Path.Combine(temp.Path, CommonOptions.DefaultStorePath);
        var before = File.GetLastWriteTimeUtc(store);

        var demo = await CliRunner.RunAsync(temp.Path, "demo");
        Assert.Equal((int)ExitCode.UsageError, demo.ExitCode);
        Assert.Contains("--replace", demo.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.GetLastWriteTimeUtc(store));
    }
}
