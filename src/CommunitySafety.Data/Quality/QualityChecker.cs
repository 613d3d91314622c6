using System.Globalization;
using CommunitySafety.Crime;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Quality;

/// <summary>
/// Flags suspicious but valid street-level crime data: each force-month is judged against the same force's own previous
/// months, so a month that is valid row by row but not like the force (twice the usual violence, no rows without a
/// location from a force that always has them, a month missing or republished) is shown, not trusted blindly.
/// </summary>
/// <remarks>
/// <para><b>History.</b> A month is scored against the force's street-level months in the <see cref="HistoryMonths"/>
/// (24) months before it, when at least <see cref="MinHistoryMonths"/> (12) of them are in the store; with fewer it is
/// not scored (months missing are flagged on their own).</para>
/// <para><b>Score.</b> The modified z-score of Iglewicz and Hoaglin (1993, <i>How to Detect and Handle Outliers</i>,
/// ASQC): <c>M = 0.6745 (x − median) / MAD</c>, where MAD is the median absolute deviation of the history from its
/// median; |M| &gt; 3.5 is their threshold for a likely outlier. The median and MAD are not moved by the outliers they
/// look for, unlike a mean and standard deviation.</para>
/// <para><b>Counts by crime type</b> are scored on the log scale, <c>x = ln(n + 0.5)</c>, so that a doubling is the same
/// distance for a large and a small count. A history that happens to vary little would make any change look extreme,
/// so the MAD is at least what Poisson noise alone gives: a Poisson count with mean λ has a log whose standard deviation
/// is about 1/√λ (delta method), and a normal's MAD is 0.6745 σ, so MAD ≥ 0.6745/√λ with λ the history's median count.
/// A flag also needs the count to differ from the median by at least <see cref="MinCountChange"/> (10) records, so small
/// crime types are not flagged for a handful, and to lie outside the range of the history (a count the force has had
/// in the last two years is not "far outside its usual range").</para>
/// <para><b>Rows without a location</b> (no LSOA: police.uk's "No Location" rows): a month with none from a force whose
/// every month in the history had some is flagged; otherwise their share is scored, with the MAD at least the binomial
/// noise 0.6745 √(p(1 − p)/N) for the month's N rows, and flagged when |M| &gt; 3.5 and the share moved by at least
/// <see cref="MinShareChange"/> (2 percentage points).</para>
/// <para><b>Missing months</b>: a month with no street-level file between months the force has, or after the force's
/// last month when other forces in the store have it. <b>Republished months</b>: a force-month imported again from a
/// different file (recorded by the importer since this check exists), with the rows before and after.</para>
/// </remarks>
public sealed class QualityChecker(AnalyticalStore store)
{
    /// <summary>How many months before a month make its history.</summary>
    public const int HistoryMonths = 24;

    /// <summary>The fewest months of history a month is scored against.</summary>
    public const int MinHistoryMonths = 12;

    /// <summary>Iglewicz and Hoaglin's threshold for the modified z-score.</summary>
    public const double Threshold = 3.5;

    /// <summary>The fewest records a crime type's count must differ from its median by to be flagged.</summary>
    public const double MinCountChange = 10;

    /// <summary>The smallest change in the share of rows without a location that is flagged.</summary>
    public const double MinShareChange = 0.02;

    /// <summary>The constant relating a normal distribution's MAD to its standard deviation (Φ⁻¹(0.75)).</summary>
    private const double Mad = 0.6745;

    /// <summary>Every flag in the store, oldest month first, each with its acknowledgement if it has one.</summary>
    public IReadOnlyList<QualityFlag> Check() => Check(null, null);

    /// <summary>The flags of the named forces (all when null) in <paramref name="months"/>.</summary>
    /// <param name="forces">Force names as stored ("Bedfordshire Police"); null for every force.</param>
    /// <param name="months">The months wanted (inclusive); null for all.</param>
    public IReadOnlyList<QualityFlag> Check(IReadOnlyCollection<string>? forces, (YearMonth From, YearMonth To)? months)
    {
        var forceRows = store.Query("SELECT force_id, name, slug FROM force", r => (Id: r.GetInt16(0), Name: r.GetString(1), Slug: r.GetString(2)))
            .ToDictionary(f => f.Id);
        var loaded = store.Query($"SELECT DISTINCT force_id, month_idx FROM loaded_month WHERE kind = 0", r => (Force: r.GetInt16(0), Month: r.GetInt32(1)));
        // Only the counts the flags asked for can use: the forces named, the months wanted and their histories.
        var wanted = forces is null ? null : forceRows.Values.Where(f => forces.Contains(f.Name)).Select(f => f.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var filter = string.Join(" AND ", new[]
        {
            wanted is null ? null : $"force_id IN ({(wanted.Count == 0 ? "NULL" : string.Join(',', wanted))})",
            months is { } range ? string.Create(CultureInfo.InvariantCulture, $"month_idx BETWEEN {range.From.Index - HistoryMonths} AND {range.To.Index}") : null,
        }.OfType<string>());
        var counts = store.Query($"""
            SELECT force_id, month_idx, crime_type_id, sum(n)::BIGINT, coalesce(sum(n) FILTER (WHERE lsoa_id IS NULL), 0)::BIGINT
            FROM crime_monthly {(filter.Length > 0 ? "WHERE " + filter : string.Empty)} GROUP BY ALL
            """, r => (Force: r.GetInt16(0), Month: r.GetInt32(1), Type: (int)r.GetByte(2), N: r.GetInt64(3), NoLocation: r.GetInt64(4)));
        var byForceMonth = counts.GroupBy(c => (c.Force, c.Month)).ToDictionary(g => g.Key, g => g.ToList());
        var monthsOf = loaded.GroupBy(l => l.Force).ToDictionary(g => g.Key, g => g.Select(l => l.Month).Order().ToList());
        var forcesHaving = loaded.GroupBy(l => l.Month).ToDictionary(g => g.Key, g => g.Count());
        var latest = loaded.Count == 0 ? (int?)null : loaded.Max(l => l.Month);

        var flags = new List<QualityFlag>();
        foreach (var (force, list) in monthsOf)
        {
            if (!forceRows.TryGetValue(force, out var f) || (forces is not null && !forces.Contains(f.Name)))
            {
                continue;
            }

            var have = list.ToHashSet();
            foreach (var m in list)
            {
                if (!InRange(m, months))
                {
                    continue;
                }

                var history = list.Where(h => h < m && h >= m - HistoryMonths).ToList();
                if (history.Count < MinHistoryMonths)
                {
                    continue;
                }

                var month = byForceMonth.GetValueOrDefault((force, m)) ?? [];
                var past = history.Select(h => byForceMonth.GetValueOrDefault((force, h)) ?? []).ToList();
                flags.AddRange(CrimeTypeFlags(f.Name, f.Slug, m, month, past));
                flags.AddRange(NoLocationFlags(f.Name, f.Slug, m, month, past));
            }

            // Missing months: gaps between the force's months, and months after its last that other forces have; one
            // flag per run of consecutive missing months (a sample or a late force is one finding, not one per month).
            var missing = new List<int>();
            for (var m = list[0] + 1; m <= (latest ?? list[^1]); m++)
            {
                if (!have.Contains(m) && (m < list[^1] || forcesHaving.GetValueOrDefault(m) > 0))
                {
                    missing.Add(m);
                }
            }

            foreach (var run in Runs(missing).Where(r => InRange(r.First, r.Last, months)))
            {
                var span = run.First == run.Last ? Name(run.First) : $"{Name(run.First)} to {Name(run.Last)} ({run.Last - run.First + 1} months)";
                var detail = run.Last < list[^1]
                    ? $"No street-level file for {span}, though the store has {f.Name}'s months before and after: counts and rates over a period holding {(run.First == run.Last ? "it" : "them")} are too low (partial). Import the missing month(s) from the police.uk archive."
                    : $"No street-level file for {span}, though other forces in the store have {(run.First == run.Last ? "it" : "them")}: {f.Name}'s latest month is {Name(list[^1])}. Import the month(s), or compare periods that end by {Name(list[^1])}.";
                flags.Add(new QualityFlag(f.Name, f.Slug, YearMonth.FromIndex(run.First), QualityCheck.MissingMonth, string.Empty, null, null, null, detail)
                {
                    LastMonth = YearMonth.FromIndex(run.Last),
                });
            }
        }

        flags.AddRange(Republished(forceRows, forces, months));
        var acknowledged = QualityStore.Acknowledgements(store);
        return [.. flags
            .Select(x => acknowledged.TryGetValue(x.Id, out var a) ? x with { Acknowledged = a } : x)
            .OrderBy(x => x.Month).ThenBy(x => x.Force, StringComparer.Ordinal).ThenBy(x => x.Check).ThenBy(x => x.Subject, StringComparer.Ordinal)];
    }

    private static bool InRange(int month, (YearMonth From, YearMonth To)? months) =>
        months is not { } r || (month >= r.From.Index && month <= r.To.Index);

    private static bool InRange(int first, int last, (YearMonth From, YearMonth To)? months) =>
        months is not { } r || (last >= r.From.Index && first <= r.To.Index);

    /// <summary>Consecutive runs in an ascending list of months.</summary>
    private static IEnumerable<(int First, int Last)> Runs(List<int> months)
    {
        for (var i = 0; i < months.Count;)
        {
            var j = i;
            while (j + 1 < months.Count && months[j + 1] == months[j] + 1)
            {
                j++;
            }

            yield return (months[i], months[j]);
            i = j + 1;
        }
    }

    private static string Name(int month) => YearMonth.FromIndex(month).ToDisplayString();

    private static IEnumerable<QualityFlag> CrimeTypeFlags(string force, string slug, int m,
        List<(short Force, int Month, int Type, long N, long NoLocation)> month, List<List<(short Force, int Month, int Type, long N, long NoLocation)>> past)
    {
        var types = month.Select(c => c.Type).Concat(past.SelectMany(p => p.Select(c => c.Type))).Distinct().Order();
        foreach (var type in types)
        {
            var n = month.Where(c => c.Type == type).Sum(c => c.N);
            var history = past.Select(p => (double)p.Where(c => c.Type == type).Sum(c => c.N)).ToArray();
            var lambda = Median(history);
            if (Math.Abs(n - lambda) < MinCountChange || (n <= history.Max() && n >= history.Min()))
            {
                continue;
            }

            var score = CountScore(n, history);
            if (Math.Abs(score) <= Threshold)
            {
                continue;
            }

            var name = CrimeType.FromId(type).Name;
            var ratio = lambda > 0 ? n / lambda : double.PositiveInfinity;
            var how = lambda <= 0 ? "where the force usually records none"
                : ratio >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{ratio:0.0} times the usual {lambda:N0}")
                : string.Create(CultureInfo.InvariantCulture, $"{(1 - ratio) * 100:0}% below the usual {lambda:N0}");
            yield return new QualityFlag(force, slug, YearMonth.FromIndex(m), QualityCheck.CrimeType, name, n, lambda, Math.Round(score, 2),
                string.Create(CultureInfo.InvariantCulture,
                    $"{name}: {n:N0} records in {Name(m)}, {how} (median of the previous {history.Length} months, range {history.Min():N0} to {history.Max():N0}); modified z-score {score:0.0}, flagged beyond ±{Threshold}. Check the month's file before trusting a change it shows."));
        }
    }

    private static IEnumerable<QualityFlag> NoLocationFlags(string force, string slug, int m,
        List<(short Force, int Month, int Type, long N, long NoLocation)> month, List<List<(short Force, int Month, int Type, long N, long NoLocation)>> past)
    {
        var total = month.Sum(c => c.N);
        if (total == 0)
        {
            yield break;
        }

        var none = month.Sum(c => c.NoLocation);
        var pastNone = past.Select(p => p.Sum(c => c.NoLocation)).ToArray();
        if (none == 0 && pastNone.All(v => v > 0))
        {
            yield return new QualityFlag(force, slug, YearMonth.FromIndex(m), QualityCheck.NoLocationMissing, string.Empty, 0, Median([.. pastNone.Select(v => (double)v)]), null,
                string.Create(CultureInfo.InvariantCulture,
                    $"No records without a location (police.uk's \"No Location\" rows) in {Name(m)}, though each of the previous {past.Count} months had some (usually {Median([.. pastNone.Select(v => (double)v)]):N0}): the file may be incomplete or processed differently."));
            yield break;
        }

        var shares = past.Select(p => p.Sum(c => c.N) is var t and > 0 ? p.Sum(c => c.NoLocation) / (double)t : 0).ToArray();
        var share = none / (double)total;
        var centre = Median(shares);
        if (Math.Abs(share - centre) < MinShareChange)
        {
            yield break;
        }

        var mad = Math.Max(Median([.. shares.Select(v => Math.Abs(v - centre))]), Mad * Math.Sqrt(centre * (1 - centre) / total));
        var score = mad > 0 ? Mad * (share - centre) / mad : double.PositiveInfinity;
        if (Math.Abs(score) > Threshold)
        {
            yield return new QualityFlag(force, slug, YearMonth.FromIndex(m), QualityCheck.NoLocationShare, string.Empty, share, centre, Math.Round(score, 2),
                string.Create(CultureInfo.InvariantCulture,
                    $"{share:P1} of {Name(m)}'s records have no location (no LSOA), against a usual {centre:P1} (median of the previous {past.Count} months); modified z-score {score:0.0}. Area counts for the month are lower (or higher) than the force's total suggests."));
        }
    }

    private IEnumerable<QualityFlag> Republished(Dictionary<short, (short Id, string Name, string Slug)> forceRows, IReadOnlyCollection<string>? forces, (YearMonth From, YearMonth To)? months)
    {
        foreach (var r in QualityStore.Republished(store))
        {
            if (!forceRows.TryGetValue(r.Force, out var f) || (forces is not null && !forces.Contains(f.Name)) || !InRange(r.Month, months))
            {
                continue;
            }

            var change = r.OldRows > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({(r.NewRows - r.OldRows) / (double)r.OldRows:+0.0%;-0.0%;0%})") : string.Empty;
            yield return new QualityFlag(f.Name, f.Slug, YearMonth.FromIndex(r.Month), QualityCheck.Republished, string.Empty, r.NewRows, r.OldRows, null,
                string.Create(CultureInfo.InvariantCulture,
                    $"{Name(r.Month)} was imported again on {r.At:yyyy-MM-dd HH:mm} UTC from {r.NewFile}: {r.OldRows:N0} rows replaced by {r.NewRows:N0}{change}. Figures made before then used the earlier rows."));
        }
    }

    /// <summary>
    /// The modified z-score of a count <paramref name="n"/> against its <paramref name="history"/>, on the log scale
    /// <c>ln(n + 0.5)</c>, with the MAD at least the Poisson noise 0.6745/√λ (λ the history's median count).
    /// </summary>
    /// <example>History 90, 95, 97, 98, 100 ×4, 102, 103, 105, 110 (median 100; the MAD of the logs, 0.025, is below the
    /// Poisson floor 0.6745/√100 = 0.06745) and n = 200: M = 0.6745 × (ln 200.5 − ln 100.5) / 0.06745 = 10 × 0.6907 = 6.907.</example>
    internal static double CountScore(double n, double[] history)
    {
        var x = history.Select(h => Math.Log(h + 0.5)).ToArray();
        var centre = Median(x);
        var mad = Math.Max(Median([.. x.Select(v => Math.Abs(v - centre))]), Mad / Math.Sqrt(Math.Max(Median(history), 1)));
        return Mad * (Math.Log(n + 0.5) - centre) / mad;
    }

    /// <summary>The median (the mean of the middle two for an even count).</summary>
    internal static double Median(double[] values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
