using CommunitySafety.Assessment.Harm;
using CommunitySafety.Crime;

namespace CommunitySafety.Assessment.Tests.Harm;

public class HarmWeightsTests
{
    [Fact]
    public void Default_CoversEveryCurrentCrimeTypeAndDocumentsItsSource()
    {
        var weights = HarmWeights.Default;

        Assert.Equal(CrimeType.Current.Count, weights.All.Count);
        Assert.Contains("Crime Severity Score", weights.Notes, StringComparison.Ordinal);
        Assert.Contains("CAVEAT", weights.Notes, StringComparison.Ordinal);
        Assert.Contains("Open Government Licence v3.0", weights.Notes, StringComparison.Ordinal);
        Assert.Equal(HarmWeights.DefaultSource, weights.Source);
        Assert.Equal(0, weights.For(CrimeType.AntiSocialBehaviour)!.Weight);
        Assert.True(weights.For(CrimeType.Robbery)!.Weight > weights.For(CrimeType.Shoplifting)!.Weight);
    }

    [Fact]
    public void Parse_UnknownCrimeType_ThrowsNamingLine()
    {
        var e = Assert.Throws<AssessmentConfigurationException>(() => HarmWeights.Parse("crime_type,weight\nBurglary,10\nMurder,7979\n", "h.csv"));
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NegativeWeight_Throws()
    {
        Assert.Throws<AssessmentConfigurationException>(() => HarmWeights.Parse("crime_type,weight\nBurglary,-1\n", "h.csv"));
    }

    [Fact]
    public void Parse_QuotedBasisWithComma_KeepsIt()
    {
        var w = HarmWeights.Parse("crime_type,weight,basis\nburglary,150,\"CSS, 2016\"\n", "h.csv");
        Assert.Equal("CSS, 2016", w.For(CrimeType.Burglary)!.Basis);
    }
}
