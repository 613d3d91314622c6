using CommunitySafety.Statistics;

namespace CommunitySafety.Core.Tests.Statistics;

public class XmrChartTests
{
    // Thirteen points alternating 10, 11, 10 …: mean 136/13 = 10.4615, mR̄ = 1,
    // process limits 7.8015 and 13.1215, 2σ lines 8.6882 and 12.2349.
    private static readonly double[] Baseline = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10];

    private static XmrResult Analyse(double[] tail, Polarity improvement, SpcOptions options, double? target = null) =>
        XmrChart.Analyse([.. Baseline, .. tail], improvement, options, target, baselineLength: Baseline.Length);

    [Fact]
    public void Analyse_StableSeries_CommonCauseWithHandWorkedLimits()
    {
        double[] values = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 10, 11];
        var chart = XmrChart.Analyse(values, Polarity.HighIsGood, SpcOptions.MakingDataCount);
        var last = chart.Points[^1];
        Assert.Equal(148.0 / 13, last.Mean, 10);
        Assert.Equal((148.0 / 13) - (2.66 * 17 / 12), last.LowerProcessLimit!.Value, 10);
        Assert.Equal((148.0 / 13) + (2.66 * 17 / 12), last.UpperProcessLimit!.Value, 10);
        Assert.All(chart.Points, p => Assert.Equal(VariationStatus.CommonCause, p.Variation));
        Assert.Equal(VariationStatus.CommonCause, chart.Variation);
    }

    [Theory]
    [InlineData(16.0, Polarity.HighIsGood, AssuranceStatus.ConsistentlyFailed)]
    [InlineData(7.0, Polarity.HighIsGood, AssuranceStatus.ConsistentlyMet)]
    [InlineData(12.0, Polarity.HighIsGood, AssuranceStatus.HitAndMiss)]
    [InlineData(16.0, Polarity.LowIsGood, AssuranceStatus.ConsistentlyMet)]
    [InlineData(7.0, Polarity.LowIsGood, AssuranceStatus.ConsistentlyFailed)]
    [InlineData(12.0, Polarity.NoJudgement, AssuranceStatus.NotApplicable)]
    public void Analyse_Target_AssuranceFromProcessLimits(double target, Polarity improvement, AssuranceStatus expected)
    {
        double[] values = [10, 12, 11, 13, 12, 11, 10, 12, 13, 11, 12, 10, 11]; // limits 7.62 to 15.15
        Assert.Equal(expected, XmrChart.Analyse(values, improvement, SpcOptions.MakingDataCount, target).Assurance);
    }

    [Fact]
    public void Analyse_PointAboveUpperLimit_SpecialCauseByPolarity()
    {
        var chart = Analyse([20], Polarity.HighIsGood, SpcOptions.MakingDataCount);
        Assert.Equal(SpecialCauseRules.BeyondLimits, chart.Points[13].HighRules);
        Assert.Equal(VariationStatus.ImprovingHigh, chart.Variation);
        Assert.Equal(VariationStatus.ConcerningHigh, Analyse([20], Polarity.LowIsGood, SpcOptions.MakingDataCount).Variation);
        Assert.Equal(VariationStatus.NeitherHigh, Analyse([20], Polarity.NoJudgement, SpcOptions.MakingDataCount).Variation);
    }

    [Fact]
    public void Analyse_SixPointsAboveMean_ShiftUnderMakingDataCountOnly()
    {
        double[] six = [11, 11, 11, 11, 11, 11];
        var mdc = Analyse(six, Polarity.LowIsGood, SpcOptions.MakingDataCount);
        Assert.All(mdc.Points.Skip(13), p => Assert.Equal(SpecialCauseRules.Shift, p.HighRules));
        Assert.Equal(SpecialCauseRules.None, mdc.Points[12].HighRules | mdc.Points[12].LowRules);
        Assert.Equal(VariationStatus.ConcerningHigh, mdc.Variation);

        var nhsr = Analyse(six, Polarity.LowIsGood, SpcOptions.NhsrPlotTheDots);
        Assert.All(nhsr.Points, p => Assert.Equal(SpecialCauseRules.None, p.HighRules | p.LowRules));
        Assert.Equal(VariationStatus.CommonCause, nhsr.Variation);
    }

    [Fact]
    public void Analyse_SixRisingPoints_TrendUnderMakingDataCountOnly()
    {
        // Index 12 (10) then 10.1 … 10.5: six rising points; only five sit below the mean, so no shift.
        double[] rising = [10.1, 10.2, 10.3, 10.4, 10.5];
        var mdc = Analyse(rising, Polarity.HighIsGood, SpcOptions.MakingDataCount);
        Assert.All(mdc.Points.Skip(12), p => Assert.Equal(SpecialCauseRules.Trend, p.HighRules));
        Assert.All(mdc.Points.Skip(12), p => Assert.Equal(SpecialCauseRules.None, p.LowRules));
        Assert.Equal(SpecialCauseRules.None, mdc.Points[11].HighRules);
        Assert.Equal(VariationStatus.ImprovingHigh, mdc.Variation);
        Assert.Equal(VariationStatus.CommonCause, Analyse(rising, Polarity.HighIsGood, SpcOptions.NhsrPlotTheDots).Variation);
    }

    [Fact]
    public void Analyse_RisingTrendBelowMean_ConflictFollowsPreset()
    {
        // Index 12 (10) then 9.0 … 9.5: seven points below the mean (a low shift) and, from 9.0, six rising (a high trend).
        double[] tail = [9.0, 9.1, 9.2, 9.3, 9.4, 9.5];
        var mdc = Analyse(tail, Polarity.HighIsGood, SpcOptions.MakingDataCount);
        Assert.Equal(SpecialCauseRules.Shift, mdc.Points[12].LowRules);
        Assert.Equal(SpecialCauseRules.None, mdc.Points[12].HighRules);
        Assert.Equal(VariationStatus.ConcerningLow, mdc.Points[12].Variation);
        Assert.All(mdc.Points.Skip(13), p => Assert.Equal((SpecialCauseRules.Trend, SpecialCauseRules.Shift), (p.HighRules, p.LowRules)));
        Assert.Equal(VariationStatus.ImprovingHigh, mdc.Variation);
        Assert.Equal(VariationStatus.ImprovingLow, Analyse(tail, Polarity.LowIsGood, SpcOptions.MakingDataCount).Variation);

        var concernFirst = Analyse(tail, Polarity.HighIsGood, SpcOptions.MakingDataCount with { Conflict = SpecialCauseConflict.Concern });
        Assert.Equal(VariationStatus.ConcerningLow, concernFirst.Variation);

        var nhsr = Analyse(tail, Polarity.HighIsGood, SpcOptions.NhsrPlotTheDots);
        Assert.All(nhsr.Points.Skip(12), p => Assert.Equal((SpecialCauseRules.None, SpecialCauseRules.Shift), (p.HighRules, p.LowRules)));
        Assert.Equal(VariationStatus.ConcerningLow, nhsr.Variation);
    }

    [Fact]
    public void Analyse_TwoOfThreeBeyondTwoSigma_FlagsThoseTwoPoints()
    {
        // 12.5 and 12.6 beyond the 2σ line 12.2349, 10.8 between it and the mean 10.4615: all three above the mean.
        var chart = Analyse([12.5, 10.8, 12.6], Polarity.HighIsGood, SpcOptions.MakingDataCount);
        Assert.Equal(SpecialCauseRules.TwoOfThree, chart.Points[13].HighRules);
        Assert.Equal(SpecialCauseRules.None, chart.Points[14].HighRules);
        Assert.Equal(SpecialCauseRules.TwoOfThree, chart.Points[15].HighRules);
        Assert.Equal(VariationStatus.ImprovingHigh, chart.Variation);
    }

    [Theory]
    [InlineData(12.5, 10.0, 12.6)] // the middle point below the mean 10.4615
    [InlineData(12.5, 12.6, 10.2)] // the third point below the mean
    [InlineData(10.3, 12.5, 12.6)] // the first point below the mean
    public void Analyse_TwoOfThreeWindowStraddlingTheMean_NotASignal(double a, double b, double c)
    {
        // Making Data Count: two of three beyond 2σ counts only when all three points are on the same side of the mean.
        var chart = Analyse([a, b, c], Polarity.HighIsGood, SpcOptions.MakingDataCount);
        Assert.All(chart.Points, p => Assert.False(p.HighRules.HasFlag(SpecialCauseRules.TwoOfThree)));
    }

    [Fact]
    public void Analyse_TwoOfThreeBelowTheLowerTwoSigmaLine_FlagsLowWhenAllThreeBelowTheMean()
    {
        // Lower 2σ line 8.6882: 8.5 and 8.4 beyond it, 10.2 below the mean.
        var chart = Analyse([8.5, 10.2, 8.4], Polarity.HighIsGood, SpcOptions.MakingDataCount);
        Assert.Equal(SpecialCauseRules.TwoOfThree, chart.Points[13].LowRules);
        Assert.Equal(SpecialCauseRules.None, chart.Points[14].LowRules);
        Assert.Equal(SpecialCauseRules.TwoOfThree, chart.Points[15].LowRules);

        var straddling = Analyse([8.5, 10.6, 8.4], Polarity.HighIsGood, SpcOptions.MakingDataCount);
        Assert.Equal(SpecialCauseRules.None, straddling.Points[13].LowRules);
    }

    [Fact]
    public void Analyse_PointBeyondThreeSigma_CountsTowardsTwoOfThreeOnlyUnderNhsr()
    {
        var mdc = Analyse([12.5, 10.8, 14], Polarity.HighIsGood, SpcOptions.MakingDataCount);
        Assert.Equal(SpecialCauseRules.None, mdc.Points[13].HighRules);
        Assert.Equal(SpecialCauseRules.BeyondLimits, mdc.Points[15].HighRules);

        var nhsr = Analyse([12.5, 10.8, 14], Polarity.HighIsGood, SpcOptions.NhsrPlotTheDots);
        Assert.Equal(SpecialCauseRules.TwoOfThree, nhsr.Points[13].HighRules);
        Assert.Equal(SpecialCauseRules.BeyondLimits | SpecialCauseRules.TwoOfThree, nhsr.Points[15].HighRules);
    }

    [Fact]
    public void Analyse_TooFewPoints_InsufficientDataAndNoLimits()
    {
        var values = Baseline.Take(12).ToArray();
        var mdc = XmrChart.Analyse(values, Polarity.HighIsGood, SpcOptions.MakingDataCount, target: 5);
        Assert.Equal(VariationStatus.InsufficientData, mdc.Variation);
        Assert.Equal(AssuranceStatus.NotApplicable, mdc.Assurance);
        Assert.Null(mdc.Points[0].UpperProcessLimit);
        Assert.NotNull(XmrChart.Analyse(values, Polarity.HighIsGood, SpcOptions.NhsrPlotTheDots).Points[0].UpperProcessLimit);
    }

    [Fact]
    public void Analyse_LargeMovingRange_ScreenedOnlyUnderNhsr()
    {
        // Moving ranges: eleven of 1 and one of 19, mR̄ = 2.5; 19 > 3.267 × 2.5 so NHSR recalculates mR̄ = 1. Mean 156/13 = 12.
        double[] values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 30];
        var mdc = XmrChart.Analyse(values, Polarity.NoJudgement, SpcOptions.MakingDataCount);
        var nhsr = XmrChart.Analyse(values, Polarity.NoJudgement, SpcOptions.NhsrPlotTheDots);
        Assert.Equal(12 + (2.66 * 2.5), mdc.Points[0].UpperProcessLimit!.Value, 10);
        Assert.Equal(12 + 2.66, nhsr.Points[0].UpperProcessLimit!.Value, 10);
        Assert.Equal(SpecialCauseRules.BeyondLimits, nhsr.Points[12].HighRules);
    }

    [Fact]
    public void Analyse_RecalculateAt_NewLimitsForNewSegment()
    {
        double[] values = [.. Baseline, .. Baseline.Select(v => v + 10)];
        var single = XmrChart.Analyse(values, Polarity.LowIsGood, SpcOptions.MakingDataCount, baselineLength: 13);
        Assert.Equal(VariationStatus.ConcerningHigh, single.Variation);

        var recalculated = XmrChart.Analyse(values, Polarity.LowIsGood, SpcOptions.MakingDataCount, recalculateAt: [13]);
        Assert.Equal(136.0 / 13, recalculated.Points[0].Mean, 10);
        Assert.Equal(266.0 / 13, recalculated.Points[13].Mean, 10);
        Assert.Null(recalculated.Points[13].MovingRange);
        Assert.Equal(VariationStatus.CommonCause, recalculated.Variation);
    }

    [Fact]
    public void Analyse_NonFiniteValue_Throws() =>
        Assert.Throws<ArgumentException>(() => XmrChart.Analyse([1, double.NaN], Polarity.HighIsGood, SpcOptions.MakingDataCount));
}
