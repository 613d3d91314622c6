using CommunitySafety.Periods;

namespace CommunitySafety.Core.Tests.Periods;

public class FinancialQuarterTests
{
    [Theory]
    [InlineData("Q1 2024/25", "2024-04", "2024-06")]
    [InlineData("Q2 2024/25", "2024-07", "2024-09")]
    [InlineData("Q3 2024/25", "2024-10", "2024-12")]
    [InlineData("Q4 2024/25", "2025-01", "2025-03")]
    [InlineData("2024/25 Q4", "2025-01", "2025-03")]
    public void Parse_Quarter_CoversThreeMonths(string text, string first, string last)
    {
        var q = FinancialQuarter.Parse(text);
        Assert.Equal(YearMonth.Parse(first), q.FirstMonth);
        Assert.Equal(YearMonth.Parse(last), q.LastMonth);
        Assert.Equal(3, q.Months.Count());
    }

    [Fact]
    public void PreviousAndNext_CrossFinancialYears()
    {
        var q1 = FinancialQuarter.Parse("Q1 2024/25");
        Assert.Equal("Q4 2023/24", q1.Previous.ToString());
        Assert.Equal("Q1 2025/26", FinancialQuarter.Parse("Q4 2024/25").Next.ToString());
        Assert.Equal("Q1 2023/24", q1.SamePeriodLastYear.ToString());
    }

    [Theory]
    [InlineData("Q5 2024/25")]
    [InlineData("Q0 2024/25")]
    [InlineData("Q1")]
    [InlineData("2024/25")]
    public void Parse_Invalid_Throws(string text) =>
        Assert.Throws<FormatException>(() => FinancialQuarter.Parse(text));
}
