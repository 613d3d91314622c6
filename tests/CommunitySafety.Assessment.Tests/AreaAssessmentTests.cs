using System.Text.Json;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Assessment.Sensitivity;
using CommunitySafety.Assessment.Store;
using CommunitySafety.Assessment.Tests.Store;
using CommunitySafety.Data.Queries;

namespace CommunitySafety.Assessment.Tests;

/// <summary>
/// The assessment use case (<see cref="AreaAssessment.For"/>) on the store built from the real samples: the same result as
/// its parts called by hand, the request's peers, baseline and settings used, and each reason there is no assessment.
/// </summary>
[Collection(nameof(SampleStoreCollection))]
public class AreaAssessmentTests(SampleStore samples)
{
    private static readonly DateTimeOffset At = new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly AssessmentSettings Settings = AssessmentSettings.Default with { Sensitivity = SensitivitySettings.Default with { Draws = 200 } };

    private static string Json(AssessmentResult result) => JsonSerializer.Serialize(result, AssessmentJson.Options);

    [Fact]
    public void For_Luton_IsTheResolvePeersLoadAndAssessStepsCalledByHand()
    {
        var year = TestData.Fy("2024/25");
        var source = new StoreAssessmentSource(samples.Store);
        var area = source.Resolve("Luton");
        var peers = DefaultPeers.For(area);
        var data = source.Load(area, year, peers);
        var expected = StrategicAssessment.Assess(new AssessmentRequest { Year = year, PeerGroup = peers, Provenance = source.Provenance(area, year) }, data, Settings, At);

        var assessed = AreaAssessment.For(samples.Store, new AreaAssessmentRequest { Area = "Luton", Year = year, Settings = Settings, GeneratedAt = At });

        Assert.Equal(Json(expected), Json(assessed.Assessment));
        Assert.Equal("E06000032", assessed.Area.Code?.ToString());
        Assert.Equal(peers.Peers, assessed.Peers.Peers);
        Assert.Equal(15, assessed.Peers.Peers.Count); // Luton's 15 nearest ONS statistical neighbours, the default
        Assert.Equal(12, assessed.MonthsWithData);
        Assert.False(assessed.IsPartial);
        Assert.Equal(At, assessed.Assessment.GeneratedAt);
        Assert.Equal("2024/25", assessed.Assessment.Year);
        Assert.NotNull(assessed.Assessment.Provenance);
    }

    [Fact]
    public void For_ByOnsCode_IsTheSameAssessmentAsByName()
    {
        var year = TestData.Fy("2024/25");

        var byCode = AreaAssessment.For(samples.Store, new AreaAssessmentRequest { Area = "E06000032", Year = year, Settings = Settings, GeneratedAt = At });
        var byName = AreaAssessment.For(samples.Store, new AreaAssessmentRequest { Area = "Luton", Year = year, Settings = Settings, GeneratedAt = At });

        Assert.Equal(Json(byName.Assessment), Json(byCode.Assessment));
    }

    [Fact]
    public void For_GivenPeersBaselineAndSettings_UsesThem()
    {
        var year = TestData.Fy("2024/25");
        PeerGroup? given = null;
        var oneDraw = Settings with { Sensitivity = SensitivitySettings.Default with { Draws = 1 } };

        var assessed = AreaAssessment.For(samples.Store, new AreaAssessmentRequest
        {
            Area = "Luton",
            Year = year,
            Baseline = TestData.Fy("2022/23"),
            Peers = (area, source) => given = source.AllOthers(area, year),
            Settings = oneDraw,
            GeneratedAt = At,
        });

        Assert.NotNull(given);
        Assert.Same(given, assessed.Peers);
        Assert.Equal(given.Method, assessed.Assessment.PeerGroup.Method);
        var codes = given.Peers.Select(p => p.Value).ToList();
        Assert.Contains("E06000055", codes); // Bedford
        Assert.Contains("E06000056", codes); // Central Bedfordshire
        Assert.DoesNotContain("E06000032", codes); // not Luton itself
        Assert.Equal("2022/23", assessed.Assessment.Baseline);
        Assert.Equal(1, assessed.Assessment.Sensitivity.Draws);
    }

    [Fact]
    public void For_APartialYear_SaysHowManyMonths()
    {
        // The Bedfordshire samples run to December 2025: nine months of 2025/26.
        var assessed = AreaAssessment.For(samples.Store, new AreaAssessmentRequest { Area = "Luton", Year = TestData.Fy("2025/26"), Settings = Settings, GeneratedAt = At });

        Assert.Equal(9, assessed.MonthsWithData);
        Assert.True(assessed.IsPartial);
    }

    [Fact]
    public void For_AnUnknownArea_ThrowsAreaNotFound()
    {
        var e = Assert.Throws<AreaNotFoundException>(() =>
            AreaAssessment.For(samples.Store, new AreaAssessmentRequest { Area = "Nowhere", Year = TestData.Fy("2024/25"), GeneratedAt = At }));

        Assert.Contains("'Nowhere'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_APoliceForce_IsRefusedAsNotAGeographicArea()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            AreaAssessment.For(samples.Store, new AreaAssessmentRequest { Area = "Bedfordshire Police", Year = TestData.Fy("2024/25"), GeneratedAt = At }));

        Assert.Contains("is the police force Bedfordshire Police", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_AYearWithNoRecords_ThrowsNoAssessmentDataNamingTheAreaAndYear()
    {
        var e = Assert.Throws<NoAssessmentDataException>(() =>
            AreaAssessment.For(samples.Store, new AreaAssessmentRequest { Area = "Luton", Year = TestData.Fy("2015/16"), GeneratedAt = At }));

        Assert.Equal("Luton", e.Area.Name);
        Assert.Equal(TestData.Fy("2015/16"), e.Year);
        Assert.Equal("The store has no data for Luton in 2015/16.", e.Message);
    }
}
