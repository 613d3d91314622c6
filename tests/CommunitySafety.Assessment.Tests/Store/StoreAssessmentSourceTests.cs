using CommunitySafety.Assessment.Harm;
using CommunitySafety.Assessment.Messages;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Assessment.Sensitivity;
using CommunitySafety.Assessment.Store;
using CommunitySafety.Crime;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Tests.Store;

[Collection(nameof(SampleStoreCollection))]
public class StoreAssessmentSourceTests(SampleStore samples)
{
    private static readonly string[] FinancialYear2024 =
        ["2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"];

    private AssessmentResult Assess(string area, string year, AssessmentSettings? settings = null)
    {
        var source = samples.Source;
        var resolved = source.Resolve(area);
        var data = source.Load(resolved, TestData.Fy(year), source.AllOthers(resolved, TestData.Fy(year)));
        var request = new AssessmentRequest { Year = TestData.Fy(year), PeerGroup = source.AllOthers(resolved, TestData.Fy(year)) };
        return StrategicAssessment.Assess(request, data, settings ?? AssessmentSettings.Default with { Sensitivity = SensitivitySettings.Default with { Draws = 200 } }, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void Assess_Luton2024To25_CountsAndRatesMatchTheRawFiles()
    {
        var raw = samples.RawCounts("bedfordshire-2018-2025.zip", "Luton", FinancialYear2024);
        var population = samples.RawPopulation("Luton");

        var result = Assess("Luton", "2024/25");

        Assert.Equal(YearStatus.Complete, result.YearStatus);
        foreach (var type in CrimeType.Current)
        {
            Assert.Equal(raw.GetValueOrDefault(type.Name), result.Benchmarks.Single(b => b.CrimeType == type.Name).Count);
        }

        var recorded = raw.Where(p => p.Key != CrimeType.AntiSocialBehaviour.Name).Sum(p => p.Value);
        var all = result.Benchmarks[0];
        Assert.Equal(recorded, all.Count);
        Assert.Equal(population, all.Population);
        Assert.Equal(recorded / population * 1000, all.Rate!.Value, 9);
        var engine = CrudeRate.Calculate(recorded, population, RateOptions.Default with { Multiplier = 1000 });
        Assert.Equal(engine.Lower95, all.Lower95);
    }

    [Fact]
    public void Assess_Luton2024To25_PeersWithPartialYearsAreLeftOutAndGroupRateIsPooled()
    {
        var result = Assess("Luton", "2024/25");

        var included = result.PeerGroup.Members.Where(m => m.Included).Select(m => m.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Bedford", "Central Bedfordshire"], included);
        Assert.All(result.PeerGroup.Members.Where(m => !m.Included), m => Assert.NotNull(m.ExcludedReason));

        var peers = new[] { "Bedford", "Central Bedfordshire" };
        var count = peers.Sum(p => samples.RawCounts("bedfordshire-2018-2025.zip", p, FinancialYear2024).Where(c => c.Key != CrimeType.AntiSocialBehaviour.Name).Sum(c => c.Value));
        var population = peers.Sum(samples.RawPopulation);
        Assert.Equal(count, result.Benchmarks[0].PeerCount);
        Assert.Equal(count / population * 1000, result.Benchmarks[0].PeerRate!.Value, 9);
        Assert.Contains(result.Notes, n => n.StartsWith("England and Wales is not compared in 2024/25: the store holds police.uk data for 2 of 43 forces", StringComparison.Ordinal));
        Assert.Contains(result.KeyMessages, m => m.Rule == "rate-vs-peers");
    }

    private AssessmentResult AssessWithDefaultPeers(string area, string year)
    {
        var source = samples.Source;
        var resolved = source.Resolve(area);
        var fy = TestData.Fy(year);
        var peers = DefaultPeers.For(resolved);
        var request = new AssessmentRequest { Year = fy, PeerGroup = peers, Provenance = source.Provenance(resolved, fy) };
        return StrategicAssessment.Assess(request, source.Load(resolved, fy, peers), AssessmentSettings.Default with { Sensitivity = SensitivitySettings.Default with { Draws = 100 } }, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void Assess_Luton2024To25_DefaultPeersAreOnsNeighboursAndEachMissingOneSaysWhichForceToLoad()
    {
        var result = AssessWithDefaultPeers("Luton", "2024/25");

        var group = result.PeerGroup;
        Assert.Equal(PublishedNeighbours.OnsSource, group.Source);
        Assert.Equal(15, group.Members.Count);
        Assert.Equal(
            ["Barking and Dagenham", "Leicester", "Birmingham", "Wolverhampton", "Coventry", "Enfield", "Sandwell"],
            group.Members.Take(7).Select(m => m.Name));
        Assert.All(group.Members, m => Assert.False(m.Included));
        Assert.Equal(
            "no crime data in the store for 2024/25; load Metropolitan Police Service's police.uk street files for 2024-04 to 2025-03",
            group.Members[0].ExcludedReason);
        Assert.Equal(
            "no crime data in the store for 2024/25; load Leicestershire Police's police.uk street files for 2024-04 to 2025-03",
            group.Members[1].ExcludedReason);
        Assert.StartsWith("Not compared with similar areas: none of the 15 peers (ONS statistical nearest neighbours", group.NotComparedReason, StringComparison.Ordinal);
        Assert.Contains("Metropolitan Police Service (Barking and Dagenham, Enfield, Hillingdon, Harrow and Redbridge)", group.MissingData, StringComparison.Ordinal);
        Assert.Contains(group.MissingData, result.Notes);

        // Never a silent fall-back to the areas that are loaded: no peer rate, nothing compared with peers.
        Assert.All(result.Benchmarks, b =>
        {
            Assert.Null(b.PeerRate);
            Assert.Equal(ComparisonOutcome.NotCompared, b.VsPeers);
        });
        Assert.DoesNotContain(result.KeyMessages, m => m.Rule == "rate-vs-peers");
        var comparators = Assert.Single(result.KeyMessages, m => m.Rule == "comparators");
        Assert.Equal(
            "Luton is not compared with similar areas: none of its 15 most similar areas as published by ONS (statistical nearest neighbours, October 2025) has police data loaded for 2024/25. "
            + "It is not compared with England and Wales, because police data for only 2 of 43 forces are loaded.",
            comparators.Text);

        var json = result.ToJson();
        Assert.Contains(PublishedNeighbours.OnsSource, json, StringComparison.Ordinal);
        Assert.Contains("notComparedReason", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_Portsmouth2023To24_SouthamptonIsAPeerWithAPartialYearNamedWithItsForce()
    {
        var result = AssessWithDefaultPeers("Portsmouth", "2023/24");

        var southampton = result.PeerGroup.Members[0];
        Assert.Equal("Southampton", southampton.Name);
        Assert.False(southampton.Included);
        Assert.Equal("partial year in the store: 3 of 12 months; load Hampshire Constabulary's police.uk street files for 2023-04 to 2024-03", southampton.ExcludedReason);
    }

    [Fact]
    public void Assess_Luton2024To25_CarriesThePopulationYearAndSourceAndWarnsWhenStale()
    {
        var source = samples.Source;
        var luton = source.Resolve("Luton");

        var provenance = source.Provenance(luton, TestData.Fy("2024/25"));

        // The shared test store imports only the mid-2015 LSOA estimates: nine years from mid-2024, so the rate carries the Data layer's warning.
        Assert.Equal(2015, provenance.PopulationYear);
        Assert.False(string.IsNullOrEmpty(provenance.PopulationSource));
        Assert.StartsWith("Warning: the population is mid-2015, 9 years from the period's mid-2024", provenance.PopulationWarning, StringComparison.Ordinal);
        Assert.False(provenance.IsNationalCompared);
        Assert.Equal("2 of 43 forces", provenance.NationalCoverage);

        var result = AssessWithDefaultPeers("Luton", "2024/25");
        Assert.Equal(provenance, result.Provenance);
        Assert.Contains(provenance.PopulationWarning, result.Notes);
        var caveats = Assert.Single(result.KeyMessages, m => m.Rule == "data-caveats");
        Assert.Equal(
            "The data for 2023/24 cover only 4 of its 12 months, so 2024/25 is not compared with 2023/24. "
            + "Crime rates are per 1,000 residents, using the ONS estimate of Luton's population in mid-2015. That estimate is 9 years older than 2024/25, so the rates may be out of date.",
            caveats.Text);
        Assert.Equal(HarmWeights.DefaultSource, result.Harm.Source);
        Assert.Equal(HarmWeights.CategoryCaveat, result.Harm.Caveat);
        Assert.Contains(result.KeyMessages, m => m.Rule == "harm-concentration" && m.Text.EndsWith(KeyMessages.HarmCaveat, StringComparison.Ordinal));

        // Criteria without evidence are named for the board, with what the ranking rests on instead.
        var notScored = result.Matrix.NotScored;
        Assert.NotEmpty(notScored);
        var criteria = Assert.Single(result.KeyMessages, m => m.Rule == "criteria-not-scored");
        Assert.StartsWith($"The priority ranking uses {result.Matrix.Criteria.Count(c => c.IsScored)} of the 7 criteria (", criteria.Text, StringComparison.Ordinal);
        Assert.All(notScored, c => Assert.Contains(c.Name.ToLowerInvariant(), criteria.Text, StringComparison.Ordinal));
        Assert.EndsWith("left out rather than given a made-up score.", criteria.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_Luton2024To25_KeyMessageGivesTheRollingTwelveMonthChanges()
    {
        // 2023/24 is partial, but 2024 and 2025 are complete calendar years in the Bedfordshire sample.
        string[] y2024 = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"];
        string[] y2025 = [.. y2024.Select(m => "2025" + m[4..])];
        var before = samples.RawCounts("bedfordshire-2018-2025.zip", "Luton", y2024);
        var after = samples.RawCounts("bedfordshire-2018-2025.zip", "Luton", y2025);

        var result = AssessWithDefaultPeers("Luton", "2024/25");

        var message = Assert.Single(result.KeyMessages, m => m.Rule == "rolling-changes");
        Assert.StartsWith("Comparing the latest 12 months (Jan 2025–Dec 2025) with the 12 before (Jan 2024–Dec 2024), there were statistically significant increases in drugs (", message.Text, StringComparison.Ordinal);
        var drugs = $"drugs (from {before["Drugs"]:N0} to {after["Drugs"]:N0}, +{Math.Round(100.0 * (after["Drugs"] - before["Drugs"]) / before["Drugs"], MidpointRounding.AwayFromZero)}%)";
        Assert.Contains(drugs, message.Text, StringComparison.Ordinal);
        var theft = $"theft from the person (from {before["Theft from the person"]:N0} to {after["Theft from the person"]:N0}, −{Math.Round(100.0 * (before["Theft from the person"] - after["Theft from the person"]) / before["Theft from the person"], MidpointRounding.AwayFromZero)}%)";
        Assert.Contains("statistically significant decreases in " + theft, message.Text, StringComparison.Ordinal);
        Assert.Contains("burglary (", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_Luton2024To25_PreviousYearIsPartialSoNothingIsComparedWithIt()
    {
        var result = Assess("Luton", "2024/25");

        var previous = result.Trends[0].Years.Single(y => y.Year == "2023/24");
        Assert.Equal(YearStatus.Partial, previous.Status);
        Assert.Equal("4 of 12 months", previous.Note);
        Assert.False(result.Trends[0].SinceLastYear!.IsCompared);
        Assert.Null(result.Baseline);
        Assert.Equal(TrendMarker.CannotBeCalculated, result.Trends[0].TrendMarker);
    }

    [Fact]
    public void Assess_Portsmouth2018To19_IsPartialWithRawCountsAndNeverCompared()
    {
        string[] months = ["2018-04", "2018-10", "2018-11", "2018-12", "2019-01", "2019-02"];
        var raw = samples.RawCounts("hampshire-street-2017-2024.zip", "Portsmouth", months);

        var result = Assess("Portsmouth", "2018/19");

        Assert.Equal(YearStatus.Partial, result.YearStatus);
        var year = result.Trends[0].Years[^1];
        Assert.Equal("6 of 12 months", year.Note);
        Assert.Equal(raw.Where(p => p.Key != CrimeType.AntiSocialBehaviour.Name).Sum(p => p.Value), year.Count);
        Assert.Null(year.Rate);
        Assert.All(result.Benchmarks, b => Assert.Equal(ComparisonOutcome.NotCompared, b.VsPeers));
        Assert.Contains(result.KeyMessages, m => m.Text.StartsWith("Figures for 2018/19 cover 6 of 12 months", StringComparison.Ordinal));
        Assert.All(result.Trends[0].Years, y => Assert.NotEqual(YearStatus.Complete, y.Status));
    }

    [Fact]
    public void Resolve_PoliceForce_IsRefusedWithAHint()
    {
        var source = new StoreAssessmentSource(samples.Store);
        var e = Assert.Throws<ArgumentException>(() => source.Resolve("Bedfordshire"));
        Assert.Contains("police force area", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PopulationCharacteristics_NearestNeighboursOfLuton_AreOtherLocalAuthorities()
    {
        var source = new StoreAssessmentSource(samples.Store);
        var luton = source.Resolve("Luton");
        var characteristics = source.PopulationCharacteristics(luton.Kind, TestData.Fy("2024/25"));

        var group = NearestNeighbours.Find(luton.Code!.Value, characteristics, k: 3);

        Assert.Equal(3, group.Peers.Count);
        Assert.DoesNotContain(luton.Code.Value, group.Peers);
        Assert.Contains("% aged 0-15", group.Method, StringComparison.Ordinal);
    }
}
