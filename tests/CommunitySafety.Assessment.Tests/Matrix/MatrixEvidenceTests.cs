using CommunitySafety.Areas;
using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Crime;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment.Tests.Matrix;

public class MatrixEvidenceTests
{
    private static readonly AssessmentData Empty = new(new AreaData(new Area(AreaCode.Parse("E06000032"), "Luton", AreaType.LocalAuthority), []), null, [], []);

    private static MonthsCounts Period(string first, string last, double? population, long burglary) =>
        new(YearMonth.Parse(first), YearMonth.Parse(last), 12, population, "test", new Dictionary<CrimeType, long> { [CrimeType.Burglary] = burglary });

    [Fact]
    public void Add_RollingYears_GiveEachCrimeTypeItsTwoCountsAndPopulations()
    {
        var data = Empty with { Rolling = new RollingYears(Period("2024-01", "2024-12", 200_000, 900), Period("2025-01", "2025-12", 210_000, 800)) };

        var evidence = MatrixEvidence.Add(data, [new CrimeTypeEvidence { CrimeType = CrimeType.Burglary }, new CrimeTypeEvidence { CrimeType = CrimeType.Drugs }]);

        Assert.Equal(new RateContrast("Jan 2024–Dec 2024", 900, 200_000, "Jan 2025–Dec 2025", 800, 210_000), evidence[0].Rolling);
        Assert.Equal(new RateContrast("Jan 2024–Dec 2024", 0, 200_000, "Jan 2025–Dec 2025", 0, 210_000), evidence[1].Rolling);
        Assert.Null(evidence[0].RollingNote);
        Assert.Equal("rates on test for both periods", evidence[0].RollingSource);
        Assert.Equal("no deprivation evidence was loaded", evidence[0].DeprivationNote);
    }

    [Fact]
    public void Add_RollingYearsWithoutPopulation_HaveNoTrendAndSayWhy()
    {
        var data = Empty with { Rolling = new RollingYears(Period("2024-01", "2024-12", null, 900), Period("2025-01", "2025-12", 210_000, 800)) };

        var evidence = MatrixEvidence.Add(data, [new CrimeTypeEvidence { CrimeType = CrimeType.Burglary }]);

        Assert.Null(evidence[0].Rolling);
        Assert.Equal("no population for a rate in Jan 2024–Dec 2024 or Jan 2025–Dec 2025", evidence[0].RollingNote);
    }

    [Fact]
    public void Add_NotLoaded_PassesTheSourcesReasonOn()
    {
        var data = Empty with { RollingNote = "the longest run is 8 months", DeprivationNote = "no Index of Multiple Deprivation in the store covers Luton's LSOAs" };

        var evidence = MatrixEvidence.Add(data, [new CrimeTypeEvidence { CrimeType = CrimeType.Burglary }]);

        Assert.Equal("the longest run is 8 months", evidence[0].RollingNote);
        Assert.Equal("no Index of Multiple Deprivation in the store covers Luton's LSOAs", evidence[0].DeprivationNote);
    }
}
