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
        ("checkpoint/close", "imported", "done"),
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
        var input = WriteMultiMonthFile();
        var baseline = BuildBaseline(input);
        var before = StoreFingerprint.Of(baseline);
        var after = ImportedCopy(baseline, input, "after");
        Assert.NotEqual(before, after);
        // Importing the same file again replaces its months: the state after an import does not depend on how many ran.
        Assert.Equal(after, ImportedCopy(TrialStore("after"), input, "after-twice"));

        // One run to the end, timing the stages so that the kills can be aimed at each of them.
        var calibration = TrialStore("calibration", baseline);
        TimeSpan[] windowLengths;
        using (var child = ChildImport.Start(calibration, input))
        {
            child.WaitForExit(Timeout);
            Assert.True(child.ExitCode == 0, child.Error);
            windowLengths = [.. Windows.Select(w => (child.TimeOf(w.End) ?? TimeSpan.Zero) - (child.TimeOf(w.Anchor) ?? TimeSpan.Zero))];
        }

        Assert.Equal(after, StoreFingerprint.Of(calibration));
        output.WriteLine("stage windows: " + string.Join(", ", Windows.Select((w, i) => $"{w.Name} {windowLengths[i].TotalMilliseconds:F0} ms")));

        // Each window gets a quarter of the trials, in a seeded order, each at a seeded point of its window.
        var order = Enumerable.Range(0, trials).Select(i => i % Windows.Length).OrderBy(_ => random.Next()).ToArray();
        var outcomes = new List<string>();
        for (var trial = 0; trial < trials; trial++)
        {
            var window = Windows[order[trial]];
            var delay = windowLengths[order[trial]] * random.NextDouble();
            var store = TrialStore($"trial-{trial}", baseline);
            bool killed;
            string stage;
            using (var child = ChildImport.Start(store, input))
            {
                killed = child.KillAfter(window.Anchor, delay, Timeout);
                child.WaitForExit(Timeout);
                stage = child.LastStage;
                Assert.True(killed || child.ExitCode == 0, $"seed {seed} trial {trial}: the child failed: {child.Error}");
            }

            var found = StoreFingerprint.Of(store);
            var state = found == before ? "before" : found == after ? "after" : "BETWEEN";
            var line = $"trial {trial}: aimed at {window.Name} + {delay.TotalMilliseconds:F0} ms, {(killed ? "killed" : "finished")} after '{stage}': store {state}";
            output.WriteLine(line);
            outcomes.Add(line);
            Assert.True(state != "BETWEEN", $"seed {seed} {line}\nbefore {before}\nafter  {after}\nfound  {found}");

            // The next import works, and gives the counts of an import that was never interrupted.
            using (var reopened = AnalyticalStore.Open(store))
            {
                new PoliceImporter(reopened).Import(input);
            }

            Assert.True(StoreFingerprint.Of(store) == after, $"seed {seed} trial {trial}: the import after the kill gave {StoreFingerprint.Of(store)}, expected {after}");
            Directory.Delete(Path.GetDirectoryName(store)!, recursive: true);
        }

        output.WriteLine($"{outcomes.Count(o => o.Contains("killed", StringComparison.Ordinal))} of {trials} trials killed mid-way; " +
                         $"{outcomes.Count(o => o.EndsWith("before", StringComparison.Ordinal))} left the store as before, " +
                         $"{outcomes.Count(o => o.EndsWith("after", StringComparison.Ordinal))} as after.");
    }

    /// <summary>
    /// Bedfordshire's real January 2024 file repeated as six months (2023-08 … 2024-01), one file, so the import is
    /// long enough to be killed in every stage.
    /// </summary>
    private string WriteMultiMonthFile()
    {
        var path = Path.Combine(_folder, "bedfordshire-6-months-street.csv");
        var lines = File.ReadAllLines(Fixtures.BedfordshireStreet);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write(lines[0] + "\n");
        for (var m = 0; m < 6; m++)
        {
            var month = new DateOnly(2023, 8, 1).AddMonths(m).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            foreach (var row in lines.Skip(1))
            {
                w.Write(row.Replace(",2024-01,", $",{month},", StringComparison.Ordinal));
                w.Write('\n');
            }
        }

        return path;
    }

    /// <summary>
    /// The store before the import: both ONS lookups (so allocation has work to do), Hampshire, and an earlier, shorter
    /// edition of three of the months the import brings (so it replaces force-months).
    /// </summary>
    private string BuildBaseline(string input)
    {
        var path = TrialStore("baseline");
        var earlier = Path.Combine(_folder, "earlier-street.csv");
        var lines = File.ReadAllLines(input);
        File.WriteAllLines(earlier, [lines[0], .. lines.Skip(1).Where(l => l.Contains(",2023-12,", StringComparison.Ordinal) || l.Contains(",2024-01,", StringComparison.Ordinal) || l.Contains(",2023-08,", StringComparison.Ordinal)).Where((_, i) => i % 3 == 0)]);
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

    private Fingerprint ImportedCopy(string from, string input, string name)
    {
        var path = TrialStore(name, from);
        using (var store = AnalyticalStore.Open(path))
        {
            new PoliceImporter(store).Import(input);
        }

        return StoreFingerprint.Of(path);
    }

    /// <summary>A store path in a folder of its own, optionally a copy of <paramref name="copyOf"/> (a closed store).</summary>
    private string TrialStore(string name, string? copyOf = null)
    {
        var path = Path.Combine(_folder, name, "csp.duckdb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (copyOf is not null)
        {
            File.Copy(copyOf, path, overwrite: true);
        }

        return path;
    }
}
