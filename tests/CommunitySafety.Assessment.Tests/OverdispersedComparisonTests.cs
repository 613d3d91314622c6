using CommunitySafety.Areas;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Assessment.Sensitivity;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Tests;

/// <summary>
/// Peer comparisons allow for overdispersion (Spiegelhalter 2005) when the area and its peers show it: on counts of
/// ~20,000 almost every area is "significantly" different from its peers by chance alone, which the allowance corrects.
/// </summary>
public class OverdispersedComparisonTests
{
    private static readonly Area Area = TestData.AreaOf("E06000032", "Luton");

    // Fifteen peers of 200,000 residents with recorded crime from 16,000 to 24,400 (80 to 122 per 1,000), the area 20,900.
    private static readonly long[] PeerCounts = [16_000, 16_600, 17_200, 17_800, 18_400, 19_000, 19_600, 20_200, 20_800, 21_400, 22_000, 22_600, 23_200, 23_800, 24_400];
    private const long AreaCount = 22_900;
    private const double Population = 200_000;

    private static AssessmentResult Run(OverdispersionMethod method)
    {
        var peers = PeerCounts.Select((c, i) => TestData.Data(TestData.AreaOf($"E06{i + 100:000000}", $"Peer {i + 1}"), TestData.Year("2024/25", c, Population))).ToArray();
        var data = new AssessmentData(TestData.Data(Area, TestData.Year("2024/25", AreaCount, Population)), null, peers, []);
        var request = new AssessmentRequest
        {
            Year = TestData.Fy("2024/25"),
            PeerGroup = new PeerGroup(Area.Code, [.. peers.Select(p => p.Area.Code)], "test peers", new Dictionary<AreaCode, double>()),
        };
        var settings = AssessmentSettings.Default with { Overdispersion = method, Sensitivity = SensitivitySettings.Default with { Draws = 50 } };
        return StrategicAssessment.Assess(request, data, settings, DateTimeOffset.UnixEpoch);
    }

    /// <summary>φ and τ² by the formulas of Spiegelhalter (2005), written out independently of the statistics engine.</summary>
    private static (double Phi, double Tau2, double Target) ByHand()
    {
        var counts = PeerCounts.Append(AreaCount).Select(c => (double)c).ToArray();
        var target = PeerCounts.Sum() / (PeerCounts.Length * Population);
        var expected = target * Population;
        var z = counts.Select(o => 2 * (Math.Sqrt(o) - Math.Sqrt(expected))).Order().ToArray();
        double Quantile(double p)
        {
            var h = (z.Length - 1) * p;
            var lo = (int)Math.Floor(h);
            return z[lo] + ((h - lo) * (z[Math.Min(lo + 1, z.Length - 1)] - z[lo]));
        }

        var (low, high) = (Quantile(0.1), Quantile(0.9));
        var phi = z.Sum(v => Math.Pow(Math.Clamp(v, low, high), 2)) / z.Length;
        var w = 4 * expected; // 1 / s², s² = 1 / (4E) on the square-root scale
        var sumW = w * z.Length;
        var sumW2 = w * w * z.Length;
        var tau2 = Math.Max(0, ((z.Length * phi) - (z.Length - 1)) / (sumW - (sumW2 / sumW)));
        return (phi, tau2, target * 1000);
    }

    [Fact]
    public void Assess_OverdispersedPeers_PhiAndTauSquaredAreSpiegelhaltersEstimates()
    {
        var (phi, tau2, _) = ByHand();

        var all = Run(OverdispersionMethod.AdditiveRandomEffects).Benchmarks[0];

        Assert.Equal(phi, all.OverdispersionPhi!.Value, 9);
        Assert.Equal(tau2, all.OverdispersionTau2!.Value, 12);
        Assert.True(all.OverdispersionPValue < 0.05);
        Assert.Equal(OverdispersionMethod.AdditiveRandomEffects, all.OverdispersionApplied);
        Assert.StartsWith("Additive random effects (Spiegelhalter 2005)", all.PeerComparisonMethod, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_OverdispersedPeers_AreaWorseUnadjustedIsWithinTheAdjustedLimits()
    {
        var (_, tau2, target) = ByHand();
        var s2 = 1000 / (4 * target * Population);
        var upper95 = target * Math.Pow(1 + (1.959963984540054 * Math.Sqrt(s2 + tau2)), 2);

        var result = Run(OverdispersionMethod.AdditiveRandomEffects);
        var all = result.Benchmarks[0];

        // 114.5 per 1,000 against a peer rate of 101.0: far outside the exact Poisson limits, inside the adjusted ones.
        Assert.Equal(ComparisonOutcome.Worse, all.VsPeersUnadjusted);
        Assert.Equal(FunnelPosition.High998, all.FunnelPositionUnadjusted);
        Assert.Equal(ComparisonOutcome.Similar, all.VsPeers);
        Assert.Equal(FunnelPosition.WithinLimits, all.FunnelPosition);
        var point = result.Funnel.Single(p => p.IsAssessedArea && p.CrimeType == StrategicAssessment.AllRecordedCrime);
        Assert.Equal(upper95, point.Upper95, 9);
        Assert.Equal(FunnelPosition.WithinLimits, point.Position);
        Assert.Equal(FunnelPosition.High998, point.UnadjustedPosition);
        Assert.True(point.UnadjustedUpper95 < point.Upper95);

        var message = Assert.Single(result.KeyMessages, m => m.Rule == "rate-vs-peers");
        Assert.EndsWith(
            "is not significantly different from the average for similar areas (101 per 1,000). This judgement allows for the fact that similar areas differ from one another by more than chance alone; without that allowance the rate would be called higher than the average.",
            message.Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_NoAllowanceAskedFor_ComparesByConfidenceIntervalAndSaysSo()
    {
        var all = Run(OverdispersionMethod.None).Benchmarks[0];

        Assert.Equal(ComparisonOutcome.Worse, all.VsPeers);
        Assert.Equal(all.VsPeersUnadjusted, all.VsPeers);
        Assert.Equal(OverdispersionMethod.None, all.OverdispersionApplied);
        Assert.StartsWith("The area's 95% confidence interval against the peer group rate, with no allowance for overdispersion (none asked for; overdispersion found", all.PeerComparisonMethod, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_Json_KeepsAdjustedAndUnadjustedResults()
    {
        var result = Run(OverdispersionMethod.Multiplicative);

        var loaded = AssessmentResult.FromJson(result.ToJson(), "test");

        Assert.Equal(result.Benchmarks[0].OverdispersionPhi, loaded.Benchmarks[0].OverdispersionPhi);
        Assert.Equal(result.Benchmarks[0].VsPeersUnadjusted, loaded.Benchmarks[0].VsPeersUnadjusted);
        Assert.Equal(OverdispersionMethod.Multiplicative, loaded.Benchmarks[0].OverdispersionApplied);
        Assert.Equal(result.Funnel[0].UnadjustedUpper998, loaded.Funnel[0].UnadjustedUpper998);
        Assert.StartsWith("Multiplicative overdispersion (Spiegelhalter 2005)", loaded.Benchmarks[0].PeerComparisonMethod, StringComparison.Ordinal);
    }
}
