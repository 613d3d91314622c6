using CommunitySafety.Crime;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Tests.Support;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Tests.Queries;

public sealed class CountsTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private CountResult Count(string area, string period, CountGrouping by = CountGrouping.Total, CountRateOptions? rate = null) =>
        new CrimeCounts(_temp.Store).Count(CountQuery.For(new AreaResolver(_temp.Store).Resolve(area), ReportingPeriod.Parse(period), by) with { Rate = rate });

    private static Dictionary<string, long> RawByLsoaName(string path) =>
        PlainCsv.Read(path).Skip(1).GroupBy(r => CommunitySafety.Areas.LsoaNames.LocalAuthorityName(r[8]) ?? "(none)").ToDictionary(g => g.Key, g => (long)g.Count());

    [Theory]
    [InlineData("Bedfordshire Police")]
    [InlineData("Bedfordshire")]
    [InlineData("bedfordshire")]
    public void Count_Force_EqualsRowsOfItsFiles(string name)
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        var rows = PlainCsv.Read(Fixtures.BedfordshireStreet).Count - 1;

        var result = Count(name, "2024-01");

        Assert.Equal(AreaKind.Force, result.Area.Kind);
        Assert.Equal(CountBasis.ReportedByForce, result.Basis);
        Assert.Equal("Bedfordshire Police", result.Area.Name);
        Assert.Equal(rows, result.Total);
        Assert.True(result.NoLocation > 0);
    }

    [Fact]
    public void Count_LocalAuthorityWithoutLookups_CountsByLsoaNameAndDiffersFromForce()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        var raw = RawByLsoaName(Fixtures.BedfordshireStreet);

        var luton = Count("Luton", "2024-01");
        var force = Count("Bedfordshire", "2024-01");

        Assert.Equal(AreaKind.LocalAuthority, luton.Area.Kind);
        Assert.Null(luton.Area.Code);
        Assert.Equal(CountBasis.LocatedInArea, luton.Basis);
        Assert.Equal(raw["Luton"], luton.Total);
        Assert.True(luton.Total < force.Total);
    }

    [Fact]
    public void Count_WithLookupsImportedAfterCrime_AllocatesToLadCspAndPfa()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        var raw = RawByLsoaName(Fixtures.BedfordshireStreet);
        var lookup = new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfaLookup);

        Assert.Equal(LookupKind.LocalAuthorityToCspAndPoliceForceArea, lookup.Kind);
        Assert.Equal(348, lookup.Rows);
        var luton = Count("Luton", "2024-01");
        Assert.Equal("E06000032", luton.Area.Code?.Value);
        Assert.Equal(raw["Luton"], luton.Total);
        Assert.Equal(raw["Luton"], Count("E06000032", "2024-01").Total);

        var pfa = Count("Bedfordshire police force area", "2024-01", CountGrouping.CrimeType);
        Assert.Equal(AreaKind.PoliceForceArea, pfa.Area.Kind);
        Assert.Equal(raw["Luton"] + raw["Bedford"] + raw["Central Bedfordshire"], pfa.Total);
        Assert.Equal(pfa.Total, pfa.Rows.Sum(r => r.Count));
        Assert.Equal(["Bedfordshire Police"], pfa.Forces.Forces);
        Assert.Equal("1 of 1 force", pfa.Forces.Text);
    }

    [Fact]
    public void Count_Csp_SumsItsDistricts()
    {
        new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfaLookup);
        new PoliceImporter(_temp.Store).Import(Fixtures.HampshireStreet);
        var raw = RawByLsoaName(Fixtures.HampshireStreet);

        // North Hampshire CSP: Basingstoke and Deane, Hart and Rushmoor.
        var csp = Count("North Hampshire", "2024-01");

        Assert.Equal(AreaKind.CommunitySafetyPartnership, csp.Area.Kind);
        Assert.Equal(raw.GetValueOrDefault("Basingstoke and Deane") + raw.GetValueOrDefault("Hart") + raw.GetValueOrDefault("Rushmoor"), csp.Total);
    }

    [Fact]
    public void Count_LsoaLookup_TakesPrecedenceOverName()
    {
        new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfaLookup);
        var lsoa = new LookupImporter(_temp.Store).Import(Fixtures.LsoaLadLookup);
        Assert.Equal(LookupKind.LsoaToLocalAuthority, lsoa.Kind);
        var path = _temp.WriteFile("a.csv", Fixtures.StreetHeader + "\n" +
            // E01015779 is a Luton LSOA in the 2011 lookup; the (wrong) name here would say Bedford.
            "a,2024-01,Bedfordshire Police,Bedfordshire Police,-0.4,51.9,x,E01015779,Bedford 999Z,Burglary,,\n");

        new PoliceImporter(_temp.Store).Import(path);

        Assert.Equal(1, Count("Luton", "2024-01").Total);
        Assert.Equal(0, Count("Bedford", "2024-01").Total);
    }

    [Fact]
    public void Count_EnglandAndWales_SumsForcesAndStatesCoverage()
    {
        new PoliceImporter(_temp.Store).Import([Fixtures.BedfordshireStreet, Fixtures.HampshireStreet]);
        var rows = PlainCsv.Read(Fixtures.BedfordshireStreet).Count + PlainCsv.Read(Fixtures.HampshireStreet).Count - 2;

        var result = Count("England and Wales", "2024-01");

        Assert.Equal(CountBasis.AllImportedForces, result.Basis);
        Assert.Equal(rows, result.Total);
        Assert.Equal("2 of 43 forces", result.Forces.Text);
        Assert.True(result.Forces.IsPartial);
    }

    [Fact]
    public void Count_ByFinancialYearWithOneMonth_ReportsPartialCoverage()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);

        var result = Count("Bedfordshire", "2023/24", CountGrouping.FinancialYear);

        var row = Assert.Single(result.Rows);
        Assert.Equal("2023/24", row.Label);
        Assert.Equal("1 of 12 months", row.CoverageText);
        Assert.True(row.IsPartial);
        Assert.Equal("1 of 12 months", result.MonthCoverageText);
        Assert.Equal([new YearMonth(2024, 1)], result.MonthsCovered);
    }

    [Fact]
    public void Count_ByMonthAndQuarter_RowsForEveryPeriod()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);

        var months = Count("Bedfordshire", "2023/24", CountGrouping.Month);
        var quarters = Count("Bedfordshire", "2023/24", CountGrouping.FinancialQuarter);

        Assert.Equal(12, months.Rows.Count);
        Assert.Equal(months.Total, months.Rows.Single(r => r.Label == "2024-01").Count);
        Assert.Equal(["Q1 2023/24", "Q2 2023/24", "Q3 2023/24", "Q4 2023/24"], quarters.Rows.Select(r => r.Label));
        Assert.Equal("1 of 3 months", quarters.Rows[3].CoverageText);
        Assert.Equal(0, quarters.Rows[0].MonthsCovered);
    }

    [Fact]
    public void Count_ByCrimeType_MatchesIndependentCount()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        var expected = PlainCsv.CountBy(Fixtures.BedfordshireStreet, "Crime type");

        var result = Count("Bedfordshire", "2024-01", CountGrouping.CrimeType);

        Assert.Equal(expected.OrderBy(p => p.Key), result.Rows.Where(r => r.Count > 0).ToDictionary(r => r.Label, r => r.Count).OrderBy(p => p.Key));
    }

    [Fact]
    public void Count_WithPopulation_RateUsesSummedLsoasAndSaysWhichYear()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        var pop = new PopulationImporter(_temp.Store).Import(Fixtures.LsoaPopulation);
        var lutonPopulation = PlainCsv.Read(Fixtures.LsoaPopulation).Skip(1).Where(r => r[3] == "Luton").Sum(r => double.Parse(r[4].Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));

        var result = Count("Luton", "2024-01", rate: new CountRateOptions());

        Assert.Equal(2015, pop.Year);
        Assert.NotNull(result.Population);
        Assert.Equal(2015, result.Population.Year);
        Assert.Equal(lutonPopulation, result.Population.Value, 6);
        Assert.Contains("LSOA", result.Population.Source, StringComparison.Ordinal);
        Assert.Equal(result.Total / lutonPopulation * 1000, result.Rate!.Value, 9);
    }

    [Fact]
    public void Count_RateOfAgeBand_ComposesBands()
    {
        new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfaLookup);
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        new PopulationImporter(_temp.Store).Import(Fixtures.LsoaPopulation);
        var raw = PlainCsv.Read(Fixtures.LsoaPopulation).Skip(1).Where(r => r[3] is "Luton" or "Bedford" or "Central Bedfordshire").ToList();
        double Sum(int col) => raw.Sum(r => double.Parse(r[col].Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));

        var children = Count("Bedfordshire", "2024-01", rate: new CountRateOptions(Per: 100_000, Band: new AgeBand(0, 15)));
        var sixteenPlus = Count("Bedfordshire police force area", "2024-01", rate: new CountRateOptions(Band: new AgeBand(16, null)));
        var tenToSeventeen = Count("Luton", "2024-01", rate: new CountRateOptions(Band: new AgeBand(10, 17)));

        Assert.Equal(Sum(5), children.Population!.Value, 6);
        Assert.Equal(100_000, children.RatePer);
        Assert.Equal(Sum(6) + Sum(7), sixteenPlus.Population!.Value, 6);
        Assert.Null(tenToSeventeen.Population);
        Assert.Contains("10-17", tenToSeventeen.PopulationNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnknownName_ThrowsWithSuggestions()
    {
        new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfaLookup);

        var ex = Assert.Throws<AreaNotFoundException>(() => new AreaResolver(_temp.Store).Resolve("Portsmuth"));
        var ex2 = Assert.Throws<AreaNotFoundException>(() => new AreaResolver(_temp.Store).Resolve("Bedfordshir"));

        Assert.Contains("Portsmuth", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Bedfordshire", ex2.Suggestions);
    }

    [Fact]
    public void Resolve_CodesAndNames_GiveTheRightKind()
    {
        new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfaLookup);
        var resolver = new AreaResolver(_temp.Store);

        Assert.Equal(AreaKind.LocalAuthority, resolver.Resolve("Portsmouth").Kind);
        Assert.Equal(AreaKind.CommunitySafetyPartnership, resolver.Resolve("Portsmouth CSP").Kind);
        Assert.Equal(AreaKind.PoliceForceArea, resolver.Resolve("E23000030").Kind);
        Assert.Equal(AreaKind.Force, resolver.Resolve("Hampshire").Kind);
        Assert.Equal("Hampshire Constabulary", resolver.Resolve("Hampshire").Name);
        Assert.Equal(AreaKind.EnglandAndWales, resolver.Resolve("K04000001").Kind);
        Assert.Equal(AreaKind.Lsoa, resolver.Resolve("E01017541").Kind);
        Assert.Equal("Bristol, City of", resolver.Resolve("bristol").Name);
    }

    [Fact]
    public void ListAreas_AfterImport_ListsForcesAndAreasWithRecords()
    {
        new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfaLookup);
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);

        var areas = new AreaResolver(_temp.Store).ListAreas();

        Assert.Equal(AreaKind.EnglandAndWales, areas[0].Area.Kind);
        var force = Assert.Single(areas, a => a.Area.Kind == AreaKind.Force);
        Assert.Equal(PlainCsv.Read(Fixtures.BedfordshireStreet).Count - 1, force.Records);
        Assert.Equal(new YearMonth(2024, 1), force.FirstMonth);
        Assert.Contains(areas, a => a.Area.Kind == AreaKind.LocalAuthority && a.Area.Name == "Luton" && a.Parent == "Luton");
        Assert.Contains(areas, a => a.Area.Kind == AreaKind.PoliceForceArea && a.Area.Name == "Bedfordshire");
    }

    [Fact]
    public void Count_OnlyCrimeTypes_FiltersTypes()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        var expected = PlainCsv.CountBy(Fixtures.BedfordshireStreet, "Crime type")["Burglary"];
        var area = new AreaResolver(_temp.Store).Resolve("Bedfordshire");

        var result = new CrimeCounts(_temp.Store).Count(new CountQuery(area) { CrimeTypes = [CrimeType.Burglary] });

        Assert.Equal(expected, result.Total);
        Assert.Equal(new YearMonth(2024, 1), result.FirstMonth);
    }

    [Fact]
    public void ImportLookup_WrongHeader_Rejected()
    {
        var path = _temp.WriteFile("x.csv", "A,B\n1,2\n");

        var ex = Assert.Throws<ImportRejectedException>(() => new LookupImporter(_temp.Store).Import(path));

        Assert.Contains("not a known ONS lookup", ex.Errors[0].Message, StringComparison.Ordinal);
    }
}
