using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Tests.Support;
using CsCheck;
using Xunit.Abstractions;

namespace CommunitySafety.Data.Tests.Malformed;

/// <summary>
/// Fuzzing the CSV importers with random mutations of real rows (<see cref="CsvMutations"/>): each input is imported or
/// rejected with <see cref="ImportRejectedException"/> whose errors name the file and a line inside it; nothing else is
/// thrown, no import hangs, and the store stays consistent (a rejection changes no table; raw rows always match the
/// monthly counts and the loaded months). A few seconds each in CI (fixed seed and iterations); CSP_FUZZ_SECONDS=600 (bench/fuzz.sh) for a long run from random seeds.
/// </summary>
public sealed class CsvFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private readonly TempStore _temp = new();
    private int _n;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Fuzz_PoliceFiles_ImportedOrRejectedCleanly()
    {
        (string Name, byte[] Bytes)[] seeds =
        [
            ("2024-01-bedfordshire-street.csv", CsvMutations.Head(Fixtures.BedfordshireStreet, 40)),
            ("2024-01-hampshire-street.csv", CsvMutations.Head(Fixtures.HampshireStreet, 40)),
            ("2016-01-city-of-london-outcomes.csv", CsvMutations.Head(Fixtures.CityOfLondonOutcomes, 40)),
            ("2018-03-bedfordshire-stop-and-search.csv", CsvMutations.Head(Fixtures.BedfordshireStopAndSearch, 40)),
        ];
        Fuzz(seeds, CsvMutations.Budget(100), path => new PoliceImporter(_temp.Store).Import(path).TotalRows);
    }

    [Fact]
    public void Fuzz_PopulationAndLookupFiles_ImportedOrRejectedCleanly()
    {
        (string Name, byte[] Bytes)[] seeds =
        [
            ("LSOA_population_mid2015.csv", CsvMutations.Head(Fixtures.LsoaPopulation, 40)),
            ("LAD17_CSP17_PFA17_lookup.csv", CsvMutations.Head(Fixtures.LadCspPfaLookup, 40)),
            ("LSOA11_WD20_LAD20_lookup.csv", CsvMutations.Head(Fixtures.LsoaLadLookup, 40)),
        ];
        Fuzz(seeds, CsvMutations.Budget(100), path => Path.GetFileName(path).StartsWith("LSOA_population", StringComparison.Ordinal)
            ? new PopulationImporter(_temp.Store).Import(path).Areas
            : new LookupImporter(_temp.Store).Import(path).Rows);
    }

    private void Fuzz((string Name, byte[] Bytes)[] seeds, (long Iterations, int Seconds, string? Seed) budget, Func<string, long> import)
    {
        CsvMutations.Inputs(seeds.Length).Sample(input =>
        {
            var (name, seed) = seeds[input.Seed];
            var bytes = CsvMutations.Apply(CsvMutations.Head(seed, input.Rows), input);
            var folder = Path.Combine(_temp.Folder, "fuzz", (++_n).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, bytes);
            var before = Counts();

            var run = Task.Run(() =>
            {
                try
                {
                    import(path);
                    return null;
                }
                catch (ImportRejectedException ex)
                {
                    return ex;
                }
            });
            if (!run.Wait(Bound))
            {
                throw new TimeoutException($"no answer within {Bound}");
            }

            if (run.Result is { } rejected)
            {
                Assert.NotEmpty(rejected.Errors);
                var lines = CsvMutations.LineCount(bytes);
                foreach (var e in rejected.Errors)
                {
                    Assert.Equal(path, e.File);
                    Assert.InRange(e.Line, 0, lines + 1);
                    Assert.False(string.IsNullOrWhiteSpace(e.Message));
                }

                Assert.Equal(before, Counts());
            }

            AssertConsistent();
            Directory.Delete(folder, recursive: true);
        }, writeLine: output.WriteLine, seed: budget.Seed, iter: budget.Iterations, time: budget.Seconds, threads: 1, print: i => i.ToString());
    }

    /// <summary>Raw rows equal the monthly counts and the loaded months' rows; every row's file is known.</summary>
    private void AssertConsistent()
    {
        Assert.Equal(_temp.Count("SELECT count(*) FROM crime"), _temp.Count("SELECT coalesce(sum(n), 0) FROM crime_monthly"));
        Assert.Equal(_temp.Count("SELECT count(*) FROM crime"), _temp.Count("SELECT coalesce(sum(rows), 0) FROM loaded_month WHERE kind = 0"));
        Assert.Equal(_temp.Count("SELECT count(*) FROM outcome"), _temp.Count("SELECT coalesce(sum(rows), 0) FROM loaded_month WHERE kind = 1"));
        Assert.Equal(_temp.Count("SELECT count(*) FROM stop_search"), _temp.Count("SELECT coalesce(sum(rows), 0) FROM loaded_month WHERE kind = 2"));
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM (SELECT file_id FROM crime UNION ALL SELECT file_id FROM outcome UNION ALL SELECT file_id FROM stop_search) WHERE file_id NOT IN (SELECT file_id FROM source_file)"));
    }

    private SortedDictionary<string, long> Counts()
    {
        var tables = _temp.Store.Query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE'", r => r.GetString(0));
        return new SortedDictionary<string, long>(tables.ToDictionary(t => t, t => _temp.Count($"SELECT count(*) FROM \"{t}\"")), StringComparer.Ordinal);
    }
}
