using CommunitySafety.Data.Police;
using CommunitySafety.Data.Synthetic;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Synthetic;

/// <summary>
/// The CI-sized version of the national benchmark (bench/national.sh): one generated month of all 43 forces, at 1% of
/// national volume, through the importer; the counts must match what was generated.
/// </summary>
public sealed class NationalImportSmokeTests : IDisposable
{
    private readonly TempStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Import_OneGeneratedNationalMonth_ImportsEveryRowOnceAndCountsThem()
    {
        var folder = Path.Combine(_store.Folder, "national");
        var archive = NationalArchiveGenerator.Generate(NationalArchiveGeneratorTests.Options(folder) with { Scale = 0.01 });

        var summary = new PoliceImporter(_store.Store).Import(folder);

        Assert.Equal(43 * 3, summary.Files.Count);
        Assert.All(summary.Files, f => Assert.True(f.Imported));
        Assert.Equal(archive.StreetRows, _store.Count("SELECT count(*) FROM crime"));
        Assert.Equal(archive.StreetRows, _store.Count("SELECT sum(n) FROM crime_monthly"));
        Assert.Equal(archive.OutcomeRows, _store.Count("SELECT count(*) FROM outcome"));
        Assert.Equal(archive.StopAndSearchRows, _store.Count("SELECT count(*) FROM stop_search"));
        Assert.Equal(43, _store.Count("SELECT count(DISTINCT force_id) FROM crime"));
        Assert.Equal(0, _store.Count("SELECT count(*) FROM crime WHERE crime_type_id = 1 AND crime_id IS NOT NULL"));

        // Idempotent: the same month again replaces, never doubles.
        new PoliceImporter(_store.Store).Import(folder);
        Assert.Equal(archive.StreetRows, _store.Count("SELECT sum(n) FROM crime_monthly"));
        Assert.Equal(archive.StreetRows, _store.Count("SELECT count(*) FROM crime"));
    }
}
