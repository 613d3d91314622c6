using System.Globalization;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Tests.Stats;

public class StatsCommandTests
{
    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Rates_CsvWithCounts_AddsValueAndLimitColumns()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("d.csv"), "area,crimes,population\nE01,173,95000\nE02,5,1000\nE03,,2000\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "rates", "--in", "d.csv", "--count", "crimes", "--denominator", "population");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        var lines = Lines(result.Out);
        Assert.Equal("area,crimes,population,value,lower_95,upper_95,lower_99.8,upper_99.8,method", lines[0]);
        var e01 = lines[1].Split(',');
        Assert.Equal(182.105, double.Parse(e01[3], CultureInfo.InvariantCulture), 3);
        Assert.Equal(155.978, double.Parse(e01[4], CultureInfo.InvariantCulture), 3);
        Assert.Equal("byars", e01[^1]);
        Assert.EndsWith(",exact", lines[2], StringComparison.Ordinal);
        Assert.Equal("E03,,2000,,,,,,", lines[3]);
    }

    [Fact]
    public async Task Rates_ForcedMethodAndRoundedZ_ChangesLimits()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("d.csv"), "n,pop\n173,95000\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "rates", "--in", "d.csv", "--count", "n", "--denominator", "pop", "--method", "exact", "--z", "1.96", "--confidence", "95", "--per", "1000");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        var lines = Lines(result.Out);
        Assert.Equal("n,pop,value,lower_95,upper_95,method", lines[0]);
        Assert.EndsWith(",exact", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rates_UnknownColumn_InvalidInputNamingColumns()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("d.csv"), "area,crimes\nE01,1\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "rates", "--in", "d.csv", "--count", "nope", "--denominator", "crimes");
        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        Assert.Contains("no column 'nope'", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Rates_BadNumber_InvalidInputNamingLine()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("d.csv"), "n,pop\n1,10\nabc,10\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "rates", "--in", "d.csv", "--count", "n", "--denominator", "pop");
        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rates_MissingFile_NotFound()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(temp.Path, "stats", "rates", "--in", "missing.csv", "--count", "n", "--denominator", "pop");
        Assert.Equal((int)ExitCode.NotFound, result.ExitCode);
    }

    [Fact]
    public async Task Rates_BadMethod_UsageError()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(temp.Path, "stats", "rates", "--in", "d.csv", "--count", "n", "--denominator", "pop", "--method", "magic");
        Assert.Equal((int)ExitCode.UsageError, result.ExitCode);
    }

    [Fact]
    public async Task Proportions_Csv_AddsWilsonLimits()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("p.csv"), "r,n\n81,263\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "proportions", "--in", "p.csv", "--numerator", "r", "--denominator", "n");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        var cells = Lines(result.Out)[1].Split(',');
        Assert.Equal(25.53, double.Parse(cells[3], CultureInfo.InvariantCulture), 2);
        Assert.Equal(36.62, double.Parse(cells[4], CultureInfo.InvariantCulture), 2);
    }

    [Fact]
    public async Task Compare_RatesAgainstBenchmark_AddsPolarityAwareLabel()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("r.csv"), "area,lower_95,upper_95,england\nA,156,211,150\nB,156,211,180\nC,,,150\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "compare", "--in", "r.csv", "--benchmark", "england", "--polarity", "low-is-good");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        var lines = Lines(result.Out);
        Assert.EndsWith(",Worse", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",Similar", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",Not compared", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_OverlapWithoutBenchmarkInterval_UsageError()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("r.csv"), "lower_95,upper_95\n1,2\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "compare", "--in", "r.csv", "--benchmark", "1.5", "--method", "overlap");
        Assert.Equal((int)ExitCode.UsageError, result.ExitCode);
    }

    [Fact]
    public async Task Change_TwoYears_DescribesChangeWithPValue()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("c.csv"), "area,last,this\nA,173,192\nB,1250,1000\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "change", "--in", "c.csv", "--earlier", "last", "--later", "this", "--polarity", "low-is-good");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        Assert.Contains("Similar,\"from 173 to 192 (+19, +11%)\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("Better,\"from 1,250 to 1,000 (−250, −20%)\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trend_GroupedSeries_AddsMarkerPerGroup()
    {
        using var temp = new TempFolder();
        var rows = new List<string> { "area,numerator,denominator" };
        rows.AddRange(new[] { 100, 120, 140, 160, 180 }.Select(r => $"A,{r},1000"));
        rows.AddRange(new[] { 100, 101, 99, 100, 100 }.Select(r => $"B,{r},1000"));
        rows.Add("C,5,10");
        await File.WriteAllLinesAsync(temp.File("t.csv"), rows);
        var result = await CliRunner.RunAsync(temp.Path, "stats", "trend", "--in", "t.csv", "--key", "area", "--type", "proportions", "--polarity", "high-is-good");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        var lines = Lines(result.Out);
        Assert.All(lines.Skip(1).Take(5), l => Assert.Contains("Increasing and getting better", l, StringComparison.Ordinal));
        Assert.All(lines.Skip(6).Take(5), l => Assert.Contains("No significant change", l, StringComparison.Ordinal));
        Assert.Contains("Cannot be calculated", lines[11], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Funnel_Rates_AddsLimitsAndPosition()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("f.csv"), "area,n,pop\nA,50,10000\nB,90,10000\nC,,10000\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "funnel", "--in", "f.csv", "--count", "n", "--denominator", "pop", "--target", "500");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        var lines = Lines(result.Out);
        Assert.Equal("area,n,pop,value,target,lower_95,upper_95,lower_99.8,upper_99.8,position", lines[0]);
        Assert.EndsWith(",Within limits", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",High (99.8%)", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",Not compared", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spc_SeriesWithOutlier_FlagsPointAndReportsStatus()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("s.csv"), "month,x\n" + string.Join('\n', new[] { 10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 10, 11, 20 }.Select((v, i) => $"{i + 1},{v}")) + "\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "spc", "--in", "s.csv", "--value", "x", "--improvement", "up", "--target", "16");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        var lines = Lines(result.Out);
        Assert.Equal("month,x,mean,lower_process_limit,upper_process_limit,moving_range,special_cause,variation", lines[0]);
        Assert.EndsWith(",high: beyond limits,Special cause improving (high)", lines[^1], StringComparison.Ordinal);
        Assert.Contains("Variation: Special cause improving (high). Assurance: Hit and miss.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spc_FewPoints_SaysNotEnoughPoints()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("s.csv"), "x\n1\n2\n3\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "spc", "--in", "s.csv", "--value", "x", "--format", "json");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        Assert.Contains("\"variation\": \"Not enough points for limits\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("Limits are shown from 13 points.", result.Error, StringComparison.Ordinal);
    }
}
