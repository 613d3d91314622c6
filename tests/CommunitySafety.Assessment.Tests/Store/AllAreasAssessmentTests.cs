using System.Text.Json;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Assessment.Sensitivity;
using CommunitySafety.Assessment.Store;
using CommunitySafety.Data.Queries;

namespace CommunitySafety.Assessment.Tests.Store;

/// <summary>
/// The bulk path (<see cref="AllAreasAssessment.Run(Data.Store.AnalyticalStore, AreaKind, Periods.FinancialYear, AssessmentSettings, DateTimeOffset, Func{ResolvedArea, PeerGroup}?)"/>)
/// against the per-area path (<see cref="StoreAssessmentSource"/>, a new one per area) on the store built from the real samples.
/// </summary>
[Collection(nameof(SampleStoreCollection))]
public class AllAreasAssessmentTests(SampleStore samples)
{
    private static readonly AssessmentSettings Settings = AssessmentSettings.Default with { Sensitivity = SensitivitySettings.Default with { Draws = 200 } };

    private static AssessmentResult PerArea(SampleStore samples, ResolvedArea area, string year, PeerGroup? peers = null, AssessmentSettings? settings = null)
    {
        var source = new StoreAssessmentSource(samples.Store);
        var fy = TestData.Fy(year);
        var group = peers ?? source.AllOthers(area, fy);
        var data = source.Load(area, fy, group);
        return StrategicAssessment.Assess(new AssessmentRequest { Year = fy, PeerGroup = group }, data, settings ?? Settings, DateTimeOffset.UnixEpoch);
    }

    /// <summary>
    /// The areas compared area by area: all of them when there are few, else the first, the last and a seeded sample of the
    /// rest (the per-area path reads every peer for every area, so comparing all 300-odd CSPs takes minutes). The bulk run
    /// still covers every area, and its list of areas is compared in full.
    /// </summary>
    private static List<int> Sample(int count, int seed)
    {
        const int Size = 8;
        if (count <= Size)
        {
            return [.. Enumerable.Range(0, count)];
        }

        var random = new Random(seed);
        var picked = new SortedSet<int> { 0, count - 1 };
        while (picked.Count < Size)
        {
            picked.Add(random.Next(1, count - 1));
        }

        return [.. picked];
    }

    private static string Json(AssessmentResult result) => JsonSerializer.Serialize(result, AssessmentJson.Options);

    [Theory]
    [InlineData(AreaKind.CommunitySafetyPartnership, "2018/19")] // Hampshire's partial years only
    [InlineData(AreaKind.CommunitySafetyPartnership, "2024/25")] // Bedfordshire complete, Hampshire one month
    [InlineData(AreaKind.LocalAuthority, "2025/26")]
    [InlineData(AreaKind.PoliceForceArea, "2024/25")]
    public void Run_EveryArea_IsIdenticalToTheAreaByAreaPath(AreaKind kind, string year)
    {
        var bulk = AllAreasAssessment.Run(samples.Store, kind, TestData.Fy(year), Settings, DateTimeOffset.UnixEpoch);

        var areas = new StoreAssessmentSource(samples.Store).AreasOfKind(kind);
        var expected = areas.Where(a => new StoreAssessmentSource(samples.Store).Year(a, TestData.Fy(year)) is not null).ToList();
        Assert.True(expected.Count >= 2, $"the samples should hold at least two {kind} areas with data for {year}");
        Assert.Equal(expected.Select(a => a.Code!.Value.Value), bulk.Select(r => r.Area.Code));
        foreach (var i in Sample(expected.Count, seed: (int)kind * 10_000 + TestData.Fy(year).StartYear))
        {
            Assert.Equal(Json(PerArea(samples, expected[i], year)), Json(bulk[i]));
        }
    }

    [Fact]
    public void Run_OwnFunnelPointOnly_IsTheAreaByAreaPathAndTheFullResultWithoutThePeersPoints()
    {
        var year = "2024/25";
        var own = Settings with { FunnelPointForEachPeer = false };
        var full = AllAreasAssessment.Run(samples.Store, AreaKind.CommunitySafetyPartnership, TestData.Fy(year), Settings, DateTimeOffset.UnixEpoch);

        var bulk = AllAreasAssessment.Run(samples.Store, AreaKind.CommunitySafetyPartnership, TestData.Fy(year), own, DateTimeOffset.UnixEpoch);

        Assert.Equal(full.Select(r => r.Area.Code), bulk.Select(r => r.Area.Code));
        Assert.Contains(full, r => r.Funnel.Count(p => !p.IsAssessedArea) > 0);
        Assert.Contains(bulk, r => r.Funnel.Count > 0);
        foreach (var (f, b) in full.Zip(bulk))
        {
            Assert.All(b.Funnel, p => Assert.True(p.IsAssessedArea));
            Assert.Equal(f.Funnel.Where(p => p.IsAssessedArea), b.Funnel);
            Assert.Equal(Json(f with { Funnel = [] }), Json(b with { Funnel = [] }));
        }

        var areas = new StoreAssessmentSource(samples.Store).AreasOfKind(AreaKind.CommunitySafetyPartnership).ToDictionary(a => a.Code!.Value.Value);
        foreach (var i in Sample(bulk.Count, seed: 7))
        {
            Assert.Equal(Json(PerArea(samples, areas[bulk[i].Area.Code], year, settings: own)), Json(bulk[i]));
        }
    }

    [Fact]
    public void Run_GivenPeerGroups_IsIdenticalToTheAreaByAreaPath()
    {
        var year = TestData.Fy("2024/25");
        var source = new StoreAssessmentSource(samples.Store);
        var areas = source.AreasOfKind(AreaKind.LocalAuthority);
        PeerGroup Peers(ResolvedArea area) => new(area.Code!.Value, [.. areas.Where(a => a.Code != area.Code).Take(3).Select(a => a.Code!.Value)], "three others", new Dictionary<Areas.AreaCode, double>());

        var bulk = AllAreasAssessment.Run(samples.Store, AreaKind.LocalAuthority, year, Settings, DateTimeOffset.UnixEpoch, Peers);

        Assert.NotEmpty(bulk);
        foreach (var result in bulk)
        {
            var area = areas.Single(a => a.Code!.Value.Value == result.Area.Code);
            Assert.Equal(Json(PerArea(samples, area, "2024/25", Peers(area))), Json(result));
        }
    }

    [Theory]
    [InlineData(AreaKind.LocalAuthority)]
    [InlineData(AreaKind.CommunitySafetyPartnership)]
    [InlineData(AreaKind.PoliceForceArea)]
    public void AllAreaCounts_Areas_AreThoseOfTheAreaListing(AreaKind kind)
    {
        var listed = new StoreAssessmentSource(samples.Store).AreasOfKind(kind);

        var bulk = AllAreaCounts.Load(samples.Store).Areas(kind);

        Assert.NotEmpty(listed);
        Assert.Equal(listed, bulk);
    }

    [Fact]
    public void AllAreaCounts_Luton_MatchesCrimeCountsForEveryYear()
    {
        var counts = AllAreaCounts.Load(samples.Store);
        var crime = new CrimeCounts(samples.Store);
        var luton = new AreaResolver(samples.Store).Resolve("Luton");
        for (var year = TestData.Fy("2017/18"); year <= TestData.Fy("2025/26"); year = year.Next)
        {
            var single = crime.Count(new CountQuery(luton) { FirstMonth = year.FirstMonth, LastMonth = year.LastMonth, By = CountGrouping.CrimeType, Rate = new CountRateOptions() });
            var bulk = counts.Year(luton, year);
            if (single.MonthsCovered.Count == 0)
            {
                Assert.Null(bulk);
                continue;
            }

            Assert.NotNull(bulk);
            Assert.Equal(single.MonthsCovered.Count, bulk.MonthsCovered);
            Assert.Equal(single.Population, bulk.Population);
            foreach (var row in single.Rows.Where(r => r.CrimeType is { IsLegacy: false }))
            {
                Assert.Equal(row.Count, bulk.Counts[row.CrimeType!]);
            }
        }
    }

    [Theory]
    [InlineData("Luton", "2024-01", "2024-12")] // a rolling 12 months across two financial years
    [InlineData("Luton", "2023-11", "2024-10")] // starts a month before the first month loaded
    [InlineData("E23000026", "2024-07", "2025-06")] // Bedfordshire police force area
    [InlineData("Bedford", "2019-01", "2019-12")] // a run with no data
    public void AllAreaCounts_Months_MatchCrimeCountsForTheSameMonths(string name, string first, string last)
    {
        var counts = AllAreaCounts.Load(samples.Store);
        var luton = new AreaResolver(samples.Store).Resolve(name);
        var (from, to) = (Periods.YearMonth.Parse(first), Periods.YearMonth.Parse(last));
        var single = new CrimeCounts(samples.Store).Count(new CountQuery(luton) { FirstMonth = from, LastMonth = to, By = CountGrouping.CrimeType, Rate = new CountRateOptions() });

        var bulk = counts.Months(luton, from, to);

        Assert.Equal(single.MonthsCovered.Count, bulk.MonthsCovered);
        Assert.Equal(single.Population, bulk.Population);
        Assert.Equal(single.PopulationNote, bulk.PopulationNote);
        var expected = single.Rows.Where(r => r.CrimeType is { IsLegacy: false }).ToDictionary(r => r.CrimeType!, r => r.Count);
        Assert.Equal(expected.OrderBy(e => e.Key.Id), bulk.Counts.OrderBy(e => e.Key.Id));
        Assert.Equal(single.Total > 0, bulk.Counts.Values.Sum() > 0);
    }

    [Theory]
    [InlineData("Luton", "2025-03")]
    [InlineData("Luton", "2018-03")] // before most of the area's months
    [InlineData("Luton", "2010-03")] // before any month loaded: nothing to count
    [InlineData("E23000030", "2025-03")] // Hampshire police force area, scattered months
    public void AllAreaCounts_CoveredMonths_AreThoseOfCrimeCountsUpToTheMonth(string name, string last)
    {
        var area = new AreaResolver(samples.Store).Resolve(name);
        var limit = Periods.YearMonth.Parse(last);
        IReadOnlyList<Periods.YearMonth>? expected;
        try
        {
            expected = new CrimeCounts(samples.Store).Count(new CountQuery(area) { LastMonth = limit }).MonthsCovered;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            expected = null;
        }

        var bulk = AllAreaCounts.Load(samples.Store).CoveredMonths(area, limit);

        Assert.Equal(expected, bulk);
    }
}
