using CommunitySafety.Statistics;
using CsCheck;

namespace CommunitySafety.Core.Tests.Statistics;

public class PolarityRulesTests
{
    [Theory]
    [InlineData(Direction.Higher, Polarity.LowIsGood, false, ComparisonOutcome.Worse)]
    [InlineData(Direction.Higher, Polarity.HighIsGood, false, ComparisonOutcome.Better)]
    [InlineData(Direction.Lower, Polarity.LowIsGood, true, ComparisonOutcome.Best)]
    [InlineData(Direction.Lower, Polarity.HighIsGood, true, ComparisonOutcome.Worst)]
    [InlineData(Direction.Higher, Polarity.NoJudgement, true, ComparisonOutcome.Higher)]
    [InlineData(Direction.Lower, Polarity.NoJudgement, false, ComparisonOutcome.Lower)]
    [InlineData(Direction.Similar, Polarity.LowIsGood, true, ComparisonOutcome.Similar)]
    [InlineData(Direction.NotCompared, Polarity.HighIsGood, false, ComparisonOutcome.NotCompared)]
    public void Judge_DirectionAndPolarity_GivesOutcome(Direction direction, Polarity polarity, bool outer, ComparisonOutcome expected) =>
        Assert.Equal(expected, PolarityRules.Judge(direction, polarity, outer));

    [Fact]
    public void Judge_SwappingPolarity_SwapsBetterAndWorse() =>
        Gen.Select(Gen.OneOf(Direction.Lower, Direction.Higher), Gen.Bool)
            .Sample((direction, outer) =>
            {
                var low = PolarityRules.Judge(direction, Polarity.LowIsGood, outer);
                var high = PolarityRules.Judge(direction, Polarity.HighIsGood, outer);
                var swapped = low switch
                {
                    ComparisonOutcome.Better => ComparisonOutcome.Worse,
                    ComparisonOutcome.Worse => ComparisonOutcome.Better,
                    ComparisonOutcome.Best => ComparisonOutcome.Worst,
                    _ => ComparisonOutcome.Best,
                };
                Assert.Equal(swapped, high);
            });

    [Fact]
    public void ToLabel_NotCompared_SaysSoInWords() =>
        Assert.Equal("Not compared", ComparisonOutcome.NotCompared.ToLabel());
}
