using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Tests.Commands;

/// <summary><c>csp import police --counts-only</c>: the same counts as a full import, and hot spots say the records are not there.</summary>
public sealed class ImportCountsOnlyCommandTests : IDisposable
{
    private readonly TempFolder _full = new();
    private readonly TempFolder _counts = new();

    public void Dispose()
    {
        _full.Dispose();
        _counts.Dispose();
    }

    [Fact]
    public async Task ImportCountsOnly_CountsAsFullImport_HotspotsExplainTheyNeedTheRecords()
    {
        var file = RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv");
        var full = await CliRunner.RunAsync(_full.Path, "import", "police", file);
        var counts = await CliRunner.RunAsync(_counts.Path, "import", "police", "--counts-only", file);
        Assert.True(full.ExitCode == 0, full.ToString());
        Assert.True(counts.ExitCode == 0, counts.ToString());

        var fullCounts = await CliRunner.RunAsync(_full.Path, "counts", "--area", "Bedfordshire", "--period", "2024-01", "--by", "type", "--format", "csv");
        var countsCounts = await CliRunner.RunAsync(_counts.Path, "counts", "--area", "Bedfordshire", "--period", "2024-01", "--by", "type", "--format", "csv");
        Assert.True(fullCounts.ExitCode == 0, fullCounts.ToString());
        Assert.Equal(fullCounts.Out, countsCounts.Out);

        var hotspots = await CliRunner.RunAsync(_counts.Path, "hotspots", "--area", "Bedfordshire", "--period", "2024-01", "--out", _counts.File("map.svg"));
        Assert.Equal((int)ExitCode.NoData, hotspots.ExitCode);
        Assert.Contains("only monthly counts", hotspots.Error, StringComparison.Ordinal);
        Assert.Contains("--counts-only", hotspots.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_counts.File("map.svg")));
    }
}
