using CommunitySafety.Hotspots.Methods;

namespace CommunitySafety.Hotspots.Tests.Methods;

public class FalseDiscoveryRateTests
{
    [Fact]
    public void BenjaminiHochberg_DocumentedExample_MatchesHandCalculation()
    {
        var adjusted = FalseDiscoveryRate.BenjaminiHochberg([0.01, 0.04, 0.03, 0.20]);

        Assert.Equal(0.04, adjusted[0], 1e-12);
        Assert.Equal(0.04 * 4 / 3, adjusted[1], 1e-12);
        Assert.Equal(0.04 * 4 / 3, adjusted[2], 1e-12); // raised to keep the order
        Assert.Equal(0.20, adjusted[3], 1e-12);
    }

    [Fact]
    public void BenjaminiHochberg_FixedList_MatchesPythonReference()
    {
        double[] p = [0.01, 0.04, 0.03, 0.20, 0.001, 0.5, 0.049, 0.012];

        var adjusted = FalseDiscoveryRate.BenjaminiHochberg(p);

        for (var i = 0; i < p.Length; i++)
        {
            Assert.Equal(TestData.Summary($"bh_{i}"), adjusted[i], 1e-12);
        }
    }

    [Fact]
    public void BenjaminiHochberg_NullValues_StayNullAndDoNotCount()
    {
        var adjusted = FalseDiscoveryRate.BenjaminiHochberg([0.02, null, 0.04]);

        Assert.Equal(0.04, adjusted[0]!.Value, 1e-12);
        Assert.Null(adjusted[1]);
        Assert.Equal(0.04, adjusted[2]!.Value, 1e-12);
    }

    [Fact]
    public void BenjaminiHochberg_NeverBelowTheRawValueAndNeverAboveOne()
    {
        var random = new Random(8);
        var p = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToArray();

        var adjusted = FalseDiscoveryRate.BenjaminiHochberg(p);

        Assert.All(p.Zip(adjusted), x => Assert.InRange(x.Second, x.First, 1.0));
    }

    [Fact]
    public void BenjaminiHochberg_ValueOutsideZeroToOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FalseDiscoveryRate.BenjaminiHochberg([0.5, 1.5]));
    }
}
