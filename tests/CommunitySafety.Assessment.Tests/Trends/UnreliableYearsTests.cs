using CommunitySafety.Assessment.Trends;

namespace CommunitySafety.Assessment.Tests.Trends;

public class UnreliableYearsTests
{
    [Fact]
    public void Default_Flags2020To21WithTheReason()
    {
        var reason = UnreliableYears.Default.ReasonFor(TestData.Fy("2020/21"));

        Assert.NotNull(reason);
        Assert.Contains("pandemic", reason, StringComparison.Ordinal);
        Assert.Null(UnreliableYears.Default.ReasonFor(TestData.Fy("2019/20")));
    }

    [Fact]
    public void Parse_MissingReason_Throws()
    {
        var e = Assert.Throws<AssessmentConfigurationException>(() => UnreliableYears.Parse("year,reason\n2020/21,\n", "u.csv"));
        Assert.Contains("give the reason", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadYear_Throws()
    {
        Assert.Throws<AssessmentConfigurationException>(() => UnreliableYears.Parse("year,reason\n2020/22,x\n", "u.csv"));
    }
}
