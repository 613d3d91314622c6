using CommunitySafety.Statistics;

namespace CommunitySafety.Core.Tests.Statistics;

public class MeanWithIntervalTests
{
    [Fact]
    public void FromSummary_ReferenceTable_MatchesScipyToOneInABillion()
    {
        var table = ReferenceTable.Load("means.csv");
        var check = new ReferenceTable.Check();
        foreach (var row in table.Rows)
        {
            var result = MeanWithInterval.FromSummary((int)table.Integer(row, "count"), table.Number(row, "mean"), table.Number(row, "sd"));
            var context = string.Join(',', row);
            check.Close(table.Number(row, "lower95"), result.Lower95, context);
            check.Close(table.Number(row, "upper95"), result.Upper95, context);
            check.Close(table.Number(row, "lower998"), result.Lower998, context);
            check.Close(table.Number(row, "upper998"), result.Upper998, context);
        }

        check.AssertAllPassed();
    }

    [Fact]
    public void Calculate_OneToTen_MatchesWorkedExample()
    {
        double[] values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var result = MeanWithInterval.Calculate(values);
        Assert.Equal(5.5, result.Value);
        Assert.Equal(3.02765, result.StandardDeviation!.Value, 5);
        Assert.Equal(3.33415, result.Lower95!.Value, 5);
        Assert.Equal(7.66585, result.Upper95!.Value, 5);
    }

    [Fact]
    public void Calculate_SingleValue_HasMeanButNoLimits()
    {
        var result = MeanWithInterval.Calculate([4.2]);
        Assert.Equal(4.2, result.Value);
        Assert.Null(result.Lower95);
        Assert.Null(MeanWithInterval.Calculate([]).Value);
    }
}
