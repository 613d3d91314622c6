using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Statistics;

namespace CommunitySafety.Monitoring.Tests.Values;

/// <summary>The one disclosure rule (<see cref="DisclosureControl"/>).</summary>
public sealed class DisclosureRuleTests
{
    private static Indicator Of(IndicatorValueType type, int? threshold = null) =>
        new() { Code = "X", Title = "X", ValueType = type, Multiplier = type == IndicatorValueType.Proportion ? 100 : 1, Polarity = Polarity.NoJudgement, DisclosureThreshold = threshold };

    [Theory]
    [InlineData(3, null, true)] // the case: no threshold named → the default, 5
    [InlineData(4, null, true)]
    [InlineData(5, null, false)]
    [InlineData(0, null, false)]
    [InlineData(9, 10, true)]
    [InlineData(10, 10, false)]
    public void Count_IsWithheldBelowTheThreshold_OrTheDefault(int count, int? threshold, bool withheld) =>
        Assert.Equal(withheld, DisclosureControl.MustSuppress(Of(IndicatorValueType.Count, threshold), count));

    [Fact]
    public void Percentages_OfSmallDenominators_AndSmallComplements_AreWithheld()
    {
        var pct = Of(IndicatorValueType.Proportion);
        Assert.True(DisclosureControl.MustSuppress(pct, 0, 4));
        Assert.True(DisclosureControl.MustSuppress(pct, 97, 100));
        Assert.False(DisclosureControl.MustSuppress(pct, 50, 100));
        Assert.False(DisclosureControl.MustSuppress(Of(IndicatorValueType.Count), 50, 3));
    }

    [Fact]
    public void Value_IsWithheld_WhenTheValueItIsComparedWithIs()
    {
        var count = Of(IndicatorValueType.Count);
        var now = new IndicatorValue { AreaCode = "E06000032", EnteredBy = "a", Count = 40 };
        var before = new IndicatorValue { AreaCode = "E06000032", EnteredBy = "a", Count = 3 };
        Assert.True(DisclosureControl.MustSuppress(count, now, before));
        Assert.False(DisclosureControl.MustSuppress(count, now, null));
    }

    [Fact]
    public void Group_SuppressesASecondCell_SoTheFirstCannotBeWorkedOut()
    {
        var (cells, total) = DisclosureControl.Group([3, 40, 57], 100);
        Assert.Equal([true, true, false], cells);
        Assert.False(total);
    }
}
