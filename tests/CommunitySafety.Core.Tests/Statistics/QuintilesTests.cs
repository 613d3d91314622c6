using CommunitySafety.Statistics;

namespace CommunitySafety.Core.Tests.Statistics;

public class QuintilesTests
{
    [Fact]
    public void Assign_OneToTen_TwoValuesPerQuintile()
    {
        var values = Enumerable.Range(1, 10).Select(v => (double?)v).Reverse().ToList();
        var quintiles = Quintiles.Assign(values);
        Assert.Equal([5, 5, 4, 4, 3, 3, 2, 2, 1, 1], quintiles.Select(q => q!.Value));
    }

    [Fact]
    public void Assign_TiesAndMissing_ShareQuintileAndStayNull()
    {
        var quintiles = Quintiles.Assign([1, 1, 1, 1, null, 9, double.NaN]);
        Assert.Equal([1, 1, 1, 1, null, 5, null], quintiles);
    }

    [Theory]
    [InlineData(1, Polarity.LowIsGood, "Best")]
    [InlineData(2, Polarity.LowIsGood, "Better")]
    [InlineData(3, Polarity.LowIsGood, "Middle")]
    [InlineData(5, Polarity.LowIsGood, "Worst")]
    [InlineData(5, Polarity.HighIsGood, "Best")]
    [InlineData(4, Polarity.HighIsGood, "Better")]
    [InlineData(1, Polarity.NoJudgement, "Lowest")]
    [InlineData(4, Polarity.NoJudgement, "High")]
    public void Label_QuintileAndPolarity_GivesWords(int quintile, Polarity polarity, string expected) =>
        Assert.Equal(expected, Quintiles.Label(quintile, polarity));
}
