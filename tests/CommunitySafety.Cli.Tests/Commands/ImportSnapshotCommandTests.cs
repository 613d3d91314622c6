using System.Text.Json;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Cli.Tests.Commands;

/// <summary><c>csp import … --snapshot</c>: imports published as snapshots, read by the other commands; one writer at a time.</summary>
public sealed class ImportSnapshotCommandTests : IDisposable
{
    private static readonly string Bedfordshire = RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv");
    private static readonly string Hampshire = RawPoliceFile.Fixture("police/hampshire/2024-01-hampshire-street.csv");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Store => _temp.File("data/csp.duckdb");

    private async Task<long?> ForceTotalAsync(string force)
    {
        var result = await CliRunner.RunAsync(_temp.Path, "counts", "--area", force, "--by", "total", "--period", "2024-01", "--include-asb", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var count = json.RootElement[0].GetProperty("Count");
        return count.ValueKind == JsonValueKind.Null ? null : count.GetInt64();
    }

    [Fact]
    public async Task Import_WithSnapshot_PublishesIt_LaterImportsPublishToo_AndReadingCommandsReadIt()
    {
        var first = await CliRunner.RunAsync(_temp.Path, "import", "police", Bedfordshire, "--snapshot");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Published snapshot", first.Error, StringComparison.Ordinal);
        Assert.True(StoreSnapshots.IsPublished(Store));
        Assert.False(File.Exists(Store));
        Assert.Equal(RawPoliceFile.ReadFile(Bedfordshire).Count, await ForceTotalAsync("Bedfordshire"));

        // No --snapshot needed once the store publishes them.
        var second = await CliRunner.RunAsync(_temp.Path, "import", "police", Hampshire);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Published snapshot", second.Error, StringComparison.Ordinal);
        Assert.Equal(RawPoliceFile.ReadFile(Hampshire).Count, await ForceTotalAsync("Hampshire"));
        Assert.Equal(2, Directory.GetFiles(StoreSnapshots.Folder(Store)).Length);

        var areas = await CliRunner.RunAsync(_temp.Path, "areas", "--format", "csv");
        Assert.True(areas.ExitCode == 0, areas.ToString());
        Assert.Contains("Hampshire", areas.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhileAnotherWriterHoldsTheStore_ExitsStoreBusyWithAClearMessage_ThenWorks()
    {
        using (StoreWriterLock.Acquire(Store))
        {
            var busy = await CliRunner.RunAsync(_temp.Path, "import", "police", Bedfordshire, "--snapshot");
            Assert.Equal((int)ExitCode.StoreBusy, busy.ExitCode);
            Assert.Contains("is being written by another import", busy.Error, StringComparison.Ordinal);
            Assert.Contains("wait for that import to finish", busy.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", busy.Error, StringComparison.Ordinal);
        }

        var retry = await CliRunner.RunAsync(_temp.Path, "import", "police", Bedfordshire, "--snapshot");
        Assert.True(retry.ExitCode == 0, retry.ToString());
        Assert.Equal(RawPoliceFile.ReadFile(Bedfordshire).Count, await ForceTotalAsync("Bedfordshire"));
    }

    [Fact]
    public async Task Import_WithSnapshot_OneFileRejected_TheGoodFileIsPublishedAsInPlace()
    {
        var lines = File.ReadAllLines(Hampshire).Take(20).ToArray();
        lines[4] = lines[4].Replace(",2024-01,", ",2024-13,", StringComparison.Ordinal);
        var bad = _temp.File("2024-01-hampshire-street.csv");
        File.WriteAllLines(bad, lines);

        var result = await CliRunner.RunAsync(_temp.Path, "import", "police", Bedfordshire, bad, "--snapshot");
        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        Assert.Contains("2024-01-hampshire-street.csv:5", result.Error, StringComparison.Ordinal);
        Assert.Contains("Published snapshot", result.Error, StringComparison.Ordinal);
        Assert.Equal(RawPoliceFile.ReadFile(Bedfordshire).Count, await ForceTotalAsync("Bedfordshire"));
        Assert.Null(await ForceTotalAsync("Hampshire"));
    }
}
