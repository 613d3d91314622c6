using System.Globalization;
using CommunitySafety.Assessment.Deprivation;
using CommunitySafety.Assessment.Places;
using CommunitySafety.Assessment.Store;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;

namespace CommunitySafety.Assessment.Tests.Places;

/// <summary>The place analyses on the shipped Bedfordshire samples, checked against counts made straight from the raw files.</summary>
[Collection(nameof(PlacesStoreCollection))]
public sealed class PlaceAnalysesTests(PlacesStore samples)
{
    private const string Asb = "Anti-social behaviour";
    private static readonly YearMonth April2024 = new(2024, 4);
    private static readonly YearMonth March2025 = new(2025, 3);

    private static double V(Statistics.RateResult? rate) => rate!.Value.Value!.Value;

    private ResolvedArea Luton => new AreaResolver(samples.Store).Resolve("Luton");

    private List<string> LutonLsoas() => [.. samples.Csv("population/census2021_lsoa21_usual_residents_6age_bedfordshire_hampshire.csv").Where(r => r[1].StartsWith("Luton ", StringComparison.Ordinal)).Select(r => r[0])];

    [Fact]
    public void Deprivation_Luton2024To25_DecileCountsSharesAndRatesMatchTheRawFiles()
    {
        var result = new DeprivationAnalysis(samples.Store).For(new DeprivationRequest(Luton, April2024, March2025), out var reason);
        Assert.True(result is not null, reason);

        var imd = samples.Imd2025();
        var census = samples.Census();
        var rows = samples.Of("Luton", "2024-04", "2025-03").ToList();
        var crimes = rows.Where(r => r.CrimeType != Asb).GroupBy(r => imd[r.LsoaCode].Decile).ToDictionary(g => g.Key, g => (long)g.Count());
        var asb = rows.Where(r => r.CrimeType == Asb).GroupBy(r => imd[r.LsoaCode].Decile).ToDictionary(g => g.Key, g => (long)g.Count());
        var residents = LutonLsoas().GroupBy(c => imd[c].Decile).ToDictionary(g => g.Key, g => g.Sum(c => census[c]));
        var total = crimes.Values.Sum();

        Assert.Equal(residents.Keys.Order(), result.Deciles.Select(d => d.Decile));
        foreach (var d in result.Deciles)
        {
            Assert.Equal(crimes.GetValueOrDefault(d.Decile), d.Crimes);
            Assert.Equal(asb.GetValueOrDefault(d.Decile), d.AntiSocialBehaviour);
            Assert.Equal(residents[d.Decile], d.Population);
            Assert.Equal(crimes.GetValueOrDefault(d.Decile) / (double)total, d.CrimeShare, 12);
            Assert.Equal(1000.0 * d.Crimes / residents[d.Decile], V(d.CrimeRate), 9);
            Assert.True(d.CrimeRate!.Value.Lower95 < d.CrimeRate.Value.Value && d.CrimeRate.Value.Value < d.CrimeRate.Value.Upper95);
        }

        Assert.Equal(total, result.Crimes);
        Assert.StartsWith("English Indices of Deprivation 2025", result.IndexSource, StringComparison.Ordinal);
        Assert.Contains("2021 LSOAs", result.IndexChoice, StringComparison.Ordinal);
        Assert.Contains("Census 2021", result.PopulationSource, StringComparison.Ordinal);
    }

    [Fact]
    public void Deprivation_Luton2024To25_MostDeprivedTenthTopFivePercentAndGiniMatchTheRawFiles()
    {
        var result = new DeprivationAnalysis(samples.Store).For(new DeprivationRequest(Luton, April2024, March2025), out _)!;
        var imd = samples.Imd2025();
        var census = samples.Census();
        var lsoas = LutonLsoas();
        var byLsoa = samples.Of("Luton", "2024-04", "2025-03").Where(r => r.CrimeType != Asb).GroupBy(r => r.LsoaCode).ToDictionary(g => g.Key, g => (long)g.Count());
        var counts = lsoas.Select(c => byLsoa.GetValueOrDefault(c)).ToList();
        var total = (double)counts.Sum();

        // The area's own most deprived tenth: ⌈0.1 × 125⌉ = 13 LSOAs with the lowest national ranks.
        var mostDeprived = lsoas.OrderBy(c => imd[c].Rank).Take(13).ToList();
        Assert.Equal(125, lsoas.Count);
        Assert.Equal(13, result.MostDeprived.Lsoas);
        Assert.Equal(125, result.MostDeprived.OfLsoas);
        Assert.Equal(mostDeprived.Sum(c => byLsoa.GetValueOrDefault(c)), result.MostDeprived.Crimes);
        Assert.Equal(mostDeprived.Sum(c => census[c]) / lsoas.Sum(c => census[c]), result.MostDeprived.PopulationShare!.Value, 12);

        // Top 5%: ⌈0.05 × 125⌉ = 7 LSOAs with the most crime.
        Assert.Equal(7, result.TopFivePercent.Lsoas);
        Assert.Equal(counts.OrderDescending().Take(7).Sum() / total, result.TopFivePercent.Share!.Value, 12);

        // Gini by its other definition: the mean absolute difference over all pairs / (2 × mean).
        double pairs = 0;
        foreach (var a in counts)
        {
            foreach (var b in counts)
            {
                pairs += Math.Abs(a - b);
            }
        }

        Assert.Equal(pairs / (2.0 * counts.Count * counts.Count * (total / counts.Count)), result.Concentration.Gini!.Value, 10);
        Assert.Equal(126, result.Concentration.Lorenz.Count);
    }

    [Fact]
    public void Deprivation_TheMatrixEvidenceIsTheAnalysisDeciles()
    {
        var result = new DeprivationAnalysis(samples.Store).For(new DeprivationRequest(Luton, April2024, March2025), out _)!;
        var (evidence, note) = new StoreAssessmentSource(samples.Store).Deprivation(Luton, April2024, March2025);
        Assert.True(evidence is not null, note);
        foreach (var d in result.Deciles)
        {
            var e = evidence.Deciles.Single(x => x.Decile == d.Decile);
            Assert.Equal(d.Crimes, e.Counts.Where(c => c.Key != Crime.CrimeType.AntiSocialBehaviour).Sum(c => c.Value));
            Assert.Equal(d.Population, e.Population);
        }

        Assert.NotNull(result.MostAgainstLeast);
        Assert.Contains("deciles 1–2", result.GroupsSource, StringComparison.Ordinal);
    }

    [Fact]
    public void Deprivation_ForAForce_IsAnalysedOverItsPoliceForceAreasOwnLsoas_AndSaysSo()
    {
        var force = new AreaResolver(samples.Store).Resolve("Bedfordshire Police");
        var result = new DeprivationAnalysis(samples.Store).For(new DeprivationRequest(force, new YearMonth(2025, 1), new YearMonth(2025, 12)), out _)!;
        Assert.Equal(AreaKind.PoliceForceArea, result.Request.Area.Kind);
        Assert.Contains(result.Notes, n => n.StartsWith("Analysed for Bedfordshire police force area", StringComparison.Ordinal));
        // Its LSOAs are the three districts' 2021 LSOAs, not every LSOA a stray record of the force lies in.
        var districts = samples.Csv("population/census2021_lsoa21_usual_residents_6age_bedfordshire_hampshire.csv")
            .Count(r => r[1].StartsWith("Luton ", StringComparison.Ordinal) || r[1].StartsWith("Bedford ", StringComparison.Ordinal) || r[1].StartsWith("Central Bedfordshire ", StringComparison.Ordinal));
        Assert.Equal(districts, result.TopFivePercent.OfLsoas);
    }

    [Theory]
    [InlineData(2022, 4, 2023, 3, 2011)]
    [InlineData(2023, 1, 2023, 12, 2011)]
    [InlineData(2023, 4, 2024, 3, 2021)]
    [InlineData(2024, 4, 2025, 3, 2021)]
    public void IndexRule_TheVintageOfMostOfThePeriodsMonths(int y1, int m1, int y2, int m2, int vintage) =>
        Assert.Equal(vintage, DeprivationQuery.RecordVintage(new YearMonth(y1, m1), new YearMonth(y2, m2)));

    [Fact]
    public void Deprivation_APeriodOnLsoa2011Codes_UsesIoD2019_AndSaysWhy()
    {
        var result = new DeprivationAnalysis(samples.Store).For(new DeprivationRequest(Luton, new YearMonth(2023, 1), new YearMonth(2023, 12)), out var reason);
        Assert.True(result is not null, reason);
        Assert.StartsWith("English Indices of Deprivation 2019", result.IndexSource, StringComparison.Ordinal);
        Assert.Contains("2011 LSOAs", result.IndexChoice, StringComparison.Ordinal);
        // Only December 2023 is imported: counts, but no rates, and it says so.
        Assert.Equal(1, result.MonthsCovered);
        Assert.All(result.Deciles, d => Assert.Null(d.CrimeRate));
        Assert.Contains(result.Notes, n => n.Contains("Only 1 of the 12 months", StringComparison.Ordinal));
    }

    [Fact]
    public void RepeatPlaces_Luton2025_TopPlacesSharesAndPersistenceMatchTheRawFiles()
    {
        var result = new RepeatPlacesAnalysis(samples.Store).For(new RepeatPlacesRequest(Luton, new YearMonth(2025, 1), new YearMonth(2025, 12)));
        static List<((float Lon, float Lat) Point, long N)> Places(IEnumerable<PlacesStore.RawRow> rows) =>
            [.. rows.Where(r => r.CrimeType != Asb && r.Longitude is not null)
                .GroupBy(r => ((float)double.Parse(r.Longitude!, CultureInfo.InvariantCulture), (float)double.Parse(r.Latitude!, CultureInfo.InvariantCulture)))
                .Select(g => (g.Key, (long)g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Key.Item1).ThenBy(p => p.Key.Item2)];
        var now = Places(samples.Of("Luton", "2025-01", "2025-12"));
        var before = Places(samples.Of("Luton", "2024-01", "2024-12"));

        Assert.Equal(now.Count, result.Places);
        Assert.Equal(now.Sum(p => p.N), result.Records);
        Assert.Equal(now.Take(20).Select(p => p.N), result.Top.Select(p => p.Count));
        Assert.Equal((float)result.Top[0].Longitude, now[0].Point.Lon);
        var one = (int)Math.Ceiling(0.01 * now.Count);
        var five = (int)Math.Ceiling(0.05 * now.Count);
        Assert.Equal(one, result.TopShares[0].Places);
        Assert.Equal(now.Take(one).Sum(p => p.N) / (double)now.Sum(p => p.N), result.TopShares[0].Share!.Value, 12);
        Assert.Equal(now.Take(five).Sum(p => p.N) / (double)now.Sum(p => p.N), result.TopShares[1].Share!.Value, 12);

        var topBefore = before.Take((int)Math.Ceiling(0.05 * before.Count)).Select(p => p.Point).ToHashSet();
        Assert.Equal((now.Take(five).Count(p => topBefore.Contains(p.Point)), five), result.Persistence);
        var beforeCounts = before.ToDictionary(p => p.Point, p => p.N);
        Assert.All(result.Top, p => Assert.Equal(beforeCounts.GetValueOrDefault(((float)p.Longitude, (float)p.Latitude)), p.PreviousCount));
        Assert.Contains(result.Notes, n => n.Contains("not an address", StringComparison.Ordinal));
    }

    [Fact]
    public void RepeatPlaces_ThePeriodBeforeNotImported_NoPersistenceAndSaysSo()
    {
        var result = new RepeatPlacesAnalysis(samples.Store).For(new RepeatPlacesRequest(Luton, April2024, March2025));
        Assert.Null(result.Persistence);
        Assert.All(result.Top, p => Assert.Null(p.PreviousCount));
        Assert.Contains(result.Notes, n => n.StartsWith("Persistence is not shown: only 4 of the 12 months", StringComparison.Ordinal));
    }

    [Fact]
    public void Asb_Luton2025_CountsTrendAndHotSpotsMatchTheRawFiles()
    {
        var result = new AsbAnalysis(samples.Store).For(new AsbRequest(Luton, new YearMonth(2025, 1), new YearMonth(2025, 12)));
        var now = samples.Of("Luton", "2025-01", "2025-12").Where(r => r.CrimeType == Asb).ToList();
        var before = samples.Of("Luton", "2024-01", "2024-12").Count(r => r.CrimeType == Asb);
        var all = samples.Of("Luton", "2025-01", "2025-12").Count();

        Assert.Equal(now.Count, result.Count);
        Assert.Equal(before, result.PreviousCount);
        Assert.Equal(now.Count / (double)all, result.ShareOfRecords!.Value, 12);
        Assert.Equal(1000.0 * now.Count / 239090, V(result.Rate), 9);
        Assert.NotNull(result.Change);
        Assert.Equal(24, result.Monthly.Count);
        Assert.Equal(now.Count(r => r.Month == "2025-07"), result.Monthly.Single(m => m.Month == new YearMonth(2025, 7)).Count);
        var top = now.GroupBy(r => r.LsoaCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        Assert.Equal(top.Key, result.Lsoas[0].Code);
        Assert.Equal(top.Count(), result.Lsoas[0].Count);
        Assert.Equal(1000.0 * top.Count() / samples.Census()[top.Key], V(result.Lsoas[0].Rate), 9);
    }

    [Fact]
    public void Profile_SouthWardOfLuton_CountsPopulationAndOutcomesMatchTheRawFiles()
    {
        var ward = new NeighbourhoodQuery(samples.Store).Ward("South, Luton");
        var expectedLsoas = samples.Csv("lookups/lookup_lsoa21_ward24_ltla24_bedfordshire_hampshire.csv")
            .Where(r => r[2] == "South" && r[4] == "Luton").Select(r => r[1]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedLsoas, ward.Lsoas);
        Assert.Equal("E05014750", ward.Code);

        var profile = new NeighbourhoodProfile(samples.Store).For(ward, new YearMonth(2025, 1), new YearMonth(2025, 12));
        var set = expectedLsoas.ToHashSet(StringComparer.Ordinal);
        var rows = samples.Rows.Where(r => set.Contains(r.LsoaCode) && r.Month.StartsWith("2025-", StringComparison.Ordinal)).ToList();
        var census = samples.Census();
        Assert.Equal(rows.Count(r => r.CrimeType != Asb), profile.Crime.Count);
        Assert.Equal(rows.Count(r => r.CrimeType == Asb), profile.AntiSocialBehaviour.Count);
        Assert.Equal(samples.Rows.Count(r => set.Contains(r.LsoaCode) && r.Month.StartsWith("2024-", StringComparison.Ordinal) && r.CrimeType != Asb), profile.Crime.PreviousCount);
        Assert.Equal(expectedLsoas.Sum(c => census[c]), profile.Population);
        Assert.Contains("Census 2021", profile.PopulationSource, StringComparison.Ordinal);
        Assert.Equal(1000.0 * profile.Crime.Count / profile.Population!.Value, V(profile.Crime.Rate), 9);
        var outcomes = rows.Where(r => r.CrimeType != Asb).GroupBy(r => r.Outcome.Length == 0 ? "(none)" : r.Outcome).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(outcomes.OrderBy(o => o.Key, StringComparer.Ordinal), profile.Outcomes.Select(o => KeyValuePair.Create(o.Outcome, o.Count)).OrderBy(o => o.Key, StringComparer.Ordinal));
        Assert.Equal(expectedLsoas.Count, profile.Deciles.Sum(d => d.Lsoas));
    }

    [Fact]
    public void Ward_AmbiguousOrUnknownName_SaysWhich()
    {
        var query = new NeighbourhoodQuery(samples.Store);
        var duplicated = samples.Csv("lookups/lookup_lsoa21_ward24_ltla24_bedfordshire_hampshire.csv")
            .GroupBy(r => r[2]).First(g => g.Select(r => r[4]).Distinct().Count() > 1);
        var ambiguous = Assert.Throws<AmbiguousWardException>(() => query.Ward(duplicated.Key));
        Assert.True(ambiguous.Matches.Count > 1);
        Assert.Throws<AreaNotFoundException>(() => query.Ward("Gotham Central"));
    }

    [Fact]
    public void Neighbourhood_FromFile_BadLine_NamesFileLineAndField()
    {
        var path = Path.Combine(samples.Folder, "hub.txt");
        File.WriteAllLines(path, ["lsoa21_code", "E01015792", "# a comment", "", "Luton 021H"]);
        var e = Assert.Throws<Data.Inputs.ImportRejectedException>(() => new NeighbourhoodQuery(samples.Store).FromFile(path));
        Assert.Contains("hub.txt", e.Message, StringComparison.Ordinal);
        Assert.Contains("5", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Luton 021H' is not an LSOA code", e.Message, StringComparison.Ordinal);

        File.WriteAllLines(path, ["lsoa21_code", "E01015792", "E01033807"]);
        var hub = new NeighbourhoodQuery(samples.Store).FromFile(path);
        Assert.Equal(["E01015792", "E01033807"], hub.Lsoas);
        Assert.Equal("Luton", hub.LocalAuthority);
    }
}
