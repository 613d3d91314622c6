using System.Globalization;
using CommunitySafety.Crime;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Queries;

/// <summary>One national IMD decile (1 = most deprived 10% of LSOAs in England) within an area.</summary>
/// <param name="Decile">The decile, 1 (most deprived) to 10 (least deprived).</param>
/// <param name="Lsoas">The area's LSOAs in the decile.</param>
/// <param name="Population">Their population (the source is <see cref="DeprivationProfile.PopulationSource"/>); 0 when none is imported.</param>
/// <param name="Counts">Street-level records located in those LSOAs in the months asked for, by crime type (every current type, zeros included).</param>
public sealed record DecileCounts(int Decile, int Lsoas, double Population, IReadOnlyDictionary<CrimeType, long> Counts);

/// <summary>An area's records and population by deprivation decile.</summary>
/// <param name="IndexSource">E.g. "English Indices of Deprivation 2025 (MHCLG), IMD decile, LSOA 2021".</param>
/// <param name="PopulationSource">E.g. "Census 2021 usual residents, LSOA 2021".</param>
/// <param name="Deciles">The deciles that hold at least one of the area's LSOAs, 1 first.</param>
/// <param name="LsoasWithoutDecile">The area's LSOAs the index has no decile for (e.g. Welsh LSOAs against the English index).</param>
/// <param name="RecordsWithoutDecile">Records in the area whose LSOA has no single decile (no decile, or a 2011 LSOA split into 2021 LSOAs of different deciles).</param>
/// <param name="IndexChoice">Why this index (edition) was used for the period, in words (see <see cref="DeprivationQuery.IndexRule"/>).</param>
public sealed record DeprivationProfile(string IndexSource, string PopulationSource, IReadOnlyList<DecileCounts> Deciles, int LsoasWithoutDecile, long RecordsWithoutDecile, string? IndexChoice = null);

/// <summary>One LSOA of an area with its deprivation and its records, for concentration and place analyses.</summary>
/// <param name="Code">The LSOA code as the records carry it (2011 or 2021 codes).</param>
/// <param name="Name">Its name, e.g. "Luton 012A", when known.</param>
/// <param name="Decile">Its national IMD decile (1 = most deprived 10% in England); null when the index has no single decile for it.</param>
/// <param name="Rank">Its national IMD rank (1 = most deprived); the mean of its counterparts' ranks when the index is on the other LSOA vintage; null when unknown.</param>
/// <param name="Population">Its residents (the source is <see cref="LsoaProfile.PopulationSource"/>); null when the population file has no figure for this code.</param>
/// <param name="Counts">Street-level records located in it in the months asked for, by crime type (types with records only).</param>
public sealed record LsoaCounts(string Code, string? Name, int? Decile, double? Rank, double? Population, IReadOnlyDictionary<CrimeType, long> Counts);

/// <summary>An area's LSOAs, each with its deprivation and records.</summary>
/// <param name="IndexSource">The index used, e.g. "English Indices of Deprivation 2025 (MHCLG), IMD decile, LSOA 2021".</param>
/// <param name="IndexChoice">Why that index was used for the period, in words.</param>
/// <param name="PopulationSource">The LSOA population used, e.g. "Census 2021 usual residents, LSOA 2021".</param>
/// <param name="Lsoas">Every LSOA of the area (with or without records), in code order.</param>
public sealed record LsoaProfile(string IndexSource, string IndexChoice, string PopulationSource, IReadOnlyList<LsoaCounts> Lsoas);

/// <summary>
/// An area's street-level records and population by the national IMD decile of their LSOA, for the disproportionate
/// impact criterion (rate in the most deprived LSOAs against the least deprived).
/// </summary>
/// <remarks>
/// <para>The area's LSOAs are those the store allocates to it (from the LSOA lookups, the population and deprivation
/// files and the records themselves), as <see cref="CrimeCounts"/> counts them. Each takes its decile from the index
/// directly, or, when the index is on the other LSOA vintage, through the ONS LSOA 2011 → 2021 lookup: a 2011 LSOA whose
/// 2021 LSOA(s) all share one decile takes it; one split across deciles has none (its records are counted in
/// <see cref="DeprivationProfile.RecordsWithoutDecile"/>).</para>
/// <para>The index used is the one <see cref="IndexRule"/> chooses for the period (IoD 2019 on LSOA 2011 for periods before
/// October 2023, IoD 2025 on LSOA 2021 after), among those covering at least half as many of the area's LSOAs as the best. A decile's population is the sum of its LSOAs' all-ages figures from the LSOA population
/// year covering most of them, the latest on a tie (Census 2021 for LSOA 2021).</para>
/// <para>An instance reads the index and the LSOA lookup once; make a new one after an import.</para>
/// </remarks>
public sealed class DeprivationQuery(AnalyticalStore store)
{
    private List<(string Key, int Year, string Name, int LsoaYear)>? _indexes;
    private readonly Dictionary<string, Dictionary<string, byte>> _deciles = new(StringComparer.Ordinal);
    private Dictionary<string, List<string>>? _counterparts;

    /// <summary>
    /// The area's profile by decile, with counts of records located in the area's LSOAs in months
    /// <paramref name="first"/>..<paramref name="last"/> inclusive; null when no deprivation index is imported or the area
    /// has no LSOAs with a decile.
    /// </summary>
    public DeprivationProfile? For(ResolvedArea area, YearMonth first, YearMonth last)
    {
        ArgumentNullException.ThrowIfNull(area);
        if (last < first)
        {
            throw new ArgumentException($"The last month {last} is before the first month {first}.", nameof(last));
        }

        LoadIndexes();
        if (_indexes!.Count == 0)
        {
            return null;
        }

        var (lsoaSql, lsoaArgs) = AreaLsoas(area);
        var areaCodes = store.Query(lsoaSql, r => r.GetString(0), lsoaArgs);
        if (areaCodes.Count == 0)
        {
            return null;
        }

        var best = Choose(areaCodes, first, last);
        var map = best.Map;
        var reached = map.Values.SelectMany(m => m.Targets).Distinct(StringComparer.Ordinal).ToList();
        if (reached.Count == 0)
        {
            return null;
        }

        var deciles = Deciles(best.Index.Key);
        var withoutDecile = map.Count(m => m.Value.Targets.Count == 0);

        // Records in the area by LSOA and crime type.
        var (join, where, args) = new CrimeCounts(store).Filter(area);
        var cells = store.Query(
            $"""
            SELECT s.code, m.crime_type_id, sum(m.n)::BIGINT
            FROM crime_monthly m {(join.Length == 0 ? "JOIN lsoa s ON s.lsoa_id = m.lsoa_id" : join)}
            WHERE m.month_idx BETWEEN {first.Index} AND {last.Index} {where}
            GROUP BY ALL
            """,
            r => (Code: r.GetString(0), Type: r.GetByte(1), N: r.GetInt64(2)), args);
        var counts = Enumerable.Range(1, 10).ToDictionary(d => d, _ => new Dictionary<CrimeType, long>());
        long recordsWithout = 0;
        foreach (var (code, type, n) in cells)
        {
            var decile = map.TryGetValue(code, out var m) ? m.Decile : Single(code, deciles);
            if (decile is not { } d)
            {
                recordsWithout += n;
                continue;
            }

            var crimeType = CrimeType.FromId(type);
            counts[d][crimeType] = counts[d].GetValueOrDefault(crimeType) + n;
        }

        var (population, populationSource) = Population(reached);
        var list = new List<DecileCounts>();
        foreach (var group in reached.GroupBy(c => deciles[c]).OrderBy(g => g.Key))
        {
            var byType = CrimeType.All.Where(t => !t.IsLegacy || counts[group.Key].ContainsKey(t))
                .ToDictionary(t => t, t => counts[group.Key].GetValueOrDefault(t));
            list.Add(new DecileCounts(group.Key, group.Count(), group.Sum(c => population.GetValueOrDefault(c)), byType));
        }

        var indexSource = string.Create(CultureInfo.InvariantCulture, $"{best.Index.Name}, IMD decile, LSOA {best.Index.LsoaYear}");
        return new DeprivationProfile(indexSource, populationSource, list, withoutDecile, recordsWithout, best.Reason);
    }

    /// <summary>
    /// The rule choosing the index (edition) for a period, in words. police.uk records carry 2011 LSOA codes up to
    /// September 2023 and 2021 codes from October 2023, and each English index is published on one vintage (IoD 2019 on LSOA
    /// 2011, IoD 2025 on LSOA 2021): the index on the vintage of most of the period's months is used, the latest such when
    /// several are imported; when none is imported on that vintage, the latest other one through the ONS LSOA 2011 → 2021
    /// lookup, and said. An index that covers under half as many of the area's LSOAs as the best-covering one (the English
    /// index for a Welsh area) is not used.
    /// </summary>
    public const string IndexRule =
        "the index on the LSOA vintage of the period's records (police.uk uses 2011 LSOAs up to September 2023 and 2021 LSOAs from October 2023): IoD 2019 (LSOA 2011) for earlier periods, IoD 2025 (LSOA 2021) for later ones";

    /// <summary>The first month police.uk records carry 2021 LSOA codes (October 2023).</summary>
    public static readonly YearMonth FirstLsoa2021Month = new(2023, 10);

    /// <summary>The LSOA vintage (2011 or 2021) of most of the months <paramref name="first"/>..<paramref name="last"/>.</summary>
    public static int RecordVintage(YearMonth first, YearMonth last)
    {
        var months = last.MonthsSince(first) + 1;
        var later = last < FirstLsoa2021Month ? 0 : first >= FirstLsoa2021Month ? months : last.MonthsSince(FirstLsoa2021Month) + 1;
        return 2 * later >= months ? 2021 : 2011;
    }

    /// <summary>
    /// The area's LSOAs, each with its decile, rank, population and records in months <paramref name="first"/>..<paramref name="last"/>,
    /// on the index <see cref="IndexRule"/> chooses; null when no index is imported or the area has no LSOAs with a decile.
    /// </summary>
    public LsoaProfile? ByLsoa(ResolvedArea area, YearMonth first, YearMonth last)
    {
        ArgumentNullException.ThrowIfNull(area);
        var (lsoaSql, lsoaArgs) = AreaLsoas(area);
        var (join, where, args) = new CrimeCounts(store).Filter(area);
        return ByLsoa(store.Query(lsoaSql, r => r.GetString(0), lsoaArgs), first, last,
            $"FROM crime_monthly m {(join.Length == 0 ? "JOIN lsoa s ON s.lsoa_id = m.lsoa_id" : join)} WHERE m.month_idx BETWEEN {first.Index} AND {last.Index} {where}", args);
    }

    /// <summary>
    /// The LSOAs <paramref name="codes"/> (a ward or a neighbourhood), each with its decile, rank, population and records in
    /// months <paramref name="first"/>..<paramref name="last"/>; null when no index is imported or none of them has a decile.
    /// </summary>
    public LsoaProfile? ByLsoa(IReadOnlyList<string> codes, YearMonth first, YearMonth last)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var list = string.Join(',', codes.Where(Areas.AreaCode.IsAreaCode).Select(c => $"'{c}'"));
        return list.Length == 0 ? null : ByLsoa([.. codes], first, last,
            $"FROM crime_monthly m JOIN lsoa s ON s.lsoa_id = m.lsoa_id WHERE m.month_idx BETWEEN {first.Index} AND {last.Index} AND s.code IN ({list})", []);
    }

    private LsoaProfile? ByLsoa(List<string> areaCodes, YearMonth first, YearMonth last, string fromWhere, object?[] args)
    {
        if (last < first)
        {
            throw new ArgumentException($"The last month {last} is before the first month {first}.", nameof(last));
        }

        LoadIndexes();
        if (_indexes!.Count == 0 || areaCodes.Count == 0)
        {
            return null;
        }

        var best = Choose(areaCodes, first, last);
        if (best.Map.Values.All(m => m.Targets.Count == 0))
        {
            return null;
        }

        var deciles = Deciles(best.Index.Key);
        var ranks = Ranks(best.Index.Key);
        var cells = store.Query($"SELECT s.code, m.crime_type_id, sum(m.n)::BIGINT {fromWhere} GROUP BY ALL", r => (Code: r.GetString(0), Type: r.GetByte(1), N: r.GetInt64(2)), args);
        var byCode = cells.GroupBy(c => c.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<CrimeType, long>)g.ToDictionary(c => CrimeType.FromId(c.Type), c => c.N), StringComparer.Ordinal);
        // The units are the LSOAs of the records' own vintage: a 2011 code ONS replaced in 2021 is not an LSOA of a 2021 period
        // (and the other way round), unless records carry it.
        var vintage = RecordVintage(first, last);
        var otherOnly = OtherVintageOnly(vintage);
        var codes = areaCodes.Where(c => !otherOnly.Contains(c)).Union(byCode.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var (population, populationSource) = Population(codes);
        var names = Names(codes);
        var result = new List<LsoaCounts>(codes.Count);
        foreach (var code in codes)
        {
            var targets = best.Map.TryGetValue(code, out var m) ? m.Targets : Map([code], deciles)[code].Targets;
            double? rank = ranks.TryGetValue(code, out var own) ? own
                : targets.Where(ranks.ContainsKey).Select(t => (double)ranks[t]).DefaultIfEmpty(double.NaN).Average() is var mean && !double.IsNaN(mean) ? mean : null;
            result.Add(new LsoaCounts(code, names.GetValueOrDefault(code), Single(code, deciles), rank,
                population.TryGetValue(code, out var p) ? p : null, byCode.GetValueOrDefault(code) ?? new Dictionary<CrimeType, long>()));
        }

        var indexSource = string.Create(CultureInfo.InvariantCulture, $"{best.Index.Name}, IMD decile, LSOA {best.Index.LsoaYear}");
        return new LsoaProfile(indexSource, best.Reason, populationSource, result);
    }

    private void LoadIndexes() =>
        _indexes ??= store.Query(
            "SELECT index_key, any_value(index_year), any_value(index_name), any_value(lsoa_year) FROM deprivation GROUP BY index_key ORDER BY 2 DESC, 1",
            r => (r.GetString(0), (int)r.GetInt16(1), r.GetString(2), (int)r.GetInt16(3)));

    /// <summary>The index <see cref="IndexRule"/> chooses for the area's LSOAs and the months, its map and the reason in words.</summary>
    private ((string Key, int Year, string Name, int LsoaYear) Index, Dictionary<string, (List<string> Targets, byte? Decile)> Map, string Reason) Choose(List<string> areaCodes, YearMonth first, YearMonth last)
    {
        var vintage = RecordVintage(first, last);
        var candidates = _indexes!.Select(i => (Index: i, Map: Map(areaCodes, Deciles(i.Key)))).Select(x => (x.Index, x.Map, Covered: x.Map.Count(m => m.Value.Targets.Count > 0))).ToList();
        var most = candidates.Max(c => c.Covered);
        // The list is latest first, and OrderBy is stable: among those on the records' vintage the latest wins.
        var best = candidates.Where(c => 2 * c.Covered >= most && c.Covered > 0).OrderByDescending(c => c.Index.LsoaYear == vintage).FirstOrDefault();
        if (best.Map is null)
        {
            best = candidates[0];
        }

        var period = $"{first.ToDisplayString()} to {last.ToDisplayString()}";
        var reason = best.Index.LsoaYear == vintage
            ? string.Create(CultureInfo.InvariantCulture, $"{best.Index.Name} is used because it is published on {vintage} LSOAs, the LSOAs police.uk records for {period} carry")
            : string.Create(CultureInfo.InvariantCulture, $"{best.Index.Name} (on {best.Index.LsoaYear} LSOAs) is used through the ONS LSOA 2011 → 2021 lookup: no index on {vintage} LSOAs, the LSOAs police.uk records for {period} carry, is imported{(vintage == 2011 ? " (import IoD 2019 to use the index of the period)" : " (import IoD 2025 to use the index of the period)")}");
        return (best.Index, best.Map, reason);
    }

    /// <summary>The codes of the other vintage that are not codes of <paramref name="vintage"/> (2011 LSOAs ONS split, merged or redrew, or the 2021 LSOAs made from them).</summary>
    private HashSet<string> OtherVintageOnly(int vintage)
    {
        var pairs = store.Query("SELECT lsoa11_code, lsoa21_code FROM lsoa_change", r => (r.GetString(0), r.GetString(1)));
        var of2011 = pairs.Select(p => p.Item1).ToHashSet(StringComparer.Ordinal);
        var of2021 = pairs.Select(p => p.Item2).ToHashSet(StringComparer.Ordinal);
        return vintage == 2021 ? [.. of2011.Where(c => !of2021.Contains(c))] : [.. of2021.Where(c => !of2011.Contains(c))];
    }

    private Dictionary<string, int> Ranks(string key)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, rank) in store.Query("SELECT lsoa_code, rank FROM deprivation WHERE index_key = $1 AND rank IS NOT NULL", r => (r.GetString(0), r.GetInt32(1)), key))
        {
            map[code] = rank;
        }

        return map;
    }

    private Dictionary<string, string> Names(List<string> codes)
    {
        var list = string.Join(',', codes.Where(Areas.AreaCode.IsAreaCode).Select(c => $"'{c}'"));
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (list.Length == 0)
        {
            return names;
        }

        foreach (var (code, name) in store.Query(
            $"SELECT code, name FROM lsoa WHERE name IS NOT NULL AND code IN ({list}) UNION ALL SELECT lsoa_code, lsoa_name FROM lsoa_lookup WHERE lsoa_name IS NOT NULL AND lsoa_code IN ({list})",
            r => (r.GetString(0), r.GetString(1))))
        {
            names.TryAdd(code, name);
        }

        return names;
    }

    /// <summary>The SQL listing the area's LSOA codes.</summary>
    private (string Sql, object?[] Args) AreaLsoas(ResolvedArea area)
    {
        if (area.Kind == AreaKind.Force)
        {
            return ("SELECT DISTINCT s.code FROM crime_monthly m JOIN lsoa s ON s.lsoa_id = m.lsoa_id WHERE m.force_id = (SELECT force_id FROM force WHERE name = $1)", [area.Name]);
        }

        if (area.Kind == AreaKind.EnglandAndWales)
        {
            return ("SELECT code FROM lsoa", []);
        }

        var (_, where, args) = new CrimeCounts(store).Filter(area);
        return ($"SELECT s.code FROM lsoa s WHERE true {where}", args);
    }

    private Dictionary<string, byte> Deciles(string key)
    {
        if (!_deciles.TryGetValue(key, out var map))
        {
            map = new Dictionary<string, byte>(StringComparer.Ordinal);
            foreach (var (code, decile) in store.Query("SELECT lsoa_code, decile FROM deprivation WHERE index_key = $1", r => (r.GetString(0), r.GetByte(1)), key))
            {
                map[code] = decile;
            }

            _deciles[key] = map;
        }

        return map;
    }

    /// <summary>The other-vintage LSOAs of each code in the ONS LSOA 2011 → 2021 lookup (both ways).</summary>
    private Dictionary<string, List<string>> Counterparts()
    {
        if (_counterparts is null)
        {
            _counterparts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (from, to) in store.Query("SELECT lsoa11_code, lsoa21_code FROM lsoa_change", r => (r.GetString(0), r.GetString(1))))
            {
                Add(from, to);
                Add(to, from);
            }
        }

        return _counterparts;

        void Add(string a, string b)
        {
            if (!_counterparts.TryGetValue(a, out var list))
            {
                _counterparts[a] = list = [];
            }

            list.Add(b);
        }
    }

    /// <summary>For each code: the index's LSOAs it stands for, and its single decile (null when none or several).</summary>
    private Dictionary<string, (List<string> Targets, byte? Decile)> Map(List<string> codes, Dictionary<string, byte> deciles)
    {
        var result = new Dictionary<string, (List<string>, byte?)>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (deciles.TryGetValue(code, out var d))
            {
                result[code] = ([code], d);
                continue;
            }

            var targets = Counterparts().TryGetValue(code, out var others) ? others.Where(deciles.ContainsKey).Distinct(StringComparer.Ordinal).ToList() : [];
            result[code] = (targets, Single(code, deciles));
        }

        return result;
    }

    private byte? Single(string code, Dictionary<string, byte> deciles)
    {
        if (deciles.TryGetValue(code, out var d))
        {
            return d;
        }

        if (!Counterparts().TryGetValue(code, out var others))
        {
            return null;
        }

        var found = others.Where(deciles.ContainsKey).Select(o => deciles[o]).Distinct().ToList();
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>All-ages population of the LSOAs from the population year covering most of them (the latest on a tie), and its source.</summary>
    private (Dictionary<string, double> Values, string Source) Population(List<string> lsoas)
    {
        // The codes are the store's own GSS codes, checked again here, so they can be written into the query (a
        // temporary table is not possible on a read-only store).
        var list = string.Join(',', lsoas.Where(c => Areas.AreaCode.IsAreaCode(c)).Select(c => $"'{c}'"));
        var rows = store.Query(
            $"""
            SELECT p.year, p.area_code, p.value, {PopulationCalculator.SourceSql}
            FROM population p
            WHERE p.age_from = 0 AND p.age_to = -1 AND p.area_code IN ({list})
            """,
            r => (Year: (int)r.GetInt16(0), Code: r.GetString(1), Value: r.GetDouble(2), Source: r.GetString(3)));
        if (rows.Count == 0)
        {
            return ([], "no LSOA population is imported for these LSOAs (import Census 2021 LSOA populations): populations are 0");
        }

        var year = rows.GroupBy(r => r.Year).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();
        var values = year.GroupBy(r => r.Code).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var source = string.Join("; ", year.Select(r => r.Source).Distinct().Order(StringComparer.Ordinal));
        if (values.Count < lsoas.Count)
        {
            source += string.Create(CultureInfo.InvariantCulture, $" (figures for {values.Count:N0} of {lsoas.Count:N0} LSOAs)");
        }

        return (values, source);
    }
}
