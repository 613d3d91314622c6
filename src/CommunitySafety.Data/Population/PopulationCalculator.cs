using System.Globalization;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Data.Population;

/// <summary>
/// Finds the population of an area for a rate: the area's own ONS figure when imported, otherwise the sum of its local
/// authorities, each its own figure or the sum of its LSOAs. Age bands are built from the imported bands or single years.
/// </summary>
/// <remarks>
/// One calculator reads each year's figures once and keeps them (reading them took 120–150 ms a call, most of an
/// all-areas assessment); make a new one (a new <see cref="CrimeCounts"/>) after importing population or lookups.
/// </remarks>
internal sealed class PopulationCalculator(AnalyticalStore store)
{
    private readonly Dictionary<int, Figures> _figures = [];
    private List<int>? _years;

    private sealed record Figures(Dictionary<string, List<(AgeBand Band, double Value)>> ByCode, Dictionary<string, List<string>> LsoasByLad);

    public (PopulationFigure? Figure, string? Note) For(ResolvedArea area, List<string> forceNames, CountRateOptions options, int periodEndYear)
    {
        var band = options.Band ?? AgeBand.AllAges;
        var years = _years ??= store.Query("SELECT DISTINCT year FROM population ORDER BY 1", r => (int)r.GetInt16(0));
        if (years.Count == 0)
        {
            return (null, "no population estimates are imported.");
        }

        int year;
        if (options.PopulationYear is { } wanted)
        {
            if (!years.Contains(wanted))
            {
                return (null, $"no population estimates for mid-{wanted} are imported (years: {string.Join(", ", years)}).");
            }

            year = wanted;
        }
        else
        {
            year = years.Where(y => y <= periodEndYear).DefaultIfEmpty(years[0]).Max();
        }

        if (!_figures.TryGetValue(year, out var figures))
        {
            _figures[year] = figures = Load(year);
        }

        var mid = string.Create(CultureInfo.InvariantCulture, $"mid-{year}");
        var code = area.Code?.Value;
        if (code is not null && figures.ByCode.TryGetValue(code, out var own))
        {
            return Compose(own, band) is { } v
                ? (new PopulationFigure(v, year, band, $"ONS {mid} estimate for {code}"), null)
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
        foreach (var (ladCode, ladName) in lads)
        {
            if (ladCode is not null && figures.ByCode.TryGetValue(ladCode, out var ladRows) && Compose(ladRows, band) is { } ladValue)
            {
                total += ladValue;
                direct++;
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
            (0, _) => string.Create(CultureInfo.InvariantCulture, $"sum of {lsoaCount:N0} LSOA estimates ({mid})"),
            (_, 0) => string.Create(CultureInfo.InvariantCulture, $"sum of {direct} local authority estimates ({mid})"),
            _ => string.Create(CultureInfo.InvariantCulture, $"sum of {direct} local authority and {lsoaCount:N0} LSOA estimates ({mid})"),
        };
        return (new PopulationFigure(total, year, band, how), null);
    }

    // The LAD → CSP → PFA lookup, read once (a query per area was most of an all-areas population pass).
    private List<(string Lad, string Name, string? Csp, string? Pfa)>? _lookup;

    private List<(string? Code, string Name)> Lads(Func<(string Lad, string Name, string? Csp, string? Pfa), bool> where)
    {
        _lookup ??= store.Query(
            "SELECT lad_code, lad_name, csp_code, pfa_code FROM lad_lookup ORDER BY lad_name, lad_code",
            r => (r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3)));
        return [.. _lookup.Where(where).Select(l => ((string?)l.Lad, l.Name))];
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

        using (var cmd = store.Command("SELECT area_code, age_from, age_to, value FROM population WHERE year = $1", (short)year))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                var code = reader.GetString(0);
                if (!byCode.TryGetValue(code, out var list))
                {
                    byCode[code] = list = [];
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

        return new Figures(byCode, lsoasByLad);
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
