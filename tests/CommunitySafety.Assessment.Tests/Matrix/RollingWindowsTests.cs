using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment.Tests.Matrix;

public class RollingWindowsTests
{
    private static IEnumerable<YearMonth> Run(string first, string last)
    {
        for (var m = YearMonth.Parse(first); m <= YearMonth.Parse(last); m = m.AddMonths(1))
        {
            yield return m;
        }
    }

    [Fact]
    public void Choose_DemoBedfordshire_IsCalendar2025AgainstCalendar2024()
    {
        // The demo's 25 months, 2023-12 to 2025-12, assessing 2024/25 (limit: the end of 2025/26).
        var windows = RollingWindows.Choose(Run("2023-12", "2025-12"), YearMonth.Parse("2026-03"), out var reason);

        Assert.Null(reason);
        Assert.Equal((YearMonth.Parse("2024-01"), YearMonth.Parse("2024-12")), windows!.Value.Earlier);
        Assert.Equal((YearMonth.Parse("2025-01"), YearMonth.Parse("2025-12")), windows.Value.Later);
    }

    [Fact]
    public void Choose_MonthsAfterTheLimit_AreNotUsed()
    {
        var windows = RollingWindows.Choose(Run("2019-01", "2025-12"), YearMonth.Parse("2023-03"), out _);

        Assert.Equal((YearMonth.Parse("2022-04"), YearMonth.Parse("2023-03")), windows!.Value.Later);
        Assert.Equal((YearMonth.Parse("2021-04"), YearMonth.Parse("2022-03")), windows.Value.Earlier);
    }

    [Fact]
    public void Choose_GapInTheLatestMonths_TakesTheLatestUnbrokenRunOf24()
    {
        // 2023-06 is missing: the run after it (2023-07..2024-12, 18 months) is too short, so the periods end in 2023-05.
        var covered = Run("2020-01", "2024-12").Where(m => m != YearMonth.Parse("2023-06"));

        var windows = RollingWindows.Choose(covered, YearMonth.Parse("2025-03"), out _);

        Assert.Equal((YearMonth.Parse("2022-06"), YearMonth.Parse("2023-05")), windows!.Value.Later);
        Assert.Equal((YearMonth.Parse("2021-06"), YearMonth.Parse("2022-05")), windows.Value.Earlier);
    }

    [Fact]
    public void Choose_ScatteredMonths_GivesNoPeriodsAndTheLongestRun()
    {
        // The Hampshire sample's scattered months: the longest run is 2018-10..2019-02 (5 months), with 2017-02..09 (8).
        var covered = Run("2017-02", "2017-09").Concat(Run("2018-03", "2018-04")).Concat(Run("2018-10", "2019-02")).Concat(Run("2024-01", "2024-04"));

        var windows = RollingWindows.Choose(covered, YearMonth.Parse("2025-03"), out var reason);

        Assert.Null(windows);
        Assert.Equal("the longest run of consecutive months with data up to March 2025 is 8 months; two complete 12-month periods need 24", reason);
    }

    [Fact]
    public void Choose_NoMonths_SaysSo()
    {
        Assert.Null(RollingWindows.Choose([], YearMonth.Parse("2025-03"), out var reason));
        Assert.Equal("no months of data up to March 2025", reason);
    }
}
