using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment.Store;

public sealed partial class StoreAssessmentSource
{
    /// <summary>
    /// The provenance of an area's figures for <paramref name="year"/>: the population estimate its rates use (mid-year,
    /// source and derivation, with the Data layer's warning when more than two years from the year's own mid-year) and whether
    /// England and Wales can be compared (all 43 forces in the store) or which forces the store holds.
    /// </summary>
    public DataProvenance Provenance(ResolvedArea area, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(area);
        _ = Year(area, year);
        var figure = Population(area, year);
        // The Data layer's warning when the estimate is more than two years from the year's own mid-year.
        var warning = figure?.Warning;

        var ew = new ResolvedArea(AreaKind.EnglandAndWales, Areas.Area.EnglandAndWales.Name, Areas.Area.EnglandAndWales.Code);
        if (!_nationalCoverage.TryGetValue(year, out var coverage))
        {
            _nationalCoverage[year] = coverage = _counts.Count(new CountQuery(ew) { FirstMonth = year.FirstMonth, LastMonth = year.LastMonth }).Forces;
        }

        var source = figure is null ? null : figure.Derivation.Length > 0 ? $"{figure.Source}; {figure.Derivation}" : figure.Source;
        return new DataProvenance(figure?.Year, source, warning, NationalComparatorText(coverage, year))
        {
            IsNationalCompared = !coverage.IsPartial,
            NationalCoverage = coverage.Text,
        };
    }

    /// <summary>Whether England and Wales is compared in <paramref name="year"/>, and if not which forces the store holds and what to import.</summary>
    internal static string NationalComparatorText(ForceCoverage coverage, FinancialYear year) => coverage.IsPartial
        ? $"England and Wales is not compared in {year}: the store holds police.uk data for {coverage.Text}{(coverage.Forces.Count > 0 ? $" ({string.Join(", ", coverage.Forces)})" : string.Empty)}, and their sum is not the national picture. Import the street files of all {coverage.OutOf} forces for {year.FirstMonth} to {year.LastMonth} to compare."
        : $"England and Wales: the police.uk data of all {coverage.OutOf} forces for {year} are in the store.";
}
