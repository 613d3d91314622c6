using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CommunitySafety.Assessment;
using CommunitySafety.Assessment.Store;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Benchmarks.National;

/// <summary>
/// The strategic assessment of every CSP of a national store, timed step by step with a stopwatch:
/// <c>national-assess &lt;store&gt; &lt;year, e.g. 2023/24&gt; [iterations=5] [funnels=all|recorded|own|read-only]</c> (own: every crime type, each area's own funnel point only). The first iteration
/// is cold (JIT, file cache); the others are warm. With <c>CSP_ASSESS_JSON=&lt;file&gt;</c> the last iteration's results are
/// written to the file, one JSON line per area (to compare the published figures of two builds). Each iteration opens nothing new: the store stays open, as in the web app.
/// </summary>
public static class NationalAssessmentRunner
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: national-assess <store> <year, e.g. 2023/24> [iterations=5] [funnels=all|recorded|own|read-only]");
            return 2;
        }

        var year = FinancialYear.Parse(args[1]);
        var iterations = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var mode = args.Length > 3 ? args[3] : "all";
        var settings = AssessmentSettings.Default with { FunnelForEachCrimeType = mode != "recorded", FunnelPointForEachPeer = mode != "own" };
        using var store = AnalyticalStore.OpenReadOnly(args[0]); // read-only: a benchmark never writes to (or upgrades) the store it measures
        for (var i = 0; i < iterations; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var collections = GC.CollectionCount(0);
            var clock = Stopwatch.StartNew();
            var inputs = AllAreasAssessment.Load(store, AreaKind.CommunitySafetyPartnership, year);
            var read = clock.Elapsed.TotalMilliseconds;
            var readCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            var readAllocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6;
            if (args.Length > 3 && args[3] == "read-only")
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? "cold" : "warm")} {i}: read {read:F0} ms (CPU {readCpu:F0} ms, {readAllocated:F0} MB allocated); load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
                continue;
            }

            var results = AllAreasAssessment.Assess(inputs, settings, DateTimeOffset.UnixEpoch);
            var total = clock.Elapsed.TotalMilliseconds;
            var totalCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            var points = results.Sum(r => r.Funnel.Count);
            var assessAllocated = ((GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6) - readAllocated;
            var gcs = GC.CollectionCount(0) - collections;
            if (Environment.GetEnvironmentVariable("CSP_ASSESS_JSON") is { Length: > 0 } json && i == iterations - 1)
            {
                // Every result as one JSON line, to compare two builds' published figures byte for byte.
                File.WriteAllLines(json, results.Select(r => JsonSerializer.Serialize(r)));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(i == 0 ? "cold" : "warm")} {i}: {inputs.Count} CSPs, {inputs.Max(x => x.Data.Area.Years.Count)} years, {points:N0} funnel points: read {read:F0} ms (CPU {readCpu:F0} ms, {readAllocated:F0} MB allocated), assess {total - read:F0} ms (CPU {totalCpu - readCpu:F0} ms, {assessAllocated:F0} MB allocated), total {total:F0} ms, {gcs} gen-0 GCs; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        }

        return 0;
    }
}
