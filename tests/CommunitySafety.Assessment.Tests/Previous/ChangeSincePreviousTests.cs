using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Assessment.Previous;

namespace CommunitySafety.Assessment.Tests.Previous;

public class ChangeSincePreviousTests
{
    private static MatrixResult Current(params (string Type, int Rank)[] rows) =>
        new(2, [.. rows.Select(r => new MatrixRow(r.Type, [], 0, r.Rank, r.Rank <= 2))]);

    [Fact]
    public void Compare_SameTopTypesInOtherOrder_ReportsNoChange()
    {
        var current = Current(("Burglary", 1), ("Robbery", 2), ("Drugs", 3));
        var previous = new Dictionary<string, int> { ["Robbery"] = 1, ["Burglary"] = 2, ["Drugs"] = 3 };

        var change = ChangeSincePrevious.Compare(current, "2019/20", previous);

        Assert.True(change.TopPrioritiesUnchanged);
        Assert.Equal("There was no change in the 2 highest-scoring crime types compared with 2019/20.", change.Summary);
        Assert.Equal([1, -1, 0], change.Rows.Select(r => r.Movement!.Value));
    }

    [Fact]
    public void Compare_NewTopType_ReportsEnteredAndLeft()
    {
        var current = Current(("Drugs", 1), ("Burglary", 2), ("Robbery", 3));
        var previous = new Dictionary<string, int> { ["Robbery"] = 1, ["Burglary"] = 2, ["Drugs"] = 5 };

        var change = ChangeSincePrevious.Compare(current, "2021/22", previous);

        Assert.False(change.TopPrioritiesUnchanged);
        Assert.Equal(["Drugs"], change.Entered);
        Assert.Equal(["Robbery"], change.Left);
        Assert.Equal("Compared with 2021/22, 1 of the 2 highest-scoring crime types changed: Drugs entered; Robbery left.", change.Summary);
        Assert.Equal(4, change.Rows[0].Movement);
    }

    [Fact]
    public void Compare_TypeNotScoredBefore_HasNoMovement()
    {
        var current = Current(("Burglary", 1), ("Shoplifting", 2));
        var previous = new Dictionary<string, int> { ["Burglary"] = 1, ["Robbery"] = 2 };

        var change = ChangeSincePrevious.Compare(current, "2019/20", previous, sameMatrix: false);

        Assert.Null(change.Rows[1].PreviousRank);
        Assert.Null(change.Rows[1].Movement);
        Assert.EndsWith("different matrix, which can move ranks by itself.", change.Summary, StringComparison.Ordinal);
    }
}
