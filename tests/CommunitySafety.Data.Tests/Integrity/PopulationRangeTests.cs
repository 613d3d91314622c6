using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Integrity;

/// <summary>
/// Numbers of people are range-checked (docs/bad-input.md): ONS's real MYE2 mid-2024 file with line 3's all-ages figure
/// (England, 58,620,101) made negative, non-finite, absurd, fractional or blank is rejected naming file, line and field,
/// and nothing is stored; a whole number written with ".0" (as ONS's summary file writes them) is accepted.
/// </summary>
public sealed class PopulationRangeTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private string WithAllAges(string value)
    {
        var lines = File.ReadAllLines(Fixtures.Mye2Mid2024);
        Assert.StartsWith("E92000001,ENGLAND,Country,58620101,", lines[2], StringComparison.Ordinal);
        lines[2] = lines[2].Replace(",58620101,", $",{value},", StringComparison.Ordinal);
        return _temp.WriteFile("mye24tablesew_MYE2_persons.csv", string.Join("\n", lines) + "\n");
    }

    [Theory]
    [InlineData("-12", "is negative")]
    [InlineData("1E+20", "not plausible for one area")]
    [InlineData("100000001", "not plausible for one area")]
    [InlineData("NaN", "not plausible for one area")]
    [InlineData("Infinity", "not plausible for one area")]
    [InlineData("12.5", "not a whole number of people")]
    [InlineData("", "empty all-ages figure for E92000001")]
    [InlineData("12a", "not a number of people")]
    public void Import_BadAllAgesFigure_RejectedNamingFileLineAndField(string value, string message)
    {
        var path = WithAllAges(value);

        var ex = Assert.Throws<ImportRejectedException>(() => new PopulationImporter(_temp.Store).Import(path));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal("All ages", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM population"));
    }

    [Fact]
    public void Import_SingleYearOfAgeFractional_RejectedNamingItsColumn()
    {
        var lines = File.ReadAllLines(Fixtures.Mye2Mid2024);
        lines[2] = lines[2].Replace("58620101,573812,", "58620101,573812.25,", StringComparison.Ordinal);
        var path = _temp.WriteFile("mye24tablesew_MYE2_persons.csv", string.Join("\n", lines) + "\n");

        var ex = Assert.Throws<ImportRejectedException>(() => new PopulationImporter(_temp.Store).Import(path));

        var error = Assert.Single(ex.Errors);
        Assert.Equal((3, "0"), (error.Line, error.Field));
    }

    [Fact]
    public void Import_WholeNumberWrittenWithPointZero_AcceptedAsTheSameFigure()
    {
        new PopulationImporter(_temp.Store).Import(WithAllAges("58620101.0"));

        Assert.Equal(58_620_101, _temp.Count("SELECT CAST(value AS BIGINT) FROM population WHERE area_code = 'E92000001' AND age_from = 0 AND age_to = -1"));
    }
}
