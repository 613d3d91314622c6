using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Crime;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment.Tests.Matrix;

public class DeprivationGroupsTests
{
    private static DecileEvidence Decile(int decile, double population, long drugs = 0) =>
        new(decile, 1, population, new Dictionary<CrimeType, long> { [CrimeType.Drugs] = drugs });

    [Fact]
    public void Choose_WholeDecilesFromEachEnd_UntilEachHoldsAFifthOfResidents()
    {
        // Residents: decile 1 10%, 2 15%, 3 30%, 5 25%, 9 12%, 10 8%.
        // Most deprived: 1 (10%) is not a fifth, 1–2 (25%) is. Least deprived: 10 (8%), then 9–10 (20%).
        var groups = DeprivationGroups.Choose([Decile(1, 100), Decile(2, 150), Decile(3, 300), Decile(5, 250), Decile(9, 120), Decile(10, 80)], out var reason);

        Assert.Null(reason);
        Assert.Equal([1, 2], groups!.Value.MostDeprived);
        Assert.Equal([9, 10], groups.Value.LeastDeprived);
    }

    [Fact]
    public void Choose_TwoDeciles_OneEach()
    {
        var groups = DeprivationGroups.Choose([Decile(4, 900), Decile(6, 100)], out _);

        Assert.Equal([4], groups!.Value.MostDeprived);
        Assert.Equal([6], groups.Value.LeastDeprived);
    }

    [Fact]
    public void Choose_LeastDeprivedRunsOutOfDeciles_StopsWithoutOverlapping()
    {
        // The most deprived group takes 1, 2 and 3 (25%) to pass a fifth; the least deprived group is decile 4, the one left.
        var groups = DeprivationGroups.Choose([Decile(1, 5), Decile(2, 10), Decile(3, 10), Decile(4, 75)], out _);

        Assert.Equal([1, 2, 3], groups!.Value.MostDeprived);
        Assert.Equal([4], groups.Value.LeastDeprived);
    }

    [Fact]
    public void Choose_OneDecile_HasNothingToCompare()
    {
        Assert.Null(DeprivationGroups.Choose([Decile(3, 500), Decile(7, 0)], out var reason));
        Assert.Equal("all the area's LSOAs with residents are in one national deprivation decile (3), so there is nothing to compare", reason);
    }

    [Fact]
    public void Contrasts_SumCountsAndResidentsOfEachGroup()
    {
        var evidence = new DeprivationEvidence(
            "English Indices of Deprivation 2025 (MHCLG), IMD decile, LSOA 2021", "Census 2021 usual residents, LSOA 2021",
            YearMonth.Parse("2024-04"), YearMonth.Parse("2025-03"),
            [Decile(1, 100, 30), Decile(2, 150, 20), Decile(3, 300, 10), Decile(5, 250, 5), Decile(9, 120, 4), Decile(10, 80, 2)],
            LsoasWithoutDecile: 2, RecordsWithoutDecile: 17);

        var (contrasts, source) = DeprivationGroups.Contrasts(evidence, out _)!.Value;

        var drugs = contrasts[CrimeType.Drugs];
        Assert.Equal(("least deprived (deciles 9–10)", 6L, 200.0), (drugs.EarlierLabel, drugs.EarlierCount, drugs.EarlierPopulation));
        Assert.Equal(("most deprived (deciles 1–2)", 50L, 250.0), (drugs.LaterLabel, drugs.LaterCount, drugs.LaterPopulation));
        Assert.Equal(0, contrasts[CrimeType.Burglary].LaterCount);
        Assert.Equal(
            "English Indices of Deprivation 2025 (MHCLG), IMD decile, LSOA 2021; residents: Census 2021 usual residents, LSOA 2021; records April 2024 to March 2025; "
            + "most deprived: national deciles 1–2 (2 LSOAs, 25% of residents) against least deprived: deciles 9–10 (2 LSOAs, 20% of residents); 2 LSOAs (17 records) have no single decile in the index and are left out. Rates are per resident of the LSOAs where crimes were recorded, not of victims, and the index's crime domain itself counts recorded crime",
            source);
    }
}
