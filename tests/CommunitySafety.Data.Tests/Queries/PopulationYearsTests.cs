using System.Globalization;
using System.IO.Compression;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Tests.Support;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Tests.Queries;

/// <summary>Populations by year on real ONS files: the year rule, sources, stale warnings, CSPs of several districts, LSOA 2021 rates.</summary>
public sealed class PopulationYearsTests : IDisposable
{
    private const string Mid2024Source = "ONS mid-2024 population estimates (MYE2), Local Authority, OGL v3";
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private ResolvedArea Area(string text) => new AreaResolver(_temp.Store).Resolve(text);

    private CountResult Count(string area, string period, CountRateOptions? rate = null) =>
        new CrimeCounts(_temp.Store).Count(CountQuery.For(Area(area), ReportingPeriod.Parse(period)) with { Rate = rate ?? new CountRateOptions() });

    /// <summary>All-ages (or one age column) of a code in a raw MYE2 CSV, read by a plain reader ("1,234" allowed).</summary>
    private static double Raw(string path, string code, string column = "All ages")
    {
        var rows = PlainCsv.Read(path);
        var col = Array.IndexOf(rows[0], column);
        return double.Parse(rows.Single(r => r[0] == code)[col], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }

    private void Geography()
    {
        new LookupImporter(_temp.Store).Import(Fixtures.Lsoa21WardLadLookup);
        new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfa2024Lookup);
    }

    [Fact]
    public void Mye2Csv_Mid2024_YearFromFileNameSourceAndCountryTotals()
    {
        var summary = new PopulationImporter(_temp.Store).Import(Fixtures.Mye2Mid2024);

        Assert.Equal(2024, summary.Year);
        Assert.Equal(Mid2024Source, summary.Source);
        Assert.Equal(239090, Raw(Fixtures.Mye2Mid2024, "E06000032"));
        Assert.Equal(239090, _temp.Store.Scalar<double>("SELECT value FROM population WHERE area_code = 'E06000032' AND year = 2024 AND age_from = 0 AND age_to = -1"));
        foreach (var country in new[] { "K04000001", "E92000001", "W92000004" })
        {
            Assert.Equal(Raw(Fixtures.Mye2Mid2024, country), _temp.Store.Scalar<double>($"SELECT value FROM population WHERE area_code = '{country}' AND year = 2024 AND age_from = 0 AND age_to = -1"));
        }
    }

    [Fact]
    public void LongFile_SeveralYears_PersonsOnly_AndTheWorkbookAgrees()
    {
        var summary = new PopulationImporter(_temp.Store).Import(Fixtures.Mye2Mid2020To2022);
        var raw = PlainCsv.Read(Fixtures.Mye2Mid2020To2022);
        var persons2021 = raw.Skip(1).Single(r => r[0] == "2021" && r[1] == "persons" && r[2] == "E06000032");

        Assert.Equal([2020, 2021, 2022], summary.Years);
        Assert.Equal(double.Parse(persons2021[5], CultureInfo.InvariantCulture), _temp.Store.Scalar<double>("SELECT value FROM population WHERE area_code = 'E06000032' AND year = 2021 AND age_from = 0 AND age_to = -1"));
        Assert.Equal(224826, double.Parse(persons2021[5], CultureInfo.InvariantCulture));
        // Males and females are left out: one all-ages row per area and year.
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM (SELECT area_code, year FROM population WHERE age_from = 0 AND age_to = -1 GROUP BY ALL HAVING count(*) > 1)"));

        // The ONS workbook itself (sheet "MYE2 - Persons", under its title rows) gives the same mid-2021 figures.
        using var other = new TempStore();
        var workbook = new PopulationImporter(other.Store).Import(Fixtures.Mye2Workbook2021);
        Assert.Equal(2021, workbook.Year);
        Assert.Equal(224826, other.Store.Scalar<double>("SELECT value FROM population WHERE area_code = 'E06000032' AND year = 2021 AND age_from = 0 AND age_to = -1"));
        Assert.Equal(
            _temp.Store.Scalar<double>("SELECT value FROM population WHERE area_code = 'K04000001' AND year = 2021 AND age_from = 0 AND age_to = -1"),
            other.Store.Scalar<double>("SELECT value FROM population WHERE area_code = 'K04000001' AND year = 2021 AND age_from = 0 AND age_to = -1"));
        Assert.Equal(
            _temp.Store.Scalar<double>("SELECT value FROM population WHERE area_code = 'E06000032' AND year = 2021 AND age_from = 17 AND age_to = 17"),
            other.Store.Scalar<double>("SELECT value FROM population WHERE area_code = 'E06000032' AND year = 2021 AND age_from = 17 AND age_to = 17"));
    }

    [Fact]
    public void Luton202425_RatePer1000_OnTheMid2024Estimate_FromTheShippedFiles()
    {
        var archive = Path.Combine(Fixtures.Samples, "police", "bedfordshire-2018-2025.zip");
        new PoliceImporter(_temp.Store).Import(archive);
        Geography();
        new PopulationImporter(_temp.Store).Import(Fixtures.Mye2Mid2020To2022);
        new PopulationImporter(_temp.Store).Import(Fixtures.Mye2Mid2023);
        new PopulationImporter(_temp.Store).Import(Fixtures.Mye2Mid2024);

        // By hand: Luton's LSOA 2021 codes from the ONS lookup, records of April 2024 .. March 2025 in them from the raw archive.
        var luton = PlainCsv.Read(Fixtures.Lsoa21WardLadLookup).Skip(1).Where(r => r[5] == "E06000032").Select(r => r[1]).ToHashSet();
        long records = 0;
        using (var zip = ZipFile.OpenRead(archive))
        {
            foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith("-street.csv", StringComparison.Ordinal)))
            {
                var month = YearMonth.Parse(entry.Name[..7]);
                if (month < new YearMonth(2024, 4) || month > new YearMonth(2025, 3))
                {
                    continue;
                }

                var path = Path.Combine(_temp.Folder, entry.Name);
                entry.ExtractToFile(path, overwrite: true);
                records += PlainCsv.Read(path).Skip(1).Count(r => luton.Contains(r[7]));
            }
        }

        var population = Raw(Fixtures.Mye2Mid2024, "E06000032");
        var result = Count("Luton", "2024/25");

        Assert.Equal(239090, population);
        Assert.Equal(records, result.Total);
        Assert.NotNull(result.Population);
        Assert.Equal(2024, result.Population.Year);
        Assert.Equal(2024, result.Population.TargetYear);
        Assert.Equal(population, result.Population.Value);
        Assert.Equal(Mid2024Source, result.Population.Source);
        Assert.Null(result.Population.Warning);
        Assert.Null(result.Population.Note);
        Assert.Equal(records / population * 1000, result.Rate!.Value, 12);
        // Calendar 2024 and a month of 2024/25 use mid-2024 too; 2023/24 uses mid-2023.
        Assert.Equal(2024, Count("Luton", "2024").Population!.Year);
        Assert.Equal(2024, Count("Luton", "2025-02").Population!.Year);
        Assert.Equal(2023, Count("Luton", "2023-12").Population!.Year);
        Assert.Equal(Raw(Fixtures.Mye2Mid2023, "E06000032"), Count("Luton", "2023-12").Population!.Value);
    }

    [Fact]
    public void AgeBandRate_10To17_FromSingleYearsOfAge()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        Geography();
        new PopulationImporter(_temp.Store).Import(Fixtures.Mye2Mid2024);
        var expected = Enumerable.Range(10, 8).Sum(age => Raw(Fixtures.Mye2Mid2024, "E06000032", age.ToString(CultureInfo.InvariantCulture)));

        var result = Count("Luton", "2024-01", new CountRateOptions(Per: 100_000, Band: new AgeBand(10, 17), PopulationYear: 2024));

        Assert.Equal(expected, result.Population!.Value);
        Assert.Equal(result.Total / expected * 100_000, result.Rate!.Value, 12);
    }

    [Fact]
    public void StalePopulation_MoreThanTwoYears_CarriesAVisibleWarning_NearestEarlierYearNoted()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        Geography();
        new PopulationImporter(_temp.Store).Import(Fixtures.Mye2Mid2020To2022);

        // 2024/25 (mid-2024) with mid-2020..2022 imported: mid-2022, two years, noted but not stale.
        var twoYears = Count("Luton", "2024/25").Population!;
        Assert.Equal(2022, twoYears.Year);
        Assert.Contains("nearest earlier, mid-2022", twoYears.Note, StringComparison.Ordinal);
        Assert.Null(twoYears.Warning);

        // 2025/26 (mid-2025): three years, stale.
        var stale = Count("Luton", "2025/26").Population!;
        Assert.Equal(2022, stale.Year);
        Assert.True(stale.IsStale);
        Assert.Contains("mid-2022, 3 years from the period's mid-2025", stale.Warning, StringComparison.Ordinal);
        Assert.Contains(stale.Warning!, stale.Description, StringComparison.Ordinal);

        // 2017/18: nothing at or before mid-2017, so the earliest (mid-2020), said so and stale.
        var early = Count("Luton", "2017/18").Population!;
        Assert.Equal(2020, early.Year);
        Assert.Contains("earliest, mid-2020", early.Note, StringComparison.Ordinal);
        Assert.True(early.IsStale);
    }

    [Fact]
    public void CspOfSeveralDistricts_NorthHampshire_IsTheSumOfItsDistricts()
    {
        new PoliceImporter(_temp.Store).Import(Path.Combine(Fixtures.Samples, "police", "hampshire-street-2017-2024.zip"));
        Geography();
        new PopulationImporter(_temp.Store).Import(Fixtures.Mye2Mid2023);

        var csp = Count("North Hampshire", "2024-01");
        var districts = new[] { "Basingstoke and Deane", "Hart", "Rushmoor" }.Select(d => Count(d, "2024-01")).ToList();

        Assert.Equal(AreaKind.CommunitySafetyPartnership, csp.Area.Kind);
        Assert.Equal("E22000374", csp.Area.Code!.Value.Value);
        Assert.All(districts, d => Assert.True(d.Total > 0));
        Assert.Equal(districts.Sum(d => d.Total), csp.Total);
        var population = new[] { "E07000084", "E07000089", "E07000092" }.Sum(c => Raw(Fixtures.Mye2Mid2023, c));
        Assert.Equal(population, csp.Population!.Value);
        Assert.Equal(2023, csp.Population.Year);
        Assert.Equal("the sum of 3 local authority figures", csp.Population.Derivation);
        Assert.Contains(new AreaResolver(_temp.Store).ListAreas(), a => a.Area.Name == "North Hampshire" && a.Records == new CrimeCounts(_temp.Store).Count(new CountQuery(csp.Area)).Total);
    }

    [Fact]
    public void Lsoa2021Rates_LutonTownCentre_OnCensus2021()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        Geography();
        var census = new PopulationImporter(_temp.Store).Import(Fixtures.Census2021Lsoa);
        var central = PlainCsv.Read(Fixtures.Lsoa21WardLadLookup).Skip(1).Where(r => r[5] == "E06000032" && r[2] == "Central").Select(r => r[1]).ToList();
        var people = PlainCsv.Read(Fixtures.Census2021Lsoa).Skip(1).ToDictionary(r => r[0], r => double.Parse(r[^1], CultureInfo.InvariantCulture));
        var records = PlainCsv.Read(Fixtures.BedfordshireStreet).Skip(1).GroupBy(r => r[7]).ToDictionary(g => g.Key, g => g.LongCount());

        Assert.Equal("Census 2021 usual residents (ONS), LSOA 2021, OGL v3", census.Source);
        Assert.Equal(4, central.Count);
        foreach (var code in central)
        {
            var result = Count(code, "2024-01");
            Assert.Equal(AreaKind.Lsoa, result.Area.Kind);
            Assert.Equal(records.GetValueOrDefault(code), result.Total);
            Assert.Equal(people[code], result.Population!.Value);
            Assert.Equal(2021, result.Population.Year);
            Assert.Equal(records.GetValueOrDefault(code) / people[code] * 1000, result.Rate!.Value, 12);
        }

        // The whole district from its LSOAs when no district figure is imported: Luton's LSOAs sum to the file's 225,239.
        var luton = Count("Luton", "2024-01");
        Assert.Equal(225239, luton.Population!.Value);
        Assert.StartsWith("the sum of", luton.Population.Derivation, StringComparison.Ordinal);
    }

    [Fact]
    public void EnglandAndWales_PartialForces_StatesCoverage_AndCountryTotalsFromOns()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        Geography();
        new PopulationImporter(_temp.Store).Import(Fixtures.Mye2Mid2024);

        var ew = Count("England and Wales", "2024-01");
        var national = new NationalPopulation(_temp.Store).For(new YearMonth(2025, 3));

        Assert.Contains("1 of 43 forces loaded (Bedfordshire Police)", ew.CoverageStatement, StringComparison.Ordinal);
        Assert.NotEqual(Raw(Fixtures.Mye2Mid2024, "K04000001"), ew.Population!.Value);
        Assert.Contains("of the police force areas of the 1 loaded force", ew.Population.Derivation, StringComparison.Ordinal);
        Assert.Equal(["E92000001", "W92000004", "K04000001"], national.Select(c => c.Code));
        foreach (var country in national)
        {
            Assert.Equal(Raw(Fixtures.Mye2Mid2024, country.Code), country.Population!.Value);
            Assert.Equal(2024, country.Population.Year);
            Assert.Equal(Mid2024Source, country.Population.Source);
        }

        Assert.Equal(61806682, national[2].Population!.Value);
        Assert.Equal("1 of 43 forces loaded (Bedfordshire Police): counts for England and Wales are not national figures; import every force's files for a national comparator.", national[2].CoverageStatement);
        Assert.Equal("0 of 4 forces loaded: counts for Wales are not national figures; import every force's files for a national comparator.", national[1].CoverageStatement);
    }

    [Fact]
    public void SmallAreaEstimates_Lsoa2011_SingleYears_SumToTheDistrictsLsoas()
    {
        var summary = new PopulationImporter(_temp.Store).Import(Fixtures.Sape2020Lsoa11);
        new LookupImporter(_temp.Store).Import(Fixtures.Lsoa21WardLadLookup);
        new LookupImporter(_temp.Store).Import(Fixtures.Lsoa11Lsoa21Lookup);
        new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfa2024Lookup);
        var raw = PlainCsv.Read(Fixtures.Sape2020Lsoa11);
        var luton = PlainCsv.Read(Fixtures.Lsoa11Lsoa21Lookup).Skip(1).Where(r => r[6] == "E06000032").Select(r => r[1]).ToHashSet();
        var total = raw.Skip(1).Where(r => luton.Contains(r[1])).Sum(r => double.Parse(r[2], CultureInfo.InvariantCulture));
        var aged10To17 = raw.Skip(1).Where(r => luton.Contains(r[1])).Sum(r => Enumerable.Range(10, 8).Sum(a => double.Parse(r[Array.IndexOf(raw[0], a.ToString(CultureInfo.InvariantCulture))], CultureInfo.InvariantCulture)));

        Assert.Equal(2020, summary.Year);
        Assert.Equal("ONS mid-2020 small area population estimates, LSOA 2011, OGL v3", summary.Source);
        Assert.Equal(new AgeBand(90, null), summary.Bands[^1]);
        var query = new CrimeCounts(_temp.Store);
        var area = Area("Luton");
        var all = query.Count(new CountQuery(area) { FirstMonth = new YearMonth(2020, 4), LastMonth = new YearMonth(2021, 3), Rate = new CountRateOptions() });
        var young = query.Count(new CountQuery(area) { FirstMonth = new YearMonth(2020, 4), LastMonth = new YearMonth(2021, 3), Rate = new CountRateOptions(Band: new AgeBand(10, 17)) });
        Assert.Equal(total, all.Population!.Value);
        Assert.Equal(aged10To17, young.Population!.Value);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"the sum of {luton.Count:N0} LSOA figures"), all.Population.Derivation);
    }

    [Fact]
    public void Reimport_ReplacesTheYear_OtherYearsKept()
    {
        new PopulationImporter(_temp.Store).Import(Fixtures.Mye2Mid2023);
        new PopulationImporter(_temp.Store).Import(Fixtures.Mye2Mid2024);
        var rows = _temp.Count("SELECT count(*) FROM population");

        new PopulationImporter(_temp.Store).Import(Fixtures.Mye2Mid2024);

        Assert.Equal(rows, _temp.Count("SELECT count(*) FROM population"));
        Assert.Equal(2, _temp.Count("SELECT count(DISTINCT year) FROM population"));
    }

    [Fact]
    public void BadRows_NameFileLineAndField_NothingImported()
    {
        var path = _temp.WriteFile("ons_mye2_persons_mid2024.csv",
            "mid_year,sex,code,name,geography,all_ages\n2024,persons,E06000032,Luton,Unitary Authority,239090\n2024,people,E06000055,Bedford,Unitary Authority,190000\n20x4,persons,E06000056,Central Bedfordshire,Unitary Authority,310000\n2024,persons,E06000044,Portsmouth,Unitary Authority,many\n");

        var ex = Assert.Throws<ImportRejectedException>(() => new PopulationImporter(_temp.Store).Import(path));

        Assert.Equal([(3, "sex"), (4, "mid_year"), (5, "all_ages")], ex.Errors.Select(e => (e.Line, e.Field!)));
        Assert.All(ex.Errors, e => Assert.Equal(path, e.File));
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM population"));
    }

    [Fact]
    public void StoreFromBeforeSchema3_SourceIsTheFileName_ShownWithTheYear()
    {
        // Before schema 3 the population table kept the file name as its source and had no file column (null after
        // migrating): the rate's source says the year and keeps the file name.
        new PopulationImporter(_temp.Store).Import(Fixtures.Mye2Mid2024);
        Geography();
        _temp.Store.Execute("UPDATE population SET source = 'mye24.csv', file = NULL WHERE area_code = 'E06000032'");

        var result = Count("Luton", "2024/25");

        Assert.Equal("ONS mid-2024 population estimates (mye24.csv)", result.Population!.Source);
    }

    [Fact]
    public void DistrictCodeHistory_OldCodesLandInTodaysDistricts()
    {
        // Corby (E07000150, abolished 2021) is in North Northamptonshire (E06000061) today.
        var lookup = _temp.WriteFile("LSOA11_LAD20.csv", "LSOA11CD,LSOA11NM,LAD20CD,LAD20NM\nE01026971,Corby 001A,E07000150,Corby\n");
        new LookupImporter(_temp.Store).Import(lookup);
        new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfa2024Lookup);
        var history = new LookupImporter(_temp.Store).Import(Fixtures.DistrictHistory);

        Assert.Equal(LookupKind.DistrictHistory, history.Kind);
        Assert.Equal("E06000061", _temp.Store.Scalar<string>("SELECT lad_code FROM lsoa WHERE code = 'E01026971'"));
        Assert.Equal("North Northamptonshire", _temp.Store.Scalar<string>("SELECT lad_name FROM lsoa WHERE code = 'E01026971'"));
    }
}
