using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Tests.Generate;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Generate_OneMonthSmallScale_WritesAnArchiveThatImports()
    {
        var result = await CliRunner.RunAsync(_temp.Path, "generate", "--months", "1", "--start", "2024-01", "--scale", "0.005",
            "--kinds", "street,stop-and-search", "--out", "national", "--seed", "3");

        Assert.True(result.ExitCode == (int)ExitCode.Ok, result.ToString());
        Assert.Contains("SYNTHETIC", result.Error, StringComparison.Ordinal);
        var month = Path.Combine(_temp.Path, "national", "2024-01");
        Assert.Equal(43, Directory.GetFiles(month, "*-street.csv").Length);
        Assert.Equal(43, Directory.GetFiles(month, "*-stop-and-search.csv").Length);
        Assert.Empty(Directory.GetFiles(month, "*-outcomes.csv"));
        Assert.True(File.Exists(Path.Combine(_temp.Path, "national", "SYNTHETIC.txt")));

        var import = await CliRunner.RunAsync(_temp.Path, "import", "police", "national", "--store", "csp.duckdb");
        Assert.True(import.ExitCode == (int)ExitCode.Ok, import.ToString());
        Assert.Contains("86 of 86 file(s)", import.Out + import.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_IntoAGitWorkingTree_IsRefused()
    {
        Directory.CreateDirectory(Path.Combine(_temp.Path, "repo", ".git"));

        var result = await CliRunner.RunAsync(_temp.Path, "generate", "--months", "1", "--out", "repo/data");

        Assert.Equal((int)ExitCode.UsageError, result.ExitCode);
        Assert.Contains("git working tree", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "repo", "data")));
    }

    [Theory]
    [InlineData("--kinds", "crimes")]
    [InlineData("--start", "April 2021")]
    [InlineData("--scale", "0")]
    public async Task Generate_BadOption_IsAUsageError(string option, string value)
    {
        var result = await CliRunner.RunAsync(_temp.Path, "generate", "--months", "1", "--out", "x", option, value);

        Assert.Equal((int)ExitCode.UsageError, result.ExitCode);
        Assert.Contains(option, result.Error, StringComparison.Ordinal);
    }
}
