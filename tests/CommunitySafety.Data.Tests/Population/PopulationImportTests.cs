using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Population;

public sealed class PopulationImportTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Import_IoD2019Denominators_ReadsYearBandsAndThousandsSeparators()
    {
        var summary = new PopulationImporter(_temp.Store).Import(Fixtures.LsoaPopulation);
        var raw = PlainCsv.Read(Fixtures.LsoaPopulation);

        Assert.Equal(2015, summary.Year);
        Assert.Equal(raw.Count - 1, summary.LsoaAreas);
        Assert.Equal([AgeBand.AllAges, new AgeBand(0, 15), new AgeBand(16, 59), new AgeBand(60, null)], summary.Bands);
        var first = raw[1];
        Assert.Equal(double.Parse(first[4].Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture),
            _temp.Store.Scalar<double>("SELECT value FROM population WHERE area_code = $1 AND age_from = 0 AND age_to = -1", first[0]));
        // The last line has no final newline and is still read.
        Assert.Equal(1, _temp.Count($"SELECT count(*) FROM population WHERE area_code = '{raw[^1][0]}' AND age_from = 0 AND age_to = -1"));
    }

    [Fact]
    public void Import_SingleYearsOfAge_LastIsOpenEndedAndBandsCompose()
    {
        var header = "Code,Name,Geography,All ages," + string.Join(',', Enumerable.Range(0, 90)) + ",90+";
        var values = string.Join(',', Enumerable.Range(0, 91).Select(_ => "\"1,000\""));
        var path = _temp.WriteFile("MYEB1_mid-2022.csv", header + "\nE06000044,Portsmouth,Unitary Authority,\"91,000\"," + values);

        var summary = new PopulationImporter(_temp.Store).Import(path);

        Assert.Equal(2022, summary.Year);
        Assert.Equal(new AgeBand(90, null), summary.Bands[^1]);
        var rows = _temp.Store.Query("SELECT age_from, age_to, value FROM population", r => (new AgeBand(r.GetInt16(0), r.GetInt16(1) < 0 ? null : r.GetInt16(1)), r.GetDouble(2)));
        Assert.Equal(8000, PopulationCalculator.Compose(rows, new AgeBand(10, 17)));
        Assert.Equal(91000, PopulationCalculator.Compose(rows, AgeBand.AllAges));
    }

    [Fact]
    public void Import_NoYearAnywhere_RejectedUnlessGiven()
    {
        var path = _temp.WriteFile("pop.csv", "Area code,Area name,All ages\nE06000044,Portsmouth,\"215,000\"\n");

        Assert.Throws<ImportRejectedException>(() => new PopulationImporter(_temp.Store).Import(path));
        var summary = new PopulationImporter(_temp.Store).Import(path, new PopulationImportOptions { Year = 2021 });

        Assert.Equal(2021, summary.Year);
        Assert.Equal(215000, _temp.Store.Scalar<double>("SELECT value FROM population WHERE area_code = 'E06000044' AND year = 2021"));
    }

    [Fact]
    public void Import_BadNumber_NamesLineAndColumn()
    {
        var path = _temp.WriteFile("pop.csv", "Area code,Area name,All ages mid-2020\nE06000044,Portsmouth,lots\n");

        var ex = Assert.Throws<ImportRejectedException>(() => new PopulationImporter(_temp.Store).Import(path));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(2, error.Line);
        Assert.Equal("All ages mid-2020", error.Field);
    }

    [Theory]
    [InlineData("10-17", 10, 17)]
    [InlineData("10–17", 10, 17)]
    [InlineData("90+", 90, null)]
    [InlineData("all ages", 0, null)]
    [InlineData("16", 16, 16)]
    public void AgeBandParse_CommonForms_Parse(string text, int from, int? to) =>
        Assert.Equal(new AgeBand(from, to), AgeBand.Parse(text));
}
