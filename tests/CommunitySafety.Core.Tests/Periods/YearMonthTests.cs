using CommunitySafety.Periods;

namespace CommunitySafety.Core.Tests.Periods;

public class YearMonthTests
{
    [Theory]
    [InlineData("2024-01", 2024, 1)]
    [InlineData("2023-12", 2023, 12)]
    [InlineData(" 2025-03 ", 2025, 3)]
    public void Parse_PoliceUkMonth_GivesYearAndMonth(string text, int year, int month)
    {
        var m = YearMonth.Parse(text);
        Assert.Equal(year, m.Year);
        Assert.Equal(month, m.Month);
        Assert.Equal(text.Trim(), m.ToString());
    }

    [Theory]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("2024/01")]
    [InlineData("24-01")]
    [InlineData("")]
    [InlineData("2024-1")]
    public void TryParse_NotAMonth_ReturnsFalse(string text)
    {
        Assert.False(YearMonth.TryParse(text, null, out _));
        var e = Assert.Throws<FormatException>(() => YearMonth.Parse(text));
        Assert.Contains("yyyy-MM", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-03", "2023/24", 4)]
    [InlineData("2024-04", "2024/25", 1)]
    [InlineData("2024-06", "2024/25", 1)]
    [InlineData("2024-07", "2024/25", 2)]
    [InlineData("2024-12", "2024/25", 3)]
    [InlineData("2025-01", "2024/25", 4)]
    public void FinancialYearAndQuarter_BoundaryMonths_AreAprilToMarch(string month, string year, int quarter)
    {
        var m = YearMonth.Parse(month);
        Assert.Equal(year, m.FinancialYear.ToString());
        Assert.Equal(quarter, m.FinancialQuarter.Quarter);
        Assert.Equal(m.FinancialYear, m.FinancialQuarter.Year);
    }

    [Fact]
    public void AddMonths_AcrossYearEnd_RollsOver()
    {
        var m = new YearMonth(2024, 11);
        Assert.Equal(new YearMonth(2025, 2), m.AddMonths(3));
        Assert.Equal(new YearMonth(2023, 11), m.SameMonthLastYear);
        Assert.Equal(15, new YearMonth(2025, 2).MonthsSince(new YearMonth(2023, 11)));
        Assert.True(new YearMonth(2023, 12) < new YearMonth(2024, 1));
    }

    [Fact]
    public void FromIndex_RoundTripsIndex()
    {
        var m = new YearMonth(2019, 7);
        Assert.Equal(m, YearMonth.FromIndex(m.Index));
    }

    [Fact]
    public void Of_TakesTheDatesYearAndMonth() =>
        Assert.Equal(new YearMonth(2025, 3), YearMonth.Of(new DateTime(2025, 3, 31, 23, 59, 0, DateTimeKind.Utc)));

    [Theory]
    [InlineData(2025, 1, 1, 2024, 12)]
    [InlineData(2025, 3, 31, 2025, 2)]
    public void LastCompleteAt_IsTheMonthBefore(int year, int month, int day, int lastYear, int lastMonth) =>
        Assert.Equal(new YearMonth(lastYear, lastMonth), YearMonth.LastCompleteAt(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("2024-04", "2025-03", "2023-04", "2024-03")]
    [InlineData("2025-01", "2025-03", "2024-10", "2024-12")]
    [InlineData("2025-01", "2025-01", "2024-12", "2024-12")]
    public void Preceding_IsTheSameNumberOfMonthsJustBefore(string first, string last, string previousFirst, string previousLast) =>
        Assert.Equal((YearMonth.Parse(previousFirst), YearMonth.Parse(previousLast)), YearMonth.Preceding(YearMonth.Parse(first), YearMonth.Parse(last)));
}
