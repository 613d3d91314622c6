using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Integrity;

/// <summary>
/// The one-month rule (docs/bad-input.md): a police.uk file holds one month, so a file with rows of another month is
/// rejected, never allowed to replace that whole stored force-month with its few rows. On Bedfordshire's real January 2024.
/// </summary>
public sealed class OneMonthPerFileTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private long January => _temp.Count("SELECT count(*) FROM crime WHERE month_idx = " + new Periods.YearMonth(2024, 1).Index);

    private long MonthlyJanuary => _temp.Count("SELECT coalesce(sum(n), 0) FROM crime_monthly WHERE month_idx = " + new Periods.YearMonth(2024, 1).Index);

    /// <summary>149 of Bedfordshire's real January rows relabelled 2024-02, then one row left as 2024-01 (line 151).</summary>
    private string MixedFile(string name, bool strayFirst = false)
    {
        var lines = File.ReadAllLines(Fixtures.BedfordshireStreet);
        var february = lines.Skip(1).Take(149).Select(l => l.Replace(",2024-01,", ",2024-02,", StringComparison.Ordinal)).ToList();
        var stray = lines[200];
        Assert.Contains(",2024-01,", stray, StringComparison.Ordinal);
        List<string> rows = strayFirst ? [stray, .. february] : [.. february, stray];
        return _temp.WriteFile(name, lines[0] + "\n" + string.Join("\n", rows) + "\n");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Import_FileOfFebruaryWithOneJanuaryRow_RejectedNamingLineAndField_StoredJanuaryKept(bool countsOnly)
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet, new PoliceImportOptions { CountsOnly = countsOnly });
        var (january, monthly) = (January, MonthlyJanuary);
        Assert.True(monthly > 1000);
        var mixed = MixedFile("2024-02-bedfordshire-street.csv");

        var ex = Assert.Throws<ImportRejectedException>(() =>
            new PoliceImporter(_temp.Store).Import(mixed, new PoliceImportOptions { CountsOnly = countsOnly }));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(mixed, error.File);
        Assert.Equal(151, error.Line);
        Assert.Equal("Month", error.Field);
        Assert.Contains("month 2024-01 does not belong in this file: its name says 2024-02", error.Message, StringComparison.Ordinal);
        Assert.Equal((january, monthly), (January, MonthlyJanuary));
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM loaded_month WHERE month_idx = " + new Periods.YearMonth(2024, 2).Index));
    }

    [Fact]
    public void Import_NameWithoutMonth_FirstRowSetsTheMonth_OtherMonthNamedOnceWithItsRowCount()
    {
        var mixed = MixedFile("mixed.csv", strayFirst: true);

        var ex = Assert.Throws<ImportRejectedException>(() => new PoliceImporter(_temp.Store).Import(mixed));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("Month", error.Field);
        Assert.Contains("month 2024-02 does not belong in this file: its first row (line 2) is 2024-01", error.Message, StringComparison.Ordinal);
        Assert.Contains("149 rows of that month", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM crime"));
    }

    [Fact]
    public void Import_SkipBadRows_OtherMonthsRowsGoToRejects_StoredJanuaryKept()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        var january = January;
        var mixed = MixedFile("2024-02-bedfordshire-street.csv");

        var summary = new PoliceImporter(_temp.Store).Import(mixed, new PoliceImportOptions { SkipBadRows = true });

        Assert.Equal(149, summary.TotalRows);
        Assert.Equal(january, January);
        Assert.Equal(149, _temp.Count("SELECT count(*) FROM crime WHERE month_idx = " + new Periods.YearMonth(2024, 2).Index));
        Assert.Equal(0, summary.ForceMonthsReplaced);
    }
}
