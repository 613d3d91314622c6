using CommunitySafety.Hotspots.Methods;

namespace CommunitySafety.Hotspots.Tests.Methods;

public class LsoaRatesTests
{
    [Fact]
    public void Calculate_WithPopulation_GivesRatePerThousandWithLimits()
    {
        string?[] codes = ["E01000001", "E01000001", "E01000002", "", null, "E01000003"];
        var population = new Dictionary<string, double> { ["E01000001"] = 1_500, ["E01000002"] = 2_000, ["E01000004"] = 1_600 };

        var rates = LsoaRates.Calculate(codes, population);

        Assert.Equal(["E01000001", "E01000002", "E01000004", "E01000003"], rates.Select(r => r.LsoaCode));
        var first = rates[0];
        Assert.Equal(2, first.Count);
        Assert.Equal(2 / 1_500.0 * 1_000, first.Rate!.Value.Value!.Value, 1e-12);
        Assert.True(first.Rate.Value.Lower95 < first.Rate.Value.Value && first.Rate.Value.Upper95 > first.Rate.Value.Value);
        Assert.Equal(0, rates[2].Count);   // population but no crime
        Assert.Null(rates[3].Rate);        // crime but no population
    }

    [Fact]
    public void Calculate_PortsmouthSample_CountsEveryLocatedRecordOnce()
    {
        var crimes = TestData.PortsmouthCrimes();

        var rates = LsoaRates.Calculate(crimes.Select(c => c["LSOA code"]), new Dictionary<string, double>());

        Assert.Equal(crimes.Count(c => c["LSOA code"].Length > 0), rates.Sum(r => r.Count));
        Assert.All(rates, r => Assert.StartsWith("E01", r.LsoaCode, StringComparison.Ordinal));
    }
}
