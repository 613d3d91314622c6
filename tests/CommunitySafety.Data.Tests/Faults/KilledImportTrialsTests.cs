using System.Globalization;
using System.Text;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Store;
using CommunitySafety.Data.Tests.Support;
using Xunit.Abstractions;

namespace CommunitySafety.Data.Tests.Faults;

/// <summary>
/// An import killed with SIGKILL at random points leaves the store as it was before the import or as it is after it,
/// never in between, and the next import works. The trials are seeded: the seed is printed, and
/// <c>CSP_KILL_SEED=&lt;n&gt;</c> replays a run (<c>CSP_KILL_TRIALS</c> sets how many trials).
/// </summary>
public sealed class KilledImportTrialsTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Where a kill is aimed: the stage line it waits for, and the stage line that ends the window.</summary>
    private static readonly (string Name, string Anchor, string End)[] Windows =
    [
        ("open", "started", "opened"),
        ("parse/append", "opened", "parsed"),
        ("replace/allocate/commit", "parsed", "imported"),
        ("checkpoint/close/publish", "imported", "done"),
    ];

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csp-data-tests", "kill-" + Guid.NewGuid().ToString("N"));

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

    [Fact]
    public void Import_KilledAtSeededRandomPoints_StoreIsBeforeOrAfterNeverBetween_AndNextImportWorks()
    {
        var seed = Environment.GetEnvironmentVariable("CSP_KILL_SEED") is { Length: > 0 } s
            ? int.Parse(s, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var trials = Environment.GetEnvironmentVariable("CSP_KILL_TRIALS") is { Length: > 0 } t ? int.Parse(t, CultureInfo.InvariantCulture) : 20;
        output.WriteLine($"seed {seed} (replay with CSP_KILL_SEED={seed}), {trials} trials");
        var random = new Random(seed);

        Directory.CreateDirectory(_folder);
        var month6 = WriteMultiMonthFile();
        var baseline = BuildBaseline(month6);

        // In place: one file, one transaction. Publishing snapshots: several files, published together.
        var modes = new[]
        {
            Mode.Prepare(this, "in place", baseline, snapshot: false, [month6]),
            Mode.Prepare(this, "snapshot", PublishedCopy(baseline), snapshot: true, [month6, Fixtures.CityOfLondonOutcomes, Fixtures.BedfordshireStopAndSearch]),
        };
        foreach (var mode in modes)
        {
            output.WriteLine($"{mode.Name}: stage windows " + string.Join(", ", Windows.Select((w, i) => $"{w.Name} {mode.WindowLengths[i].TotalMilliseconds:F0} ms")));
        }

        // Trials alternate between the modes; each mode's trials are spread over its four windows in a seeded order, each
        // at a seeded point of its window.
        var orders = modes.Select(_ => Enumerable.Range(0, (trials + 1) / modes.Length).Select(k => k % Windows.Length).OrderBy(_ => random.Next()).ToArray()).ToArray();
        var outcomes = new List<string>();
        for (var trial = 0; trial < trials; trial++)
        {
            var mode = modes[trial % modes.Length];
            var aim = orders[trial % modes.Length][trial / modes.Length];
            var window = Windows[aim];
            var delay = mode.WindowLengths[aim] * random.NextDouble();
            var store = CopyStore(mode.Baseline, $"trial-{trial}");
            bool killed;
            string stage;
            using (var child = ChildImport.Start(store, mode.Arguments))
            {
                killed = child.KillAfter(window.Anchor, delay, Timeout);
                child.WaitForExit(Timeout);
                stage = child.LastStage;
                Assert.True(killed || child.ExitCode == 0, $"seed {seed} trial {trial}: the child failed: {child.Error}");
            }

            var found = StoreFingerprint.Of(store);
            var state = found == mode.Before ? "before" : found == mode.After ? "after" : "BETWEEN";
            var line = $"trial {trial} ({mode.Name}): aimed at {window.Name} + {delay.TotalMilliseconds:F0} ms, {(killed ? "killed" : "finished")} after '{stage}': store {state}";
            output.WriteLine(line);
            outcomes.Add(line);
            Assert.True(state != "BETWEEN", $"seed {seed} {line}\nbefore {mode.Before}\nafter  {mode.After}\nfound  {found}");

            // The next import works, and gives the counts of an import that was never interrupted.
            mode.Import(store);
            Assert.True(StoreFingerprint.Of(store) == mode.After, $"seed {seed} trial {trial}: the import after the kill gave {StoreFingerprint.Of(store)}, expected {mode.After}");
            if (mode.Snapshot)
            {
                var left = Directory.GetFiles(StoreSnapshots.Folder(store));
                Assert.True(left.All(f => f.EndsWith(".duckdb", StringComparison.Ordinal)) && left.Length <= 2,
                    $"seed {seed} trial {trial}: the next import should clear what the killed one left: {string.Join(", ", left.Select(Path.GetFileName))}");
            }

            Directory.Delete(Path.GetDirectoryName(store)!, recursive: true);
        }

        output.WriteLine($"{outcomes.Count(o => o.Contains("killed", StringComparison.Ordinal))} of {trials} trials killed mid-way; " +
                         $"{outcomes.Count(o => o.EndsWith("before", StringComparison.Ordinal))} left the store as before, " +
                         $"{outcomes.Count(o => o.EndsWith("after", StringComparison.Ordinal))} as after.");
    }

    /// <summary>One way of importing: its baseline store, its files, its states before and after, its stage timings.</summary>
    private sealed record Mode(string Name, string Baseline, bool Snapshot, string[] Files, Fingerprint Before, Fingerprint After, TimeSpan[] WindowLengths)
    {
        public string[] Arguments => Snapshot ? [.. Files, "--snapshot"] : Files;

        public void Import(string store) =>
            AnalyticalStoreWriter.Write(store, Snapshot, s => new PoliceImporter(s).Import(Files));

        /// <summary>Computes the states before and after (importing twice gives the same state as once) and times one run to the end.</summary>
        public static Mode Prepare(KilledImportTrialsTests test, string name, string baseline, bool snapshot, string[] files)
        {
            var mode = new Mode(name, baseline, snapshot, files, StoreFingerprint.Of(baseline), StoreFingerprint.Of(baseline), []);
            var after = test.CopyStore(baseline, $"{name}-after");
            mode.Import(after);
            mode = mode with { After = StoreFingerprint.Of(after) };
            Assert.NotEqual(mode.Before, mode.After);
            mode.Import(after);
            Assert.Equal(mode.After, StoreFingerprint.Of(after));

            var calibration = test.CopyStore(baseline, $"{name}-calibration");
            using var child = ChildImport.Start(calibration, mode.Arguments);
            child.WaitForExit(Timeout);
            Assert.True(child.ExitCode == 0, child.Error);
            Assert.Equal(mode.After, StoreFingerprint.Of(calibration));
            return mode with { WindowLengths = [.. Windows.Select(w => (child.TimeOf(w.End) ?? TimeSpan.Zero) - (child.TimeOf(w.Anchor) ?? TimeSpan.Zero))] };
        }
    }

    /// <summary>A copy of the plain store <paramref name="plain"/> that publishes snapshots.</summary>
    private string PublishedCopy(string plain)
    {
        var store = CopyStore(plain, "published-baseline");
        AnalyticalStoreWriter.Write(store, publishSnapshot: true, _ => 0);
        Assert.True(StoreSnapshots.IsPublished(store) && !File.Exists(store));
        return store;
    }

    /// <summary>
    /// Bedfordshire's real January 2024 file repeated six times, one file of one month (a police.uk file holds one month;
    /// rows are never de-duplicated, so the copies are separate records), so the import is long enough to be killed in
    /// every stage.
    /// </summary>
    private string WriteMultiMonthFile()
    {
        var path = Path.Combine(_folder, "bedfordshire-6-copies-street.csv");
        var lines = File.ReadAllLines(Fixtures.BedfordshireStreet);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write(lines[0] + "\n");
        for (var m = 0; m < 6; m++)
        {
            foreach (var row in lines.Skip(1))
            {
                w.Write(row);
                w.Write('\n');
            }
        }

        return path;
    }

    /// <summary>
    /// The store before the import: both ONS lookups (so allocation has work to do), Hampshire, and an earlier, shorter
    /// edition of the month the import brings (so it replaces a force-month).
    /// </summary>
    private string BuildBaseline(string input)
    {
        var path = CopyStore(null, "baseline");
        var earlier = Path.Combine(_folder, "earlier-street.csv");
        var lines = File.ReadAllLines(input);
        File.WriteAllLines(earlier, [lines[0], .. lines.Skip(1).Where((_, i) => i % 9 == 0)]);
        using (var store = AnalyticalStore.Open(path))
        {
            new LookupImporter(store).Import(Fixtures.LadCspPfaLookup);
            new LookupImporter(store).Import(Fixtures.LsoaLadLookup);
            new PoliceImporter(store).Import([Fixtures.HampshireStreet, earlier]);
        }

        // Closed cleanly, everything is checkpointed into the file: copying the file copies the store.
        Assert.False(File.Exists(path + ".wal"));
        return path;
    }

    /// <summary>
    /// A copy of the closed store at <paramref name="from"/> (the file, or the pointer and the snapshots) as
    /// <c>&lt;name&gt;/csp.duckdb</c>; an empty path there when <paramref name="from"/> is null.
    /// </summary>
    private string CopyStore(string? from, string name)
    {
        var path = Path.Combine(_folder, name, "csp.duckdb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (from is null)
        {
            return path;
        }

        if (!StoreSnapshots.IsPublished(from))
        {
            File.Copy(from, path);
            return path;
        }

        Directory.CreateDirectory(StoreSnapshots.Folder(path));
        foreach (var f in Directory.GetFiles(StoreSnapshots.Folder(from)))
        {
            File.Copy(f, Path.Combine(StoreSnapshots.Folder(path), Path.GetFileName(f)));
        }

        File.Copy(StoreSnapshots.PointerPath(from), StoreSnapshots.PointerPath(path));
        return path;
    }
}
