using CommunitySafety.Reports.Model;

namespace CommunitySafety.Reports.Disclosure;

/// <summary>
/// Disclosure control for the benchmarking charts of the published strategic assessment (bars with intervals, funnel
/// plot): one count per area, published beside the group's rate, from which the group's total can be worked out. Each
/// area's count is a cell of that total, so <see cref="SmallCountSuppression.Group"/> applies: small counts are
/// suppressed and, when only one is, the smallest other count as well. A suppressed area's count, rate and confidence
/// interval are all withheld (any of them gives the count back with the population), and its bar or point is not drawn.
/// </summary>
/// <param name="Variant">Internal (nothing suppressed) or published.</param>
/// <param name="Threshold">Counts from 1 to one below this are suppressed.</param>
public sealed record AreaCountDisclosure(ReportVariant Variant = ReportVariant.Internal, int Threshold = SmallCountSuppression.DefaultThreshold)
{
    /// <summary>Nothing suppressed: the internal variant.</summary>
    public static AreaCountDisclosure None { get; } = new();

    /// <summary>Which of the areas' counts are withheld.</summary>
    /// <param name="counts">Each area's count, in the table's order.</param>
    /// <returns>One flag per area; all false for the internal variant.</returns>
    public bool[] Suppress(IReadOnlyList<long> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (Variant != ReportVariant.Published)
        {
            return new bool[counts.Count];
        }

        var cells = counts.Select(c => (double?)c).ToList();
        return SmallCountSuppression.Group(cells, counts.Sum(), Threshold).Cells;
    }
}
