using CommunitySafety.Data.Lookups;
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
    private readonly TempStore _countsOnly = new();

    public void Dispose()
    {
        _store.Dispose();
        _countsOnly.Dispose();
    }

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

    [Fact]
    public void ImportCountsOnly_OneGeneratedNationalMonth_SameCountsAndFiguresAsFullImport()
    {
        var folder = Path.Combine(_store.Folder, "national");
        var archive = NationalArchiveGenerator.Generate(NationalArchiveGeneratorTests.Options(folder) with { Scale = 0.01 });
        var lookup = Path.Combine(NationalArchiveGeneratorTests.SampleLookups, "LAD17_CSP17_PFA17_lookup.csv");
        new LookupImporter(_store.Store).Import(lookup);
        new LookupImporter(_countsOnly.Store).Import(lookup);

        var full = new PoliceImporter(_store.Store).Import(folder);
        var counts = new PoliceImporter(_countsOnly.Store).Import(folder, new PoliceImportOptions { CountsOnly = true });

        Assert.Equal(archive.StreetRows, _countsOnly.Count("SELECT sum(n) FROM crime_monthly"));
        Assert.Equal(0, _countsOnly.Count("SELECT count(*) FROM crime"));
        Assert.Equal(archive.OutcomeRows, _countsOnly.Count("SELECT count(*) FROM outcome"));
        Assert.Equal(43, _countsOnly.Count("SELECT count(*) FROM loaded_month WHERE kind = 0 AND counts_only"));
        Assert.Equal(full.Files, counts.Files);
        StoreComparison.AssertSameTables(_store.Store, _countsOnly.Store);
        var figures = StoreComparison.Figures(_store.Store);
        Assert.True(figures.Count > 400, $"{figures.Count} lines of figures");
        Assert.Equal(figures, StoreComparison.Figures(_countsOnly.Store));
    }
}
