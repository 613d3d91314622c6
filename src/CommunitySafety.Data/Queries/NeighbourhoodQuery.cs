using System.Globalization;
using CommunitySafety.Areas;
using CommunitySafety.Crime;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Internals;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Queries;

/// <summary>A ward or a user-defined neighbourhood: a set of LSOAs.</summary>
/// <param name="Name">E.g. "South (Luton)" or the file's name.</param>
/// <param name="Code">The ward's GSS code (E05…); null for a neighbourhood from a file.</param>
/// <param name="Kind">"ward" or "neighbourhood".</param>
/// <param name="Definition">Where the LSOAs come from, e.g. "LSOA 2021 → electoral ward 2024 (ONS lookup, best fit)" or "LSOAs listed in hub.txt".</param>
/// <param name="Lsoas">The LSOA codes, in order.</param>
/// <param name="LocalAuthority">The local authority most of the LSOAs lie in, when the store knows it.</param>
public sealed record Neighbourhood(string Name, string? Code, string Kind, string Definition, IReadOnlyList<string> Lsoas, string? LocalAuthority);

/// <summary>A neighbourhood's records by month and crime type.</summary>
/// <param name="Cells">Records per (month, crime type), only non-zero cells.</param>
/// <param name="MonthsCovered">Months every force with records in the LSOAs has imported.</param>
/// <param name="Forces">The forces with records in the LSOAs.</param>
public sealed record NeighbourhoodCounts(IReadOnlyList<(YearMonth Month, CrimeType Type, long Count)> Cells, IReadOnlyList<YearMonth> MonthsCovered, IReadOnlyList<string> Forces);

/// <summary>Residents of a set of LSOAs.</summary>
/// <param name="Value">The sum of the LSOAs' all-ages figures; null when none has one.</param>
/// <param name="Year">The population year.</param>
/// <param name="Source">The source in words, e.g. "Census 2021 usual residents, LSOA 2021", with how many LSOAs have figures.</param>
/// <param name="LsoasWithFigure">LSOAs with a figure.</param>
public sealed record NeighbourhoodPopulation(double? Value, int? Year, string Source, int LsoasWithFigure);

/// <summary>Thrown when a ward name matches wards in several local authorities.</summary>
public sealed class AmbiguousWardException(string text, IReadOnlyList<string> matches)
    : Exception($"'{text}' names {matches.Count} wards: {string.Join("; ", matches)}. Give the ward's code, or its name with the local authority, e.g. '{matches[0]}'.")
{
    /// <summary>The matching wards, "Name (local authority, code)".</summary>
    public IReadOnlyList<string> Matches { get; } = matches;
}

/// <summary>
/// Wards (LSOA 2021 → electoral ward 2024, from the imported ONS best-fit lookup) and user-defined neighbourhoods (a file of
/// LSOA codes), with their records, last outcomes and residents, for ward and neighbourhood profiles.
/// </summary>
/// <remarks>
/// Records are counted by the LSOA code they carry. police.uk uses 2021 LSOA codes from October 2023; most 2011 LSOAs kept
/// their code in 2021 (ONS change code U), so earlier months are counted for those, but not for LSOAs ONS split, merged or
/// redrew: <see cref="ChangedLsoas"/> names them.
/// </remarks>
public sealed class NeighbourhoodQuery(AnalyticalStore store)
{
    /// <summary>Every ward in the imported ward lookup: code, name and local authority, by authority then name.</summary>
    public IReadOnlyList<(string Code, string Name, string? LocalAuthority)> Wards() =>
        store.Query(
            "SELECT ward_code, any_value(ward_name), mode(lad_name) FROM lsoa_lookup WHERE ward_code IS NOT NULL GROUP BY ward_code ORDER BY 3, 2",
            r => (r.GetString(0), r.IsDBNull(1) ? r.GetString(0) : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)));

    /// <summary>A neighbourhood from LSOA codes typed or pasted (separated by commas, spaces or new lines), named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">A code is not an LSOA code, or none is given.</exception>
    public Neighbourhood FromCodes(string name, string codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var list = new List<string>();
        foreach (var token in codes.Split([',', ' ', '\n', '\r', '\t', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!AreaCode.TryParse(token, out var code) || code.Entity is not ("E01" or "W01"))
            {
                throw new ArgumentException($"'{token}' is not an LSOA code (E01… in England, W01… in Wales).", nameof(codes));
            }

            if (!list.Contains(code.Value, StringComparer.Ordinal))
            {
                list.Add(code.Value);
            }
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("Give at least one LSOA code, e.g. E01015792.", nameof(codes));
        }

        var lad = store.Query($"SELECT mode(lad_name) FROM lsoa_lookup WHERE lsoa_code IN ({InList(list)})", r => r.IsDBNull(0) ? null : r.GetString(0)).FirstOrDefault();
        return new Neighbourhood(string.IsNullOrWhiteSpace(name) ? "Neighbourhood" : name.Trim(), null, "neighbourhood", $"the {list.Count:N0} LSOAs listed", list, lad);
    }

    /// <summary>The ward named by its code (E05…), its name, or "name, local authority" / "name (local authority)".</summary>
    /// <exception cref="AreaNotFoundException">No ward matches (or no ward lookup is imported).</exception>
    /// <exception cref="AmbiguousWardException">The name matches wards in several local authorities.</exception>
    public Neighbourhood Ward(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var t = text.Trim();
        var wards = store.Query(
            "SELECT ward_code, any_value(ward_name), mode(lad_name), list(lsoa_code ORDER BY lsoa_code) FROM lsoa_lookup WHERE ward_code IS NOT NULL GROUP BY ward_code",
            r => (Code: r.GetString(0), Name: r.IsDBNull(1) ? r.GetString(0) : r.GetString(1), Lad: r.IsDBNull(2) ? null : r.GetString(2), Lsoas: ((System.Collections.IEnumerable)r.GetValue(3)).Cast<object>().Select(o => (string)o).ToList()));
        if (wards.Count == 0)
        {
            throw new AreaNotFoundException(t, []);
        }

        var key = NameKey.For(t);
        var matches = wards.Where(w => string.Equals(w.Code, t, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matches.Count == 0)
        {
            matches = [.. wards.Where(w => NameKey.For(w.Name) == key)];
        }

        if (matches.Count == 0)
        {
            // "South, Luton" or "South (Luton)".
            matches = [.. wards.Where(w => w.Lad is not null && (NameKey.For($"{w.Name}, {w.Lad}") == key || NameKey.For($"{w.Name} ({w.Lad})") == key || NameKey.For($"{w.Name} {w.Lad}") == key))];
        }

        if (matches.Count > 1)
        {
            throw new AmbiguousWardException(t, [.. matches.Select(w => $"{w.Name}, {w.Lad} ({w.Code})").Order(StringComparer.Ordinal)]);
        }

        if (matches.Count == 0)
        {
            var suggestions = wards.Where(w => key.Length >= 3 && NameKey.For(w.Name).Contains(key, StringComparison.Ordinal))
                .Select(w => $"{w.Name}, {w.Lad}").Distinct().Order(StringComparer.Ordinal).Take(10).ToList();
            throw new AreaNotFoundException(t, suggestions);
        }

        var ward = matches[0];
        var source = store.Query("SELECT any_value(source) FROM lsoa_lookup WHERE ward_code = $1", r => r.IsDBNull(0) ? null : r.GetString(0), ward.Code).FirstOrDefault();
        return new Neighbourhood($"{ward.Name} ({ward.Lad})", ward.Code, "ward",
            $"the ward's LSOAs by the ONS LSOA 2021 → electoral ward 2024 best-fit lookup{(source is null ? string.Empty : $" ({source})")}", ward.Lsoas, ward.Lad);
    }

    /// <summary>
    /// A neighbourhood from a text file of LSOA codes: one a line (the first field of a CSV line), a header line, blank lines
    /// and lines starting with # ignored.
    /// </summary>
    /// <exception cref="ImportRejectedException">A line is not an LSOA code (the error names the file, line and field), or the file lists none.</exception>
    public Neighbourhood FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var codes = new List<string>();
        var errors = new List<ImportError>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var field = line.Split(',')[0].Trim().Trim('"');
            if (AreaCode.TryParse(field, out var code) && code.Entity is "E01" or "W01")
            {
                if (!codes.Contains(code.Value, StringComparer.Ordinal))
                {
                    codes.Add(code.Value);
                }

                continue;
            }

            if (codes.Count == 0 && errors.Count == 0 && field.Contains("lsoa", StringComparison.OrdinalIgnoreCase))
            {
                continue; // a header
            }

            errors.Add(new ImportError(path, lineNumber, "LSOA code", $"'{field}' is not an LSOA code (E01… in England, W01… in Wales)."));
        }

        if (errors.Count == 0 && codes.Count == 0)
        {
            errors.Add(new ImportError(path, lineNumber, null, "the file lists no LSOA codes (one a line, e.g. E01015792)."));
        }

        ImportRejectedException.ThrowIfAny(errors);
        var list = InList(codes);
        var lad = store.Query($"SELECT mode(lad_name) FROM lsoa_lookup WHERE lsoa_code IN ({list})", r => r.IsDBNull(0) ? null : r.GetString(0)).FirstOrDefault();
        return new Neighbourhood(Path.GetFileNameWithoutExtension(path), null, "neighbourhood", $"the {codes.Count:N0} LSOAs listed in {Path.GetFileName(path)}", codes, lad);
    }

    /// <summary>The codes the store knows nothing of (no lookup row, no records, no population), so probably mistyped or outside the data.</summary>
    public IReadOnlyList<string> UnknownLsoas(Neighbourhood neighbourhood)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        var list = InList(neighbourhood.Lsoas);
        var known = store.Query(
            $"SELECT lsoa_code FROM lsoa_lookup WHERE lsoa_code IN ({list}) UNION SELECT code FROM lsoa WHERE code IN ({list}) UNION SELECT area_code FROM population WHERE area_code IN ({list})",
            r => r.GetString(0)).ToHashSet(StringComparer.Ordinal);
        return [.. neighbourhood.Lsoas.Where(c => !known.Contains(c))];
    }

    /// <summary>The neighbourhood's LSOAs that ONS split, merged or redrew in 2021, whose records before October 2023 carry other codes and are not counted.</summary>
    public IReadOnlyList<string> ChangedLsoas(Neighbourhood neighbourhood)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        var list = InList(neighbourhood.Lsoas);
        return store.Query($"SELECT DISTINCT lsoa21_code FROM lsoa_change WHERE change_code <> 'U' AND lsoa21_code IN ({list}) ORDER BY 1", r => r.GetString(0));
    }

    /// <summary>Records in the LSOAs by month and crime type, months <paramref name="first"/>..<paramref name="last"/>.</summary>
    public NeighbourhoodCounts Counts(Neighbourhood neighbourhood, YearMonth first, YearMonth last)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        var list = InList(neighbourhood.Lsoas);
        var cells = store.Query(
            $"""
            SELECT m.month_idx, m.crime_type_id, sum(m.n)::BIGINT
            FROM crime_monthly m JOIN lsoa s ON s.lsoa_id = m.lsoa_id
            WHERE s.code IN ({list}) AND m.month_idx BETWEEN {first.Index} AND {last.Index}
            GROUP BY ALL ORDER BY 1, 2
            """,
            r => (YearMonth.FromIndex(r.GetInt32(0)), CrimeType.FromId(r.GetByte(1)), r.GetInt64(2)));
        var forces = store.Query(
            $"SELECT DISTINCT m.force_id FROM crime_monthly m JOIN lsoa s ON s.lsoa_id = m.lsoa_id WHERE s.code IN ({list})",
            r => (int)r.GetInt16(0));
        var forceList = forces.Count == 0 ? "NULL" : string.Join(',', forces);
        var covered = store.Query(
            $"""
            SELECT month_idx FROM loaded_month
            WHERE kind = 0 AND force_id IN ({forceList}) AND month_idx BETWEEN {first.Index} AND {last.Index}
            GROUP BY month_idx HAVING count(DISTINCT force_id) = {forces.Count} ORDER BY 1
            """,
            r => YearMonth.FromIndex(r.GetInt32(0)));
        var names = store.Query($"SELECT name FROM force WHERE force_id IN ({forceList}) ORDER BY 1", r => r.GetString(0));
        return new NeighbourhoodCounts(cells, forces.Count == 0 ? [] : covered, names);
    }

    /// <summary>
    /// The last outcome category of the crimes (not anti-social behaviour, which has none) recorded in the LSOAs in months
    /// <paramref name="first"/>..<paramref name="last"/>, as the street files' "Last outcome category" gives it at the time of
    /// the file ("(none)" when empty), most frequent first.
    /// </summary>
    public IReadOnlyList<(string Outcome, long Count)> LastOutcomes(Neighbourhood neighbourhood, YearMonth first, YearMonth last)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        return store.Query(
            $"""
            SELECT coalesce(nullif(trim(m.outcome), ''), '(none)'), count(*)::BIGINT AS n
            FROM crime m JOIN lsoa s ON s.lsoa_id = m.lsoa_id
            WHERE s.code IN ({InList(neighbourhood.Lsoas)}) AND m.month_idx BETWEEN {first.Index} AND {last.Index} AND m.crime_type_id <> {CrimeType.AntiSocialBehaviour.Id}
            GROUP BY 1 ORDER BY n DESC, 1
            """,
            r => (r.GetString(0), r.GetInt64(1)));
    }

    /// <summary>The LSOAs' residents: the sum of their all-ages figures of the LSOA population year covering most of them (the latest on a tie).</summary>
    public NeighbourhoodPopulation Population(Neighbourhood neighbourhood)
    {
        ArgumentNullException.ThrowIfNull(neighbourhood);
        var rows = store.Query(
            $"""
            SELECT p.year, p.area_code, p.value, {PopulationCalculator.SourceSql}
            FROM population p
            WHERE p.age_from = 0 AND p.age_to = -1 AND p.area_code IN ({InList(neighbourhood.Lsoas)})
            """,
            r => (Year: (int)r.GetInt16(0), Code: r.GetString(1), Value: r.GetDouble(2), Source: r.GetString(3)));
        if (rows.Count == 0)
        {
            return new NeighbourhoodPopulation(null, null, "no LSOA population is imported for these LSOAs (import Census 2021 LSOA populations)", 0);
        }

        var year = rows.GroupBy(r => r.Year).OrderByDescending(g => g.Select(r => r.Code).Distinct().Count()).ThenByDescending(g => g.Key).First();
        var values = year.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var source = string.Join("; ", year.Select(r => r.Source).Distinct().Order(StringComparer.Ordinal));
        source += string.Create(CultureInfo.InvariantCulture, $", the sum of its {values.Count:N0} LSOAs' figures");
        if (values.Count < neighbourhood.Lsoas.Count)
        {
            source += string.Create(CultureInfo.InvariantCulture, $" ({neighbourhood.Lsoas.Count - values.Count:N0} of its {neighbourhood.Lsoas.Count:N0} LSOAs have none, so no rate is given)");
        }

        return new NeighbourhoodPopulation(values.Count < neighbourhood.Lsoas.Count ? null : values.Values.Sum(), year.Key, source, values.Count);
    }

    /// <summary>The codes as a SQL list; they are checked GSS codes, so they can be written into the query (no temporary table on a read-only store).</summary>
    private static string InList(IEnumerable<string> codes)
    {
        var list = string.Join(',', codes.Where(AreaCode.IsAreaCode).Select(c => $"'{c}'"));
        return list.Length == 0 ? "NULL" : list;
    }
}
