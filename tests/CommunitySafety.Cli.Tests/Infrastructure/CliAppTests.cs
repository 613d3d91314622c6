using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Tests.Infrastructure;

public class CliAppTests
{
    [Fact]
    public async Task Run_Help_ListsCommandsAndExitsOk()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(temp.Path, "--help");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        Assert.Contains("counts", result.Out, StringComparison.Ordinal);
        Assert.Contains("download", result.Out, StringComparison.Ordinal);
        var counts = await CliRunner.RunAsync(temp.Path, "counts", "--help");
        Assert.Contains("--store <file>", counts.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownCommand_ExitsWithUsageErrorOnStandardError()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(temp.Path, "frobnicate");
        Assert.Equal((int)ExitCode.UsageError, result.ExitCode);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }
}
