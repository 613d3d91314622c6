using System.Globalization;
using System.Text.Json;
using CommunitySafety.Areas;
using CommunitySafety.Assessment.Harm;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Assessment.Messages;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Assessment.Previous;
using CommunitySafety.Assessment.Sensitivity;
using CommunitySafety.Assessment.Trends;
using CommunitySafety.Crime;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment;

/// <summary>
/// Assembles a strategic assessment from data already read from the store: trends, benchmarking against the peer
/// group and England and Wales, harm, the scoring matrix, its sensitivity, the change since the previous
/// assessment and the key messages. Pure: no I/O and no clock, so the same inputs give the same result.
/// </summary>
/// <remarks>
/// Every statistical judgement is made by the statistics engine (<see cref="CrudeRate"/>, <see cref="PeriodChange"/>,
/// <see cref="BenchmarkComparison"/>, <see cref="RecentTrend"/>, <see cref="FunnelPlot"/>); this class only decides which
/// years and areas are comparable. Partial years (fewer than 12 months) are shown but never compared; years flagged
/// unreliable are shown with their reason but left out of baselines and trends.
/// </remarks>
public static class StrategicAssessment
{
    /// <summary>The name of the all-crime line: police recorded crime, every category except anti-social behaviour.</summary>
    public const string AllRecordedCrime = "All recorded crime";

    /// <summary>Rates are per this many residents.</summary>
    public const double RateMultiplier = 1000;

    private static readonly RateOptions PerThousand = RateOptions.Default with { Multiplier = RateMultiplier };

    /// <summary>The lines of the trend and benchmark tables: all recorded crime (null), then the fourteen crime types.</summary>
    public static IReadOnlyList<CrimeType?> Lines { get; } = [null, .. CrimeType.Current];

    /// <summary>Runs the assessment.</summary>
    /// <param name="request">Year, baseline, peer group and previous result.</param>
    /// <param name="data">The area's, the peers' and England and Wales's data.</param>
    /// <param name="settings">Matrix, harm weights, unreliable years, partnership scores, sensitivity.</param>
    /// <param name="generatedAt">The time to stamp on the result (from the caller's clock).</param>
    /// <returns>The result.</returns>
    public static AssessmentResult Assess(AssessmentRequest request, AssessmentData data, AssessmentSettings settings, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        var year = request.Year;
        var notes = new List<string>(data.Notes);
        var (yearStatus, yearNote) = Status(data.Area.For(year), year, settings.UnreliableYears);
        if (yearStatus != YearStatus.Complete)
        {
            notes.Add($"{year} is {Describe(yearStatus)} for {data.Area.Area.Name} ({yearNote}): its figures are shown but not compared with other years or areas.");
        }

        if (request.Provenance?.PopulationWarning is { } stale)
        {
            notes.Add(stale);
        }

        var baseline = ChooseBaseline(request, data.Area, settings, notes);
        var years = SeriesYears(data.Area, year);
        foreach (var unreliable in settings.UnreliableYears.All.Where(u => years.Contains(u.Year)))
        {
            notes.Add($"{unreliable.Year} is left out of baselines and trends: {unreliable.Reason}.");
        }

        var trends = Lines.Select(t => Trend(t, data, years, year, baseline, settings.UnreliableYears)).ToArray();
        var (peerSummary, peers) = Peers(request.PeerGroup, data, year, settings);
        if (peerSummary.MissingData is { } missingPeers)
        {
            notes.Add(missingPeers);
        }

        if (peerSummary.NotComparedReason is { } notComparedPeers)
        {
            notes.Add(notComparedPeers);
        }

        var limits = new FunnelLimitsCache();
        var spreads = Lines.Select(t => Spread(t, data, peers, year)).ToArray();
        var benchmarks = Lines.Select((t, i) => Benchmark(t, data, peers, year, limits, spreads[i], settings.Overdispersion)).ToArray();
        var funnel = Lines.Select((t, i) => (Line: t, Spread: spreads[i]))
            .Where(l => l.Line is null || settings.FunnelForEachCrimeType)
            .SelectMany(l => Funnel(l.Line, data, peers, year, settings, limits, l.Spread)).ToArray();
        var harm = Harm(data, peers, year, baseline, settings);

        var evidence = MatrixEvidence.Add(data, [.. CrimeType.Current.Select((t, i) => Evidence(t, data.Area.For(year), trends[i + 1], benchmarks[i + 1], settings.Harm))]);
        var matrix = ScoringMatrix.Score(settings.Matrix, evidence, settings.Partnership);
        var sensitivity = RankingSensitivity.Analyse(settings.Matrix, evidence, settings.Partnership, matrix, settings.Sensitivity);
        ChangeSincePreviousResult? change = null;
        if (request.Previous is { } previous)
        {
            var sameMatrix = JsonSerializer.Serialize(previous.Methodology.Matrix, AssessmentJson.Options) == JsonSerializer.Serialize(settings.Matrix, AssessmentJson.Options);
            change = ChangeSincePrevious.Compare(matrix, previous.Year, previous.Matrix.Rows.ToDictionary(r => r.CrimeType, r => r.Rank), sameMatrix);
        }

        var result = new AssessmentResult
        {
            GeneratedAt = generatedAt,
            Area = new AssessedArea(data.Area.Area.Code.Value, data.Area.Area.Name, data.Area.Area.Type.DisplayName()),
            Year = year.ToString(),
            YearStatus = yearStatus,
            Baseline = baseline?.ToString(),
            PeerGroup = peerSummary,
            Trends = trends,
            Benchmarks = benchmarks,
            Funnel = funnel,
            Harm = harm,
            Matrix = matrix,
            Sensitivity = sensitivity,
            ChangeSincePrevious = change,
            KeyMessages = [],
            Notes = notes,
            Provenance = request.Provenance,
            Methodology = Methodology(settings, peerSummary.Method),
        };
        return result with { KeyMessages = KeyMessages.Generate(result) };
    }

    /// <summary>The status of a year and why: no data, partial (months), unreliable (reason) or complete.</summary>
    public static (YearStatus Status, string? Note) Status(AreaYear? data, FinancialYear year, UnreliableYears unreliable)
    {
        ArgumentNullException.ThrowIfNull(unreliable);
        if (data is null || data.MonthsWithData <= 0)
        {
            return (YearStatus.NoData, "no data in the store");
        }

        if (!data.IsComplete)
        {
            return (YearStatus.Partial, string.Create(CultureInfo.InvariantCulture, $"{data.MonthsWithData} of 12 months"));
        }

        return unreliable.ReasonFor(year) is { } reason ? (YearStatus.Unreliable, reason) : (YearStatus.Complete, null);
    }

    private static string Describe(YearStatus status) => status switch
    {
        YearStatus.Partial => "a partial year",
        YearStatus.Unreliable => "flagged unreliable",
        YearStatus.NoData => "missing",
        _ => "complete",
    };

    private static FinancialYear? ChooseBaseline(AssessmentRequest request, AreaData area, AssessmentSettings settings, List<string> notes)
    {
        if (request.Baseline is { } chosen)
        {
            var (status, note) = Status(area.For(chosen), chosen, settings.UnreliableYears);
            if (status != YearStatus.Complete)
            {
                notes.Add($"The baseline {chosen} is {Describe(status)} ({note}): changes against it are not compared.");
            }

            return chosen;
        }

        var earliest = area.Years.Count > 0 ? area.Years.Min(y => y.Year) : request.Year;
        var candidate = request.Year.AddYears(-settings.DefaultBaselineYearsBack);
        var skipped = new List<string>();
        while (candidate >= earliest)
        {
            var (status, note) = Status(area.For(candidate), candidate, settings.UnreliableYears);
            if (status == YearStatus.Complete)
            {
                if (skipped.Count > 0)
                {
                    notes.Add($"Baseline {candidate}: the nearer years were not usable ({string.Join("; ", skipped)}).");
                }

                return candidate;
            }

            skipped.Add($"{candidate} {Describe(status)}: {note}");
            candidate = candidate.Previous;
        }

        notes.Add("No complete, reliable baseline year is available: changes against a baseline are not compared.");
        return null;
    }

    private static List<FinancialYear> SeriesYears(AreaData area, FinancialYear last)
    {
        var first = area.Years.Where(y => y.MonthsWithData > 0 && y.Year <= last).Select(y => y.Year).DefaultIfEmpty(last).Min();
        var years = new List<FinancialYear>();
        for (var y = first; y <= last; y = y.Next)
        {
            years.Add(y);
        }

        return years;
    }

    private static RateResult? Rate(AreaYear? data, CrimeType? line) =>
        data is { IsComplete: true, Population: > 0 } ? CrudeRate.Calculate(data.CountOf(line), data.Population.Value, PerThousand) : null;

    private static string LineName(CrimeType? line) => line?.Name ?? AllRecordedCrime;

    private static CrimeTrend Trend(CrimeType? line, AssessmentData data, List<FinancialYear> years, FinancialYear year, FinancialYear? baseline, UnreliableYears unreliable)
    {
        var local = years.Select(y => (Year: y, Data: data.Area.For(y), Status: Status(data.Area.For(y), y, unreliable))).ToArray();
        var national = data.EnglandAndWales;

        // Index base: the baseline when it has a rate, else the first complete reliable year.
        var baseYear = baseline is { } b && local.Any(l => l.Year == b && l.Status.Status == YearStatus.Complete && Rate(l.Data, line)?.Value > 0)
            ? b
            : local.Where(l => l.Status.Status == YearStatus.Complete && Rate(l.Data, line)?.Value > 0).Select(l => (FinancialYear?)l.Year).FirstOrDefault();
        var baseRate = baseYear is { } by ? Rate(data.Area.For(by), line)?.Value : null;
        var nationalBaseRate = baseYear is { } nb ? Rate(national?.For(nb), line)?.Value : null;

        var series = local.Select(l =>
        {
            var rate = Rate(l.Data, line);
            var nationalRate = Rate(national?.For(l.Year), line)?.Value;
            return new TrendYear(
                l.Year.ToString(),
                l.Status.Status,
                l.Status.Note,
                l.Data?.CountOf(line) ?? 0,
                l.Data?.MonthsWithData ?? 0,
                l.Data?.Population,
                rate?.Value,
                rate?.Lower95,
                rate?.Upper95,
                rate?.Value is { } v && baseRate is { } br ? v / br * 100 : null,
                nationalRate,
                nationalRate is { } nv && nationalBaseRate is { } nbr && nbr > 0 ? nv / nbr * 100 : null);
        }).ToArray();

        var sinceLast = Change(line, data.Area, year.Previous, year, unreliable);
        var sinceBaseline = baseline is { } bl ? Change(line, data.Area, bl, year, unreliable) : null;
        var (marker, note, trendYears) = RecentTrendOf(line, data.Area, year, unreliable);
        var nationalMarker = national is null ? TrendMarker.CannotBeCalculated : RecentTrendOf(line, national, year, unreliable).Marker;
        var nationalSinceBaseline = national is not null && baseline is { } nbl ? Change(line, national, nbl, year, unreliable) : null;
        return new CrimeTrend(LineName(line), series, baseYear?.ToString(), sinceLast, sinceBaseline, marker, note, trendYears, nationalMarker, nationalSinceBaseline);
    }

    private static ChangeResult Change(CrimeType? line, AreaData area, FinancialYear from, FinancialYear to, UnreliableYears unreliable)
    {
        var earlier = area.For(from);
        var later = area.For(to);
        var fromCount = earlier?.CountOf(line) ?? 0;
        var toCount = later?.CountOf(line) ?? 0;
        foreach (var (y, d) in new[] { (from, earlier), (to, later) })
        {
            var (status, note) = Status(d, y, unreliable);
            if (status != YearStatus.Complete)
            {
                return ChangeResult.NotCompared(from.ToString(), to.ToString(), fromCount, toCount, $"{y} is {Describe(status)} ({note})");
            }
        }

        if (earlier!.Population is not > 0 || later!.Population is not > 0)
        {
            return ChangeResult.NotCompared(from.ToString(), to.ToString(), fromCount, toCount, "no population for a rate");
        }

        return ChangeResult.Compare(from.ToString(), to.ToString(), fromCount, earlier.Population.Value, toCount, later.Population.Value);
    }

    private static (TrendMarker Marker, string Note, IReadOnlyList<string> Years) RecentTrendOf(CrimeType? line, AreaData area, FinancialYear year, UnreliableYears unreliable)
    {
        // Walk back from the assessment year collecting complete years; unreliable years are stepped over (and named),
        // a partial or missing year ends the run.
        var points = new List<(FinancialYear Year, RateResult Rate)>();
        var skipped = new List<FinancialYear>();
        for (var y = year; points.Count < RecentTrend.Points; y = y.Previous)
        {
            var d = area.For(y);
            var (status, note) = Status(d, y, unreliable);
            if (status == YearStatus.Unreliable)
            {
                skipped.Add(y);
                if (y.StartYear < 1900)
                {
                    break;
                }

                continue;
            }

            if (status != YearStatus.Complete || Rate(d, line) is not { Value: not null } rate)
            {
                var ended = points.Count == 0 ? $"{year} is {Describe(status)}" : $"{y} is {Describe(status)}";
                return (TrendMarker.CannotBeCalculated, $"Needs {RecentTrend.Points} complete years ending in {year}; {ended} ({note ?? "no population"}).", []);
            }

            points.Add((y, rate));
        }

        if (points.Count < RecentTrend.Points)
        {
            return (TrendMarker.CannotBeCalculated, $"Needs {RecentTrend.Points} complete years ending in {year}.", []);
        }

        points.Reverse();
        var trend = RecentTrend.ForRates([.. points.Select(p => new RateTrendPoint(p.Rate.Value, p.Rate.Lower95, p.Rate.Upper95))], Polarity.LowIsGood);
        var text = $"{points[0].Year} to {points[^1].Year}";
        if (skipped.Count > 0)
        {
            text += $", leaving out {string.Join(" and ", skipped.Where(s => s > points[0].Year).OrderBy(s => s))} (unreliable); the five years are treated as equally spaced";
        }

        return (trend.Marker, text, [.. points.Select(p => p.Year.ToString())]);
    }

    /// <summary>A peer used in the comparisons, with its count of each of <see cref="Lines"/> worked out once.</summary>
    private sealed record PeerData(Area Area, AreaYear Year)
    {
        private readonly long[] _counts = CountsOfLines(Year);

        /// <summary>The same as <see cref="AreaYear.CountOf"/> on <see cref="Year"/>.</summary>
        public long CountOf(CrimeType? line) => _counts[line is null ? 0 : LineIndex[line]];
    }

    private static long[] CountsOfLines(AreaYear year)
    {
        var counts = new long[Lines.Count];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = year.CountOf(Lines[i]);
        }

        return counts;
    }

    private static readonly Dictionary<CrimeType, int> LineIndex = CrimeType.Current.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i + 1);

    private static (PeerGroupSummary Summary, List<PeerData> Used) Peers(PeerGroup? group, AssessmentData data, FinancialYear year, AssessmentSettings settings)
    {
        var members = new List<PeerMember>(group?.Peers.Count ?? 0);
        var used = new List<PeerData>((group?.Peers.Count ?? 0) + 1);
        if (group is null)
        {
            return (new PeerGroupSummary("no peer group", settings.IncludeAreaInPeerRate, members)
            {
                NotComparedReason = "No peer group was given, so the area is compared with England and Wales only.",
            }, used);
        }

        if (group.UnavailableReason is { } unavailable)
        {
            return (new PeerGroupSummary(group.Method, settings.IncludeAreaInPeerRate, members) { Source = group.Source, NotComparedReason = unavailable }, used);
        }

        // The first of the data's peers with each code, looked up once per peer rather than searched for.
        var byCode = new Dictionary<AreaCode, AreaData>(data.Peers.Count);
        foreach (var p in data.Peers)
        {
            byCode.TryAdd(p.Area.Code, p);
        }

        var toLoad = new List<(string Name, string Force)>();
        foreach (var code in group.Peers)
        {
            var peer = byCode.GetValueOrDefault(code);
            double? distance = group.Distances.TryGetValue(code, out var d) ? d : null;
            var name = peer?.Area.Name ?? group.Names.GetValueOrDefault(code) ?? code.Value;
            var (status, note) = Status(peer?.For(year), year, UnreliableYears.None);
            string? reason = status switch
            {
                YearStatus.NoData => $"no crime data in the store for {year}",
                YearStatus.Partial => $"partial year in the store: {note}",
                _ when peer!.For(year)!.Population is not > 0 => "no population estimate in the store",
                _ => null,
            };
            if (status is YearStatus.NoData or YearStatus.Partial)
            {
                var forces = PartnershipGeography.Default.ForcesOf(code);
                if (forces.Count > 0)
                {
                    var force = string.Join(" and ", forces.Select(f => f.Name));
                    reason += $"; load {force}'s police.uk street files for {year.FirstMonth} to {year.LastMonth}";
                    toLoad.Add((name, force));
                }
                else
                {
                    toLoad.Add((name, string.Empty));
                }
            }

            members.Add(new PeerMember(code.Value, name, distance, reason is null, reason));
            if (reason is null)
            {
                used.Add(new PeerData(peer!.Area, peer.For(year)!));
            }
        }

        string? notCompared = null;
        string? missing = null;
        if (toLoad.Count > 0)
        {
            var byForce = toLoad.GroupBy(t => t.Force).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key.Length > 0 ? $"{g.Key} ({Text.List([.. g.Select(t => t.Name)])})" : $"the forces of {Text.List([.. g.Select(t => t.Name)])}")
                .ToArray();
            missing = string.Create(
                CultureInfo.InvariantCulture,
                $"{toLoad.Count} of the {group.Peers.Count} peers have no complete crime data in the store for {year}: {Text.List([.. toLoad.Select(t => t.Name)])}. To compare with them, import the police.uk street files for {year.FirstMonth} to {year.LastMonth} of {Text.List(byForce)} (csp import police <files>).");
        }

        if (used.Count == 0)
        {
            notCompared = string.Create(
                CultureInfo.InvariantCulture,
                $"Not compared with similar areas: none of the {group.Peers.Count} peers ({(group.Source.Length > 0 ? group.Source : group.Method)}) has a complete year of crime data and a population in the store for {year}.");
        }

        if (settings.IncludeAreaInPeerRate && used.Count > 0 && data.Area.For(year) is { IsComplete: true, Population: > 0 } own)
        {
            used.Add(new PeerData(data.Area.Area, own));
        }

        return (new PeerGroupSummary(group.Method, settings.IncludeAreaInPeerRate, members) { Source = group.Source, NotComparedReason = notCompared, MissingData = missing }, used);
    }

    /// <summary>
    /// The overdispersion of the line's funnel (the area and its peers around the peer group rate; Spiegelhalter 2005), or
    /// null when there is no peer group rate.
    /// </summary>
    private static OverdispersionEstimate? Spread(CrimeType? line, AssessmentData data, List<PeerData> peers, FinancialYear year)
    {
        var peerPopulation = 0.0;
        long peerCount = 0;
        var units = new List<FunnelUnit>(peers.Count + 1);
        foreach (var p in peers)
        {
            peerPopulation += p.Year.Population!.Value;
            peerCount += p.CountOf(line);
            units.Add(new FunnelUnit(p.CountOf(line), p.Year.Population!.Value));
        }

        if (peers.Count == 0 || !(peerPopulation > 0) || peerCount <= 0)
        {
            return null;
        }

        var code = data.Area.Area.Code;
        if (data.Area.For(year) is { IsComplete: true, Population: > 0 } own && !peers.Any(p => p.Area.Code == code))
        {
            units.Add(new FunnelUnit(own.CountOf(line), own.Population.Value));
        }

        return Overdispersion.Estimate(units, peerCount / peerPopulation * RateMultiplier, FunnelMeasure.Rate, RateMultiplier);
    }

    /// <summary>Whether the allowance for overdispersion is applied to a line: asked for, and found among the area and its peers.</summary>
    private static bool Adjusts(OverdispersionEstimate? spread, OverdispersionMethod method) =>
        spread is not null && Overdispersion.Applied(spread, method) != OverdispersionMethod.None;

    private static ComparisonOutcome OutcomeOf(FunnelPosition position) => position switch
    {
        FunnelPosition.High95 or FunnelPosition.High998 => ComparisonOutcome.Worse,
        FunnelPosition.Low95 or FunnelPosition.Low998 => ComparisonOutcome.Better,
        FunnelPosition.WithinLimits => ComparisonOutcome.Similar,
        _ => ComparisonOutcome.NotCompared,
    };

    private static string? PeerComparisonMethod(OverdispersionEstimate? spread, OverdispersionMethod method) => spread is null
        ? null
        : Adjusts(spread, method)
            ? Overdispersion.MethodName(spread, method)
            : $"The area's 95% confidence interval against the peer group rate, with no allowance for overdispersion ({(method == OverdispersionMethod.None ? "none asked for; " : string.Empty)}{spread.Describe()})";

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static BenchmarkRow Benchmark(CrimeType? line, AssessmentData data, List<PeerData> peers, FinancialYear year, FunnelLimitsCache funnelLimits, OverdispersionEstimate? spread, OverdispersionMethod method)
    {
        var own = data.Area.For(year);
        var rate = Rate(own, line);
        var peerCount = peers.Sum(p => p.CountOf(line));
        var peerPopulation = peers.Sum(p => p.Year.Population!.Value);
        double? peerRate = peerPopulation > 0 ? peerCount / peerPopulation * RateMultiplier : null;
        var national = Rate(data.EnglandAndWales?.For(year), line)?.Value;
        var (status, note) = Status(own, year, UnreliableYears.None);
        var reason = status != YearStatus.Complete ? $"{year} is {Describe(status)} ({note})" : rate is null ? "no population for a rate" : null;

        int? rank = null;
        var groupSize = 0;
        var position = FunnelPosition.NotCompared;
        var unadjustedPosition = FunnelPosition.NotCompared;
        var adjusts = Adjusts(spread, method);
        if (rate?.Value is { } value)
        {
            // The other peers' rates, as many as are below the area's (a loop: this runs for every line of every area).
            var others = 0;
            var below = 0;
            foreach (var p in peers)
            {
                if (p.Area.Code != data.Area.Area.Code)
                {
                    others++;
                    below += p.CountOf(line) / p.Year.Population!.Value * RateMultiplier < value ? 1 : 0;
                }
            }

            groupSize = others + 1;
            rank = others > 0 ? 1 + below : null;
            if (peerRate is { } target && own!.Population is { } population)
            {
                unadjustedPosition = FunnelPlot.Position(value, funnelLimits.RateLimits(target, population, RateMultiplier));
                position = adjusts ? FunnelPlot.Position(value, spread!.Limits(method, population)) : unadjustedPosition;
            }
        }

        var vsPeersUnadjusted = rate is { } r1 ? BenchmarkComparison.Compare(r1, peerRate, Polarity.LowIsGood) : ComparisonOutcome.NotCompared;
        var vsPeers = adjusts && position != FunnelPosition.NotCompared ? OutcomeOf(position) : vsPeersUnadjusted;

        return new BenchmarkRow(
            LineName(line),
            own?.CountOf(line) ?? 0,
            own?.Population,
            rate?.Value,
            rate?.Lower95,
            rate?.Upper95,
            peerCount,
            peerPopulation,
            peerRate,
            vsPeers,
            national,
            rate is { } r2 ? BenchmarkComparison.Compare(r2, national, Polarity.LowIsGood) : ComparisonOutcome.NotCompared,
            rank,
            groupSize,
            position,
            reason)
        {
            PeerComparisonMethod = PeerComparisonMethod(spread, method),
            OverdispersionApplied = adjusts ? method : OverdispersionMethod.None,
            OverdispersionPhi = spread is null ? null : Finite(spread.Phi),
            OverdispersionTau2 = spread is null ? null : Finite(spread.Tau2),
            OverdispersionPValue = spread is null ? null : Finite(spread.PValue),
            VsPeersUnadjusted = vsPeersUnadjusted,
            FunnelPositionUnadjusted = unadjustedPosition,
        };
    }

    private static IEnumerable<FunnelPoint> Funnel(CrimeType? line, AssessmentData data, List<PeerData> peers, FinancialYear year, AssessmentSettings settings, FunnelLimitsCache funnelLimits, OverdispersionEstimate? spread)
    {
        var adjusts = Adjusts(spread, settings.Overdispersion);
        var peerCount = peers.Sum(p => p.CountOf(line));
        var peerPopulation = peers.Sum(p => p.Year.Population!.Value);
        if (peerPopulation <= 0)
        {
            yield break;
        }

        var target = peerCount / peerPopulation * RateMultiplier;
        var code = data.Area.Area.Code;
        var ownYear = data.Area.For(year) is { IsComplete: true, Population: > 0 } complete && !peers.Any(p => p.Area.Code == code) ? complete : null;
        List<(Area Area, AreaYear Year)> points = settings.FunnelPointForEachPeer
            ? [.. peers.Select(p => (p.Area, p.Year))]
            : [.. peers.Where(p => p.Area.Code == code).Select(p => (p.Area, p.Year))]; // the area's own point only, without listing the peers'
        if (ownYear is not null)
        {
            points.Insert(0, (data.Area.Area, ownYear));
        }

        foreach (var (area, y) in points)
        {
            var population = y.Population!.Value;
            var count = y.CountOf(line);
            var rate = count / population * RateMultiplier;
            var exact = funnelLimits.RateLimits(target, population, RateMultiplier);
            var limits = adjusts ? spread!.Limits(settings.Overdispersion, population) : exact;
            yield return new FunnelPoint(LineName(line), area.Code.Value, area.Name, area.Code == data.Area.Area.Code, population, count, rate,
                limits.Lower95, limits.Upper95, limits.Lower998, limits.Upper998, FunnelPlot.Position(rate, limits))
            {
                UnadjustedLower95 = exact.Lower95,
                UnadjustedUpper95 = exact.Upper95,
                UnadjustedLower998 = exact.Lower998,
                UnadjustedUpper998 = exact.Upper998,
                UnadjustedPosition = FunnelPlot.Position(rate, exact),
            };
        }
    }

    private static double HarmOf(AreaYear year, HarmWeights weights)
    {
        // Σ count × weight over the current crime types in their order, from 0 (as Enumerable.Sum adds), without allocating.
        var types = CrimeType.Current;
        var total = 0.0;
        for (var i = 0; i < types.Count; i++)
        {
            total += year.CountOf(types[i]) * (weights.For(types[i])?.Weight ?? 0);
        }

        return total;
    }

    private static HarmResult Harm(AssessmentData data, List<PeerData> peers, FinancialYear year, FinancialYear? baseline, AssessmentSettings settings)
    {
        var own = data.Area.For(year);
        var weights = settings.Harm;
        var complete = own is { IsComplete: true, Population: > 0 };
        var total = own is null ? 0 : HarmOf(own, weights);
        var recorded = own?.RecordedCrime ?? 0;
        var peerPopulation = peers.Sum(p => p.Year.Population!.Value);
        var national = data.EnglandAndWales?.For(year) is { IsComplete: true, Population: > 0 } n ? n : null;

        var rows = CrimeType.Current.Select(t =>
        {
            var count = own?.CountOf(t) ?? 0;
            var weight = weights.For(t)?.Weight;
            var harm = count * (weight ?? 0);
            return new HarmRow(
                t.Name,
                count,
                weight,
                harm,
                total > 0 ? harm / total * 100 : null,
                t != CrimeType.AntiSocialBehaviour && recorded > 0 ? 100.0 * count / recorded : null,
                complete ? harm / own!.Population!.Value * RateMultiplier : null,
                peerPopulation > 0 ? peers.Sum(p => p.CountOf(t)) * (weight ?? 0) / peerPopulation * RateMultiplier : null,
                national is not null ? national.CountOf(t) * (weight ?? 0) / national.Population!.Value * RateMultiplier : null);
        }).OrderByDescending(r => r.Harm).ThenBy(r => r.CrimeType, StringComparer.Ordinal).ToArray();

        double? baselineHarm = baseline is { } b && Status(data.Area.For(b), b, settings.UnreliableYears).Status == YearStatus.Complete
            ? HarmOf(data.Area.For(b)!, weights)
            : null;
        return new HarmResult(
            rows,
            total,
            complete ? total / own!.Population!.Value * RateMultiplier : null,
            peerPopulation > 0 ? peers.Sum(p => HarmOf(p.Year, weights)) / peerPopulation * RateMultiplier : null,
            national is not null ? HarmOf(national, weights) / national.Population!.Value * RateMultiplier : null,
            baselineHarm,
            complete && baselineHarm is > 0 ? (total - baselineHarm.Value) / baselineHarm.Value * 100 : null)
        {
            Source = weights.Source,
            Caveat = weights.Caveat,
        };
    }

    private static CrimeTypeEvidence Evidence(CrimeType type, AreaYear? year, CrimeTrend trend, BenchmarkRow benchmark, HarmWeights harm) => new()
    {
        CrimeType = type,
        Count = year?.CountOf(type) ?? 0,
        Rate = Rate(year, type),
        SharePercent = year is { AllRecords: > 0 } ? 100.0 * year.CountOf(type) / year.AllRecords : null,
        MonthsWithData = year?.MonthsWithData ?? 0,
        Population = year?.Population,
        SinceBaseline = trend.SinceBaseline,
        SinceLastYear = trend.SinceLastYear,
        PeerGroupRate = benchmark.PeerRate,
        NationalRate = benchmark.NationalRate,
        Harm = harm.For(type),
    };

    private static Methodology Methodology(AssessmentSettings settings, string peerMethod) => new(
        settings.Matrix,
        settings.Harm.Source,
        settings.Harm.Notes,
        [.. settings.Harm.All.Select(w => new HarmWeightEntry(w.CrimeType.Name, w.Weight, w.Basis))],
        settings.UnreliableYears.Source,
        [.. settings.UnreliableYears.All.Select(u => new UnreliableYearEntry(u.Year.ToString(), u.Reason))],
        settings.Partnership.Source,
        [.. CrimeType.Current.SelectMany(t => settings.Matrix.Criteria.Where(c => c.Kind is CriterionKind.Partnership or CriterionKind.Deprivation)
            .Select(c => (t, c.Id, Score: settings.Partnership.For(t, c.Id))))
            .Where(p => p.Score is not null)
            .Select(p => new PartnershipScoreEntry(p.t.Name, p.Id, p.Score!.Score, p.Score.Evidence))],
        settings.Sensitivity,
        settings.IncludeAreaInPeerRate,
        peerMethod,
        [
            "Recorded crime: every police.uk category except anti-social behaviour, which is not a crime; anti-social behaviour is assessed as its own line.",
            "Rates per 1,000 residents with 95% and 99.8% confidence limits: Byar's method (counts of 10 or more) or exact Poisson limits (PHE Technical Guide: Confidence Intervals).",
            "Change between two years: exact conditional test of two Poisson rates, 95% two-sided (Breslow & Day 1987, §2.7); percentage changes of counts are shown beside it.",
            "Benchmarking: the area's 95% confidence interval against the benchmark value (PHE Fingertips); the matrix's benchmark criterion uses the method it names. Peer group rate = ΣCount / ΣPopulation over the peers with a complete year.",
            "Recent trend: Fingertips' test for trend on the five most recent complete years, 99.8%; unreliable years are stepped over, partial years end the run.",
            "Funnel plots: exact Poisson control limits around the peer group rate (Spiegelhalter 2005).",
            $"Overdispersion: for each line, φ and τ² are estimated from the winsorised z-scores (10% each tail, square-root scale) of the area and its peers around the peer group rate; when the χ² test finds overdispersion at 5%, the peer comparison and funnel position use the {settings.Overdispersion.ToName()} allowance (Spiegelhalter 2005, Statistics in Medicine 24:1185-1202 and Quality and Safety in Health Care 14:347-351); the unadjusted comparison and position are kept beside them.",
            "Partial years (fewer than 12 months of data) are shown with their months and never compared; years flagged unreliable are shown with the reason and left out of baselines and trends.",
            "Harm: count × harm weight per crime type; harm rates are not tested for significance (the weighted sums have no exact interval in the statistics engine). " + settings.Harm.Caveat,
        ]);
}
