using CommunitySafety.Statistics;

namespace CommunitySafety.Core.Tests.Statistics;

public class DirectlyStandardisedRateTests
{
    private static AgeBandObservation[] Bands(double[] counts, double[] populations) =>
        counts.Select((c, i) => new AgeBandObservation(c, populations[i], EuropeanStandardPopulation2013.FiveYearTo90Plus[i].Weight)).ToArray();

    [Fact]
    public void Calculate_ReferenceTable_MatchesScipyToOneInABillion()
    {
        var table = ReferenceTable.Load("dsr.csv");
        var check = new ReferenceTable.Check();
        foreach (var row in table.Rows)
        {
            var result = DirectlyStandardisedRate.Calculate(
                Bands(ReferenceTable.Numbers(table.Text(row, "counts")), ReferenceTable.Numbers(table.Text(row, "populations"))));
            var context = table.Text(row, "counts");
            check.Close(table.Optional(row, "value"), result.Value, context);
            check.Close(table.Optional(row, "lower95"), result.Lower95, context);
            check.Close(table.Optional(row, "upper95"), result.Upper95, context);
            check.Close(table.Optional(row, "lower998"), result.Lower998, context);
            check.Close(table.Optional(row, "upper998"), result.Upper998, context);
        }

        check.AssertAllPassed();
    }

    [Fact]
    public void Calculate_EqualRatesInEveryBand_EqualsCrudeRate()
    {
        var result = DirectlyStandardisedRate.Calculate(Bands(Enumerable.Repeat(10.0, 19).ToArray(), Enumerable.Repeat(1000.0, 19).ToArray()));
        Assert.Equal(1000, result.Value!.Value, 9);
        Assert.Equal(855.4, result.Lower95!.Value, 1);
        Assert.Equal(1161.0, result.Upper95!.Value, 1);
        Assert.Null(result.NotCalculatedReason);
    }

    [Fact]
    public void Calculate_FewerThanTenEvents_SaysNotCalculated()
    {
        var counts = new double[19];
        counts[3] = 9;
        var result = DirectlyStandardisedRate.Calculate(Bands(counts, Enumerable.Repeat(5000.0, 19).ToArray()));
        Assert.Null(result.Value);
        Assert.Null(result.Lower95);
        Assert.Equal(9, result.TotalCount);
        Assert.Contains("below 10", result.NotCalculatedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_EventsWithoutPopulation_Throws()
    {
        AgeBandObservation[] bands = [new(12, 0, 5000), new(3, 100, 5500)];
        Assert.Throws<ArgumentException>(() => DirectlyStandardisedRate.Calculate(bands));
    }
}
