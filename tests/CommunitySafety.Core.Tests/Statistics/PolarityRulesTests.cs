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

    [Theory]
    [InlineData(10.0, 10.0, Polarity.LowIsGood, double.NegativeInfinity, 10.0)]
    [InlineData(10.0, 10.0, Polarity.HighIsGood, 10.0, double.PositiveInfinity)]
    [InlineData(10.0, 10.0, Polarity.NoJudgement, 10.0, 10.0)]
    [InlineData(5.0, 15.0, Polarity.LowIsGood, 5.0, 15.0)]
    [InlineData(5.0, null, Polarity.LowIsGood, 5.0, double.PositiveInfinity)]
    [InlineData(null, 15.0, Polarity.HighIsGood, double.NegativeInfinity, 15.0)]
    public void TargetBand_SingleValueMetOnTheGoodSide_RangeAsGiven(double? lower, double? upper, Polarity polarity, double low, double high) =>
        Assert.Equal((low, high), PolarityRules.TargetBand(lower, upper, polarity));

    [Theory]
    [InlineData(10.0, 10.0, Polarity.NoJudgement, 10.0)]
    [InlineData(10.0, null, Polarity.HighIsGood, 10.0)]
    [InlineData(null, 10.0, Polarity.LowIsGood, 10.0)]
    [InlineData(10.0, null, Polarity.LowIsGood, null)]
    [InlineData(null, 10.0, Polarity.HighIsGood, null)]
    [InlineData(5.0, 15.0, Polarity.HighIsGood, null)]
    [InlineData(null, null, Polarity.HighIsGood, null)]
    public void SingleTarget_IsTheBoundOnTheGoodSide(double? lower, double? upper, Polarity polarity, double? expected) =>
        Assert.Equal(expected, PolarityRules.SingleTarget(lower, upper, polarity));

    [Theory]
    // Process limits 40..60 (Making Data Count assurance icons).
    [InlineData(35.0, Polarity.HighIsGood, AssuranceStatus.ConsistentlyMet)]
    [InlineData(40.0, Polarity.HighIsGood, AssuranceStatus.ConsistentlyMet)]
    [InlineData(50.0, Polarity.HighIsGood, AssuranceStatus.HitAndMiss)]
    [InlineData(60.0, Polarity.HighIsGood, AssuranceStatus.HitAndMiss)]
    [InlineData(65.0, Polarity.HighIsGood, AssuranceStatus.ConsistentlyFailed)]
    [InlineData(65.0, Polarity.LowIsGood, AssuranceStatus.ConsistentlyMet)]
    [InlineData(60.0, Polarity.LowIsGood, AssuranceStatus.ConsistentlyMet)]
    [InlineData(40.0, Polarity.LowIsGood, AssuranceStatus.HitAndMiss)]
    [InlineData(35.0, Polarity.LowIsGood, AssuranceStatus.ConsistentlyFailed)]
    [InlineData(50.0, Polarity.NoJudgement, AssuranceStatus.NotApplicable)]
    public void Assurance_TargetAgainstProcessLimits(double target, Polarity polarity, AssuranceStatus expected) =>
        Assert.Equal(expected, PolarityRules.Assurance(target, 40, 60, polarity));
}
