using CommunitySafety.Statistics;
using MathNet.Numerics.Distributions;

namespace CommunitySafety.Core.Tests.Statistics;

public class RecentTrendTests
{
    private static readonly Dictionary<string, TrendMarker> Labels =
        Enum.GetValues<TrendMarker>().ToDictionary(m => m.ToLabel(), m => m);

    [Fact]
    public void ForRates_ReferenceTable_MatchesNumpyWeightedLeastSquares()
    {
        var table = ReferenceTable.Load("trend_rates.csv");
        var check = new ReferenceTable.Check();
        foreach (var row in table.Rows)
        {
            var values = ReferenceTable.Numbers(table.Text(row, "values"));
            var lower = ReferenceTable.Numbers(table.Text(row, "lower95"));
            var upper = ReferenceTable.Numbers(table.Text(row, "upper95"));
            var series = values.Select((v, i) => new RateTrendPoint(v, lower[i], upper[i])).ToList();
            var trend = RecentTrend.ForRates(series, Polarity.LowIsGood);
            var context = table.Text(row, "values");
            check.Close(table.Number(row, "slope"), trend.Slope, context, absolute: 1e-12);
            check.Close(table.Number(row, "chi_squared"), trend.ChiSquared, context, absolute: 1e-12);
            check.Equal(Labels[table.Text(row, "marker_low_is_good")], trend.Marker, context);
        }

        check.AssertAllPassed();
    }

    [Fact]
    public void ForProportions_ReferenceTable_MatchesChiSquaredTestForTrend()
    {
        var table = ReferenceTable.Load("trend_proportions.csv");
        var check = new ReferenceTable.Check();
        foreach (var row in table.Rows)
        {
            var r = ReferenceTable.Numbers(table.Text(row, "numerators"));
            var n = ReferenceTable.Numbers(table.Text(row, "denominators"));
            var series = r.Select((x, i) => new ProportionTrendPoint((long)x, (long)n[i])).ToList();
            var trend = RecentTrend.ForProportions(series, Polarity.HighIsGood);
            var context = table.Text(row, "numerators");
            check.Close(table.Number(row, "slope"), trend.Slope, context, absolute: 1e-12);
            check.Close(table.Number(row, "chi_squared"), trend.ChiSquared, context, absolute: 1e-12);
            check.Equal(Labels[table.Text(row, "marker_high_is_good")], trend.Marker, context);
        }

        check.AssertAllPassed();
    }

    [Fact]
    public void ChiSquaredThreshold_Is998PercentPointOfOneDegreeOfFreedom() =>
        Assert.Equal(RecentTrend.ChiSquaredThreshold, ChiSquared.InvCDF(1, 0.998), 10);

    [Fact]
    public void ForProportions_WorkedExample_IncreasingAndGettingBetter()
    {
        ProportionTrendPoint[] series = [new(100, 1000), new(120, 1000), new(140, 1000), new(160, 1000), new(180, 1000)];
        var trend = RecentTrend.ForProportions(series, Polarity.HighIsGood);
        Assert.Equal(33.22, trend.ChiSquared!.Value, 2);
        Assert.Equal("Increasing and getting better", trend.Marker.ToLabel());
        Assert.Equal(TrendMarker.IncreasingAndGettingWorse, RecentTrend.ForProportions(series, Polarity.LowIsGood).Marker);
        Assert.Equal(TrendMarker.Increasing, RecentTrend.ForProportions(series, Polarity.NoJudgement).Marker);
    }

    [Fact]
    public void ForProportions_OnlyLastFivePointsUsed()
    {
        ProportionTrendPoint[] series = [new(900, 1000), new(10, 1000), new(180, 1000), new(160, 1000), new(140, 1000), new(120, 1000), new(100, 1000)];
        var trend = RecentTrend.ForProportions(series, Polarity.LowIsGood);
        Assert.Equal(TrendMarker.DecreasingAndGettingBetter, trend.Marker);
        Assert.Equal(5, trend.PointsUsed);
    }

    [Fact]
    public void ForProportions_SignChangesWhenAPointIsLeftOut_NoSignificantChange()
    {
        // A single jump in the last point makes χ² large, but leaving it out the remaining four points fall.
        ProportionTrendPoint[] series = [new(110, 1000), new(108, 1000), new(106, 1000), new(104, 1000), new(400, 1000)];
        var trend = RecentTrend.ForProportions(series, Polarity.LowIsGood);
        Assert.True(trend.ChiSquared > RecentTrend.ChiSquaredThreshold);
        Assert.Equal(TrendMarker.NoSignificantChange, trend.Marker);
    }

    [Fact]
    public void ForRates_MissingOrShortSeries_CannotBeCalculated()
    {
        RateTrendPoint[] four = [new(1, 0.5, 1.5), new(2, 1.5, 2.5), new(3, 2.5, 3.5), new(4, 3.5, 4.5)];
        Assert.Equal(TrendMarker.CannotBeCalculated, RecentTrend.ForRates(four, Polarity.LowIsGood).Marker);
        RateTrendPoint[] gap = [.. four, new(null, null, null)];
        Assert.Equal("Cannot be calculated", RecentTrend.ForRates(gap, Polarity.LowIsGood).Marker.ToLabel());
    }

    [Fact]
    public void ForRates_SteadyRiseWithNarrowIntervals_IncreasingAndGettingWorse()
    {
        var series = Enumerable.Range(0, 5).Select(i => CrudeRate.Calculate(1000 + (100 * i), 100_000))
            .Select(r => new RateTrendPoint(r.Value, r.Lower95, r.Upper95)).ToList();
        var trend = RecentTrend.ForRates(series, Polarity.LowIsGood);
        Assert.Equal(TrendMarker.IncreasingAndGettingWorse, trend.Marker);
        Assert.Equal(Direction.Higher, trend.Direction);
    }

    [Fact]
    public void ForProportions_PointWhoseNumeratorEqualsItsDenominator_CannotBeCalculated()
    {
        // p = 1 has no variance: Fingertips guards the division and gives no marker.
        ProportionTrendPoint[] series = [new(10, 20), new(12, 20), new(14, 20), new(17, 20), new(20, 20)];
        Assert.Equal(TrendMarker.CannotBeCalculated, RecentTrend.ForProportions(series, Polarity.HighIsGood).Marker);
    }

    [Fact]
    public void ForProportions_NonWholeNumeratorsAndDenominators_Calculated()
    {
        ProportionTrendPoint[] whole = [new(100, 1000), new(120, 1000), new(140, 1000), new(160, 1000), new(180, 1000)];
        ProportionTrendPoint[] modelled = [new(100.5, 1000.25), new(120.5, 1000.25), new(140.5, 1000.25), new(160.5, 1000.25), new(180.5, 1000.25)];
        var trend = RecentTrend.ForProportions(modelled, Polarity.HighIsGood);
        Assert.Equal(TrendMarker.IncreasingAndGettingBetter, trend.Marker);
        Assert.Equal(RecentTrend.ForProportions(whole, Polarity.HighIsGood).ChiSquared!.Value, trend.ChiSquared!.Value, 0);
    }
}
