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
        await File.WriteAllTextAsync(temp.File("r.csv"), "area,value,lower_95,upper_95,england\nA,182,156,211,150\nB,182,156,211,180\nC,,,,150\n");
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
        await File.WriteAllTextAsync(temp.File("r.csv"), "value,lower_95,upper_95\n1.5,1,2\n");
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
        rows[0] = "area,period,numerator,denominator";
        rows.AddRange(new[] { 100, 120, 140, 160, 180 }.Select((r, i) => $"A,{2019 + i},{r},1000"));
        rows.AddRange(new[] { 100, 101, 99, 100, 100 }.Select((r, i) => $"B,{2019 + i},{r},1000"));
        rows.Add("C,2023,5,10");
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

    [Fact]
    public async Task Funnel_IssueCases_ZeroWhere2Point5ExpectedWithinAnd141Where106Point7ExpectedHigh998()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("f.csv"), "area,n,pop\nA,0,1000\nB,141,1000\n");
        var zero = await CliRunner.RunAsync(temp.Path, "stats", "funnel", "--in", "f.csv", "--count", "n", "--denominator", "pop", "--target", "250");
        Assert.Equal((int)ExitCode.Ok, zero.ExitCode);
        Assert.StartsWith("A,0,1000,", Lines(zero.Out)[1], StringComparison.Ordinal);
        Assert.EndsWith(",Within limits", Lines(zero.Out)[1], StringComparison.Ordinal);

        var high = await CliRunner.RunAsync(temp.Path, "stats", "funnel", "--in", "f.csv", "--count", "n", "--denominator", "pop", "--target", "10670");
        Assert.EndsWith(",High (99.8%)", Lines(high.Out)[2], StringComparison.Ordinal);
        Assert.Contains("Poisson quantiles of the expected count", high.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Funnel_AdditiveOverdispersion_NamesMethodPhiTau2AndKeepsTheUnadjustedPosition()
    {
        using var temp = new TempFolder();
        var rows = new[] { (30, 1000), (45, 800), (60, 1200), (52, 1000), (80, 1500), (20, 600), (75, 1000), (40, 900), (110, 1600), (35, 1100), (58, 1000) };
        await File.WriteAllLinesAsync(temp.File("f.csv"), ["area,n,pop", .. rows.Select((r, i) => $"A{i},{r.Item1},{r.Item2}")]);
        var result = await CliRunner.RunAsync(
            temp.Path, "stats", "funnel", "--in", "f.csv", "--count", "n", "--denominator", "pop", "--target", "50", "--per", "1000", "--overdispersion", "additive");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        var lines = Lines(result.Out);
        Assert.Equal("area,n,pop,value,target,lower_95,upper_95,lower_99.8,upper_99.8,position,unadjusted_position,overdispersion,phi,tau2", lines[0]);
        var a8 = lines[9].Split(',');
        Assert.Equal("A8", a8[0]);
        Assert.Equal("Within limits", a8[9]);
        Assert.Equal("High (99.8%)", a8[10]);
        Assert.Equal("additive random effects", a8[11]);
        Assert.Equal(3.988730495638462, double.Parse(a8[12], CultureInfo.InvariantCulture), 12);
        Assert.Equal(0.016030966461279328, double.Parse(a8[13], CultureInfo.InvariantCulture), 14);
        Assert.Contains("Overdispersion: Additive random effects (Spiegelhalter 2005)", result.Error, StringComparison.Ordinal);
        Assert.Contains("overdispersion found: φ = 3.989", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Funnel_ProportionsWithModelledDenominator_ExactRefusedWithReasonWilsonAccepted()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("p.csv"), "area,r,n\nA,120.5,468.3358\nB,10000,35078.488\n");
        var exact = await CliRunner.RunAsync(temp.Path, "stats", "funnel", "--in", "p.csv", "--count", "r", "--denominator", "n", "--type", "proportions");
        Assert.Equal((int)ExitCode.InvalidInput, exact.ExitCode);
        Assert.Contains("line 2, column 'n': '468.3358' is not a whole number", exact.Error, StringComparison.Ordinal);
        Assert.Contains("--proportion-method wilson", exact.Error, StringComparison.Ordinal);

        var wilson = await CliRunner.RunAsync(
            temp.Path, "stats", "funnel", "--in", "p.csv", "--count", "r", "--denominator", "n", "--type", "proportions", "--proportion-method", "wilson", "--target", "30");
        Assert.Equal((int)ExitCode.Ok, wilson.ExitCode);
        var b = Lines(wilson.Out)[2].Split(',');
        var sd = Math.Sqrt(0.3 * 0.7 / 35078.488);
        Assert.Equal(100 * (0.3 - (1.959963984540054 * sd)), double.Parse(b[5], CultureInfo.InvariantCulture), 10);
        Assert.Equal(100 * (0.3 + (3.090232306167813 * sd)), double.Parse(b[8], CultureInfo.InvariantCulture), 10);
        Assert.Equal("Low (99.8%)", b[9]);
    }

    [Fact]
    public async Task Rates_ZAsANumberForOneLevel_UsedForThatLevel()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("d.csv"), "n,pop\n173,95000\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "rates", "--in", "d.csv", "--count", "n", "--denominator", "pop", "--confidence", "99.8", "--z", "3.090232");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        var cells = Lines(result.Out)[1].Split(',');
        Assert.Equal("n,pop,value,lower_99.8,upper_99.8,method", Lines(result.Out)[0]);
        var scale = 100_000 / 95_000.0;
        Assert.Equal(PoissonLimitsByars(173, 3.090232, lower: true) * scale, double.Parse(cells[3], CultureInfo.InvariantCulture), 9);
        Assert.Equal(PoissonLimitsByars(173, 3.090232, lower: false) * scale, double.Parse(cells[4], CultureInfo.InvariantCulture), 9);
        Assert.Contains("z 1.959964 (95%) and 3.090232 (99.8%)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rates_OneZForTwoLevels_UsageErrorSayingWhatToGive()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("d.csv"), "n,pop\n173,95000\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "rates", "--in", "d.csv", "--count", "n", "--denominator", "pop", "--z", "3.090232");
        Assert.Equal((int)ExitCode.UsageError, result.ExitCode);
        Assert.Contains("give one z for each level, e.g. --z 1.959964,3.090232", result.Error, StringComparison.Ordinal);

        var two = await CliRunner.RunAsync(temp.Path, "stats", "rates", "--in", "d.csv", "--count", "n", "--denominator", "pop", "--z", "1.96,3.090232");
        Assert.Equal((int)ExitCode.Ok, two.ExitCode);
    }

    [Fact]
    public async Task Rates_NonWholeCount_ByarsAcceptedExactRefusedWithTheReason()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("d.csv"), "n,pop\n35078.488,1000000\n4.5,1000\n");
        var auto = await CliRunner.RunAsync(temp.Path, "stats", "rates", "--in", "d.csv", "--count", "n", "--denominator", "pop");
        Assert.Equal((int)ExitCode.InvalidInput, auto.ExitCode);
        Assert.Contains("line 3, column 'n': '4.5' is not a whole number of events, and exact Poisson limits are defined only for whole counts (used below 10 events); use --method byars", auto.Error, StringComparison.Ordinal);

        var byars = await CliRunner.RunAsync(temp.Path, "stats", "rates", "--in", "d.csv", "--count", "n", "--denominator", "pop", "--method", "byars", "--confidence", "95");
        Assert.Equal((int)ExitCode.Ok, byars.ExitCode);
        var cells = Lines(byars.Out)[1].Split(',');
        Assert.Equal(3507.8488, double.Parse(cells[2], CultureInfo.InvariantCulture), 9);
        Assert.Equal(PoissonLimitsByars(35078.488, 1.959963984540054, lower: true) / 10, double.Parse(cells[3], CultureInfo.InvariantCulture), 9);
    }

    [Fact]
    public async Task Proportions_NonWholeNumeratorAndDenominator_WilsonLimits()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("p.csv"), "r,n\n120.5,468.3358\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "proportions", "--in", "p.csv", "--numerator", "r", "--denominator", "n", "--confidence", "95");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        var cells = Lines(result.Out)[1].Split(',');

        // Wilson: (2r + z² ∓ z√(z² + 4r(1 − r/n))) / (2(n + z²)), written out.
        const double z = 1.959963984540054;
        double r = 120.5, n = 468.3358;
        var root = z * Math.Sqrt((z * z) + (4 * r * (1 - (r / n))));
        Assert.Equal(100 * r / n, double.Parse(cells[2], CultureInfo.InvariantCulture), 10);
        Assert.Equal(100 * ((2 * r) + (z * z) - root) / (2 * (n + (z * z))), double.Parse(cells[3], CultureInfo.InvariantCulture), 10);
        Assert.Equal(100 * ((2 * r) + (z * z) + root) / (2 * (n + (z * z))), double.Parse(cells[4], CultureInfo.InvariantCulture), 10);
    }

    [Fact]
    public async Task Change_NonWholeCount_RefusedWithTheReason()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("c.csv"), "a,b\n21.5,11\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "change", "--in", "c.csv", "--earlier", "a", "--later", "b");
        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        Assert.Contains("'21.5' is not a whole number of events (the exact conditional test of two Poisson counts is defined only for whole counts)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_RatesWithExposures_SentenceDescribesTheRatesAsTheFiguresDo()
    {
        // 21 events over 3,011 → 11 over 800: the counts fall by 48% but the rate rises by 97%.
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("c.csv"), "a,pa,b,pb\n21,3011,11,800\n");
        var result = await CliRunner.RunAsync(
            temp.Path, "stats", "change", "--in", "c.csv", "--earlier", "a", "--later", "b", "--earlier-denominator", "pa", "--later-denominator", "pb");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        var cells = Lines(result.Out)[1];
        Assert.StartsWith("21,3011,11,800,677.557289936898", cells, StringComparison.Ordinal);
        Assert.Contains(",97.1488095238095", cells, StringComparison.Ordinal);
        Assert.EndsWith(",\"rate from 697.44 to 1,375 per 100,000 (+677.56, +97%); events from 21 to 11\"", cells, StringComparison.Ordinal);
        Assert.DoesNotContain("−48%", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_RowWithIntervalButNoValue_NotCompared()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("r.csv"), "area,value,lower_95,upper_95\nA,,156,211\nB,182,156,211\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "compare", "--in", "r.csv", "--benchmark", "180");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        var lines = Lines(result.Out);
        Assert.EndsWith(",Not compared", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",Similar", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_NoValueColumn_InvalidInputSayingHowToNameIt()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("r.csv"), "lower_95,upper_95\n156,211\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "compare", "--in", "r.csv", "--benchmark", "180");
        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        Assert.Contains("no column 'value' of values", result.Error, StringComparison.Ordinal);
        Assert.Contains("--value", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trend_DuplicatePeriodInASeries_RefusedNamingBothLines()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("t.csv"), "area,period,numerator,denominator\nA,2019/20,1,10\nB,2019/20,1,10\nA,2020/21,2,10\nA,2019/20,3,10\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "trend", "--in", "t.csv", "--key", "area", "--type", "proportions");
        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        Assert.Contains("line 5, column 'period': period '2019/20' is already on line 2 for series 'A'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trend_NoPeriodColumn_InvalidInputSayingHowToNameIt()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("t.csv"), "numerator,denominator\n1,10\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "trend", "--in", "t.csv", "--type", "proportions");
        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        Assert.Contains("no column 'period' of periods; name it with --period", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trend_PointWhoseNumeratorEqualsItsDenominator_CannotBeCalculated()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("t.csv"), "year,numerator,denominator\n2019,10,20\n2020,12,20\n2021,14,20\n2022,17,20\n2023,20,20\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "trend", "--in", "t.csv", "--type", "proportions", "--period", "year");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        Assert.All(Lines(result.Out).Skip(1), l => Assert.EndsWith(",Cannot be calculated,", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trend_NonWholeNumerators_Accepted()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("t.csv"), "period,numerator,denominator\n1,100.5,1000.25\n2,120.5,1000.25\n3,140.5,1000.25\n4,160.5,1000.25\n5,180.5,1000.25\n");
        var result = await CliRunner.RunAsync(temp.Path, "stats", "trend", "--in", "t.csv", "--type", "proportions", "--polarity", "high-is-good");
        Assert.Equal((int)ExitCode.Ok, result.ExitCode);
        Assert.Contains("Increasing and getting better", Lines(result.Out)[5], StringComparison.Ordinal);
    }

    // Byar's limits written out: O(1 − 1/(9O) − z/(3√O))³ and (O + 1)(1 − 1/(9(O + 1)) + z/(3√(O + 1)))³.
    private static double PoissonLimitsByars(double o, double z, bool lower)
    {
        if (lower)
        {
            return o * Math.Pow(1 - (1 / (9 * o)) - (z / (3 * Math.Sqrt(o))), 3);
        }

        var u = o + 1;
        return u * Math.Pow(1 - (1 / (9 * u)) + (z / (3 * Math.Sqrt(u))), 3);
    }
}
