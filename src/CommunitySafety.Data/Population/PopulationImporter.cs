using System.Globalization;
using System.Text.RegularExpressions;
using CommunitySafety.Areas;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Internals;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Data.Population;

/// <summary>Options for <see cref="PopulationImporter"/>.</summary>
public readonly record struct PopulationImportOptions
{
    /// <summary>Creates the defaults.</summary>
    public PopulationImportOptions()
    {
    }

    /// <summary>The mid-year the estimates are for; by default taken from the header ("mid 2015") or the file name.</summary>
    public int? Year { get; init; }
}

/// <summary>What a population import did.</summary>
/// <param name="Path">The file.</param>
/// <param name="Year">The mid-year of the estimates.</param>
/// <param name="Areas">Areas imported.</param>
/// <param name="LsoaAreas">Of which LSOAs.</param>
/// <param name="Bands">The age bands found (all ages first when present).</param>
public sealed record PopulationImportSummary(string Path, int Year, int Areas, int LsoaAreas, IReadOnlyList<AgeBand> Bands);

/// <summary>
/// Imports ONS mid-year population estimates, by local authority or LSOA (or any GSS-coded area), in the common ONS CSV
/// layouts: an area code, a name, an all-ages column, then single years of age or bands. Numbers may contain thousands
/// separators ("1,296"). A file replaces the figures for its areas and year.
/// </summary>
/// <remarks>
/// Columns are recognised by header: the code ("… code …"), the name ("… name …"), all ages ("All ages", "Total …",
/// "All persons"), single years ("0" … "89", "90+") and bands ("aged 0-15", "16-59", "60 and over"). Headers such as
/// "18-59/64" (different bands for men and women) are ignored. Example, the IoD2019 denominators:
/// <c>LSOA code (2011),LSOA name (2011),…,Total population: mid 2015 (excluding prisoners),Dependent Children aged 0-15: mid 2015 …</c>
/// gives year 2015 and bands all ages, 0-15, 16-59 and 60+.
/// </remarks>
public sealed partial class PopulationImporter(AnalyticalStore store)
{
    [GeneratedRegex(@"(?<![\d/])(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})(?![\d/])")]
    private static partial Regex Band();

    [GeneratedRegex(@"(?<![\d/])(\d{1,3})\s*(?:\+|and over|and above|plus)")]
    private static partial Regex OpenBand();

    [GeneratedRegex(@"^(?:age\s*)?(\d{1,3})(\+)?$")]
    private static partial Regex SingleYear();

    [GeneratedRegex(@"mid[-_ ]?(\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex MidYear();

    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})(?!\d)")]
    private static partial Regex AnyYear();

    /// <summary>Imports the estimates at <paramref name="path"/>.</summary>
    /// <exception cref="ImportRejectedException">The layout is not recognised, the year is unknown, or values are bad; nothing was imported.</exception>
    public PopulationImportSummary Import(string path, PopulationImportOptions? options = null)
    {
        try
        {
            return ImportCore(path, options);
        }
        catch (Exception ex) when (CsvText.Unreadable(ex, path, () => File.OpenRead(path)) is { } error)
        {
            throw new ImportRejectedException([error]);
        }
    }

    private PopulationImportSummary ImportCore(string path, PopulationImportOptions? options)
    {
        var opts = options ?? new PopulationImportOptions();
        using var text = CsvText.Text(File.OpenRead(path));
        using var reader = CsvText.Open(text);
        var names = reader.Header.ColNames.Select(n => n.Trim().TrimStart('\uFEFF')).ToList();
        var keys = names.Select(CsvText.HeaderKey).ToList();
        var errors = new List<ImportError>();

        var codeCol = keys.FindIndex(k => k.Contains("code", StringComparison.Ordinal));
        var nameCol = keys.FindIndex(k => k.Contains("name", StringComparison.Ordinal));
        var bands = new List<(int Col, AgeBand Band)>();
        var single = new List<(int Col, int Age, bool Open)>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (i == codeCol || i == nameCol || keys[i].Contains("code", StringComparison.Ordinal) || keys[i].Contains("name", StringComparison.Ordinal))
            {
                continue;
            }

            var k = keys[i];
            if (k.Contains("all ages", StringComparison.Ordinal) || k.StartsWith("total", StringComparison.Ordinal) || k.StartsWith("all persons", StringComparison.Ordinal) || k is "all" or "population")
            {
                bands.Add((i, AgeBand.AllAges));
            }
            else if (SingleYear().Match(k) is { Success: true } s)
            {
                single.Add((i, int.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture), s.Groups[2].Success));
            }
            else if (Band().Match(k) is { Success: true } b)
            {
                bands.Add((i, new AgeBand(int.Parse(b.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(b.Groups[2].Value, CultureInfo.InvariantCulture))));
            }
            else if (OpenBand().Match(k) is { Success: true } o)
            {
                bands.Add((i, new AgeBand(int.Parse(o.Groups[1].Value, CultureInfo.InvariantCulture), null)));
            }
        }

        if (single.Count > 0)
        {
            // ONS writes the last single year as "90" or "90+"; either way it is 90 and over.
            var last = single.MaxBy(s => s.Age);
            foreach (var (col, age, open) in single)
            {
                bands.Add((col, new AgeBand(age, open || (age == last.Age && age >= 85) ? null : age)));
            }
        }

        if (codeCol < 0 || bands.Count == 0)
        {
            errors.Add(new(path, 1, null,
                $"not a population file: the header '{CsvText.Show(string.Join(',', names))}' needs an area code column and an all-ages, single-year or age-band column."));
            throw new ImportRejectedException(errors);
        }

        var year = opts.Year ?? FindYear(names, Path.GetFileName(path));
        if (year is null)
        {
            errors.Add(new(path, 1, null, "cannot tell which mid-year these estimates are for: neither the header nor the file name says (e.g. \"mid 2015\"); give the year."));
            throw new ImportRejectedException(errors);
        }

        var rows = new List<(string Code, string? Name, AgeBand Band, double Value)>();
        var lsoas = new List<(string Code, string? Name)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row.Span.IsWhiteSpace())
            {
                continue;
            }

            var line = row.LineNumberFrom;
            if (row.ColCount != names.Count)
            {
                errors.Add(new(path, line, null, $"wrong column count: expected {names.Count}, found {row.ColCount}."));
                continue;
            }

            var code = row[codeCol].Span.Trim().ToString();
            if (!AreaCode.IsAreaCode(code))
            {
                errors.Add(new(path, line, names[codeCol], $"'{CsvText.Show(code)}' is not an ONS area code."));
                continue;
            }

            if (!seen.TryAdd(code, line))
            {
                // Two rows for one area would be added together.
                errors.Add(new(path, line, names[codeCol], $"area {code} is already on line {seen[code]}."));
                continue;
            }

            var name = nameCol >= 0 ? row[nameCol].Span.Trim().ToString() : null;
            if (code.StartsWith("E01", StringComparison.Ordinal) || code.StartsWith("W01", StringComparison.Ordinal))
            {
                lsoas.Add((code, name));
            }

            foreach (var (col, band) in bands)
            {
                var v = row[col].Span.Trim();
                if (v.IsEmpty || v is "-" or ":" or "..")
                {
                    continue;
                }

                if (!double.TryParse(v, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
                {
                    errors.Add(new(path, line, names[col], $"'{CsvText.Show(v)}' is not a number of people."));
                    continue;
                }

                rows.Add((code, name, band, value));
            }
        }

        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }

        Write(path, year.Value, rows, lsoas);
        return new PopulationImportSummary(path, year.Value, rows.Select(r => r.Code).Distinct().Count(), lsoas.Count,
            [.. bands.Select(b => b.Band).Distinct().OrderBy(b => b.IsAllAges ? 0 : 1).ThenBy(b => b.From)]);
    }

    private static int? FindYear(IEnumerable<string> headers, string fileName)
    {
        foreach (var h in headers.Append(fileName))
        {
            if (MidYear().Match(h) is { Success: true } m)
            {
                return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        foreach (var h in headers.Where(h => !h.Contains("code", StringComparison.OrdinalIgnoreCase) && !h.Contains("name", StringComparison.OrdinalIgnoreCase)))
        {
            if (AnyYear().Match(h) is { Success: true } m)
            {
                return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private void Write(string path, int year, List<(string Code, string? Name, AgeBand Band, double Value)> rows, List<(string Code, string? Name)> lsoas)
    {
        var source = Path.GetFileName(path);
        using var tx = store.Connection.BeginTransaction();
        try
        {
            store.Execute("CREATE OR REPLACE TEMP TABLE population_keys(code VARCHAR)");
            using (var keys = store.Connection.CreateAppender("population_keys"))
            {
                foreach (var code in rows.Select(r => r.Code).Distinct())
                {
                    keys.CreateRow().AppendValue(code).EndRow();
                }
            }

            store.Execute("DELETE FROM population WHERE year = $1 AND area_code IN (SELECT code FROM population_keys)", (short)year);
            store.Execute("DROP TABLE population_keys");
            using (var appender = store.Connection.CreateAppender("population"))
            {
                foreach (var (code, name, band, value) in rows)
                {
                    appender.CreateRow().AppendValue(code).AppendValue(name).AppendValue((short)year)
                        .AppendValue((short)band.From).AppendValue((short)(band.To ?? -1)).AppendValue(value).AppendValue(source).EndRow();
                }
            }

            // LSOAs join the dimension so that they are allocated to districts and can be summed up.
            foreach (var (code, name) in lsoas)
            {
                store.Dimensions.Lsoa(code, name);
            }

            if (store.Dimensions.FlushNew())
            {
                store.AllocateLsoas();
            }

            tx.Commit();
        }
        catch
        {
            tx.Rollback();
            store.Dimensions.Reload();
            throw;
        }
    }
}
