using System.Text.Json;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Tests.Commands;

public class ImportPoliceCommandTests
{
    private static readonly string Bedfordshire = RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv");

    private static async Task<long> ForceTotalAsync(TempFolder temp, string force, string period)
    {
        var result = await CliRunner.RunAsync(temp.Path, "counts", "--area", force, "--by", "total", "--period", period, "--include-asb", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        return json.RootElement[0].GetProperty("Count").GetInt64();
    }

    [Fact]
    public async Task Import_RealFile_ForceCountEqualsRowsOfFile()
    {
        using var temp = new TempFolder();
        var import = await CliRunner.RunAsync(temp.Path, "import", "police", Bedfordshire);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("Bedfordshire Police", import.Out, StringComparison.Ordinal);

        var raw = RawPoliceFile.ReadFile(Bedfordshire);
        Assert.Equal(raw.Count, await ForceTotalAsync(temp, "Bedfordshire", "2024-01"));
    }

    [Fact]
    public async Task Import_SameFileTwice_CountsOnce()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await CliRunner.RunAsync(temp.Path, "import", "police", Bedfordshire)).ExitCode);
        var second = await CliRunner.RunAsync(temp.Path, "import", "police", Bedfordshire);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Replaced 1 force-month", second.Error, StringComparison.Ordinal);
        Assert.Equal(RawPoliceFile.ReadFile(Bedfordshire).Count, await ForceTotalAsync(temp, "Bedfordshire Police", "2024-01"));
    }

    [Fact]
    public async Task Import_FileWithBadRows_ExitsInvalidInputNamingFileLineAndField_AndImportsNothing()
    {
        using var temp = new TempFolder();
        var lines = File.ReadAllLines(Bedfordshire).Take(6).ToArray();
        lines[3] = lines[3].Replace(",2024-01,", ",2024-13,", StringComparison.Ordinal);
        var bad = temp.File("2024-01-bedfordshire-street.csv");
        File.WriteAllLines(bad, lines);

        var result = await CliRunner.RunAsync(temp.Path, "import", "police", bad);
        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        Assert.Contains("2024-01-bedfordshire-street.csv:4", result.Error, StringComparison.Ordinal);
        Assert.Contains("Month", result.Error, StringComparison.Ordinal);

        var counts = await CliRunner.RunAsync(temp.Path, "counts", "--area", "Bedfordshire", "--by", "total", "--period", "2024-01", "--format", "json");
        using var json = System.Text.Json.JsonDocument.Parse(counts.Out);
        Assert.Equal("no data", json.RootElement[0].GetProperty("Months with data").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.RootElement[0].GetProperty("Count").ValueKind);
    }

    [Fact]
    public async Task Import_SkipBadRows_ImportsTheRestAndWritesRejects()
    {
        using var temp = new TempFolder();
        var lines = File.ReadAllLines(Bedfordshire).Take(11).ToArray();
        lines[5] = lines[5].Replace("Violence and sexual offences", "Cyber crime", StringComparison.Ordinal)
                           .Replace("Anti-social behaviour", "Cyber crime", StringComparison.Ordinal)
                           .Replace("Criminal damage and arson", "Cyber crime", StringComparison.Ordinal)
                           .Replace("Vehicle crime", "Cyber crime", StringComparison.Ordinal)
                           .Replace("Other theft", "Cyber crime", StringComparison.Ordinal)
                           .Replace("Burglary", "Cyber crime", StringComparison.Ordinal)
                           .Replace("Shoplifting", "Cyber crime", StringComparison.Ordinal)
                           .Replace("Public order", "Cyber crime", StringComparison.Ordinal)
                           .Replace("Drugs", "Cyber crime", StringComparison.Ordinal);
        Assert.Contains("Cyber crime", lines[5], StringComparison.Ordinal);
        var bad = temp.File("2024-01-bedfordshire-street.csv");
        File.WriteAllLines(bad, lines);
        var rejects = temp.File("rejects.csv");

        var result = await CliRunner.RunAsync(temp.Path, "import", "police", bad, "--skip-bad-rows", "--rejects", rejects);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Skipped 1 bad row", result.Error, StringComparison.Ordinal);
        Assert.Contains("Cyber crime", File.ReadAllText(rejects), StringComparison.Ordinal);
        Assert.Equal(9, await ForceTotalAsync(temp, "Bedfordshire", "2024-01"));
    }

    [Fact]
    public async Task Import_MissingPath_ExitsNotFound()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(temp.Path, "import", "police", temp.File("nope.csv"));
        Assert.Equal((int)ExitCode.NotFound, result.ExitCode);
        Assert.Contains("nope.csv", result.Error, StringComparison.Ordinal);
    }
}
