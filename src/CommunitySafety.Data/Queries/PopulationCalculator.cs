using System.Globalization;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Data.Queries;

/// <summary>
/// Finds the population of an area for a rate: the area's own ONS figure when imported, otherwise the sum of its local
/// authorities, each its own figure or the sum of its LSOAs. Age bands are built from the imported bands or single years.
/// </summary>
/// <remarks>
/// <para>The year (see <see cref="PopulationYears"/>): the estimate for the period's own mid-year; where the area has
/// none, the nearest earlier year it has; else the earliest it has, with a note. A year more than
/// <see cref="PopulationYears.StaleAfterYears"/> years from the period's mid-year carries a warning.</para>
/// <para>One calculator reads each year's figures once and keeps them (reading them took 120–150 ms a call, most of an
/// all-areas assessment); make a new one (a new <see cref="CrimeCounts"/>) after importing population or lookups.</para>
/// </remarks>
internal sealed class PopulationCalculator(AnalyticalStore store)
{
    private readonly Dictionary<int, Figures> _figures = [];
    private List<int>? _years;

    private sealed record Figures(Dictionary<string, List<(AgeBand Band, double Value)>> ByCode, Dictionary<string, List<string>> LsoasByLad, Dictionary<string, string> SourceOf);

    /// <summary>
    /// SQL for a <c>population</c> row's source as shown with a rate: the source recorded with it; for a store from before
    /// schema 3 (no file column, the file name kept as the source), "ONS mid-yyyy population estimates (file)".
    /// </summary>
    internal const string SourceSql =
        "CASE WHEN file IS NULL OR source IS NULL THEN 'ONS mid-' || CAST(year AS VARCHAR) || ' population estimates' || coalesce(' (' || source || ')', '') ELSE source END";

    /// <summary>The years with imported figures, read once.</summary>
    private List<int> Years => _years ??= store.Query("SELECT DISTINCT year FROM population ORDER BY 1", r => (int)r.GetInt16(0));

    /// <summary>A year's figures, read once.</summary>
    private Figures FiguresOf(int year)
    {
        if (!_figures.TryGetValue(year, out var figures))
        {
            _figures[year] = figures = Load(year);
        }

        return figures;
    }

    /// <summary>The population for a rate over a period whose own mid-year is <paramref name="targetYear"/> (<see cref="PopulationYears.ForPeriod"/>).</summary>
    public (PopulationFigure? Figure, string? Note) For(ResolvedArea area, List<string> forceNames, CountRateOptions options, int targetYear)
    {
        var years = Years;
        if (years.Count == 0)
        {
            return (null, "no population estimates are imported.");
        }

        if (options.PopulationYear is { } wanted)
        {
            if (!years.Contains(wanted))
            {
                return (null, $"no population estimates for mid-{wanted} are imported (years: {string.Join(", ", years)}).");
            }

            var (chosen, why) = InYear(area, forceNames, options, wanted);
            return chosen is null ? (null, why) : (chosen with { TargetYear = wanted }, null);
        }

        // The period's own mid-year, then earlier years (nearest first), then later ones (nearest first).
        string? firstWhy = null;
        foreach (var year in PopulationYears.Candidates(targetYear, years))
        {
            var (figure, why) = InYear(area, forceNames, options, year);
            if (figure is not null)
            {
                return (PopulationYears.Annotate(figure, targetYear), null);
            }

            firstWhy ??= why;
        }

        return (null, years.Count == 1 ? firstWhy : $"{firstWhy?.TrimEnd('.')}, nor in any other imported year ({string.Join(", ", years.Select(y => $"mid-{y}"))}).");
    }

    /// <summary>An area's own imported figure (e.g. a country's), by the same year rule; no sums.</summary>
    public (PopulationFigure? Figure, string? Note) ForCode(string code, AgeBand band, int targetYear)
    {
        var years = Years;
        foreach (var year in PopulationYears.Candidates(targetYear, years))
        {
            var figures = FiguresOf(year);
            if (figures.ByCode.TryGetValue(code, out var rows) && Compose(rows, band) is { } value)
            {
                return (PopulationYears.Annotate(new PopulationFigure(value, year, band, figures.SourceOf[code]) { Derivation = $"the figure for {code}" }, targetYear), null);
            }
        }

        return (null, $"no population ({band}) for {code} is imported: import the ONS mid-year estimates (MYE2), which hold the country totals.");
    }

    private (PopulationFigure? Figure, string? Note) InYear(ResolvedArea area, List<string> forceNames, CountRateOptions options, int year)
    {
        var band = options.Band ?? AgeBand.AllAges;
        var figures = FiguresOf(year);
        var mid = string.Create(CultureInfo.InvariantCulture, $"mid-{year}");
        var code = area.Code?.Value;

        // England and Wales's own figure only when every force is loaded: two forces' records over the national
        // population would be a rate of nothing real. Otherwise the loaded forces' areas, said so.
        var national = area.Kind != AreaKind.EnglandAndWales || forceNames.Count >= Police.PoliceForces.EnglandAndWalesCount;
        if (code is not null && national && figures.ByCode.TryGetValue(code, out var own))
        {
            return Compose(own, band) is { } v
                ? (new PopulationFigure(v, year, band, figures.SourceOf[code]) { Derivation = $"the figure for {code}" }, null)
                : (null, $"the {mid} estimate for {code} has no {band} band.");
        }

        if (area.Kind == AreaKind.Lsoa)
        {
            return (null, $"no {mid} population for LSOA {code}.");
        }

        List<(string? Code, string Name)> lads = area.Kind switch
        {
            AreaKind.LocalAuthority => [(code, area.Name)],
            AreaKind.CommunitySafetyPartnership => Lads(l => l.Csp == code),
            AreaKind.PoliceForceArea => Lads(l => l.Pfa == code),
            _ => LadsOfForces(forceNames),
        };
        if (lads.Count == 0)
        {
            return (null, $"cannot tell which local authorities make up {area.Name}: import the LAD→CSP→PFA lookup.");
        }

        double total = 0;
        var lsoaCount = 0;
        var direct = 0;
        var missing = new List<string>();
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (ladCode, ladName) in lads)
        {
            if (ladCode is not null && figures.ByCode.TryGetValue(ladCode, out var ladRows) && Compose(ladRows, band) is { } ladValue)
            {
                total += ladValue;
                direct++;
                sources.Add(figures.SourceOf[ladCode]);
                continue;
            }

            var key = ladCode ?? "name:" + ladName.ToLowerInvariant();
            if (figures.LsoasByLad.TryGetValue(key, out var lsoas) && lsoas.Count > 0)
            {
                double sum = 0;
                var ok = true;
                foreach (var lsoa in lsoas)
                {
                    if (Compose(figures.ByCode[lsoa], band) is { } lv)
                    {
                        sum += lv;
                    }
                    else
                    {
                        ok = false;
                        break;
                    }
                }

                if (ok)
                {
                    total += sum;
                    lsoaCount += lsoas.Count;
                    foreach (var lsoa in lsoas)
                    {
                        sources.Add(figures.SourceOf[lsoa]);
                    }

                    continue;
                }
            }

            missing.Add(ladName);
        }

        if (missing.Count > 0)
        {
            return (null, $"no {mid} population ({band}) for {missing.Count} of {lads.Count} local authorities of {area.Name}: {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", …" : string.Empty)}.");
        }

        var how = (direct, lsoaCount) switch
        {
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"the sum of {lsoaCount:N0} LSOA figures"),
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"the sum of {direct} local authority figure{(direct == 1 ? string.Empty : "s")}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"the sum of {direct} local authority and {lsoaCount:N0} LSOA figures"),
        };
        if (area.Kind is AreaKind.EnglandAndWales)
        {
            how += string.Create(CultureInfo.InvariantCulture, $" of the police force areas of the {forceNames.Count} loaded force{(forceNames.Count == 1 ? string.Empty : "s")}");
        }

        return (new PopulationFigure(total, year, band, string.Join("; ", sources)) { Derivation = how }, null);
    }

    // The LAD → CSP → PFA lookup, read once (a query per area was most of an all-areas population pass).
    private List<(string Lad, string Name, string? Csp, string? Pfa)>? _lookup;

    private List<(string? Code, string Name)> Lads(Func<(string Lad, string Name, string? Csp, string? Pfa), bool> where)
    {
        _lookup ??= store.Query(
            "SELECT lad_code, lad_name, csp_code, pfa_code FROM lad_lookup ORDER BY lad_name, lad_code",
            r => (r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        // A district in several CSPs (the 2024 lookup has BCP in three) is one district of its police force area.
        return [.. _lookup.Where(where).Select(l => ((string?)l.Lad, l.Name)).Distinct()];
    }

    private List<(string? Code, string Name)> LadsOfForces(List<string> forceNames)
    {
        var forces = store.Query("SELECT name, short_name FROM force", r => (r.GetString(0), r.GetString(1)))
            .Where(f => forceNames.Contains(f.Item1)).Select(f => Internals.NameKey.For(f.Item2)).ToHashSet();
        var pfas = store.Query("SELECT DISTINCT pfa_code, pfa_name FROM lad_lookup WHERE pfa_code IS NOT NULL", r => (r.GetString(0), r.GetString(1)))
            .Where(p => forces.Contains(CrimeCounts.ForceKeyOfPoliceForceArea(p.Item2))).Select(p => p.Item1).ToList();
        return [.. pfas.SelectMany(p => Lads(l => l.Pfa == p))];
    }

    private Figures Load(int year)
    {
        var byCode = new Dictionary<string, List<(AgeBand, double)>>(StringComparer.Ordinal);
        var lsoasByLad = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var sourceOf = new Dictionary<string, string>(StringComparer.Ordinal);

        // The local authority of each LSOA with figures, read once per LSOA (joining it to every population row repeated
        // two strings per age band: 131,000 rows for the mid-2015 LSOA estimates), then the figures streamed from the
        // reader without an intermediate list. The lists are the same: each code is filed under its local authority the
        // first time it is seen.
        var ladOf = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var cmd = store.Command(
            """
            SELECT s.code, coalesce(s.lad_code, 'name:' || lower(s.lad_name))
            FROM lsoa s
            WHERE s.lad_name IS NOT NULL AND s.code IN (SELECT area_code FROM population WHERE year = $1)
            """,
            (short)year))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                ladOf.TryAdd(reader.GetString(0), reader.GetString(1));
            }
        }

        using (var cmd = store.Command($"SELECT area_code, age_from, age_to, value, {SourceSql} FROM population WHERE year = $1", (short)year))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var code = reader.GetString(0);
                if (!byCode.TryGetValue(code, out var list))
                {
                    byCode[code] = list = [];
                    sourceOf[code] = reader.GetString(4);
                    if (ladOf.TryGetValue(code, out var key))
                    {
                        if (!lsoasByLad.TryGetValue(key, out var lsoas))
                        {
                            lsoasByLad[key] = lsoas = [];
                        }

                        lsoas.Add(code);
                    }
                }

                var to = reader.GetInt16(2);
                list.Add((new AgeBand(reader.GetInt16(1), to < 0 ? null : to), reader.GetDouble(3)));
            }
        }

        return new Figures(byCode, lsoasByLad, sourceOf);
    }

    /// <summary>
    /// The value for <paramref name="want"/> from the bands held: the band itself, or consecutive bands that tile it
    /// exactly (10–17 from single years 10 … 17, or all ages from 0–15, 16–59 and 60+).
    /// </summary>
    internal static double? Compose(List<(AgeBand Band, double Value)> rows, AgeBand want)
    {
        foreach (var (band, value) in rows)
        {
            if (band == want)
            {
                return value;
            }
        }

        double total = 0;
        var cursor = want.From;
        while (true)
        {
            (AgeBand Band, double Value)? best = null;
            foreach (var r in rows)
            {
                if (r.Band.From != cursor || r.Band == AgeBand.AllAges)
                {
                    continue;
                }

                var fits = want.To is null || (r.Band.To is { } to && to <= want.To);
                if (fits && (best is null || (r.Band.To ?? int.MaxValue) > (best.Value.Band.To ?? int.MaxValue)))
                {
                    best = r;
                }
            }

            if (best is not { } b)
            {
                return null;
            }

            total += b.Value;
            if (b.Band.To is null || b.Band.To == want.To)
            {
                return b.Band.To == want.To ? total : null;
            }

            cursor = b.Band.To.Value + 1;
        }
    }
}
