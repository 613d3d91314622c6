using CommunitySafety.Data.Police;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;
using CommunitySafety.Web.Features.Areas;

namespace CommunitySafety.Web.Tests.Features.Areas;

/// <summary>
/// An area's hot spot map over months imported with <c>--counts-only</c> (monthly counts, no records): the page says why
/// there is no map instead of mapping too few records or failing.
/// </summary>
public sealed class CountsOnlyHotspotsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csp-web-tests", "counts-only-" + Guid.NewGuid().ToString("N"));

    public CountsOnlyHotspotsTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Hotspots_OverCountsOnlyMonths_GiveTheReasonAndNoMap()
    {
        var path = Path.Combine(_folder, "csp.duckdb");
        AreaStoreWebFactory.BuildStore(path);
        using var store = AnalyticalStore.Open(path);
        var luton = new AreaResolver(store).Resolve("Luton");
        var year = FinancialYear.Parse("2023/24");

        var before = AreaAnalysis.Hotspots(store, luton, year);
        Assert.Null(before.Problem);
        Assert.NotNull(before.Svg);
        Assert.True(before.Records > 0);

        // The same Bedfordshire month again, counts only: its records leave the store, its counts stay.
        new PoliceImporter(store).Import([FindStreetFile()], new PoliceImportOptions { CountsOnly = true });

        var after = AreaAnalysis.Hotspots(store, luton, year);
        Assert.Null(after.Svg);
        Assert.Null(after.Cells);
        Assert.Equal(0, after.Records);
        Assert.Contains("only monthly counts", after.Problem, StringComparison.Ordinal);
        Assert.Contains("Luton", after.Problem, StringComparison.Ordinal);
        Assert.Contains("2024-01", after.Problem, StringComparison.Ordinal);
        Assert.Contains("--counts-only", after.Problem, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string FindStreetFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "tests", "fixtures", "police", "bedfordshire", "2024-01-bedfordshire-street.csv");
            if (File.Exists(file))
            {
                return file;
            }
        }

        throw new InvalidOperationException("The repository's tests/fixtures/police folder was not found above " + AppContext.BaseDirectory);
    }
}
