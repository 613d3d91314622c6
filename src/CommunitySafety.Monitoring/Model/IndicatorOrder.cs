namespace CommunitySafety.Monitoring.Model;

/// <summary>
/// The one rule for the order of a framework's indicators, wherever they are listed (judgements, the dashboard, exports,
/// templates, the progress report): by their objective's order, then the indicator's own order, then its code (ordinal).
/// Indicators with no objective (demand and context) come after the objectives in lists and before them in the report,
/// where context is read first: <see cref="UnassignedLast"/> and <see cref="UnassignedFirst"/>.
/// </summary>
public sealed class IndicatorOrder : IComparer<Indicator>
{
    /// <summary>Indicators without an objective last: judgement lists, the dashboard, exports and templates.</summary>
    public static IndicatorOrder UnassignedLast { get; } = new(int.MaxValue);

    /// <summary>
    /// Indicators without an objective first, ahead of every objective whose order is 0 or more ("Demand and context"
    /// opens a framework's section of the progress report).
    /// </summary>
    public static IndicatorOrder UnassignedFirst { get; } = new(-1);

    private readonly int _unassigned;

    private IndicatorOrder(int unassigned) => _unassigned = unassigned;

    /// <summary>The place of an objective (null: no objective) among a framework's objectives under this rule.</summary>
    /// <param name="objective">The objective, or null.</param>
    /// <returns>The key objectives are sorted by.</returns>
    public int ObjectiveKey(Objective? objective) => objective?.Order ?? _unassigned;

    /// <summary>
    /// The objective an indicator measures: its <see cref="Indicator.Objective"/>, or the framework's objective with its
    /// <see cref="Indicator.ObjectiveId"/> when the navigation was not linked (a plan read without tracking).
    /// </summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="framework">Its framework, with its objectives; null to use the navigation alone.</param>
    /// <returns>The objective, or null when it has none.</returns>
    public static Objective? ObjectiveOf(Indicator indicator, MonitoringFramework? framework = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Objective ?? (indicator.ObjectiveId is { } id ? framework?.Objectives.FirstOrDefault(o => o.Id == id) : null);
    }

    /// <summary>A framework's indicators in this order, each placed by its objective (<see cref="ObjectiveOf"/>).</summary>
    /// <param name="framework">The framework, with its indicators (and objectives when the navigations are not linked).</param>
    /// <returns>The indicators, ordered.</returns>
    public IEnumerable<Indicator> Sort(MonitoringFramework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return Sort(framework.Indicators, i => i, framework);
    }

    /// <summary>Items about indicators of one framework (judgements, presenters) in this order.</summary>
    /// <typeparam name="T">The item.</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="indicatorOf">The indicator of an item.</param>
    /// <param name="framework">The framework, to find objectives whose navigation was not linked; null to use the navigation alone.</param>
    /// <returns>The items, ordered (a stable sort).</returns>
    public IOrderedEnumerable<T> Sort<T>(IEnumerable<T> items, Func<T, Indicator> indicatorOf, MonitoringFramework? framework = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(indicatorOf);
        return items.Order(Comparer<T>.Create((a, b) =>
        {
            var x = indicatorOf(a);
            var y = indicatorOf(b);
            return Compare(x, ObjectiveOf(x, framework), y, ObjectiveOf(y, framework));
        }));
    }

    /// <summary>Compares two indicators by this rule, each placed by its linked <see cref="Indicator.Objective"/>.</summary>
    /// <param name="x">One indicator.</param>
    /// <param name="y">The other.</param>
    /// <returns>Negative when <paramref name="x"/> comes first.</returns>
    public int Compare(Indicator? x, Indicator? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        return Compare(x, x.Objective, y, y.Objective);
    }

    private int Compare(Indicator x, Objective? xObjective, Indicator y, Objective? yObjective)
    {
        var byObjective = ObjectiveKey(xObjective).CompareTo(ObjectiveKey(yObjective));
        if (byObjective != 0)
        {
            return byObjective;
        }

        var byOrder = x.Order.CompareTo(y.Order);
        return byOrder != 0 ? byOrder : StringComparer.Ordinal.Compare(x.Code, y.Code);
    }
}
