using System.Globalization;
using CommunitySafety.Crime;
using CommunitySafety.Data.Deprivation;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Tests.Support;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Tests.Deprivation;

/// <summary>Deprivation deciles on real files: Bedfordshire Police January 2024 (LSOA 2021 codes), IoD 2025, Census 2021.</summary>
public sealed class DeprivationTests : IDisposable
{
    private static readonly YearMonth January = new(2024, 1);
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private void ImportAll()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        new LookupImporter(_temp.Store).Import(Fixtures.Lsoa21WardLadLookup);
        new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfa2024Lookup);
        new PopulationImporter(_temp.Store).Import(Fixtures.Census2021Lsoa);
        new DeprivationImporter(_temp.Store).Import(Fixtures.Imd2025);
    }

    private ResolvedArea Luton => new AreaResolver(_temp.Store).Resolve("Luton");

    /// <summary>Luton's LSOA 2021 codes from the lookup file, each with its IoD 2025 decile and Census 2021 population, read by a plain reader.</summary>
    private static Dictionary<string, (int Decile, double Population)> LutonLsoas()
    {
        var lookup = PlainCsv.Read(Fixtures.Lsoa21WardLadLookup).Skip(1).Where(r => r[5] == "E06000032").Select(r => r[1]).ToHashSet();
        var deciles = PlainCsv.Read(Fixtures.Imd2025).Skip(1).ToDictionary(r => r[0], r => int.Parse(r[1], CultureInfo.InvariantCulture));
        var census = PlainCsv.Read(Fixtures.Census2021Lsoa).Skip(1).ToDictionary(r => r[0], r => double.Parse(r[^1], CultureInfo.InvariantCulture));
        return lookup.ToDictionary(c => c, c => (deciles[c], census[c]));
    }

    [Fact]
    public void For_Luton_DecilesLsoasPopulationAndCountsEqualTheRawFiles()
    {
        ImportAll();
        var lsoas = LutonLsoas();
        var records = PlainCsv.Read(Fixtures.BedfordshireStreet).Skip(1).Where(r => lsoas.ContainsKey(r[7])).ToList();

        var profile = new DeprivationQuery(_temp.Store).For(Luton, January, January);

        Assert.NotNull(profile);
        Assert.Equal("English Indices of Deprivation 2025 (MHCLG), IMD decile, LSOA 2021", profile.IndexSource);
        Assert.StartsWith("Census 2021 usual residents", profile.PopulationSource, StringComparison.Ordinal);
        Assert.Equal(0, profile.LsoasWithoutDecile);
        Assert.Equal(0, profile.RecordsWithoutDecile);
        Assert.Equal(lsoas.Values.Select(v => v.Decile).Distinct().Order(), profile.Deciles.Select(d => d.Decile));
        foreach (var decile in profile.Deciles)
        {
            var inDecile = lsoas.Where(l => l.Value.Decile == decile.Decile).ToList();
            Assert.Equal(inDecile.Count, decile.Lsoas);
            Assert.Equal(inDecile.Sum(l => l.Value.Population), decile.Population);
            foreach (var type in CrimeType.Current)
            {
                var expected = records.Count(r => lsoas[r[7]].Decile == decile.Decile && r[9] == type.Name);
                Assert.Equal(expected, decile.Counts[type]);
            }
        }

        // Every record located in Luton is in one decile.
        var luton = new CrimeCounts(_temp.Store).Count(CountQuery.For(Luton, ReportingPeriod.Parse("2024-01")));
        Assert.Equal(luton.Total, profile.Deciles.Sum(d => d.Counts.Values.Sum()));
        Assert.Equal(records.Count, luton.Total);
    }

    [Fact]
    public void For_NoIndexImported_IsNull()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        new LookupImporter(_temp.Store).Import(Fixtures.Lsoa21WardLadLookup);
        new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfa2024Lookup);

        Assert.Null(new DeprivationQuery(_temp.Store).For(Luton, January, January));
    }

    [Fact]
    public void For_MonthsOutsideTheData_ZeroCountsButLsoasAndPopulation()
    {
        ImportAll();

        var profile = new DeprivationQuery(_temp.Store).For(Luton, new YearMonth(2023, 1), new YearMonth(2023, 12));

        Assert.NotNull(profile);
        Assert.All(profile.Deciles, d => Assert.All(d.Counts.Values, n => Assert.Equal(0, n)));
        Assert.Equal(LutonLsoas().Count, profile.Deciles.Sum(d => d.Lsoas));
    }

    [Fact]
    public void Reimport_ReplacesTheIndex()
    {
        ImportAll();
        var rows = _temp.Count("SELECT count(*) FROM deprivation");

        new DeprivationImporter(_temp.Store).Import(Fixtures.Imd2025);

        Assert.Equal(rows, _temp.Count("SELECT count(*) FROM deprivation"));
        Assert.Equal(PlainCsv.Read(Fixtures.Imd2025).Count - 1, rows);
    }

    [Fact]
    public void Imd2019OnLsoa2011_RecordsOnLsoa2021_MappedThroughTheChangeLookup()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        new LookupImporter(_temp.Store).Import(Fixtures.Lsoa21WardLadLookup);
        new LookupImporter(_temp.Store).Import(Fixtures.Lsoa11Lsoa21Lookup);
        new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfa2024Lookup);
        var summary = new DeprivationImporter(_temp.Store).Import(Fixtures.Imd2019);

        var profile = new DeprivationQuery(_temp.Store).For(Luton, January, January);

        Assert.Equal(2019, summary.Year);
        Assert.Equal(2011, summary.LsoaYear);
        Assert.NotNull(profile);
        Assert.Equal("English Indices of Deprivation 2019 (MHCLG), IMD decile, LSOA 2011", profile.IndexSource);
        // A record's 2021 LSOA takes the decile of its 2011 LSOA(s) when they agree; records and deciles add up.
        var luton = new CrimeCounts(_temp.Store).Count(CountQuery.For(Luton, ReportingPeriod.Parse("2024-01")));
        Assert.Equal(luton.Total, profile.Deciles.Sum(d => d.Counts.Values.Sum()) + profile.RecordsWithoutDecile);
        Assert.True(profile.RecordsWithoutDecile < luton.Total / 10);
        // Unchanged LSOAs keep their code: one of them has its decile straight from the file.
        var raw = PlainCsv.Read(Fixtures.Imd2019).Skip(1).ToDictionary(r => r[0], r => int.Parse(r[1], CultureInfo.InvariantCulture));
        var lutonLsoa11 = PlainCsv.Read(Fixtures.Lsoa11Lsoa21Lookup).Skip(1).Where(r => r[6] == "E06000032").Select(r => r[1]).Distinct().ToList();
        Assert.Equal(lutonLsoa11.Count, profile.Deciles.Sum(d => d.Lsoas));
        Assert.Equal(lutonLsoa11.Count(c => raw[c] == 1), profile.Deciles.Single(d => d.Decile == 1).Lsoas);
    }

    [Fact]
    public void BadDecile_RejectedWithFileLineAndField_NothingImported()
    {
        var path = _temp.WriteFile("imd2025_lsoa21_bad.csv", "\"lsoa21_code\",\"IMD_decile\",\"IMD_rank\"\n\"E01015658\",3,7000\n\"E01015659\",11,7001\n");

        var ex = Assert.Throws<ImportRejectedException>(() => new DeprivationImporter(_temp.Store).Import(path));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal("IMD_decile", error.Field);
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM deprivation"));
    }

    [Fact]
    public void NoYearInTheName_RejectedUnlessGiven()
    {
        var path = _temp.WriteFile("deciles.csv", "LSOA code (2021),Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)\nE01015658,3\n");

        var ex = Assert.Throws<ImportRejectedException>(() => new DeprivationImporter(_temp.Store).Import(path));
        var summary = new DeprivationImporter(_temp.Store).Import(path, new DeprivationImportOptions { Year = 2025 });

        Assert.Contains("which year", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(2021, summary.LsoaYear);
        Assert.Equal(1, _temp.Count("SELECT count(*) FROM deprivation WHERE decile = 3 AND index_year = 2025"));
    }
}
