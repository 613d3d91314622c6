using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Lookups;

/// <summary>The ONS 2024 lookups on real files: layouts, LSOA 2011 → 2021, district code history, districts in several CSPs.</summary>
public sealed class Lookup2024Tests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Layouts_AreRecognised_AndRowsLandWhole()
    {
        var importer = new LookupImporter(_temp.Store);

        var lsoa = importer.Import(Fixtures.Lsoa21WardLadLookup);
        var change = importer.Import(Fixtures.Lsoa11Lsoa21Lookup);
        var csp = importer.Import(Fixtures.LadCspPfa2024Lookup);
        var history = importer.Import(Fixtures.DistrictHistory);

        Assert.Equal(LookupKind.LsoaToLocalAuthority, lsoa.Kind);
        Assert.Equal(PlainCsv.Read(Fixtures.Lsoa21WardLadLookup).Count - 1, lsoa.Rows);
        Assert.Equal(LookupKind.LsoaChange, change.Kind);
        Assert.Equal(PlainCsv.Read(Fixtures.Lsoa11Lsoa21Lookup).Count - 1, change.Rows);
        Assert.Equal(LookupKind.LocalAuthorityToCspAndPoliceForceArea, csp.Kind);
        Assert.Equal(PlainCsv.Read(Fixtures.LadCspPfa2024Lookup).Count - 1, csp.Rows);
        Assert.Equal(LookupKind.DistrictHistory, history.Kind);
        Assert.Equal(2021, _temp.Store.Scalar<int>("SELECT DISTINCT lsoa_year FROM lsoa_lookup"));
        Assert.Equal("Central", _temp.Store.Scalar<string>("SELECT ward_name FROM lsoa_lookup WHERE lsoa_code = (SELECT min(lsoa_code) FROM lsoa_lookup WHERE ward_name = 'Central' AND lad_code = 'E06000032')"));
        // Re-importing replaces.
        importer.Import(Fixtures.LadCspPfa2024Lookup);
        Assert.Equal(csp.Rows, _temp.Count("SELECT count(*) FROM lad_lookup"));
    }

    [Fact]
    public void DistrictHistory_LadcdActive_OldCodesLandInToday()
    {
        var history = new LookupImporter(_temp.Store).Import(Path.Combine(Fixtures.Root, "lookups", "drkane_la_all_codes.csv"));

        Assert.Equal(LookupKind.DistrictHistory, history.Kind);
        Assert.Equal("E06000058", _temp.Store.Scalar<string>("SELECT new_code FROM lad_history WHERE old_code = 'E07000048'")); // Christchurch → BCP
        Assert.Equal("E07000244", _temp.Store.Scalar<string>("SELECT new_code FROM lad_history WHERE old_code = 'E07000205'")); // Suffolk Coastal → East Suffolk
    }

    [Fact]
    public void Lsoa2011Codes_LandInToday_ThroughTheChangeLookup()
    {
        // A month with 2011 LSOA codes (police.uk before 2023-10): Luton's unchanged and changed LSOAs.
        var changes = PlainCsv.Read(Fixtures.Lsoa11Lsoa21Lookup).Skip(1).Where(r => r[6] == "E06000032").ToList();
        var changed = changes.First(r => r[2] == "S");
        var rows = string.Join('\n', changes.Where(r => r[1] != r[4]).Take(3).Select((r, i) => $",2019-05,Bedfordshire Police,Bedfordshire Police,-0.41,51.88,On or near X,{r[1]},{r[0]},Burglary,,"));
        var path = _temp.WriteFile("2019-05-bedfordshire-street.csv", Fixtures.StreetHeader + "\n" + rows + "\n");
        new PoliceImporter(_temp.Store).Import(path);
        new LookupImporter(_temp.Store).Import(Fixtures.Lsoa21WardLadLookup);
        new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfa2024Lookup);
        new LookupImporter(_temp.Store).Import(Fixtures.Lsoa11Lsoa21Lookup);

        Assert.Equal(0, _temp.Count($"SELECT count(*) FROM lsoa_lookup WHERE lsoa_code = '{changed[1]}'"));
        Assert.Equal("E06000032", _temp.Store.Scalar<string>($"SELECT lad_code FROM lsoa WHERE code = '{changed[1]}'"));
        var luton = new CrimeCounts(_temp.Store).Count(CountQuery.For(new AreaResolver(_temp.Store).Resolve("Luton"), CommunitySafety.Periods.ReportingPeriod.Parse("2019-05")));
        Assert.Equal(3, luton.Total);
        Assert.Equal("Luton", luton.Area.Name);
        Assert.Equal("E06000032", luton.Area.Code!.Value.Value);
    }

    [Fact]
    public void DistrictInSeveralCsps_CountedOnceForItsPoliceForceArea()
    {
        // BCP (E06000058) is in three CSPs in the 2024 lookup; Dorset's police force area holds it once.
        new LookupImporter(_temp.Store).Import(Fixtures.LadCspPfa2024Lookup);
        var lsoa = _temp.WriteFile("lsoa21_bcp.csv", "lsoa21_code,lsoa21_name,ltla24_code,ltla24_name\nE01015232,Bournemouth Christchurch and Poole 001A,E06000058,\"Bournemouth, Christchurch and Poole\"\n");
        new LookupImporter(_temp.Store).Import(lsoa);
        var street = _temp.WriteFile("2024-01-dorset-street.csv", Fixtures.StreetHeader + "\n,2024-01,Dorset Police,Dorset Police,-1.8,50.7,On or near X,E01015232,Bournemouth Christchurch and Poole 001A,Burglary,,\n");
        new PoliceImporter(_temp.Store).Import(street);

        var areas = new AreaResolver(_temp.Store).ListAreas();

        Assert.Equal(3, _temp.Count("SELECT count(*) FROM lad_lookup WHERE lad_code = 'E06000058'"));
        Assert.Equal(1, areas.Single(a => a.Area.Kind == AreaKind.PoliceForceArea).Records);
        Assert.Equal(1, areas.Single(a => a.Area.Kind == AreaKind.LocalAuthority).Records);
        Assert.Equal(3, areas.Count(a => a.Area.Kind == AreaKind.CommunitySafetyPartnership && a.Records == 1));
    }

    [Fact]
    public void ChangeLookup_BadChangeCode_NamesLineAndField()
    {
        var path = _temp.WriteFile("lsoa11_lsoa21.csv", "LSOA11CD,LSOA11NM,CHGIND,LSOA21CD,LSOA21NM\nE01015658,Luton 001A,U,E01015658,Luton 001A\nE01015659,Luton 001B,Q,E01015659,Luton 001B\n");

        var ex = Assert.Throws<ImportRejectedException>(() => new LookupImporter(_temp.Store).Import(path));

        var error = Assert.Single(ex.Errors);
        Assert.Equal((path, 3, "CHGIND"), (error.File, error.Line, error.Field));
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM lsoa_change"));
    }
}
