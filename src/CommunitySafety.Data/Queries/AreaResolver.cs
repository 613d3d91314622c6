using CommunitySafety.Areas;
using CommunitySafety.Data.Internals;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Queries;

/// <summary>An area in the store, for listing (<c>csp areas</c>).</summary>
/// <param name="Area">The area.</param>
/// <param name="Records">Street-level records counted for it (see <see cref="ResolvedArea.Basis"/>).</param>
/// <param name="FirstMonth">The first month with records, if any.</param>
/// <param name="LastMonth">The last month with records, if any.</param>
/// <param name="Parent">The CSP of a local authority, the police force area of a CSP; null otherwise.</param>
public sealed record AreaSummary(ResolvedArea Area, long Records, YearMonth? FirstMonth, YearMonth? LastMonth, string? Parent)
{
    /// <summary>For a force: the months of street-level data loaded for it (fewer than first to last when months are missing).</summary>
    public int? MonthsLoaded { get; init; }
}

/// <summary>
/// Turns what a user types into an area: a GSS code, a local authority / CSP / police force area name, a force name as
/// written in the files ("Bedfordshire Police") or short ("Bedfordshire"), or "England and Wales".
/// </summary>
/// <remarks>
/// A plain name is tried as a force first (as the issue asks: "Surrey" is Surrey Police), then as a local authority, a
/// CSP, a police force area. Add a suffix to choose: "Hampshire police force area", "Portsmouth CSP",
/// "Bedford local authority".
/// </remarks>
public sealed class AreaResolver(AnalyticalStore store)
{
    private static readonly (string Suffix, AreaKind Kind)[] Suffixes =
    [
        (" police force area", AreaKind.PoliceForceArea), (" pfa", AreaKind.PoliceForceArea),
        (" community safety partnership", AreaKind.CommunitySafetyPartnership), (" csp", AreaKind.CommunitySafetyPartnership),
        (" local authority", AreaKind.LocalAuthority), (" district", AreaKind.LocalAuthority), (" lsoa", AreaKind.Lsoa),
        (" force", AreaKind.Force),
    ];

    /// <summary>Resolves <paramref name="text"/>.</summary>
    /// <exception cref="AreaNotFoundException">Nothing matches.</exception>
    public ResolvedArea Resolve(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return TryResolve(text) ?? throw new AreaNotFoundException(text.Trim(), Suggest(text));
    }

    /// <summary>Resolves <paramref name="text"/>, or returns null.</summary>
    public ResolvedArea? TryResolve(string text)
    {
        var t = text.Trim();
        if (AreaCode.TryParse(t, out var code))
        {
            return ByCode(code);
        }

        var lower = t.ToLowerInvariant();
        AreaKind? only = null;
        foreach (var (suffix, kind) in Suffixes)
        {
            if (lower.EndsWith(suffix, StringComparison.Ordinal) && lower.Length > suffix.Length)
            {
                only = kind;
                t = t[..^suffix.Length].Trim();
                break;
            }
        }

        var key = NameKey.For(t);
        if (key is "england and wales" or "e and w")
        {
            return new ResolvedArea(AreaKind.EnglandAndWales, Area.EnglandAndWales.Name, Area.EnglandAndWales.Code);
        }

        if (only is null or AreaKind.Force && Force(t) is { } force)
        {
            return force;
        }

        if (only is null or AreaKind.LocalAuthority)
        {
            var lad = store.Query("SELECT lad_code, lad_name FROM lad_lookup WHERE lad_key = $1 LIMIT 1", r => (r.GetString(0), r.GetString(1)), key);
            if (lad.Count > 0)
            {
                return new ResolvedArea(AreaKind.LocalAuthority, lad[0].Item2, AreaCode.Parse(lad[0].Item1));
            }

            var fromLsoas = store.Query(
                "SELECT lad_code, lad_name FROM lsoa WHERE lad_name IS NOT NULL GROUP BY ALL ORDER BY count(*) DESC",
                r => (r.IsDBNull(0) ? null : r.GetString(0), r.GetString(1)))
                .FirstOrDefault(x => NameKey.For(x.Item2) == key);
            if (fromLsoas.Item2 is not null)
            {
                return new ResolvedArea(AreaKind.LocalAuthority, fromLsoas.Item2, fromLsoas.Item1 is null ? null : AreaCode.Parse(fromLsoas.Item1));
            }
        }

        if (only is null or AreaKind.CommunitySafetyPartnership)
        {
            var csp = store.Query("SELECT csp_code, csp_name FROM lad_lookup WHERE csp_name IS NOT NULL GROUP BY ALL", r => (r.GetString(0), r.GetString(1)))
                .FirstOrDefault(x => NameKey.For(x.Item2) == key);
            if (csp.Item1 is not null)
            {
                return new ResolvedArea(AreaKind.CommunitySafetyPartnership, csp.Item2, AreaCode.Parse(csp.Item1));
            }
        }

        if (only is null or AreaKind.PoliceForceArea)
        {
            var pfa = store.Query("SELECT pfa_code, pfa_name FROM lad_lookup WHERE pfa_name IS NOT NULL GROUP BY ALL", r => (r.GetString(0), r.GetString(1)))
                .FirstOrDefault(x => NameKey.For(x.Item2) == key);
            if (pfa.Item1 is not null)
            {
                return new ResolvedArea(AreaKind.PoliceForceArea, pfa.Item2, AreaCode.Parse(pfa.Item1));
            }
        }

        return null;
    }

    private ResolvedArea? Force(string text)
    {
        var key = NameKey.For(text);
        var slug = text.Trim().ToLowerInvariant();
        var stored = store.Query("SELECT name, short_name, slug FROM force ORDER BY force_id", r => (Name: r.GetString(0), Short: r.GetString(1), Slug: r.GetString(2)))
            .FirstOrDefault(f => NameKey.For(f.Name) == key || NameKey.For(f.Short) == key || f.Slug == slug);
        if (stored.Name is not null)
        {
            return new ResolvedArea(AreaKind.Force, stored.Name, null);
        }

        return PoliceForces.Find(text) is { } known ? new ResolvedArea(AreaKind.Force, known.Name, null) : null;
    }

    private ResolvedArea? ByCode(AreaCode code)
    {
        var c = code.Value;
        if (c == Area.EnglandAndWales.Code.Value)
        {
            return new ResolvedArea(AreaKind.EnglandAndWales, Area.EnglandAndWales.Name, code);
        }

        if (code.Entity is "E01" or "W01")
        {
            var name = store.Query("SELECT name FROM lsoa WHERE code = $1", r => r.IsDBNull(0) ? null : r.GetString(0), c).FirstOrDefault()
                ?? store.Query("SELECT lsoa_name FROM lsoa_lookup WHERE lsoa_code = $1", r => r.IsDBNull(0) ? null : r.GetString(0), c).FirstOrDefault();
            return new ResolvedArea(AreaKind.Lsoa, name ?? c, code);
        }

        string? Find(string sql) => store.Query(sql, r => r.IsDBNull(0) ? null : r.GetString(0), c).FirstOrDefault();
        if (Find("SELECT lad_name FROM lad_lookup WHERE lad_code = $1 UNION ALL SELECT lad_name FROM lsoa_lookup WHERE lad_code = $1 LIMIT 1") is { } lad)
        {
            return new ResolvedArea(AreaKind.LocalAuthority, lad, code);
        }

        if (Find("SELECT csp_name FROM lad_lookup WHERE csp_code = $1 LIMIT 1") is { } csp)
        {
            return new ResolvedArea(AreaKind.CommunitySafetyPartnership, csp, code);
        }

        if (Find("SELECT pfa_name FROM lad_lookup WHERE pfa_code = $1 LIMIT 1") is { } pfa)
        {
            return new ResolvedArea(AreaKind.PoliceForceArea, pfa, code);
        }

        return null;
    }

    private List<string> Suggest(string text)
    {
        var key = NameKey.For(text);
        if (key.Length < 3)
        {
            return [];
        }

        var names = store.Query(
            """
            SELECT name FROM force UNION SELECT lad_name FROM lad_lookup UNION SELECT csp_name FROM lad_lookup
            UNION SELECT pfa_name FROM lad_lookup UNION SELECT lad_name FROM lsoa WHERE lad_name IS NOT NULL
            """, r => r.IsDBNull(0) ? string.Empty : r.GetString(0));
        // Names that contain what was typed (or are contained in it), then those a few typing slips away ("Lutn" → Luton):
        // within a third of its length in edits.
        var containing = names.Where(n => n.Length > 0 && (NameKey.For(n).Contains(key, StringComparison.Ordinal) || key.Contains(NameKey.For(n), StringComparison.Ordinal)))
            .Distinct().Order(StringComparer.Ordinal).Take(10).ToList();
        var near = Naming.DidYouMean.Nearest(key, names.Where(n => !containing.Contains(n)), NameKey.For).Take(10 - containing.Count);
        return [.. containing, .. near];
    }

    /// <summary>
    /// The areas the store has records for: each imported force, England and Wales, and every local authority, CSP and
    /// police force area with located records.
    /// </summary>
    public IReadOnlyList<AreaSummary> ListAreas()
    {
        var list = new List<AreaSummary>();
        static YearMonth? Month(System.Data.IDataRecord r, int i) => r.IsDBNull(i) ? null : YearMonth.FromIndex(r.GetInt32(i));
        list.AddRange(store.Query(
            """
            SELECT f.name, sum(l.rows)::BIGINT, min(l.month_idx), max(l.month_idx), count(DISTINCT l.month_idx)::INTEGER
            FROM force f JOIN loaded_month l ON l.force_id = f.force_id AND l.kind = 0
            GROUP BY f.name ORDER BY f.name
            """,
            r => new AreaSummary(new ResolvedArea(AreaKind.Force, r.GetString(0), null), r.GetInt64(1), Month(r, 2), Month(r, 3), null) { MonthsLoaded = r.GetInt32(4) }));
        if (list.Count > 0)
        {
            list.Insert(0, new AreaSummary(new ResolvedArea(AreaKind.EnglandAndWales, Area.EnglandAndWales.Name, Area.EnglandAndWales.Code),
                list.Sum(a => a.Records), list.Min(a => a.FirstMonth), list.Max(a => a.LastMonth), null));
        }

        // A district may lie in several CSPs (BCP in the 2024 lookup): its records count once for it and for its police
        // force area, and in each of its CSPs.
        const string located = """
            WITH located AS (
                SELECT s.lad_code, s.lad_name, k.csp_code, k.csp_name, m.month_idx, m.n
                FROM crime_monthly m JOIN lsoa s ON s.lsoa_id = m.lsoa_id LEFT JOIN lad_lookup k ON k.lad_code = s.lad_code
                WHERE s.lad_name IS NOT NULL)
            """;
        const string byDistrict = """
            WITH located AS (
                SELECT s.lad_code, s.lad_name, k.csp_name, k.pfa_code, k.pfa_name, m.month_idx, m.n
                FROM crime_monthly m JOIN lsoa s ON s.lsoa_id = m.lsoa_id
                LEFT JOIN (SELECT lad_code, min(csp_name) AS csp_name, any_value(pfa_code) AS pfa_code, any_value(pfa_name) AS pfa_name FROM lad_lookup GROUP BY lad_code) k
                       ON k.lad_code = s.lad_code
                WHERE s.lad_name IS NOT NULL)
            """;
        list.AddRange(store.Query(byDistrict + """
            SELECT lad_code, lad_name, sum(n)::BIGINT, min(month_idx), max(month_idx), any_value(csp_name) FROM located GROUP BY lad_code, lad_name ORDER BY lad_name
            """,
            r => new AreaSummary(new ResolvedArea(AreaKind.LocalAuthority, r.GetString(1), r.IsDBNull(0) ? null : AreaCode.Parse(r.GetString(0))),
                r.GetInt64(2), Month(r, 3), Month(r, 4), r.IsDBNull(5) ? null : r.GetString(5))));
        list.AddRange(store.Query(located.Replace("k.csp_name,", "k.csp_name, k.pfa_name,", StringComparison.Ordinal) + """
            SELECT csp_code, csp_name, sum(n)::BIGINT, min(month_idx), max(month_idx), any_value(pfa_name) FROM located WHERE csp_code IS NOT NULL GROUP BY csp_code, csp_name ORDER BY csp_name
            """,
            r => new AreaSummary(new ResolvedArea(AreaKind.CommunitySafetyPartnership, r.GetString(1), AreaCode.Parse(r.GetString(0))),
                r.GetInt64(2), Month(r, 3), Month(r, 4), r.IsDBNull(5) ? null : r.GetString(5))));
        list.AddRange(store.Query(byDistrict + """
            SELECT pfa_code, pfa_name, sum(n)::BIGINT, min(month_idx), max(month_idx) FROM located WHERE pfa_code IS NOT NULL GROUP BY pfa_code, pfa_name ORDER BY pfa_name
            """,
            r => new AreaSummary(new ResolvedArea(AreaKind.PoliceForceArea, r.GetString(1), AreaCode.Parse(r.GetString(0))),
                r.GetInt64(2), Month(r, 3), Month(r, 4), null)));
        return list;
    }
}
