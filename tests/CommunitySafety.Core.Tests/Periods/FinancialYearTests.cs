using CommunitySafety.Periods;

namespace CommunitySafety.Core.Tests.Periods;

public class FinancialYearTests
{
    [Theory]
    [InlineData("2022/23", 2022)]
    [InlineData("2022-23", 2022)]
    [InlineData("2022/2023", 2022)]
    [InlineData("FY2022/23", 2022)]
    [InlineData("1999/00", 1999)]
    public void Parse_CommonSpellings_GiveStartYear(string text, int startYear) =>
        Assert.Equal(startYear, FinancialYear.Parse(text).StartYear);

    [Theory]
    [InlineData("2022/24")]
    [InlineData("2022/22")]
    [InlineData("2022")]
    [InlineData("22/23")]
    [InlineData("2022/2024")]
    public void Parse_NonConsecutiveOrMalformed_Throws(string text) =>
        Assert.Throws<FormatException>(() => FinancialYear.Parse(text));

    [Fact]
    public void ToString_WritesTwoDigitEnd() =>
        Assert.Equal("1999/00", new FinancialYear(1999).ToString());

    [Fact]
    public void Months_RunAprilToMarch()
    {
        var year = FinancialYear.Parse("2024/25");
        var months = year.Months.ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(new YearMonth(2024, 4), months[0]);
        Assert.Equal(new YearMonth(2025, 3), months[^1]);
        Assert.True(year.Contains(new YearMonth(2025, 3)));
        Assert.False(year.Contains(new YearMonth(2025, 4)));
        Assert.False(year.Contains(new YearMonth(2024, 3)));
    }

    [Fact]
    public void Quarters_AreFourInOrder()
    {
        var quarters = FinancialYear.Parse("2024/25").Quarters.Select(q => q.ToString()).ToList();
        Assert.Equal(["Q1 2024/25", "Q2 2024/25", "Q3 2024/25", "Q4 2024/25"], quarters);
    }

    [Theory]
    [InlineData("2025-02", 2023)]
    [InlineData("2025-03", 2024)]
    [InlineData("2025-04", 2024)]
    [InlineData("2024-12", 2023)]
    public void LastEndedBy_IsTheLastYearOverByTheMonthsEnd(string month, int startYear) =>
        Assert.Equal(new FinancialYear(startYear), FinancialYear.LastEndedBy(YearMonth.Parse(month)));
}
