using CommunitySafety.Statistics;

namespace CommunitySafety.Core.Tests.Statistics;

public class PercentilesTests
{
    [Fact]
    public void Summarise_ReferenceTable_MatchesNumpyToOneInABillion()
    {
        var table = ReferenceTable.Load("percentiles.csv");
        var check = new ReferenceTable.Check();
        foreach (var row in table.Rows)
        {
            var summary = Percentiles.Summarise(ReferenceTable.Numbers(table.Text(row, "values")).Select(v => (double?)v))!;
            var context = table.Text(row, "values");
            check.Close(table.Number(row, "minimum"), summary.Minimum, context);
            check.Close(table.Number(row, "p5"), summary.P5, context);
            check.Close(table.Number(row, "p25"), summary.P25, context);
            check.Close(table.Number(row, "median"), summary.Median, context);
            check.Close(table.Number(row, "p75"), summary.P75, context);
            check.Close(table.Number(row, "p95"), summary.P95, context);
            check.Close(table.Number(row, "maximum"), summary.Maximum, context);
        }

        check.AssertAllPassed();
    }

    [Fact]
    public void OfSorted_QuarterOfOneToFour_IsOnePointSevenFive() =>
        Assert.Equal(1.75, Percentiles.OfSorted([1, 2, 3, 4], 0.25));

    [Fact]
    public void Summarise_MissingValues_AreLeftOut()
    {
        var summary = Percentiles.Summarise([null, 3, double.NaN, 1, 2])!;
        Assert.Equal(3, summary.Count);
        Assert.Equal(2, summary.Median);
        Assert.Null(Percentiles.Summarise([null]));
    }
}
