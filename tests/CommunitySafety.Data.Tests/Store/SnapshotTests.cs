using System.Collections.Concurrent;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Store;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Store;

/// <summary>
/// Many readers and one writer: readers open the published snapshot read-only while an importer in another process
/// publishes a new one; a second writer is refused with a clear message.
/// </summary>
public sealed class SnapshotTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csp-data-tests", "snap-" + Guid.NewGuid().ToString("N"));

    public SnapshotTests() => Directory.CreateDirectory(_folder);

    private string StorePath => Path.Combine(_folder, "csp.duckdb");

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

    /// <summary>A store with Hampshire's street file, published as its first snapshot.</summary>
    private Fingerprint PublishedHampshire()
    {
        AnalyticalStoreWriter.Write(StorePath, publishSnapshot: true, s => new PoliceImporter(s).Import(Fixtures.HampshireStreet));
        return StoreFingerprint.Of(StorePath);
    }

    [Fact]
    public void Write_FirstSnapshot_PublishesPointerAndRemovesPlainFile_ThenKeepsCurrentAndPrevious()
    {
        using (var plain = AnalyticalStore.Open(StorePath))
        {
            new PoliceImporter(plain).Import(Fixtures.HampshireStreet);
        }

        var before = StoreFingerprint.Of(StorePath);
        var (_, first) = AnalyticalStoreWriter.Write(StorePath, publishSnapshot: true, _ => 0);
        Assert.True(StoreSnapshots.IsPublished(StorePath));
        Assert.False(File.Exists(StorePath));
        Assert.Equal(first, StoreSnapshots.Resolve(StorePath));
        Assert.Equal(before, StoreFingerprint.Of(StorePath));

        // Once published, every write publishes (no need to ask again), and only the current and previous snapshots stay.
        var (_, second) = AnalyticalStoreWriter.Write(StorePath, publishSnapshot: false, s => new PoliceImporter(s).Import(Fixtures.BedfordshireStreet));
        var (_, third) = AnalyticalStoreWriter.Write(StorePath, publishSnapshot: false, s => new PoliceImporter(s).Import(Fixtures.CityOfLondonOutcomes));
        Assert.Equal(third, StoreSnapshots.Resolve(StorePath));
        Assert.Equal([Path.GetFileName(second)!, Path.GetFileName(third)!],
            Directory.GetFiles(StoreSnapshots.Folder(StorePath)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(before.Crimes + PlainCsv.Read(Fixtures.BedfordshireStreet).Count - 1, StoreFingerprint.Of(StorePath).Crimes);
    }

    [Fact]
    public void Write_ImportThrows_NothingPublishedAndNoFileLeft()
    {
        var before = PublishedHampshire();
        var current = StoreSnapshots.Resolve(StorePath);
        Assert.Throws<InvalidOperationException>(() => AnalyticalStoreWriter.Write<int>(StorePath, true, s =>
        {
            new PoliceImporter(s).Import(Fixtures.BedfordshireStreet);
            throw new InvalidOperationException("stop");
        }));
        Assert.Equal(current, StoreSnapshots.Resolve(StorePath));
        Assert.Equal(before, StoreFingerprint.Of(StorePath));
        Assert.Equal([current], Directory.GetFiles(StoreSnapshots.Folder(StorePath)));
    }

    [Fact]
    public void OpenReadOnly_ReadersReadingContinuouslyWhileAnotherProcessPublishes_SeeOnlyTheWholeBeforeOrAfter()
    {
        var before = PublishedHampshire();
        using var heldOpen = AnalyticalStore.OpenReadOnly(StorePath);
        var seen = new ConcurrentBag<Fingerprint>();
        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentBag<Exception>();
        var readers = Enumerable.Range(0, 2).Select(_ => new Thread(() =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    seen.Add(StoreFingerprint.Of(StorePath));
                }
            }
            catch (Exception e)
            {
                failures.Add(e);
            }
        })).ToArray();
        foreach (var reader in readers)
        {
            reader.Start();
        }

        // Three files in one import: readers must never see some of them without the others.
        using (var child = ChildImport.Start(StorePath, Fixtures.BedfordshireStreet, Fixtures.CityOfLondonOutcomes, Fixtures.BedfordshireStopAndSearch, "--snapshot"))
        {
            child.WaitForExit(Timeout);
            Assert.True(child.ExitCode == 0, child.Error);
        }

        stop.Cancel();
        foreach (var reader in readers)
        {
            Assert.True(reader.Join(Timeout));
        }

        Assert.Empty(failures);
        var after = StoreFingerprint.Of(StorePath);
        Assert.Equal(before.Crimes + PlainCsv.Read(Fixtures.BedfordshireStreet).Count - 1, after.Crimes);
        Assert.Equal(PlainCsv.Read(Fixtures.CityOfLondonOutcomes).Count - 1, after.Outcomes);
        Assert.Equal(PlainCsv.Read(Fixtures.BedfordshireStopAndSearch).Count - 1, after.Searches);
        Assert.NotEmpty(seen);
        Assert.All(seen, f => Assert.True(f == before || f == after, $"a reader saw {f}\nbefore {before}\nafter  {after}"));

        // A reader that opened the old snapshot keeps reading it, whole, after the switch.
        Assert.Equal(before, StoreFingerprint.Of(heldOpen));
    }

    [Fact]
    public void Write_WhileAnotherProcessImports_RefusedWithClearMessage_AndWorksOnceItHasFinished()
    {
        PublishedHampshire();
        using var child = ChildImport.Start(StorePath, Fixtures.BedfordshireStreet, "--snapshot", "--wait");
        child.WaitFor("opened", Timeout);

        var busy = Assert.Throws<StoreBusyException>(() => AnalyticalStoreWriter.Write(StorePath, true, s => new PoliceImporter(s).Import(Fixtures.CityOfLondonOutcomes)));
        Assert.Contains("being written by another import", busy.Message, StringComparison.Ordinal);
        Assert.Contains(StoreWriterLock.LockPath(StorePath), busy.Message, StringComparison.Ordinal);
        Assert.Contains("one writer", busy.Message, StringComparison.Ordinal);

        // A second importing process is refused the same way.
        using (var second = ChildImport.Start(StorePath, Fixtures.CityOfLondonOutcomes, "--snapshot"))
        {
            second.WaitForExit(Timeout);
            Assert.Equal(6, second.ExitCode);
            Assert.Contains("being written by another import", second.Error, StringComparison.Ordinal);
        }

        // Readers are not refused meanwhile.
        Assert.Equal(0, StoreFingerprint.Of(StorePath).Outcomes);

        child.Release();
        child.WaitForExit(Timeout);
        Assert.Equal(0, child.ExitCode);
        AnalyticalStoreWriter.Write(StorePath, true, s => new PoliceImporter(s).Import(Fixtures.CityOfLondonOutcomes));
        Assert.Equal(PlainCsv.Read(Fixtures.CityOfLondonOutcomes).Count - 1, StoreFingerprint.Of(StorePath).Outcomes);
    }

    [Fact]
    public void Open_PlainStoreWrittenInPlaceByAnotherProcess_RefusedNamingThatProcess()
    {
        using (var plain = AnalyticalStore.Open(StorePath))
        {
            new PoliceImporter(plain).Import(Fixtures.HampshireStreet);
        }

        using var child = ChildImport.Start(StorePath, Fixtures.BedfordshireStreet, "--wait");
        child.WaitFor("opened", Timeout);
        var writer = Assert.Throws<StoreBusyException>(() => AnalyticalStore.Open(StorePath));
        Assert.Contains("open in another process (PID ", writer.Message, StringComparison.Ordinal);
        Assert.Contains("csp import --snapshot", writer.Message, StringComparison.Ordinal);
        var reader = Assert.Throws<StoreBusyException>(() => AnalyticalStore.OpenReadOnly(StorePath));
        Assert.Contains("open in another process", reader.Message, StringComparison.Ordinal);
        child.Release();
        child.WaitForExit(Timeout);
        Assert.Equal(0, child.ExitCode);
    }

    [Fact]
    public void Open_ForWritingAPublishedStore_Refused()
    {
        PublishedHampshire();
        var e = Assert.Throws<InvalidOperationException>(() => AnalyticalStore.Open(StorePath));
        Assert.Contains("publishes snapshots", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenReadOnly_PointerNamingAFileOutsideTheSnapshots_Refused()
    {
        PublishedHampshire();
        File.WriteAllText(StoreSnapshots.PointerPath(StorePath), "../../etc/passwd\n");
        var e = Assert.Throws<InvalidDataException>(() => AnalyticalStore.OpenReadOnly(StorePath));
        Assert.Contains("should name a snapshot", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenReadOnly_NoStore_FileNotFound()
    {
        Assert.False(AnalyticalStore.Exists(StorePath));
        Assert.Throws<FileNotFoundException>(() => AnalyticalStore.OpenReadOnly(StorePath));
        Assert.False(File.Exists(StorePath));
    }
}
