using System.Globalization;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Tests.Support;

/// <summary>
/// What a full and a counts-only import must agree on, read from a store as lines of text to compare row for row:
/// the monthly counts, loaded months, files, LSOAs, forces and months, and the figures <see cref="CrimeCounts"/> and
/// <see cref="AllAreaCounts"/> give for every area.
/// </summary>
public static class StoreComparison
{
    /// <summary>Every table an import writes except the raw records, row for row, keys included.</summary>
    public static Dictionary<string, List<string>> Tables(AnalyticalStore store) => new()
    {
        ["crime_monthly"] = Rows(store, "SELECT force_id, lsoa_id, crime_type_id, month_idx, n FROM crime_monthly ORDER BY ALL"),
        ["crime_monthly by name"] = Rows(store,
            "SELECT f.name, s.code, m.crime_type_id, m.month_idx, m.n FROM crime_monthly m JOIN force f USING (force_id) LEFT JOIN lsoa s USING (lsoa_id) ORDER BY ALL"),
        ["loaded_month"] = Rows(store, "SELECT l.kind, l.force_id, l.month_idx, l.rows, s.path, s.rows FROM loaded_month l JOIN source_file s USING (file_id) ORDER BY ALL"),
        ["source_file"] = Rows(store, "SELECT path, kind, rows FROM source_file ORDER BY ALL"),
        ["lsoa"] = Rows(store, "SELECT lsoa_id, code, name, lad_from_name, lad_key, lad_code, lad_name FROM lsoa ORDER BY ALL"),
        ["force"] = Rows(store, "SELECT * FROM force ORDER BY ALL"),
        ["month"] = Rows(store, "SELECT * FROM month ORDER BY ALL"),
        ["outcome"] = Rows(store, "SELECT count(*), sum(line) FROM outcome"),
        ["stop_search"] = Rows(store, "SELECT count(*), sum(line) FROM stop_search"),
    };

    /// <summary>
    /// What the counts queries give: <see cref="CrimeCounts"/> by crime type for England and Wales and each force over
    /// the loaded months, and <see cref="AllAreaCounts"/> for every area of every kind and each financial year.
    /// </summary>
    public static List<string> Figures(AnalyticalStore store)
    {
        var lines = new List<string>();
        var (first, last) = store.Query("SELECT min(month_idx), max(month_idx) FROM loaded_month WHERE kind = 0",
            r => (YearMonth.FromIndex(r.GetInt32(0)), YearMonth.FromIndex(r.GetInt32(1)))).Single();
        var resolver = new AreaResolver(store);
        var counts = new CrimeCounts(store);
        var areas = store.Query("SELECT name FROM force ORDER BY name", r => r.GetString(0)).Prepend("England and Wales");
        foreach (var name in areas)
        {
            var query = new CountQuery(resolver.Resolve(name)) { FirstMonth = first, LastMonth = last, By = CountGrouping.CrimeType };
            var result = counts.Count(query);
            lines.Add($"{result.Area.Name}: total {result.Total}, no location {result.NoLocation}, {result.MonthCoverageText}, {result.Forces.Text}, rate {result.Rate}");
            lines.AddRange(result.Rows.Select(r => $"  {r.Label} {r.Count}"));
        }

        var all = AllAreaCounts.Load(store);
        foreach (var kind in new[] { AreaKind.LocalAuthority, AreaKind.CommunitySafetyPartnership, AreaKind.PoliceForceArea })
        {
            foreach (var area in all.Areas(kind))
            {
                for (var year = first.FinancialYear; year.StartYear <= last.FinancialYear.StartYear; year = new FinancialYear(year.StartYear + 1))
                {
                    if (all.Year(area, year) is not { } y)
                    {
                        lines.Add($"{kind} {area.Name} {year}: none");
                        continue;
                    }

                    lines.Add($"{kind} {area.Name} {year}: {y.MonthsCovered} months, " +
                              string.Join(", ", y.Counts.OrderBy(c => c.Key.Id).Select(c => $"{c.Key.Id}={c.Value}")));
                }
            }
        }

        return lines;
    }

    /// <summary>The rows of <paramref name="sql"/>, each as its values joined by '|'.</summary>
    public static List<string> Rows(AnalyticalStore store, string sql) =>
        store.Query(sql, r =>
        {
            var values = new string[r.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = r.IsDBNull(i) ? "null" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture) ?? "null";
            }

            return string.Join('|', values);
        });

    /// <summary>Asserts that two stores hold the same of everything in <see cref="Tables"/>.</summary>
    public static void AssertSameTables(AnalyticalStore expected, AnalyticalStore actual)
    {
        var a = Tables(expected);
        var b = Tables(actual);
        foreach (var (table, rows) in a)
        {
            Assert.True(rows.Count > 0 || table is "outcome" or "stop_search", $"{table} is empty");
            Assert.Equal(rows, b[table]);
        }
    }
}
