using CommunitySafety.Statistics;
using MathNet.Numerics.Distributions;

namespace CommunitySafety.Core.Tests.Statistics;

public class PoissonLimitsTests
{
    // Exact 95% limits of small Poisson counts as tabulated in the literature
    // (e.g. Breslow & Day 1987, appendix; PHE "Technical Guide: Confidence Intervals").
    [Theory]
    [InlineData(0, 0.0, 3.6889)]
    [InlineData(1, 0.0253, 5.5716)]
    [InlineData(2, 0.2422, 7.2247)]
    [InlineData(3, 0.6187, 8.7673)]
    [InlineData(5, 1.6235, 11.6683)]
    [InlineData(9, 4.1154, 17.0848)]
    public void ExactLimits_SmallCounts_MatchPublishedTable(long count, double lower, double upper)
    {
        Assert.Equal(lower, PoissonLimits.ExactLower(count, 0.95), 4);
        Assert.Equal(upper, PoissonLimits.ExactUpper(count, 0.95), 4);
    }

    [Fact]
    public void ByarsLimits_TenEvents_MatchHandCalculation()
    {
        // O = 10, z = 1.959964: 10(1 − 1/90 − z/(3√10))³ and 11(1 − 1/99 + z/(3√11))³.
        Assert.Equal(4.787450, PoissonLimits.ByarsLower(10, ZValues.Exact95), 6);
        Assert.Equal(18.391459, PoissonLimits.ByarsUpper(10, ZValues.Exact95), 6);
        Assert.Equal(4.795389, PoissonLimits.ExactLower(10, 0.95), 6);
        Assert.Equal(18.390356, PoissonLimits.ExactUpper(10, 0.95), 6);
    }

    [Fact]
    public void ByarsLower_CountOneAt998_FlooredAtZeroNotNegative()
    {
        // 1 − 1/9 − 3.090232/3 = −0.1412: the cube is −0.0028, which a count's limit cannot be.
        Assert.Equal(0, PoissonLimits.ByarsLower(1, ZValues.Exact998));
        Assert.Equal(0, PoissonLimits.Limits(1, PoissonMethod.Byars).Lower998);
        Assert.True(PoissonLimits.ByarsLower(2, ZValues.Exact998) > 0);
        Assert.Equal(CrudeRate.Calculate(1, 1000, RateOptions.Default with { Method = PoissonMethod.Byars }).Lower998, 0);
    }

    [Fact]
    public void ZValues_ExactQuantile_EqualsNormalQuantile()
    {
        Assert.Equal(ZValues.Exact95, Normal.InvCDF(0, 1, 0.975), 14);
        Assert.Equal(ZValues.Exact998, Normal.InvCDF(0, 1, 0.999), 14);
        Assert.Equal(1.96, ZValues.For95(ZConvention.Rounded));
    }

    [Theory]
    [InlineData(0, PoissonMethod.Exact)]
    [InlineData(9, PoissonMethod.Exact)]
    [InlineData(10, PoissonMethod.Byars)]
    [InlineData(1000, PoissonMethod.Byars)]
    public void Resolve_Auto_UsesExactBelowTen(long count, PoissonMethod expected) =>
        Assert.Equal(expected, PoissonLimits.Resolve(count, PoissonMethod.Auto));

    [Fact]
    public void Limits_CachedExact_EqualsDirectCalculation()
    {
        for (var o = 0; o < 1100; o += 37)
        {
            var (l95, u95, l998, u998) = PoissonLimits.Limits(o, PoissonMethod.Exact);
            Assert.Equal(PoissonLimits.ExactLower(o, 0.95), l95);
            Assert.Equal(PoissonLimits.ExactUpper(o, 0.95), u95);
            Assert.Equal(PoissonLimits.ExactLower(o, 0.998), l998);
            Assert.Equal(PoissonLimits.ExactUpper(o, 0.998), u998);
        }
    }

    [Fact]
    public void Limits_NegativeCount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PoissonLimits.Limits(-1));
}
