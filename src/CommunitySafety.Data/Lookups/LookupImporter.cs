using System.Text.RegularExpressions;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Internals;
using CommunitySafety.Data.Store;
using nietras.SeparatedValues;

namespace CommunitySafety.Data.Lookups;

/// <summary>The kinds of ONS lookup the store understands.</summary>
public enum LookupKind
{
    /// <summary>Local authority district → Community Safety Partnership → police force area (e.g. LAD17CD,LAD17NM,CSP17CD,CSP17NM,PFA17CD,PFA17NM).</summary>
    LocalAuthorityToCspAndPoliceForceArea,

    /// <summary>LSOA → (ward →) local authority district (e.g. LSOA11CD,LSOA11NM,…,LAD20CD,LAD20NM, or lsoa21_code,…,ward24_code,…,ltla24_code).</summary>
    LsoaToLocalAuthority,

    /// <summary>LSOA 2011 → LSOA 2021 with the ONS change code (LSOA11CD, CHGIND, LSOA21CD; or lsoa11_code, change_code, lsoa21_code).</summary>
    LsoaChange,

    /// <summary>
    /// District code history: a district's code in several years (ltla16_code … ltla24_code, or LAD16CD … LAD24CD), or
    /// every district code since 2011 with today's (LADCD, LADCD_ACTIVE): old codes are mapped to the latest.
    /// </summary>
    DistrictHistory,
}

/// <summary>What a lookup import did.</summary>
/// <param name="Path">The file.</param>
/// <param name="Kind">The layout found.</param>
/// <param name="Rows">Rows imported.</param>
/// <param name="Columns">The code and name columns used, e.g. <c>LAD17CD, CSP17CD, PFA17CD</c>.</param>
public sealed record LookupImportSummary(string Path, LookupKind Kind, int Rows, string Columns);

/// <summary>
/// Imports ONS lookups: LAD→CSP→PFA and LSOA→LAD, any year suffix, the layout told by the header. A lookup replaces
/// the entries for the codes it contains; afterwards every LSOA in the store is allocated again, so a lookup imported
/// after the crime data applies to it.
/// </summary>
public sealed partial class LookupImporter(AnalyticalStore store)
{
    [GeneratedRegex(@"^(?<geo>[A-Z]+?)(?<year>\d{2})_?(?<part>CD|NM|CODE|NAME)$", RegexOptions.IgnoreCase)]
    private static partial Regex CodeColumn();

    /// <summary>The geography of a column prefix: ONS writes LAD, LTLA, WD, WARD, LSOA, CSP, PFA.</summary>
    private static string Geography(string prefix) => prefix switch
    {
        "LTLA" => "LAD",
        "WARD" => "WD",
        _ => prefix,
    };

    /// <summary>Imports the lookup at <paramref name="path"/>.</summary>
    /// <exception cref="ImportRejectedException">The header is not a known lookup layout, or rows are bad; nothing was imported.</exception>
    public LookupImportSummary Import(string path)
    {
        try
        {
            if (File.Exists(path) && InputPaths.NotRegularFile(path) is { } notRegular)
            {
                throw new ImportRejectedException([new ImportError(path, 0, null, notRegular)]);
            }

            return ImportCore(path);
        }
        catch (Exception ex) when (CsvText.Unreadable(ex, path, () => File.OpenRead(path)) is { } error)
        {
            throw new ImportRejectedException([error]);
        }
    }

    private LookupImportSummary ImportCore(string path)
    {
        using var text = CsvText.Text(File.OpenRead(path));
        using var reader = CsvText.Open(text);
        var names = reader.Header.ColNames;
        var columns = new Dictionary<(string Geo, string Part), (int Index, int Year)>();
        var years = new Dictionary<string, SortedDictionary<int, (int Code, int Name)>>();
        var changeCol = -1;
        for (var i = 0; i < names.Count; i++)
        {
            var key = CsvText.HeaderKey(names[i]).ToUpperInvariant();
            if (key is "CHGIND" or "CHANGE_CODE" or "CHANGE CODE")
            {
                changeCol = i;
                continue;
            }

            var m = CodeColumn().Match(key);
            if (!m.Success)
            {
                continue;
            }

            var geo = Geography(m.Groups["geo"].Value);
            var part = m.Groups["part"].Value is "CD" or "CODE" ? "CD" : "NM";
            var year = int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!years.TryGetValue(geo, out var byYear))
            {
                years[geo] = byYear = [];
            }

            var slot = byYear.GetValueOrDefault(year, (-1, -1));
            byYear[year] = part == "CD" ? (i, slot.Item2) : (slot.Item1, i);

            // Several years of one geography (LSOA01CD, LSOA11CD): use the latest.
            if (!columns.TryGetValue((geo, part), out var existing) || existing.Year < year)
            {
                columns[(geo, part)] = (i, year);
            }
        }

        int Col(string geo, string part) => columns.TryGetValue((geo, part), out var c) ? c.Index : -1;
        string Name(int col) => names[col].Trim('\uFEFF');
        var errors = new List<ImportError>();

        // LSOA 2011 → LSOA 2021 with change codes.
        if (changeCol >= 0 && years.TryGetValue("LSOA", out var lsoaYears) && lsoaYears.Count >= 2)
        {
            var from = lsoaYears.First();
            var to = lsoaYears.Last();
            var rows = ReadRows(reader, path, [from.Value.Code, to.Value.Code, changeCol, to.Value.Name], [0, 1], errors, uniqueKey: 2);
            foreach (var (line, r) in rows.Lines)
            {
                if (r[2] is not ("U" or "S" or "M" or "X"))
                {
                    errors.Add(new(path, line, Name(changeCol), $"'{CsvText.Show(r[2])}' is not an ONS change code: expected U (unchanged), S (split), M (merged) or X (redrawn)."));
                }
            }

            ImportRejectedException.ThrowIfAny(errors);
            WriteChanges(path, rows.Values);
            return new(path, LookupKind.LsoaChange, rows.Values.Count, $"{Name(from.Value.Code)}, {Name(changeCol)}, {Name(to.Value.Code)}");
        }

        // District code history: several years of district codes and nothing else, or LADCD → LADCD_ACTIVE.
        var keys = names.Select(n => CsvText.HeaderKey(n).ToUpperInvariant()).ToList();
        var ladcd = keys.IndexOf("LADCD");
        var ladActive = keys.IndexOf("LADCD_ACTIVE");
        if (ladcd >= 0 && ladActive >= 0)
        {
            var ladnm = keys.IndexOf("LADNM");
            var activeNm = keys.IndexOf("LADNM_ACTIVE");
            var rows = ReadRows(reader, path, [ladcd, ladnm, ladActive, activeNm], [0, 2], errors);
            ImportRejectedException.ThrowIfAny(errors);
            var pairs = rows.Values.Where(r => r[0] != r[2]).Select(r => (r[0]!, r[1], r[2]!, r[3])).ToList();
            WriteHistory(path, pairs);
            return new(path, LookupKind.DistrictHistory, pairs.Count, $"{Name(ladcd)}, {Name(ladActive)}");
        }

        if (years.TryGetValue("LAD", out var ladYears) && ladYears.Count >= 2 && years.Keys.All(k => k == "LAD") && ladYears.Values.All(v => v.Code >= 0))
        {
            var ordered = ladYears.Reverse().ToList();
            var cols = ordered.SelectMany(y => new[] { y.Value.Code, y.Value.Name }).ToArray();
            var required = Enumerable.Range(0, ordered.Count).Select(i => 2 * i).ToArray();
            var rows = ReadRows(reader, path, cols, required, errors, uniqueKey: cols.Length);
            ImportRejectedException.ThrowIfAny(errors);
            var pairs = new List<(string Old, string? OldName, string New, string? NewName)>();
            foreach (var r in rows.Values)
            {
                for (var i = 1; i < ordered.Count; i++)
                {
                    if (r[2 * i] != r[0])
                    {
                        pairs.Add((r[2 * i]!, r[(2 * i) + 1], r[0]!, r[1]));
                    }
                }
            }

            pairs = [.. pairs.Distinct()];
            WriteHistory(path, pairs);
            return new(path, LookupKind.DistrictHistory, pairs.Count, string.Join(", ", ordered.Select(y => Name(y.Value.Code))));
        }

        if (Col("LAD", "CD") >= 0 && Col("LAD", "NM") >= 0 && Col("CSP", "CD") >= 0 && Col("PFA", "CD") >= 0)
        {
            // A district may belong to several CSPs (the 2024 lookup maps BCP to Bournemouth, Poole and Dorset): the key
            // of a row is the district and its CSP.
            var rows = ReadRows(reader, path, [Col("LAD", "CD"), Col("CSP", "CD"), Col("LAD", "NM"), Col("CSP", "NM"), Col("PFA", "CD"), Col("PFA", "NM")], [0, 1, 4], errors, uniqueKey: 2);
            ImportRejectedException.ThrowIfAny(errors);
            var reordered = rows.Values.Select(r => new[] { r[0], r[2], r[1], r[3], r[4], r[5] }).ToList();
            Write(path, LookupKind.LocalAuthorityToCspAndPoliceForceArea, reordered, null);
            return new(path, LookupKind.LocalAuthorityToCspAndPoliceForceArea, reordered.Count,
                string.Join(", ", new[] { Col("LAD", "CD"), Col("CSP", "CD"), Col("PFA", "CD") }.Select(Name)));
        }

        if (Col("LSOA", "CD") >= 0 && Col("LAD", "CD") >= 0)
        {
            var rows = ReadRows(reader, path, [Col("LSOA", "CD"), Col("LSOA", "NM"), Col("LAD", "CD"), Col("LAD", "NM"), Col("WD", "CD"), Col("WD", "NM")], [0, 2], errors);
            ImportRejectedException.ThrowIfAny(errors);
            var lsoaYear = 2000 + columns[("LSOA", "CD")].Year;
            Write(path, LookupKind.LsoaToLocalAuthority, rows.Values, (short)lsoaYear);
            var ward = Col("WD", "CD") >= 0 ? $", {Name(Col("WD", "CD"))}" : string.Empty;
            return new(path, LookupKind.LsoaToLocalAuthority, rows.Values.Count, $"{Name(Col("LSOA", "CD"))}{ward}, {Name(Col("LAD", "CD"))}");
        }

        errors.Add(new(path, 1, null,
            $"not a known ONS lookup: the header '{CsvText.Show(string.Join(',', names))}' has none of LADyyCD, LADyyNM, CSPyyCD, PFAyyCD " +
            "(local authority → CSP → police force area), LSOAyyCD and LADyyCD (LSOA → local authority), LSOA11CD, CHGIND, LSOA21CD " +
            "(LSOA 2011 → 2021), LADyyCD for several years or LADCD and LADCD_ACTIVE (district code history); ltlaYY_code, lsoaYY_code " +
            "and the like are read the same way."));
        throw new ImportRejectedException(errors);
    }

    /// <summary>The rows read, each with its line.</summary>
    private sealed record Rows(List<string?[]> Values, List<(int Line, string?[] Row)> Lines);

    /// <summary>
    /// Reads the columns <paramref name="cols"/> (−1: absent, read as null) of every row, checking that the
    /// <paramref name="requiredCodes"/> are GSS codes. The first <paramref name="uniqueKey"/> values are a row's key: the
    /// same row twice is harmless, the same key with other values is an error.
    /// </summary>
    private static Rows ReadRows(SepReader reader, string path, int[] cols, int[] requiredCodes, List<ImportError> errors, int uniqueKey = 1)
    {
        var rows = new List<string?[]>();
        var lines = new List<(int, string?[])>();
        var firstLine = new Dictionary<string, (int Line, string?[] Values)>(StringComparer.Ordinal);
        var header = reader.Header.ColNames;
        foreach (var row in reader)
        {
            if (row.ColCount == 1 && row.Span.IsWhiteSpace())
            {
                continue;
            }

            if (row.ColCount != header.Count)
            {
                errors.Add(new(path, row.LineNumberFrom, null, $"wrong column count: expected {header.Count}, found {row.ColCount}."));
                continue;
            }

            var values = new string?[cols.Length];
            for (var i = 0; i < cols.Length; i++)
            {
                values[i] = cols[i] < 0 || row[cols[i]].Span.IsWhiteSpace() ? null : row[cols[i]].Span.Trim().ToString();
            }

            foreach (var r in requiredCodes)
            {
                if (!Areas.AreaCode.IsAreaCode(values[r]))
                {
                    errors.Add(new(path, row.LineNumberFrom, header[cols[r]].Trim('\uFEFF'), $"'{CsvText.Show(values[r])}' is not an ONS area code."));
                }
            }

            var key = string.Join('|', values.Take(uniqueKey));
            if (firstLine.TryGetValue(key, out var first))
            {
                // The same entry twice is harmless; the same code mapped two ways is not.
                if (!values.SequenceEqual(first.Values))
                {
                    errors.Add(new(path, row.LineNumberFrom, header[cols[0]].Trim('\uFEFF'), $"'{CsvText.Show(values[0])}' is already on line {first.Line} with other values."));
                }

                continue;
            }

            firstLine[key] = (row.LineNumberFrom, values);
            rows.Add(values);
            lines.Add((row.LineNumberFrom, values));
            if (errors.Count >= ImportLimits.MaxErrorsPerFile)
            {
                break;
            }
        }

        return new Rows(rows, lines);
    }

    private void Write(string path, LookupKind kind, List<string?[]> rows, short? lsoaYear)
    {
        var writer = new AnalyticalStoreWriter(store);
        if (kind == LookupKind.LsoaToLocalAuthority)
        {
            writer.ReplaceLsoaLookup(Path.GetFileName(path), rows, lsoaYear);
        }
        else
        {
            writer.ReplaceDistrictLookup(Path.GetFileName(path), rows);
        }
    }

    private void WriteChanges(string path, List<string?[]> rows) => new AnalyticalStoreWriter(store).ReplaceLsoaChanges(Path.GetFileName(path), rows);

    private void WriteHistory(string path, List<(string Old, string? OldName, string New, string? NewName)> pairs) =>
        new AnalyticalStoreWriter(store).ReplaceDistrictHistory(Path.GetFileName(path), pairs);
}
