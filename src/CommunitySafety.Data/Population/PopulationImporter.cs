using System.Globalization;
using System.Text.RegularExpressions;
using CommunitySafety.Areas;
using CommunitySafety.Data.Inputs;
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

    /// <summary>The mid-year the estimates are for; by default taken from a mid-year column, the header ("mid 2015"), the workbook's titles or the file name ("mye24…", "census2021…").</summary>
    public int? Year { get; init; }

    /// <summary>The sheet of a workbook to read; "MYE2 - Persons" by default.</summary>
    public string? Sheet { get; init; }

    /// <summary>The description of the source kept with every figure; by default made from the file (e.g. "ONS mid-2024 population estimates (MYE2), Local Authority, OGL v3").</summary>
    public string? Source { get; init; }
}

/// <summary>What a population import did.</summary>
/// <param name="Path">The file.</param>
/// <param name="Year">The mid-year of the estimates.</param>
/// <param name="Areas">Areas imported.</param>
/// <param name="LsoaAreas">Of which LSOAs.</param>
/// <param name="Bands">The age bands found (all ages first when present).</param>
public sealed record PopulationImportSummary(string Path, int Year, int Areas, int LsoaAreas, IReadOnlyList<AgeBand> Bands)
{
    /// <summary>Every mid-year imported (a long file holds several), ascending.</summary>
    public IReadOnlyList<int> Years { get; init; } = [Year];

    /// <summary>The description of the source kept with the figures (of the latest year).</summary>
    public string Source { get; init; } = string.Empty;
}

/// <summary>
/// Imports ONS population figures, by local authority or LSOA (or any GSS-coded area, countries included), in the common
/// ONS layouts: an area code, a name, an all-ages column, then single years of age or bands. Numbers may contain thousands
/// separators ("1,296"). Reads CSV and the ONS workbook (.xlsx: the sheet "MYE2 - Persons", below its title rows), and
/// long files holding several years and sexes (a <c>mid_year</c> and a <c>sex</c> column: persons are taken, males and
/// females left). A file replaces the figures for its areas and years; each figure keeps its year and its source
/// ("ONS mid-2024 population estimates (MYE2), Local Authority, OGL v3", "Census 2021 usual residents (ONS), LSOA 2021,
/// OGL v3").
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

    [GeneratedRegex(@"(?:census[ _-]?((?:19|20)\d{2}))|(?:mye[a-z]?(\d{2})(?!\d))", RegexOptions.IgnoreCase)]
    private static partial Regex FileYear();

    [GeneratedRegex(@"(?<!\d)(?:20)?(01|11|21)(?!\d)")]
    private static partial Regex LsoaVintage();

    [GeneratedRegex(@"(\d)_(\d)")]
    private static partial Regex DigitUnderscore();

    /// <summary>"age_0_15" → "age 0-15", "age_90_plus" → "age 90 plus", "All ages" → "all ages".</summary>
    private static string Key(string header) => DigitUnderscore().Replace(CsvText.HeaderKey(header), "$1-$2").Replace('_', ' ');

    /// <summary>Imports the estimates at <paramref name="path"/>.</summary>
    /// <exception cref="ImportRejectedException">The layout is not recognised, the year is unknown, or values are bad; nothing was imported.</exception>
    public PopulationImportSummary Import(string path, PopulationImportOptions? options = null)
    {
        try
        {
            if (File.Exists(path) && InputPaths.NotRegularFile(path) is { } notRegular)
            {
                throw new ImportRejectedException([new ImportError(path, 0, null, notRegular)]);
            }

            return ImportCore(path, options);
        }
        catch (Exception ex) when (CsvText.Unreadable(ex, path, () => File.OpenRead(path)) is { } error)
        {
            throw new ImportRejectedException([error]);
        }
    }

    /// <summary>
    /// The most people one area's figure may hold: 100 million, above the United Kingdom's population (69 million at
    /// mid-2024), so a larger figure is a mistake (a misplaced separator, a code or a total of totals), never an estimate.
    /// </summary>
    public const double MaxPeoplePerArea = 100_000_000;

    private const NumberStyles PeopleStyle = NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowExponent;

    /// <summary>
    /// The rule for a number of people: a number, finite, not negative, at most <see cref="MaxPeoplePerArea"/>, and whole
    /// (ONS's mid-year, small-area and Census estimates are whole numbers; some files write them as <c>499781.0</c>, which
    /// is whole and accepted). Null when good, else what is wrong.
    /// </summary>
    internal static string? CheckPeople(ReadOnlySpan<char> v)
    {
        if (!double.TryParse(v, PeopleStyle, CultureInfo.InvariantCulture, out var value))
        {
            return $"'{CsvText.Show(v)}' is not a number of people.";
        }

        if (!double.IsFinite(value) || value > MaxPeoplePerArea)
        {
            return $"'{CsvText.Show(v)}' people is not plausible for one area: at most {MaxPeoplePerArea:N0} (the UK has about 69 million).";
        }

        if (value < 0)
        {
            return $"'{CsvText.Show(v)}' is negative: a number of people is 0 or more.";
        }

        if (value != Math.Floor(value))
        {
            return $"'{CsvText.Show(v)}' is not a whole number of people: ONS's estimates are whole numbers.";
        }

        return null;
    }

    /// <summary>A table to read: its header, its rows with their line (or sheet row) numbers, and text above the header (a workbook's titles).</summary>
    private sealed record Table(List<string> Header, IEnumerable<(int Line, string[] Cells)> Rows, List<string> Titles, bool IsWorkbook = false);

    private PopulationImportSummary ImportCore(string path, PopulationImportOptions? options)
    {
        var opts = options ?? new PopulationImportOptions();
        if (XlsxSheet.IsWorkbook(path))
        {
            return Process(path, opts, Workbook(path, opts.Sheet ?? "MYE2 - Persons"));
        }

        using var text = CsvText.Text(File.OpenRead(path));
        using var reader = CsvText.Open(text);
        var header = reader.Header.ColNames.Select(n => n.Trim().TrimStart('\uFEFF')).ToList();
        return Process(path, opts, new Table(header, CsvRows(reader), []));
    }

    private static IEnumerable<(int Line, string[] Cells)> CsvRows(nietras.SeparatedValues.SepReader reader)
    {
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row.Span.IsWhiteSpace())
            {
                continue;
            }

            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            yield return (row.LineNumberFrom, cells);
        }
    }

    /// <summary>The sheet's rows below its header row (the first row with a code column and an all-ages column).</summary>
    private static Table Workbook(string path, string sheet)
    {
        var rows = XlsxSheet.Read(path, sheet);
        if (rows is null)
        {
            throw new ImportRejectedException([new ImportError(path, 1, null,
                $"the workbook has no sheet '{sheet}' (its sheets: {string.Join(", ", XlsxSheet.SheetNames(path))}); give the sheet with the estimates by area.")]);
        }

        var at = rows.FindIndex(r => r.Cells.Any(c => Key(c) == "code" || Key(c).EndsWith(" code", StringComparison.Ordinal))
            && r.Cells.Any(c => Key(c) is "all ages" or "all persons" or "total"));
        if (at < 0)
        {
            throw new ImportRejectedException([new ImportError(path, 1, null,
                $"the sheet '{sheet}' has no header row with a code column and an \"All ages\" column.")]);
        }

        var titles = rows.Take(at).SelectMany(r => r.Cells).Where(c => c.Length > 0).ToList();
        var header = rows[at].Cells.Select(c => c.Trim()).ToList();
        var width = header.FindLastIndex(h => h.Length > 0) + 1;
        header = header[..width];
        return new Table(header, rows.Skip(at + 1).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))), titles, IsWorkbook: true);
    }

    private PopulationImportSummary Process(string path, PopulationImportOptions opts, Table table)
    {
        var names = table.Header;
        var keys = names.Select(Key).ToList();
        var errors = new List<ImportError>();
        var fileName = Path.GetFileName(path);

        var codeCol = keys.FindIndex(k => k.Contains("code", StringComparison.Ordinal));
        var nameCol = keys.FindIndex(k => k.Contains("name", StringComparison.Ordinal));
        var yearCol = keys.FindIndex(k => k is "mid year" or "year" or "mid-year");
        var sexCol = keys.FindIndex(k => k is "sex" or "gender");
        var bands = new List<(int Col, AgeBand Band)>();
        var single = new List<(int Col, int Age, bool Open)>();
        for (var i = 0; i < keys.Count; i++)
        {
            if (i == codeCol || i == nameCol || i == yearCol || i == sexCol || keys[i].Contains("code", StringComparison.Ordinal) || keys[i].Contains("name", StringComparison.Ordinal))
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
            // ONS writes the last single year as "90" or "90+" (or a separate "age_90_plus"); either way it is 90 and over.
            var last = single.MaxBy(s => s.Age);
            var openAfter = bands.Any(b => b.Band.To is null && b.Band.From == last.Age + 1);
            foreach (var (col, age, open) in single)
            {
                bands.Add((col, new AgeBand(age, open || (age == last.Age && age >= 85 && !openAfter) ? null : age)));
            }
        }

        if (codeCol < 0 || bands.Count == 0)
        {
            errors.Add(new(path, 1, null,
                $"not a population file: the header '{CsvText.Show(string.Join(',', names))}' needs an area code column and an all-ages, single-year or age-band column."));
            throw new ImportRejectedException(errors);
        }

        var fileYear = opts.Year ?? FindYear(names, table.Titles, fileName);
        if (fileYear is null && yearCol < 0)
        {
            errors.Add(new(path, 1, null, "cannot tell which mid-year these estimates are for: neither a mid_year column, the header, the titles nor the file name says (e.g. \"mid 2015\", \"mye24\", \"census2021\"); give the year."));
            throw new ImportRejectedException(errors);
        }

        var rows = new List<(string Code, string? Name, int Year, AgeBand Band, double Value)>();
        var lsoas = new List<(string Code, string? Name)>();
        var lsoaSeen = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<(string, int), int>();
        foreach (var (line, cells) in table.Rows)
        {
            // A sheet's rows stop at their last cell, or run on with empty cells: only the header's columns count.
            if (table.IsWorkbook ? cells.Skip(names.Count).Any(c => !string.IsNullOrWhiteSpace(c)) : cells.Length != names.Count)
            {
                errors.Add(new(path, line, null, $"wrong column count: expected {names.Count}, found {cells.Length}."));
                continue;
            }

            string Cell(int col) => col < cells.Length ? cells[col].Trim() : string.Empty;
            if (sexCol >= 0)
            {
                var sex = Cell(sexCol).ToLowerInvariant();
                if (sex is "males" or "male" or "m" or "females" or "female" or "f")
                {
                    continue;
                }

                if (sex is not ("persons" or "person" or "p" or "all" or "all persons" or "total"))
                {
                    errors.Add(new(path, line, names[sexCol], $"'{CsvText.Show(sex)}' is not a sex: expected persons, males or females."));
                    continue;
                }
            }

            var code = Cell(codeCol);
            if (code.Length == 0 && table.IsWorkbook)
            {
                // A workbook's footnotes below the table.
                continue;
            }

            if (!AreaCode.IsAreaCode(code))
            {
                errors.Add(new(path, line, names[codeCol], $"'{CsvText.Show(code)}' is not an ONS area code."));
                continue;
            }

            var year = fileYear ?? 0;
            if (yearCol >= 0)
            {
                var y = Cell(yearCol);
                if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year is < 1900 or > 2100)
                {
                    errors.Add(new(path, line, names[yearCol], $"'{CsvText.Show(y)}' is not a year."));
                    continue;
                }
            }

            if (!seen.TryAdd((code, year), line))
            {
                // Two rows for one area would be added together.
                errors.Add(new(path, line, names[codeCol], $"area {code} ({year}) is already on line {seen[(code, year)]}."));
                continue;
            }

            var name = nameCol >= 0 ? Cell(nameCol) : null;
            if ((code.StartsWith("E01", StringComparison.Ordinal) || code.StartsWith("W01", StringComparison.Ordinal)) && lsoaSeen.Add(code))
            {
                lsoas.Add((code, name));
            }

            foreach (var (col, band) in bands)
            {
                var v = Cell(col).AsSpan();
                if (v.IsEmpty && band.IsAllAges)
                {
                    errors.Add(new(path, line, names[col], $"empty all-ages figure for {code}: give the number of people, or ONS's ':' or 'x' when there is none."));
                    continue;
                }

                if (v.IsEmpty || v is "-" or ":" or ".." or "x")
                {
                    continue;
                }

                if (CheckPeople(v) is { } problem)
                {
                    errors.Add(new(path, line, names[col], problem));
                    continue;
                }

                rows.Add((code, name, year, band, double.Parse(v, PeopleStyle, CultureInfo.InvariantCulture)));
            }

            if (errors.Count >= ImportLimits.MaxErrorsPerFile)
            {
                break;
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new(path, 1, null, "the file has a header but no figures."));
        }

        ImportRejectedException.ThrowIfAny(errors);

        var years = rows.Select(r => r.Year).Distinct().Order().ToList();
        var census = fileName.Contains("census", StringComparison.OrdinalIgnoreCase) || table.Titles.Any(t => t.Contains("census", StringComparison.OrdinalIgnoreCase));
        int? vintage = LsoaVintage().Match(keys[codeCol]) is { Success: true } v2 ? 2000 + int.Parse(v2.Groups[1].Value, CultureInfo.InvariantCulture)
            : LsoaVintage().Match(fileName.Replace("mid2020", string.Empty, StringComparison.OrdinalIgnoreCase)) is { Success: true } v3 && fileName.Contains("lsoa", StringComparison.OrdinalIgnoreCase) ? 2000 + int.Parse(v3.Groups[1].Value, CultureInfo.InvariantCulture)
            : census ? 2021 : null;
        var sources = years.ToDictionary(y => y, y => opts.Source ?? Describe(y, census, lsoas.Count > 0, vintage, fileName, table.Titles));
        Write(path, rows, lsoas, sources);
        return new PopulationImportSummary(path, years[^1], rows.Select(r => r.Code).Distinct().Count(), lsoas.Count,
            [.. bands.Select(b => b.Band).Distinct().OrderBy(b => b.IsAllAges ? 0 : 1).ThenBy(b => b.From)])
        {
            Years = years,
            Source = sources[years[^1]],
        };
    }

    /// <summary>E.g. "ONS mid-2024 population estimates (MYE2), Local Authority, OGL v3" or "Census 2021 usual residents (ONS), LSOA 2021, OGL v3".</summary>
    private static string Describe(int year, bool census, bool lsoa, int? vintage, string fileName, List<string> titles)
    {
        var geography = lsoa ? (vintage is { } v ? string.Create(CultureInfo.InvariantCulture, $"LSOA {v}") : "LSOA") : "Local Authority";
        if (census)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Census {year} usual residents (ONS), {geography}, OGL v3");
        }

        if (lsoa)
        {
            return string.Create(CultureInfo.InvariantCulture, $"ONS mid-{year} small area population estimates, {geography}, OGL v3");
        }

        var table = fileName.Contains("mye2", StringComparison.OrdinalIgnoreCase) || titles.Any(t => t.Contains("MYE2", StringComparison.OrdinalIgnoreCase)) ? " (MYE2)" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"ONS mid-{year} population estimates{table}, {geography}, OGL v3");
    }

    private static int? FindYear(IEnumerable<string> headers, IEnumerable<string> titles, string fileName)
    {
        foreach (var h in headers.Concat(titles).Append(fileName))
        {
            if (MidYear().Match(h) is { Success: true } m)
            {
                return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        if (FileYear().Match(fileName) is { Success: true } f)
        {
            return f.Groups[1].Success ? int.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture) : 2000 + int.Parse(f.Groups[2].Value, CultureInfo.InvariantCulture);
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

    private void Write(string path, List<(string Code, string? Name, int Year, AgeBand Band, double Value)> rows, List<(string Code, string? Name)> lsoas, Dictionary<int, string> sources) =>
        new AnalyticalStoreWriter(store).ReplacePopulation(Path.GetFileName(path),
            [.. rows.Select(r => new PopulationRow(r.Code, r.Name, (short)r.Year, (short)r.Band.From, (short)(r.Band.To ?? -1), r.Value, sources[r.Year]))], lsoas);
}
