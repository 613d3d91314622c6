using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace CommunitySafety.Benchmarks.National;

/// <summary>
/// The DuckDB side of the national comparison (bench/national.sh), one engine run per process so that peak memory is the
/// process's own: <c>national-duckdb &lt;mode&gt; &lt;csv…&gt;</c>.
/// </summary>
/// <remarks>
/// Modes: <c>groupby-serial</c> (read_csv with parallel=false on one concatenated file, counted by month, force and crime
/// type: what an analyst would run), <c>groupby-parallel</c> (the parallel reader over the monthly files; it refuses
/// concatenated police.uk files), <c>load-serial</c> (DuckDB's own import of the concatenated file into a table of a fresh
/// database file, for comparison with our importer, which also stores every row).
/// </remarks>
public static class NationalDuckDbRunner
{
    private const string GroupBy = "SELECT \"Month\", \"Reported by\", \"Crime type\", count(*) AS n FROM {0} GROUP BY ALL";

    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: national-duckdb groupby-serial|groupby-parallel|load-serial <csv…>");
            return 2;
        }

        var files = args[1..].Select(Path.GetFullPath).ToList();
        var list = "[" + string.Join(", ", files.Select(f => "'" + f.Replace("'", "''", StringComparison.Ordinal) + "'")) + "]";
        var database = args[0] == "load-serial" ? Path.Combine(Path.GetTempPath(), $"csp-duckdb-load-{Environment.ProcessId}.duckdb") : null;
        var clock = Stopwatch.StartNew();
        using (var connection = new DuckDBConnection(database is null ? "Data Source=:memory:" : $"Data Source={database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // Types are fixed so that the serial reader does not sniff; header=true on every file.
            const string Columns = "header = true, all_varchar = false";
            command.CommandText = args[0] switch
            {
                "groupby-serial" => string.Format(CultureInfo.InvariantCulture, GroupBy, $"read_csv({list}, parallel = false, {Columns})"),
                "groupby-parallel" => string.Format(CultureInfo.InvariantCulture, GroupBy, $"read_csv({list}, parallel = true, {Columns})"),
                "load-serial" => $"CREATE TABLE crime AS SELECT * FROM read_csv({list}, parallel = false, {Columns}); SELECT count(*) FROM crime",
                _ => throw new ArgumentException($"unknown mode '{args[0]}'"),
            };
            long groups = 0, rows = 0;
            using var reader = command.ExecuteReader();
            do
            {
                while (reader.Read())
                {
                    groups++;
                    rows += Convert.ToInt64(reader.GetValue(reader.FieldCount - 1), CultureInfo.InvariantCulture);
                }
            }
            while (reader.NextResult());

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb {args[0]}: {rows} rows, {groups} groups, {clock.Elapsed.TotalSeconds:F2} s"));
        }

        if (database is not null)
        {
            File.Delete(database);
            File.Delete(database + ".wal");
        }

        return 0;
    }
}
