using System.IO.Compression;
using System.Text.Json;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Tests.Download;

namespace CommunitySafety.Cli.Tests.Download;

/// <summary><c>csp download police</c> end to end against a loopback server serving a police.uk-style archive.</summary>
public sealed class DownloadCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Bedfordshire => RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv");

    private static string Hampshire => RawPoliceFile.Fixture("police/hampshire/2024-01-hampshire-street.csv");

    /// <summary>An archive as police.uk lays it out: two forces' January 2024.</summary>
    private static byte[] Archive()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, file) in new[] { ("2024-01/2024-01-bedfordshire-street.csv", Bedfordshire), ("2024-01/2024-01-hampshire-street.csv", Hampshire) })
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(File.ReadAllBytes(file));
            }
        }

        return memory.ToArray();
    }

    private async Task<long> ForceRecordsAsync(string force)
    {
        var areas = await CliRunner.RunAsync(_temp.Path, "areas", "--format", "json");
        Assert.True(areas.ExitCode == 0, areas.ToString());
        using var json = JsonDocument.Parse(areas.Out);
        return json.RootElement.EnumerateArray().Where(r => r.GetProperty("Name").GetString() == force).Select(r => r.GetProperty("Records").GetInt64()).SingleOrDefault();
    }

    [Fact]
    public async Task DownloadPolice_OneForce_FetchesTheMonthsArchiveAndImportsOnlyThatForce_AfterADroppedConnection()
    {
        var archive = Archive();
        await using var server = new LoopbackHttpServer((request, n, stream) => request.Path == "/data/archive/2024-01.zip"
            ? LoopbackHttpServer.ServeAsync(stream, request, archive, sendAtMost: n == 0 ? archive.Length / 3 : null)
            : LoopbackHttpServer.NotFoundAsync(stream));

        var result = await CliRunner.RunAsync(_temp.Path, "download", "police", "--force", "Bedfordshire", "--from", "2024-01", "--to", "2024-01", "--base-url", server.BaseUrl.ToString());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([null, archive.Length / 3], server.Requests.Select(r => r.RangeFrom));
        Assert.Equal(RawPoliceFile.ReadFile(Bedfordshire).Count, await ForceRecordsAsync("Bedfordshire Police"));
        Assert.Equal(0, await ForceRecordsAsync("Hampshire Constabulary"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_temp.Path, "data", "downloads"), "*", SearchOption.AllDirectories)); // archive and extract removed

        // Again: the month is replaced, never double-counted.
        var again = await CliRunner.RunAsync(_temp.Path, "download", "police", "--force", "bedfordshire", "--from", "2024-01", "--to", "2024-01", "--base-url", server.BaseUrl.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(RawPoliceFile.ReadFile(Bedfordshire).Count, await ForceRecordsAsync("Bedfordshire Police"));
    }

    [Fact]
    public async Task DownloadPolice_MonthNotYetPublished_ExitsNotFoundInOneSentence_AndCreatesNoStore()
    {
        await using var server = new LoopbackHttpServer((_, _, stream) => LoopbackHttpServer.NotFoundAsync(stream));

        var result = await CliRunner.RunAsync(_temp.Path, "download", "police", "--force", "all", "--from", "2099-01", "--to", "2099-01", "--base-url", server.BaseUrl.ToString());

        Assert.Equal((int)ExitCode.NotFound, result.ExitCode);
        Assert.Contains($"error: {server.BaseUrl}data/archive/2099-01.zip is not published (404 Not Found).", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "data", "csp.duckdb")));
    }

    [Fact]
    public async Task DownloadPolice_Offline_ExitsDownloadFailedInOneSentence()
    {
        var url = LoopbackHttpServer.ClosedPort();

        var result = await CliRunner.RunAsync(_temp.Path, "download", "police", "--force", "Bedfordshire", "--from", "2024-01", "--to", "2024-01", "--base-url", url.ToString());

        Assert.Equal((int)ExitCode.DownloadFailed, result.ExitCode);
        Assert.Contains($"error: Could not reach {url.GetLeftPart(UriPartial.Authority)}: the connection was refused.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadPolice_TruncatedArchive_IsRefusedDeletedAndNothingImported()
    {
        var archive = Archive()[..2000]; // served whole, but the file itself is cut short
        await using var server = new LoopbackHttpServer((request, _, stream) => LoopbackHttpServer.ServeAsync(stream, request, archive));

        var result = await CliRunner.RunAsync(_temp.Path, "download", "police", "--force", "Bedfordshire", "--from", "2024-01", "--to", "2024-01", "--base-url", server.BaseUrl.ToString());

        Assert.Equal((int)ExitCode.DownloadFailed, result.ExitCode);
        Assert.Contains("is not a readable zip archive", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "data", "downloads", "police-archive-2024-01.zip")));
        Assert.False(File.Exists(Path.Combine(_temp.Path, "data", "csp.duckdb")));
    }

    [Fact]
    public async Task DownloadPolice_UnknownForce_SuggestsTheNearestNames()
    {
        var result = await CliRunner.RunAsync(_temp.Path, "download", "police", "--force", "Bedfordshir", "--from", "2024-01", "--to", "2024-01");

        Assert.Equal((int)ExitCode.UsageError, result.ExitCode);
        Assert.Contains("No police force called 'Bedfordshir'. Did you mean 'Bedfordshire'?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadPopulation_FetchesTheEstimatesAndImportsThemWithTheirYear()
    {
        // The MYE2 persons sheet as CSV (the shipped sample of ONS's mid-2024 workbook), served as ONS would serve a file.
        var mye = await File.ReadAllBytesAsync(Path.Combine(CommunitySafety.Cli.Commands.Demo.DemoCommand.DefaultSamplesFolder(), "population", "mye24tablesew_MYE2_persons.csv"));
        await using var server = new LoopbackHttpServer((request, _, stream) => request.Path.Contains("mye24tablesew", StringComparison.Ordinal)
            ? LoopbackHttpServer.ServeAsync(stream, request, mye)
            : LoopbackHttpServer.NotFoundAsync(stream));
        var url = $"{server.BaseUrl}file?uri=/peoplepopulationandcommunity/mid2024/mye24tablesew_MYE2_persons.csv";

        var result = await CliRunner.RunAsync(_temp.Path, "download", "population", "--url", url);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Imported mid-2024 population for ", result.Out, StringComparison.Ordinal);
        var counts = await CliRunner.RunAsync(_temp.Path, "areas", "--format", "json");
        Assert.True(counts.ExitCode == 0, counts.ToString()); // the store exists and opens
        Assert.True(File.Exists(Path.Combine(_temp.Path, "data", "downloads", "mye24tablesew_MYE2_persons.csv")));
    }
}
