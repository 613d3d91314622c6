using CommunitySafety.Statistics;

namespace CommunitySafety.Core.Tests.Statistics;

public class EuropeanStandardPopulation2013Tests
{
    [Fact]
    public void FiveYearTo90Plus_Weights_SumToOneHundredThousand()
    {
        Assert.Equal(19, EuropeanStandardPopulation2013.FiveYearTo90Plus.Count);
        Assert.Equal(EuropeanStandardPopulation2013.Total, EuropeanStandardPopulation2013.FiveYearTo90Plus.Sum(b => b.Weight));
    }

    [Fact]
    public void FiveYearTo85Plus_TopBand_CombinesEightyFiveAndNinety()
    {
        var bands = EuropeanStandardPopulation2013.FiveYearTo85Plus;
        Assert.Equal(18, bands.Count);
        Assert.Equal(2500, bands[^1].Weight);
        Assert.Equal("85+", bands[^1].Label);
        Assert.Equal(100_000, bands.Sum(b => b.Weight));
    }

    [Fact]
    public void FiveYearTo90Plus_Bands_HavePublishedWeightsAndLabels()
    {
        var bands = EuropeanStandardPopulation2013.FiveYearTo90Plus;
        Assert.Equal(("0-4", 5000.0), (bands[0].Label, bands[0].Weight));
        Assert.Equal(("40-44", 7000.0), (bands[8].Label, bands[8].Weight));
        Assert.Equal(("90+", 1000.0), (bands[18].Label, bands[18].Weight));
    }
}
