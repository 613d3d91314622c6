using System.Globalization;
using System.Text.RegularExpressions;
using CommunitySafety.Areas;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Internals;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Data.Deprivation;

/// <summary>Options for <see cref="DeprivationImporter"/>.</summary>
public readonly record struct DeprivationImportOptions
{
    /// <summary>Creates the defaults.</summary>
    public DeprivationImportOptions()
    {
    }

    /// <summary>The year of the index (2025 for the English Indices of Deprivation 2025); by default from the file name ("imd2025…").</summary>
    public int? Year { get; init; }

    /// <summary>The LSOA vintage (2011 or 2021); by default from the LSOA code column's header ("lsoa21_code", "LSOA code (2021)") or the file name.</summary>
    public int? LsoaYear { get; init; }
}

/// <summary>What a deprivation import did.</summary>
/// <param name="Path">The file.</param>
/// <param name="IndexName">The index, e.g. "English Indices of Deprivation 2025 (MHCLG)".</param>
/// <param name="Year">The index's year.</param>
/// <param name="LsoaYear">The LSOA vintage of its codes (2011 or 2021).</param>
/// <param name="Lsoas">LSOAs imported.</param>
/// <param name="DecileColumn">The column the IMD decile was read from.</param>
public sealed record DeprivationImportSummary(string Path, string IndexName, int Year, int LsoaYear, int Lsoas, string DecileColumn);

/// <summary>
/// Imports an index of multiple deprivation by LSOA: its overall IMD decile (1 = the most deprived 10% of LSOAs in the
/// country), with the rank and score when the file has them. Reads the English Indices of Deprivation 2025 (LSOA 2021)
/// and 2019 (LSOA 2011), as MHCLG publishes them ("LSOA code (2021)", "Index of Multiple Deprivation (IMD) Decile …") or
/// as tidy CSVs (<c>lsoa21_code, IMD_decile, IMD_rank, IMD_score</c>), and the Welsh index (WIMD) in the same layouts.
/// Re-importing an index replaces it; the file lands whole or not at all.
/// </summary>
public sealed partial class DeprivationImporter(AnalyticalStore store)
{
    [GeneratedRegex(@"(?:imd|iod|wimd|deprivation)[ _-]?((?:19|20)\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex IndexYear();

    [GeneratedRegex(@"(?<!\d)(?:20)?(11|21)(?!\d)")]
    private static partial Regex Vintage();

    [GeneratedRegex(@"lsoa[ _-]?(?:20)?(11|21)(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex FileVintage();

    /// <summary>Imports the index at <paramref name="path"/>.</summary>
    /// <exception cref="ImportRejectedException">The layout is not recognised, the year or LSOA vintage is unknown, or rows are bad; nothing was imported.</exception>
    public DeprivationImportSummary Import(string path, DeprivationImportOptions? options = null)
    {
        try
        {
            if (File.Exists(path) && InputPaths.NotRegularFile(path) is { } notRegular)
            {
                throw new ImportRejectedException([new ImportError(path, 0, null, notRegular)]);
            }

            return ImportCore(path, options ?? new DeprivationImportOptions());
        }
        catch (Exception ex) when (CsvText.Unreadable(ex, path, () => File.OpenRead(path)) is { } error)
        {
            throw new ImportRejectedException([error]);
        }
    }

    private DeprivationImportSummary ImportCore(string path, DeprivationImportOptions options)
    {
        using var text = CsvText.Text(File.OpenRead(path));
        using var reader = CsvText.Open(text);
        var names = reader.Header.ColNames.Select(n => n.Trim().TrimStart('\uFEFF')).ToList();
        var keys = names.Select(CsvText.HeaderKey).ToList();
        var fileName = Path.GetFileName(path);
        var errors = new List<ImportError>();

        static bool IsImd(string k) => k.StartsWith("imd", StringComparison.Ordinal) || k.Contains("index of multiple deprivation", StringComparison.Ordinal);
        var codeCol = keys.FindIndex(k => k.Contains("lsoa", StringComparison.Ordinal) && (k.Contains("code", StringComparison.Ordinal) || k.EndsWith("cd", StringComparison.Ordinal)));
        var decileCol = keys.FindIndex(k => IsImd(k) && k.Contains("decile", StringComparison.Ordinal));
        var rankCol = keys.FindIndex(k => IsImd(k) && k.Contains("rank", StringComparison.Ordinal) && !k.Contains("decile", StringComparison.Ordinal));
        var scoreCol = keys.FindIndex(k => IsImd(k) && k.Contains("score", StringComparison.Ordinal));
        if (codeCol < 0 || decileCol < 0)
        {
            errors.Add(new(path, 1, null,
                $"not an index of deprivation by LSOA: the header '{CsvText.Show(string.Join(',', names))}' needs an LSOA code column (e.g. lsoa21_code or \"LSOA code (2021)\") and an IMD decile column (e.g. IMD_decile or \"Index of Multiple Deprivation (IMD) Decile\")."));
            throw new ImportRejectedException(errors);
        }

        int? lsoaYear = options.LsoaYear;
        if (lsoaYear is null && Vintage().Match(keys[codeCol]) is { Success: true } v)
        {
            lsoaYear = 2000 + int.Parse(v.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        if (lsoaYear is null && FileVintage().Match(fileName) is { Success: true } fv)
        {
            lsoaYear = 2000 + int.Parse(fv.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        int? year = options.Year;
        if (year is null && IndexYear().Match(fileName) is { Success: true } y)
        {
            year = int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        if (lsoaYear is not (2011 or 2021))
        {
            errors.Add(new(path, 1, names[codeCol], "cannot tell whether the LSOA codes are 2011 or 2021 LSOAs: neither the column header nor the file name says (e.g. lsoa21_code); give the LSOA year."));
        }

        if (year is null)
        {
            errors.Add(new(path, 1, null, "cannot tell which year's index this is: the file name does not say (e.g. imd2025_…); give the year."));
        }

        ImportRejectedException.ThrowIfAny(errors);

        var rows = new List<(string Code, byte Decile, int? Rank, double? Score)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var countries = new HashSet<char>();
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
            if (!AreaCode.IsAreaCode(code) || !(code.StartsWith("E01", StringComparison.Ordinal) || code.StartsWith("W01", StringComparison.Ordinal)))
            {
                errors.Add(new(path, line, names[codeCol], $"'{CsvText.Show(code)}' is not an LSOA code (E01… or W01…)."));
                continue;
            }

            if (!seen.TryAdd(code, line))
            {
                errors.Add(new(path, line, names[codeCol], $"LSOA {code} is already on line {seen[code]}."));
                continue;
            }

            var d = row[decileCol].Span.Trim();
            if (!byte.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var decile) || decile is < 1 or > 10)
            {
                errors.Add(new(path, line, names[decileCol], $"'{CsvText.Show(d)}' is not a decile: expected a whole number from 1 (most deprived 10%) to 10."));
                continue;
            }

            int? rank = null;
            if (rankCol >= 0 && !row[rankCol].Span.IsWhiteSpace())
            {
                var t = row[rankCol].Span.Trim();
                if (!int.TryParse(t, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var r) || r < 1)
                {
                    errors.Add(new(path, line, names[rankCol], $"'{CsvText.Show(t)}' is not a rank: expected a whole number from 1 (most deprived)."));
                    continue;
                }

                rank = r;
            }

            double? score = null;
            if (scoreCol >= 0 && !row[scoreCol].Span.IsWhiteSpace())
            {
                var t = row[scoreCol].Span.Trim();
                if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var sc) || !double.IsFinite(sc))
                {
                    errors.Add(new(path, line, names[scoreCol], $"'{CsvText.Show(t)}' is not a score."));
                    continue;
                }

                score = sc;
            }

            countries.Add(code[0]);
            rows.Add((code, decile, rank, score));
            if (errors.Count >= ImportLimits.MaxErrorsPerFile)
            {
                break;
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new(path, 1, null, "the file has a header but no LSOAs."));
        }

        if (countries.Count > 1)
        {
            errors.Add(new(path, 1, names[codeCol], "the file mixes English (E01) and Welsh (W01) LSOAs: the two indices rank LSOAs within their own country, so import them as separate files."));
        }

        ImportRejectedException.ThrowIfAny(errors);
        var wales = countries.Contains('W');
        var name = wales
            ? string.Create(CultureInfo.InvariantCulture, $"Welsh Index of Multiple Deprivation {year} (Welsh Government)")
            : string.Create(CultureInfo.InvariantCulture, $"English Indices of Deprivation {year} (MHCLG)");
        var key = string.Create(CultureInfo.InvariantCulture, $"{(wales ? "wales" : "england")}-{year}");
        Write(key, year!.Value, name, lsoaYear!.Value, fileName, rows);
        return new DeprivationImportSummary(path, name, year.Value, lsoaYear.Value, rows.Count, names[decileCol]);
    }

    private void Write(string key, int year, string name, int lsoaYear, string source, List<(string Code, byte Decile, int? Rank, double? Score)> rows) =>
        new AnalyticalStoreWriter(store).ReplaceDeprivation(key, (short)year, name, (short)lsoaYear, source, rows);
}
