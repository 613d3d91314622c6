using System.Text.RegularExpressions;
using CommunitySafety.Data.Import;
using CommunitySafety.Data.Internals;
using CommunitySafety.Data.Store;
using nietras.SeparatedValues;

namespace CommunitySafety.Data.Lookups;

/// <summary>The kinds of ONS lookup the store understands.</summary>
public enum LookupKind
{
    /// <summary>Local authority district → Community Safety Partnership → police force area (e.g. LAD17CD,LAD17NM,CSP17CD,CSP17NM,PFA17CD,PFA17NM).</summary>
    LocalAuthorityToCspAndPoliceForceArea,

    /// <summary>LSOA → local authority district (e.g. LSOA11CD,LSOA11NM,…,LAD20CD,LAD20NM).</summary>
    LsoaToLocalAuthority,
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
    [GeneratedRegex(@"^(?<geo>[A-Z]+?)(?<year>\d{2})(?<part>CD|NM)$", RegexOptions.IgnoreCase)]
    private static partial Regex CodeColumn();

    /// <summary>Imports the lookup at <paramref name="path"/>.</summary>
    /// <exception cref="ImportRejectedException">The header is not a known lookup layout, or rows are bad; nothing was imported.</exception>
    public LookupImportSummary Import(string path)
    {
        try
        {
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
        for (var i = 0; i < names.Count; i++)
        {
            var m = CodeColumn().Match(CsvText.HeaderKey(names[i]).ToUpperInvariant());
            if (!m.Success)
            {
                continue;
            }

            var key = (m.Groups["geo"].Value, m.Groups["part"].Value);
            var year = int.Parse(m.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
            // Several years of one geography (LSOA01CD, LSOA11CD): use the latest.
            if (!columns.TryGetValue(key, out var existing) || existing.Year < year)
            {
                columns[key] = (i, year);
            }
        }

        int Col(string geo, string part) => columns.TryGetValue((geo, part), out var c) ? c.Index : -1;
        var errors = new List<ImportError>();
        if (Col("LAD", "CD") >= 0 && Col("LAD", "NM") >= 0 && Col("CSP", "CD") >= 0 && Col("PFA", "CD") >= 0)
        {
            var rows = ReadRows(reader, path, [Col("LAD", "CD"), Col("LAD", "NM"), Col("CSP", "CD"), Col("CSP", "NM"), Col("PFA", "CD"), Col("PFA", "NM")], [0, 2, 4], errors);
            ThrowIfErrors(errors);
            Write(path, LookupKind.LocalAuthorityToCspAndPoliceForceArea, rows);
            return new(path, LookupKind.LocalAuthorityToCspAndPoliceForceArea, rows.Count,
                string.Join(", ", new[] { Col("LAD", "CD"), Col("CSP", "CD"), Col("PFA", "CD") }.Select(i => names[i].Trim('\uFEFF'))));
        }

        if (Col("LSOA", "CD") >= 0 && Col("LAD", "CD") >= 0)
        {
            var rows = ReadRows(reader, path, [Col("LSOA", "CD"), Col("LSOA", "NM"), Col("LAD", "CD"), Col("LAD", "NM")], [0, 2], errors);
            ThrowIfErrors(errors);
            Write(path, LookupKind.LsoaToLocalAuthority, rows);
            return new(path, LookupKind.LsoaToLocalAuthority, rows.Count, $"{names[Col("LSOA", "CD")].Trim('\uFEFF')}, {names[Col("LAD", "CD")].Trim('\uFEFF')}");
        }

        errors.Add(new(path, 1, null,
            $"not a known ONS lookup: the header '{CsvText.Show(string.Join(',', names))}' has neither LADyyCD, LADyyNM, CSPyyCD, PFAyyCD " +
            "(local authority → CSP → police force area) nor LSOAyyCD and LADyyCD (LSOA → local authority)."));
        throw new ImportRejectedException(errors);
    }

    private static List<string?[]> ReadRows(SepReader reader, string path, int[] cols, int[] requiredCodes, List<ImportError> errors)
    {
        var rows = new List<string?[]>();
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
                    errors.Add(new(path, row.LineNumberFrom, header[cols[r]].Trim('\uFEFF'), $"'{values[r]}' is not an ONS area code."));
                }
            }

            if (values[0] is { } key && firstLine.TryGetValue(key, out var first))
            {
                // The same entry twice is harmless; the same code mapped two ways is not.
                if (!values.SequenceEqual(first.Values))
                {
                    errors.Add(new(path, row.LineNumberFrom, header[cols[0]].Trim('\uFEFF'), $"'{key}' is already on line {first.Line} with other values."));
                }

                continue;
            }

            if (values[0] is { } code)
            {
                firstLine[code] = (row.LineNumberFrom, values);
            }

            rows.Add(values);
        }

        return rows;
    }

    private static void ThrowIfErrors(List<ImportError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }
    }

    private void Write(string path, LookupKind kind, List<string?[]> rows)
    {
        var source = Path.GetFileName(path);
        using var tx = store.Connection.BeginTransaction();
        try
        {
            var table = kind == LookupKind.LsoaToLocalAuthority ? "lsoa_lookup" : "lad_lookup";
            var keyColumn = kind == LookupKind.LsoaToLocalAuthority ? "lsoa_code" : "lad_code";
            store.Execute("CREATE OR REPLACE TEMP TABLE lookup_keys(code VARCHAR)");
            using (var keys = store.Connection.CreateAppender("lookup_keys"))
            {
                foreach (var r in rows)
                {
                    keys.CreateRow().AppendValue(r[0]).EndRow();
                }
            }

            store.Execute($"DELETE FROM {table} WHERE {keyColumn} IN (SELECT code FROM lookup_keys)");
            using (var appender = store.Connection.CreateAppender(table))
            {
                foreach (var r in rows)
                {
                    if (kind == LookupKind.LsoaToLocalAuthority)
                    {
                        appender.CreateRow().AppendValue(r[0]).AppendValue(r[1]).AppendValue(r[2]).AppendValue(r[3])
                            .AppendValue(r[3] is null ? null : NameKey.For(r[3]!)).AppendValue(source).EndRow();
                    }
                    else
                    {
                        appender.CreateRow().AppendValue(r[0]).AppendValue(r[1] ?? r[0]).AppendValue(NameKey.For(r[1] ?? r[0]!))
                            .AppendValue(r[2]).AppendValue(r[3]).AppendValue(r[4]).AppendValue(r[5]).AppendValue(source).EndRow();
                    }
                }
            }

            store.Execute("DROP TABLE lookup_keys");
            store.AllocateLsoas();
            tx.Commit();
        }
        catch
        {
            tx.Rollback();
            throw;
        }
    }
}
