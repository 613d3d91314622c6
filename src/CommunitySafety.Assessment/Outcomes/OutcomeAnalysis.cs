using System.Globalization;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Crime;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Outcomes;

/// <summary>
/// Crime outcomes for an area, year and crime type: the share of crimes reaching each outcome group with Wilson 95%
/// limits, the change against the same months last year (like with like), outcome maturity by month, and peers.
/// </summary>
/// <remarks>
/// <para>Source: each police.uk street-level record's "Last outcome category" (as published in the latest month imported),
/// grouped by <see cref="OutcomeGroups"/>. Denominator: every crime recorded in the months (anti-social behaviour is not a
/// crime and has no outcome). Shares: <see cref="Proportion"/> (Wilson score). Change: <see cref="PeriodChange.ForProportions"/>
/// (pooled two-proportion z test; Newcombe's interval for the difference).</para>
/// <para>Like with like: a crime's last outcome depends on how long it has had to reach one. Every month's records are
/// aged from the month the outcomes were taken from; the "mature age" is the smallest age from which every month has fewer
/// than <see cref="MatureOpenPercent"/>% still under investigation. Only months at least that old, whose same month a
/// year earlier is also imported, are compared; the result says which months and why.</para>
/// </remarks>
public sealed class OutcomeAnalysis(AnalyticalStore store)
{
    /// <summary>The share still under investigation (percent) below which a month's outcomes count as mature.</summary>
    public const double MatureOpenPercent = 2;

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Runs the analysis.</summary>
    public OutcomeResult For(OutcomeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CrimeTypes?.Any(t => t.Id == CrimeType.AntiSocialBehaviour.Id) == true)
        {
            throw new ArgumentException("Anti-social behaviour has no outcomes on police.uk: choose crime types.", nameof(request));
        }

        var types = request.CrimeTypes is { Count: > 0 } chosen
            ? chosen
            : CrimeType.All.Where(t => t.Id != CrimeType.AntiSocialBehaviour.Id).ToList();
        var typesText = request.CrimeTypes is { Count: > 0 }
            ? Text.List([.. request.CrimeTypes.Select(t => t.Name)])
            : "all crime (anti-social behaviour excluded: it has no outcomes)";
        var query = new OutcomeRecordsQuery(store);
        var year = request.Year;
        var area = request.Area;

        // Every month imported for the area (police.uk's street data start in December 2010), for maturity; the year's and
        // last year's months are among them.
        var all = query.For(area, new YearMonth(2010, 12), year.LastMonth.AddMonths(120), types);
        var asOf = all.OutcomesAsOf;
        var byMonth = all.Cells.GroupBy(c => c.Month).ToDictionary(g => g.Key, g => g.ToList());
        var maturity = all.MonthsWithRecords.Order().Select(m =>
        {
            var cells = byMonth.GetValueOrDefault(m) ?? [];
            var n = cells.Sum(c => c.Count);
            var open = cells.Where(c => OutcomeGroups.Of(c.Outcome).IsOpen).Sum(c => c.Count);
            var charged = cells.Where(c => OutcomeGroups.Of(c.Outcome) == OutcomeGroups.Charged).Sum(c => c.Count);
            return new MaturityRow(m, asOf is { } a ? a.MonthsSince(m) : 0, n, Proportion.Calculate(open, n), Proportion.Calculate(charged, n));
        }).ToList();
        int? matureAge = maturity.Count == 0 ? null : MatureAge(maturity);

        var provenance = new List<string>
        {
            $"Counted: crimes recorded in {area.Name} ({area.BasisDescription}); {typesText}.",
            $"Outcomes: police.uk street-level crime, each crime's \"Last outcome category\" as published in {(asOf is { } o ? o.ToDisplayString() : "the latest month imported")} (the latest month imported for {Text.List([.. all.Forces])}). Contains public sector information licensed under the Open Government Licence v3.0.",
        };
        var yearMonths = year.Months.Where(all.MonthsWithRecords.Contains).ToList();
        var countsOnly = year.Months.Where(all.CountsOnlyMonths.Contains).ToList();
        provenance.Add($"Period: {year} ({year.FirstMonth.ToDisplayString()} to {year.LastMonth.ToDisplayString()}); {yearMonths.Count} of 12 months imported with their records{(yearMonths.Count is > 0 and < 12 ? $" ({MonthRange(yearMonths)})" : string.Empty)}.");
        if (countsOnly.Count > 0)
        {
            provenance.Add($"{countsOnly.Count} month(s) of {year} were imported as counts only ({MonthRange(countsOnly)}): their outcomes are not in the store; re-import them without --counts-only.");
        }

        var unknown = all.Cells.Where(c => c.Outcome.Length > 0 && !OutcomeGroups.IsKnown(c.Outcome))
            .GroupBy(c => c.Outcome).Select(g => (g.Key, g.Sum(c => c.Count))).OrderByDescending(x => x.Item2).ToList();
        if (yearMonths.Count == 0)
        {
            return new OutcomeResult
            {
                Area = area,
                Year = year,
                CrimeTypesText = typesText,
                NotAvailable = $"No street-level records of {year} are imported for {Text.List([.. all.Forces])} (or they were imported as counts only): import the police.uk street files for {year}.",
                OutcomesAsOf = asOf,
                MatureAgeMonths = matureAge,
                Maturity = maturity,
                Provenance = provenance,
                PeerNote = "No peers: the year has no records.",
            };
        }

        var current = Shares(year.ToString(), yearMonths, byMonth);
        var (comparison, comparisonNote) = Compare(year, yearMonths, all.MonthsWithRecords, byMonth, asOf, matureAge);
        var (peers, peerNote) = request.Peers ? Peers(area, yearMonths, types) : ([], "Peers not asked for.");
        var (timing, timingNote) = Timing(query.FirstOutcomeLags(area, types));
        var result = new OutcomeResult
        {
            Area = area,
            Year = year,
            CrimeTypesText = typesText,
            Current = current,
            Timing = timing,
            TimingNote = timingNote,
            OutcomesAsOf = asOf,
            MatureAgeMonths = matureAge,
            Maturity = maturity,
            Comparison = comparison,
            ComparisonNote = comparisonNote,
            Peers = peers,
            PeerNote = peerNote,
            UnknownCategories = unknown,
            Provenance = provenance,
        };
        return result with { Summary = Summarise(result) };
    }

    /// <summary>
    /// The share of each month's crimes with a first outcome within k months, for every k the consecutive outcomes files
    /// cover: months compared at the same k are compared at the same age of record.
    /// </summary>
    private static (List<TimingRow>, string) Timing(OutcomeLags lags)
    {
        var rows = new List<TimingRow>();
        foreach (var month in lags.Cells.Select(c => c.Month).Distinct().Order())
        {
            var cells = lags.Cells.Where(c => c.Month == month).ToList();
            var n = cells.Sum(c => c.Count);
            var ages = 0;
            while (lags.OutcomeFileMonths.Contains(month.AddMonths(ages)))
            {
                ages++;
            }

            rows.Add(new TimingRow(month, n, [.. Enumerable.Range(0, ages).Select(k => Proportion.Calculate(cells.Where(c => c.Lag is { } l && l <= k).Sum(c => c.Count), n))]));
        }

        if (rows.Count == 0)
        {
            return (rows, lags.OutcomeFileMonths.Count == 0
                ? "No police.uk outcomes files are imported for the area's force, so the time to a first outcome cannot be measured; import them (csp import police) to see it."
                : "The police.uk outcomes files imported do not cover months whose street records are imported, so the time to a first outcome cannot be measured.");
        }

        var common = rows.Where(r => r.WithOutcomeByAge.Count > 1).ToList();
        var note = $"Time to a first outcome, from the police.uk outcomes files ({MonthRange(lags.OutcomeFileMonths)}): the share of each month's crimes listed with an outcome within 0, 1, 2 … months. Read a column down to compare months at the same age of record.";
        if (common.Count >= 2)
        {
            var (a, b) = (common[0], common[^1]);
            note += string.Format(EnGb, " Within 1 month: {0:0.0}% of {1}'s crimes against {2:0.0}% of {3}'s.", a.WithOutcomeByAge[1].Value, a.Month.ToDisplayString(), b.WithOutcomeByAge[1].Value, b.Month.ToDisplayString());
        }

        return (rows, note);
    }

    /// <summary>The smallest age from which every month has fewer than <see cref="MatureOpenPercent"/>% open; null when the oldest month is still above it.</summary>
    internal static int? MatureAge(IReadOnlyList<MaturityRow> rows)
    {
        var young = rows.Where(r => r.Crimes > 0 && r.Open.Value >= MatureOpenPercent).ToList();
        if (young.Count == 0)
        {
            return 0;
        }

        var age = young.Max(r => r.AgeMonths) + 1;
        return rows.Any(r => r.AgeMonths >= age) ? age : null;
    }

    private static OutcomeShares Shares(string label, IReadOnlyList<YearMonth> months, Dictionary<YearMonth, List<OutcomeCell>> byMonth)
    {
        var cells = months.SelectMany(m => byMonth.GetValueOrDefault(m) ?? []).ToList();
        var total = cells.Sum(c => c.Count);
        var shares = OutcomeGroups.All.Select(g =>
        {
            var inGroup = cells.Where(c => OutcomeGroups.Of(c.Outcome) == g)
                .GroupBy(c => c.Outcome.Length == 0 ? "(none given)" : c.Outcome)
                .Select(x => (x.Key, x.Sum(c => c.Count))).OrderByDescending(x => x.Item2).ToList();
            return new OutcomeShare(g, Proportion.Calculate(inGroup.Sum(x => x.Item2), total), inGroup);
        }).ToList();
        return new OutcomeShares(label, months, total, shares);
    }

    private static (OutcomeComparison?, string?) Compare(FinancialYear year, List<YearMonth> yearMonths, IReadOnlySet<YearMonth> loaded,
        Dictionary<YearMonth, List<OutcomeCell>> byMonth, YearMonth? asOf, int? matureAge)
    {
        var previous = year.Previous;
        var withLastYear = yearMonths.Where(m => loaded.Contains(m.SameMonthLastYear)).ToList();
        if (withLastYear.Count == 0)
        {
            return (null, $"No comparison with {previous}: none of its months is imported with records.");
        }

        if (matureAge is not { } age || asOf is not { } at)
        {
            return (null, $"No comparison with {previous}: even the oldest month imported still has {MatureOpenPercent:0}% or more of its crimes under investigation, so no month's outcomes are complete enough to compare.");
        }

        var months = withLastYear.Where(m => at.MonthsSince(m) >= age).ToList();
        if (months.Count == 0)
        {
            return (null, $"No comparison with {previous}: {year}'s crimes are too recent. Outcomes were taken from {at.ToDisplayString()}; a month's outcomes are near complete after {Months(age)} (fewer than {MatureOpenPercent:0} in 100 crimes still under investigation), and none of {year}'s months with a matching month in {previous} is that old yet.");
        }

        var earlierMonths = months.Select(m => m.SameMonthLastYear).ToList();
        var earlier = Shares(previous.ToString(), earlierMonths, byMonth);
        var later = Shares(year.ToString(), months, byMonth);
        if (earlier.Crimes == 0 || later.Crimes == 0)
        {
            return (null, $"No comparison with {previous}: no crimes in the months compared.");
        }

        var changes = OutcomeGroups.All.Select(g => new OutcomeGroupChange(g, PeriodChange.ForProportions(
            earlier.Of(g).Share.Numerator, earlier.Crimes, later.Of(g).Share.Numerator, later.Crimes))).ToList();
        var youngest = months.Min(m => at.MonthsSince(m));
        var subset = months.Count < 12
            ? $"Compared over the {months.Count} month(s) both years have {(months.Count < withLastYear.Count ? "with complete enough outcomes " : "imported ")}({MonthRange(months)} against {MonthRange(earlierMonths)})"
            : $"Compared over the whole year ({MonthRange(months)} against {MonthRange(earlierMonths)})";
        var skipped = withLastYear.Count - months.Count;
        var basis = $"{subset}. Like with like: outcomes were taken from {at.ToDisplayString()}, and every month compared is at least {Months(youngest)} old, past the {Months(age)} after which fewer than {MatureOpenPercent:0} in 100 crimes are still under investigation (a few outcomes, such as a late charge, can still change after that)." +
                    (skipped > 0 ? $" {skipped} more recent month(s) of {year} are left out because their outcomes are not yet complete." : string.Empty);
        return (new OutcomeComparison(earlier, later, changes, basis), null);
    }

    private (List<PeerOutcome>, string) Peers(ResolvedArea area, IReadOnlyList<YearMonth> months, IReadOnlyList<CrimeType> types)
    {
        if (area.Kind is not (AreaKind.LocalAuthority or AreaKind.CommunitySafetyPartnership) || area.Code is null)
        {
            return ([], $"No peers: ONS publishes nearest neighbours for local authority districts only, and {area.Name} is a {area.KindName}.");
        }

        var group = DefaultPeers.For(area);
        if (group.UnavailableReason is { } reason)
        {
            return ([], $"No peers: {reason}");
        }

        var resolver = new AreaResolver(store);
        var query = new OutcomeRecordsQuery(store);
        var list = new List<PeerOutcome>();
        foreach (var code in group.Peers)
        {
            var name = group.Names.GetValueOrDefault(code) ?? code.Value;
            var peer = resolver.TryResolve(code.Value);
            if (peer is null)
            {
                list.Add(new PeerOutcome(code, name, null, "not in the store's area lookup"));
                continue;
            }

            var records = query.For(peer, months.Min(), months.Max(), types);
            var missing = months.Where(m => !records.MonthsWithRecords.Contains(m)).ToList();
            if (missing.Count > 0)
            {
                var forces = records.Forces.Count > 0 ? Text.List([.. records.Forces]) + "'s" : "its police force's";
                list.Add(new PeerOutcome(code, peer.Name, null,
                    missing.Count == months.Count
                        ? $"no street-level records of {forces} for {MonthRange(months)} are imported"
                        : $"{missing.Count} of the {months.Count} months are not imported for {forces} records"));
                continue;
            }

            var byMonth = records.Cells.GroupBy(c => c.Month).ToDictionary(g => g.Key, g => g.ToList());
            list.Add(new PeerOutcome(code, peer.Name, Shares(MonthRange(months), months, byMonth), null));
        }

        var with = list.Count(p => p.Shares is not null);
        var note = $"Peers: {area.Name}'s {group.Peers.Count} nearest neighbours ({group.Source}), over the same months. " +
                   (with == 0
                       ? "None can be compared: their forces' street-level records for these months are not imported. Import them (csp import police) to compare."
                       : $"{with} of {group.Peers.Count} have records for these months; the others are listed with the reason.");
        return (list, note);
    }

    private static List<string> Summarise(OutcomeResult r)
    {
        var lines = new List<string>();
        if (r.Current is not { } c)
        {
            return lines;
        }

        var charged = c.Of(OutcomeGroups.Charged).Share;
        var noSuspect = c.Of(OutcomeGroups.NoSuspect).Share;
        var unable = c.Of(OutcomeGroups.UnableToProsecute).Share;
        var open = c.Of(OutcomeGroups.UnderInvestigation).Share;
        lines.Add(string.Format(EnGb, "Of {0} crimes recorded in {1} in {2}, {3} ({4:N0}) have so far led to a charge or summons; for {5} no suspect was identified, and for {6} a suspect was identified but could not be prosecuted.",
            Text.Count(c.Crimes), r.Area.Name, c.Months.Count == 12 ? r.Year.ToString() : MonthRange(c.Months), Pct(charged), charged.Numerator, Pct(noSuspect), Pct(unable)));
        if (open.Numerator > 0)
        {
            lines.Add($"{Pct(open)} were still under investigation when the data was published, so these shares will change as outcomes come in.");
        }

        if (r.Comparison is { } cmp)
        {
            var ch = cmp.Changes.Single(x => x.Group == OutcomeGroups.Charged).Change;
            lines.Add(ch.PValue < 0.05
                ? string.Format(EnGb, "The charge rate was {0} than in the same months of {1} ({2:0.0}% against {3:0.0}%); a difference this large is unlikely to be chance (p {4}).",
                    ch.LaterValue > ch.EarlierValue ? "higher" : "lower", cmp.Earlier.Label, ch.LaterValue, ch.EarlierValue, P(ch.PValue))
                : string.Format(EnGb, "The charge rate was about the same as in the same months of {0} ({1:0.0}% against {2:0.0}%); the difference could be chance (p {3}).",
                    cmp.Earlier.Label, ch.LaterValue, ch.EarlierValue, P(ch.PValue)));
        }
        else if (r.ComparisonNote is { } note)
        {
            lines.Add(note);
        }

        return lines;
    }

    private static string Pct(ProportionResult p) => p.Value is { } v ? v.ToString(v < 10 ? "0.0" : "0", EnGb) + "%" : "–";

    private static string P(double p) => p < 0.001 ? "< 0.001" : "= " + p.ToString("0.000", EnGb);

    internal static string Months(int n) => n == 1 ? "1 month" : $"{n} months";

    /// <summary>"Apr 2024–Mar 2025", or runs joined: "Dec 2023–Mar 2024, May 2024".</summary>
    public static string MonthRange(IEnumerable<YearMonth> months)
    {
        var sorted = months.Distinct().Order().ToList();
        var runs = new List<string>();
        var i = 0;
        while (i < sorted.Count)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j].AddMonths(1))
            {
                j++;
            }

            runs.Add(j == i ? Short(sorted[i]) : $"{Short(sorted[i])}–{Short(sorted[j])}");
            i = j + 1;
        }

        return string.Join(", ", runs);
    }

    private static string Short(YearMonth m) => m.FirstDay.ToString("MMM yyyy", CultureInfo.InvariantCulture);
}
