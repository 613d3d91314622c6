using System.Globalization;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Periods;

namespace CommunitySafety.Monitoring.Judgement;

/// <summary>
/// A year-end judgement of an indicator reported quarterly or monthly: its annual total against the previous year's,
/// not the last quarter against the same quarter last year (which is what a quarterly report judges).
/// </summary>
/// <remarks>
/// Counts are added up; a proportion's counts and denominators are added up and the proportion worked out again (the
/// mean of four percentages would weight the quarters wrongly). A year is totalled only when every quarter (or month) has a
/// value; otherwise the year has no value and says which parts are missing. Rates, means and scores cannot be added up
/// and are judged at their own frequency. Only a target set for the year itself applies to the total (a target for every
/// period is a quarterly or monthly target). A total made of any draft is a draft.
/// </remarks>
public static class AnnualTotals
{
    /// <summary>Whether a judgement for <paramref name="period"/> is made on annual totals of <paramref name="indicator"/>.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="period">The period judged.</param>
    /// <returns>True for a financial year and a quarterly or monthly count or proportion.</returns>
    public static bool Applies(Indicator indicator, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return period.Kind == PeriodKind.FinancialYear
               && indicator.PeriodKind is PeriodKind.FinancialQuarter or PeriodKind.Month
               && indicator.ValueType is IndicatorValueType.Count or IndicatorValueType.Proportion;
    }

    /// <summary>The indicator as judged on annual totals: only targets set for <paramref name="year"/> itself.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="year">The year judged.</param>
    /// <returns>A copy with the year's targets.</returns>
    public static Indicator ForAnnualTotals(Indicator indicator, ReportingPeriod year)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        var text = year.ToString();
        return new Indicator
        {
            Id = indicator.Id,
            FrameworkId = indicator.FrameworkId,
            ObjectiveId = indicator.ObjectiveId,
            Code = indicator.Code,
            Title = indicator.Title,
            Definition = indicator.Definition,
            Source = indicator.Source,
            OwnerOrganisation = indicator.OwnerOrganisation,
            ValueType = indicator.ValueType,
            Multiplier = indicator.Multiplier,
            Polarity = indicator.Polarity,
            Frequency = ReportingFrequency.Annual,
            YearType = YearType.Financial,
            DenominatorDefinition = indicator.DenominatorDefinition,
            Benchmark = indicator.Benchmark,
            BenchmarkAreaCode = indicator.BenchmarkAreaCode,
            ReportingAreaCode = indicator.ReportingAreaCode,
            DisclosureThreshold = indicator.DisclosureThreshold,
            BaselinePeriod = indicator.BaselinePeriod,
            IsExampleData = indicator.IsExampleData,
            Order = indicator.Order,
            Targets = [.. indicator.Targets.Where(t => t.Period == text)],
        };
    }

    /// <summary>The financial-year totals of a quarterly or monthly series (one area and category), oldest first.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="parts">Its quarterly or monthly values.</param>
    /// <returns>One row per financial year with any part: the total, or no value with the reason.</returns>
    public static IReadOnlyList<IndicatorValue> Sum(Indicator indicator, IEnumerable<IndicatorValue> parts)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(parts);
        var result = new List<IndicatorValue>();
        var expected = indicator.PeriodKind == PeriodKind.Month ? 12 : 4;
        var partName = indicator.PeriodKind == PeriodKind.Month ? "months" : "quarters";
        foreach (var year in parts.Where(p => p.PeriodKind == indicator.PeriodKind).GroupBy(p => p.Period.FirstMonth.FinancialYear).OrderBy(g => g.Key.StartYear))
        {
            var period = ReportingPeriod.OfFinancialYear(year.Key);
            var rows = year.GroupBy(p => p.PeriodStart).Select(g => g.First()).OrderBy(p => p.PeriodStart).ToList();
            var first = rows[0];
            var total = new IndicatorValue
            {
                IndicatorId = first.IndicatorId,
                AreaCode = first.AreaCode,
                Period = period,
                CategoryType = first.CategoryType,
                Category = first.Category,
                Status = rows.Any(r => r.Status == ValueStatus.Provisional) ? ValueStatus.Provisional : ValueStatus.Final,
                Review = rows.Any(r => r.Review == ReviewState.Draft) ? ReviewState.Draft : ReviewState.Approved,
                EnteredBy = "annual total",
                EnteredAt = rows.Max(r => r.EnteredAt),
            };
            var missing = rows.Where(r => r.Value is null).Select(r => r.Period.ToString()).ToList();
            if (rows.Count < expected || missing.Count > 0)
            {
                total.MissingReason = string.Create(CultureInfo.InvariantCulture,
                    $"No annual total: {rows.Count - missing.Count} of {expected} {partName} of {period} have a value");
            }
            else if (indicator.ValueType == IndicatorValueType.Count)
            {
                total.Count = rows.Sum(r => r.Count ?? r.Value!.Value);
                total.Value = total.Count;
            }
            else if (rows.All(r => r.Count is not null && r.Denominator is > 0))
            {
                total.Count = rows.Sum(r => r.Count!.Value);
                total.Denominator = rows.Sum(r => r.Denominator!.Value);
                total.Value = total.Count / total.Denominator * indicator.Multiplier;
            }
            else
            {
                total.MissingReason = $"No annual total: a yearly proportion needs the count and denominator of every {partName[..^1]} of {period}";
            }

            result.Add(total);
        }

        return result;
    }
}
