using CommunitySafety.Monitoring.Model;

namespace CommunitySafety.Monitoring.Tests.Model;

/// <summary>The one order of a framework's indicators, in lists and in the report.</summary>
public sealed class IndicatorOrderTests
{
    private static MonitoringFramework Framework()
    {
        var framework = new MonitoringFramework { Id = 1, Code = "F", Name = "Framework" };
        var second = new Objective { Id = 20, FrameworkId = 1, Code = "B", Title = "Second", Order = 2 };
        var first = new Objective { Id = 10, FrameworkId = 1, Code = "A", Title = "First", Order = 1 };
        framework.Objectives.AddRange([second, first]);
        // Navigations not linked (as a plan read without tracking): only the keys say which objective.
        framework.Indicators.AddRange(
        [
            new Indicator { Code = "B-2", Title = "b2", ObjectiveId = 20, Order = 1 },
            new Indicator { Code = "CTX-b", Title = "context b", Order = 1 },
            new Indicator { Code = "A-9", Title = "a9", ObjectiveId = 10, Order = 2 },
            new Indicator { Code = "A-10", Title = "a10", ObjectiveId = 10, Order = 2 },
            new Indicator { Code = "CTX-a", Title = "context a", Order = 1 },
            new Indicator { Code = "A-1", Title = "a1", ObjectiveId = 10, Order = 1 },
        ]);
        return framework;
    }

    [Fact]
    public void UnassignedLast_ByObjectiveThenOrderThenOrdinalCode_ContextAfterTheObjectives()
    {
        var codes = IndicatorOrder.UnassignedLast.Sort(Framework()).Select(i => i.Code);

        // "A-10" before "A-9": ordinal code order, not numeric.
        Assert.Equal(["A-1", "A-10", "A-9", "B-2", "CTX-a", "CTX-b"], codes);
    }

    [Fact]
    public void UnassignedFirst_PutsDemandAndContextBeforeTheObjectives_OtherwiseTheSameRule()
    {
        var framework = Framework();

        var codes = IndicatorOrder.UnassignedFirst.Sort(framework.Indicators, i => i, framework).Select(i => i.Code);

        Assert.Equal(["CTX-a", "CTX-b", "A-1", "A-10", "A-9", "B-2"], codes);
    }

    [Fact]
    public void Comparer_UsesTheLinkedObjective_AndAgreesWithSort()
    {
        var framework = Framework();
        foreach (var indicator in framework.Indicators)
        {
            indicator.Objective = framework.Objectives.SingleOrDefault(o => o.Id == indicator.ObjectiveId);
        }

        var sorted = framework.Indicators.Order(IndicatorOrder.UnassignedLast).Select(i => i.Code);

        Assert.Equal(IndicatorOrder.UnassignedLast.Sort(framework).Select(i => i.Code), sorted);
        Assert.Equal(0, IndicatorOrder.UnassignedLast.Compare(null, null));
        Assert.True(IndicatorOrder.UnassignedLast.Compare(null, framework.Indicators[0]) < 0);
    }
}
