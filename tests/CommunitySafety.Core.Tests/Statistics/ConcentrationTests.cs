using CommunitySafety.Statistics;

namespace CommunitySafety.Core.Tests.Statistics;

public class ConcentrationTests
{
    [Fact]
    public void Gini_HandWorked_0_1_2_7_Is0point55()
    {
        // 2·Σ i·x(i) / (n·T) − (n+1)/n = 2·36/(4·10) − 5/4 = 0.55; by pairs: Σ|xi − xj| over ordered pairs 44, / (2·16·2.5) = 0.55.
        var result = Concentration.Of([7, 0, 2, 1]);
        Assert.Equal(0.55, result.Gini!.Value, 12);
        Assert.Equal(10, result.Total);
        Assert.Equal(4, result.Units);
    }

    [Fact]
    public void Gini_EqualCounts_IsZero_AllInOne_IsNMinusOneOverN()
    {
        Assert.Equal(0, Concentration.Of([5, 5, 5, 5]).Gini!.Value, 12);
        Assert.Equal(0.75, Concentration.Of([0, 0, 0, 9]).Gini!.Value, 12);
        Assert.Null(Concentration.Of([0, 0]).Gini);
    }

    [Fact]
    public void Lorenz_IsCumulativeSharesFromTheSmallest()
    {
        var lorenz = Concentration.Of([7, 0, 2, 1]).Lorenz;
        Assert.Equal([new LorenzPoint(0, 0), new(0.25, 0), new(0.5, 0.1), new(0.75, 0.3), new(1, 1)], lorenz);
    }

    [Theory]
    [InlineData(100, 0.05, 5)]
    [InlineData(125, 0.05, 7)]
    [InlineData(125, 0.10, 13)]
    [InlineData(1482, 0.01, 15)]
    [InlineData(3, 0.01, 1)]
    public void TopUnits_IsCeilingOfTheFraction(int units, double fraction, int expected) =>
        Assert.Equal(expected, Concentration.TopUnits(units, fraction));

    [Fact]
    public void TopShare_SumsTheLargest()
    {
        var (units, count, share) = Concentration.TopShare([1, 9, 0, 3, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0.1);
        Assert.Equal(3, units);
        Assert.Equal(19, count);
        Assert.Equal(19 / 20.0, share!.Value, 12);
    }

    [Fact]
    public void Of_RefusesNegativeOrEmpty()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Concentration.Of([1, -1]));
        Assert.Throws<ArgumentException>(() => Concentration.Of([]));
    }
}
