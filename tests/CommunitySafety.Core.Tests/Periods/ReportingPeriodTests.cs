using System.Globalization;
using CommunitySafety.Periods;

namespace CommunitySafety.Core.Tests.Periods;

public class ReportingPeriodTests
{
    [Theory]
    [InlineData("2024-02", PeriodKind.Month, "2024-02", "2024-02")]
    [InlineData("Q3 2024/25", PeriodKind.FinancialQuarter, "2024-10", "2024-12")]
    [InlineData("2022/23", PeriodKind.FinancialYear, "2022-04", "2023-03")]
    [InlineData("2024", PeriodKind.CalendarYear, "2024-01", "2024-12")]
    [InlineData("12 months to 2025-03", PeriodKind.Rolling12Months, "2024-04", "2025-03")]
    [InlineData("12 months to 2025-06", PeriodKind.Rolling12Months, "2024-07", "2025-06")]
    public void Parse_EachKind_CoversTheRightMonthsAndRoundTrips(string text, PeriodKind kind, string first, string last)
    {
        var p = ReportingPeriod.Parse(text);
        Assert.Equal(kind, p.Kind);
        Assert.Equal(YearMonth.Parse(first), p.FirstMonth);
        Assert.Equal(YearMonth.Parse(last), p.LastMonth);
        Assert.Equal(p.MonthCount, p.Months.Count());
        Assert.Equal(text, p.ToString());
        Assert.Equal(p, ReportingPeriod.Parse(p.ToString()));
    }

    [Theory]
    [InlineData("2022/23", "2021/22")]
    [InlineData("Q1 2024/25", "Q1 2023/24")]
    [InlineData("2024-02", "2023-02")]
    [InlineData("12 months to 2025-03", "12 months to 2024-03")]
    [InlineData("2024", "2023")]
    public void SamePeriodLastYear_IsOneYearEarlierOfSameKind(string text, string expected) =>
        Assert.Equal(expected, ReportingPeriod.Parse(text).SamePeriodLastYear.ToString());

    [Fact]
    public void Previous_OfFirstQuarter_IsLastQuarterOfPreviousYear()
    {
        Assert.Equal("Q4 2023/24", ReportingPeriod.Parse("Q1 2024/25").Previous.ToString());
        Assert.Equal("Q2 2024/25", ReportingPeriod.Parse("Q1 2024/25").Next.ToString());
        Assert.Equal("12 months to 2024-03", ReportingPeriod.Parse("12 months to 2025-03").Previous.ToString());
    }

    [Fact]
    public void Contains_ChecksFinancialYearBoundaries()
    {
        var year = ReportingPeriod.Parse("2024/25");
        Assert.False(year.Contains(YearMonth.Parse("2024-03")));
        Assert.True(year.Contains(YearMonth.Parse("2024-04")));
        Assert.True(year.Contains(YearMonth.Parse("2025-03")));
        Assert.False(year.Contains(YearMonth.Parse("2025-04")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("last year")]
    [InlineData("2024/26")]
    [InlineData("12 months to March")]
    public void Parse_Garbage_ThrowsWithExamples(string text)
    {
        var e = Assert.Throws<FormatException>(() => ReportingPeriod.Parse(text));
        Assert.Contains("2024/25", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnderBritishCulture_IsUnaffected()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("2024/25", ReportingPeriod.Parse("2024/25").ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData(PeriodKind.Month, "2025-02", "2025-02")]
    [InlineData(PeriodKind.FinancialQuarter, "2025-02", "Q4 2024/25")]
    [InlineData(PeriodKind.FinancialYear, "2025-02", "2024/25")]
    [InlineData(PeriodKind.FinancialYear, "2025-04", "2025/26")]
    [InlineData(PeriodKind.CalendarYear, "2025-02", "2025")]
    [InlineData(PeriodKind.Rolling12Months, "2025-02", "12 months to 2025-02")]
    public void Containing_GivesThePeriodOfTheKindHoldingTheMonth(PeriodKind kind, string month, string expected) =>
        Assert.Equal(expected, ReportingPeriod.Containing(kind, YearMonth.Parse(month)).ToString());

    [Theory]
    [InlineData(PeriodKind.FinancialQuarter, "2025-02", "Q3 2024/25")]
    [InlineData(PeriodKind.FinancialQuarter, "2025-03", "Q4 2024/25")]
    [InlineData(PeriodKind.FinancialYear, "2025-02", "2023/24")]
    [InlineData(PeriodKind.FinancialYear, "2025-03", "2024/25")]
    [InlineData(PeriodKind.CalendarYear, "2025-11", "2024")]
    [InlineData(PeriodKind.CalendarYear, "2025-12", "2025")]
    [InlineData(PeriodKind.Month, "2025-02", "2025-02")]
    [InlineData(PeriodKind.Rolling12Months, "2025-02", "12 months to 2025-02")]
    public void LastEndedBy_GivesTheLastPeriodOverByTheMonthsEnd(PeriodKind kind, string month, string expected) =>
        Assert.Equal(expected, ReportingPeriod.LastEndedBy(kind, YearMonth.Parse(month)).ToString());

    [Fact]
    public void NotAPeriod_IsTheMessageParseThrows()
    {
        var e = Assert.Throws<FormatException>(() => ReportingPeriod.Parse("twenty"));
        Assert.Equal(ReportingPeriod.NotAPeriod("twenty"), e.Message);
        Assert.StartsWith("'twenty' is not a reporting period: expected a month (2024-01)", e.Message, StringComparison.Ordinal);
    }
}
