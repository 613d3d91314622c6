using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Store;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Store;

public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csp-data-tests", "backup-" + Guid.NewGuid().ToString("N"));

    public BackupTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Path_(string name) => Path.Combine(_folder, name);

    /// <summary>A store with every kind of data.</summary>
    private string FullStore(string name)
    {
        var path = Path.Combine(_folder, name, "csp.duckdb");
        using var store = AnalyticalStore.Open(path);
        new LookupImporter(store).Import(Fixtures.LadCspPfaLookup);
        new LookupImporter(store).Import(Fixtures.LsoaLadLookup);
        new PopulationImporter(store).Import(Fixtures.LsoaPopulation);
        new PoliceImporter(store).Import([Fixtures.BedfordshireStreet, Fixtures.HampshireStreet, Fixtures.CityOfLondonOutcomes, Fixtures.BedfordshireStopAndSearch]);
        return path;
    }

    /// <summary>Every table's rows, hashed and combined regardless of order: equal when the contents are equal.</summary>
    private static Dictionary<string, long> Checksums(string path)
    {
        using var store = AnalyticalStore.OpenReadOnly(path);
        return store.TableCounts().Keys.ToDictionary(t => t, t => store.Scalar<long>($"SELECT coalesce(sum(hash(t) % 1000000007), 0)::BIGINT FROM \"{t}\" AS t"));
    }

    [Fact]
    public void ExportThenRestore_FolderMovedElsewhere_EveryTableHasTheSameRowsAndContents()
    {
        var source = FullStore("source");
        var counts = AnalyticalStoreBackup.Export(source, Path_("backup"));
        Assert.True(counts["crime"] > 0 && counts["outcome"] > 0 && counts["stop_search"] > 0 && counts["population"] > 0 && counts["lad_lookup"] > 0);
        Directory.Move(Path_("backup"), Path_("moved"));

        var target = Path.Combine(_folder, "target", "csp.duckdb");
        var restored = AnalyticalStoreBackup.Restore(Path_("moved"), target, counts, force: false);
        Assert.Equal(counts, restored);
        Assert.Equal(StoreFingerprint.Of(source), StoreFingerprint.Of(target));
        Assert.Equal(Checksums(source), Checksums(target));

        // The restored store takes imports like the original.
        using var store = AnalyticalStore.Open(target);
        var summary = new PoliceImporter(store).Import(Fixtures.BedfordshireStreet);
        Assert.Equal(1, summary.ForceMonthsReplaced);
    }

    [Fact]
    public void Restore_OverAStoreWithData_RefusedUnlessForced()
    {
        var source = FullStore("source");
        var counts = AnalyticalStoreBackup.Export(source, Path_("backup"));
        var target = Path.Combine(_folder, "target", "csp.duckdb");
        using (var other = AnalyticalStore.Open(target))
        {
            new PoliceImporter(other).Import(Fixtures.CityOfLondonOutcomes);
        }

        var otherState = StoreFingerprint.Of(target);
        var e = Assert.Throws<StoreNotEmptyException>(() => AnalyticalStoreBackup.Restore(Path_("backup"), target, counts, force: false));
        Assert.Contains("--force", e.Message, StringComparison.Ordinal);
        Assert.Equal(otherState, StoreFingerprint.Of(target));

        AnalyticalStoreBackup.Restore(Path_("backup"), target, counts, force: true);
        Assert.Equal(StoreFingerprint.Of(source), StoreFingerprint.Of(target));
        Assert.Equal([target], Directory.GetFiles(Path.GetDirectoryName(target)!, "csp.duckdb*").Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)));
    }

    [Fact]
    public void Restore_CountsDifferFromTheManifest_RefusedAndStoreUntouched()
    {
        var source = FullStore("source");
        var counts = new Dictionary<string, long>(AnalyticalStoreBackup.Export(source, Path_("backup")));
        counts["crime"]++;
        var target = Path.Combine(_folder, "target", "csp.duckdb");
        var e = Assert.Throws<InvalidDataException>(() => AnalyticalStoreBackup.Restore(Path_("backup"), target, counts, force: false));
        Assert.Contains("crime:", e.Message, StringComparison.Ordinal);
        Assert.False(AnalyticalStore.Exists(target));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(target)!, "*.tmp*"));
    }

    [Fact]
    public void ExportAndRestore_PublishedStore_ReadsTheSnapshotAndPublishesANewOne()
    {
        var source = FullStore("source");
        AnalyticalStoreWriter.Write(source, publishSnapshot: true, _ => 0);
        var counts = AnalyticalStoreBackup.Export(source, Path_("backup"));

        var target = Path.Combine(_folder, "target", "csp.duckdb");
        AnalyticalStoreWriter.Write(target, publishSnapshot: true, s => new PoliceImporter(s).Import(Fixtures.CityOfLondonOutcomes));
        var old = StoreSnapshots.Resolve(target);
        AnalyticalStoreBackup.Restore(Path_("backup"), target, counts, force: true);
        Assert.NotEqual(old, StoreSnapshots.Resolve(target));
        Assert.Equal(StoreFingerprint.Of(source), StoreFingerprint.Of(target));
    }
}
