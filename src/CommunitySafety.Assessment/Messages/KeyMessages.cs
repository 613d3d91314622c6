using System.Globalization;
using CommunitySafety.Assessment.Internals;
using CommunitySafety.Assessment.Sensitivity;
using CommunitySafety.Assessment.Trends;
using CommunitySafety.Statistics;

namespace CommunitySafety.Assessment.Messages;

/// <summary>
/// The key messages of an assessment: short plain-English findings, each from one rule over the results, stated
/// only when the statistics support it (a rate is "higher" only when significantly so; a change is an "increase"
/// only when significant; nothing is compared across a partial or unreliable year). Counts and percentages are
/// given together.
/// </summary>
public static class KeyMessages
{
    /// <summary>The rules in the order their messages are listed.</summary>
    public static IReadOnlyList<(string Id, Func<AssessmentResult, KeyMessage?> Rule)> Rules { get; } =
    [
        ("data-caveats", DataCaveats),
        ("comparators", Comparators),
        ("rate-vs-peers", RateVsPeers),
        ("rate-vs-national", RateVsNational),
        ("overall-change", OverallChange),
        ("trend-vs-national", TrendVsNational),
        ("significant-increases", r => SignificantChanges(r, Direction.Higher)),
        ("significant-decreases", r => SignificantChanges(r, Direction.Lower)),
        ("rolling-changes", RollingChanges),
        ("largest-share", LargestShare),
        ("harm-concentration", HarmConcentration),
        ("top-priorities", TopPriorities),
        ("criteria-not-scored", CriteriaNotScored),
        ("change-since-previous", ChangeSincePreviousAssessment),
    ];

    /// <summary>Runs every rule and keeps the messages they produce.</summary>
    public static IReadOnlyList<KeyMessage> Generate(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. Rules.Select(r => r.Rule(result)).OfType<KeyMessage>()];
    }

    private static BenchmarkRow? All(AssessmentResult r) => r.Benchmarks.FirstOrDefault(b => b.CrimeType == StrategicAssessment.AllRecordedCrime);

    private static CrimeTrend? AllTrend(AssessmentResult r) => r.Trends.FirstOrDefault(t => t.CrimeType == StrategicAssessment.AllRecordedCrime);

    /// <summary>A partial assessment year, or unreliable years inside the series.</summary>
    internal static KeyMessage? DataCaveats(AssessmentResult r)
    {
        var parts = new List<string>();
        var all = AllTrend(r);
        if (r.YearStatus == YearStatus.Partial && all?.Years.LastOrDefault() is { } last)
        {
            parts.Add($"Figures for {r.Year} cover {last.MonthsWithData} of 12 months, so they are reported as partial and not compared with other years or areas.");
        }

        if (r.YearStatus == YearStatus.Complete && all is { Years.Count: > 1 } && all.Years[^2] is { Status: YearStatus.Partial } before)
        {
            parts.Add($"The data for {before.Year} cover only {before.MonthsWithData} of its 12 months, so {r.Year} is not compared with {before.Year}.");
        }

        if (all is not null)
        {
            foreach (var y in all.Years.Where(y => y.Status == YearStatus.Unreliable))
            {
                parts.Add($"{y.Year} is left out of baselines and trends: {y.Note}.");
            }
        }

        if (r.Provenance is { } provenance)
        {
            parts.Add(provenance.PopulationYear is { } y
                ? $"Crime rates are per 1,000 residents, using the ONS estimate of {r.Area.Name}'s population in mid-{y}."
                : $"There is no population estimate for {r.Area.Name} in the data, so no crime rates are given.");
            if (provenance.PopulationWarning is not null && provenance.PopulationYear is { } stale)
            {
                parts.Add($"That estimate is {YearsBefore(r.Year, stale)} years older than {r.Year}, so the rates may be out of date.");
            }
        }

        return parts.Count == 0 ? null : new KeyMessage("data-caveats", string.Join(" ", parts));
    }

    /// <summary>Which similar areas the area is compared with (and where the list comes from), which could not be, and whether England and Wales is a comparator.</summary>
    internal static KeyMessage? Comparators(AssessmentResult r)
    {
        var parts = new List<string>();
        var group = r.PeerGroup;
        var fromOns = group.Source.StartsWith("ONS", StringComparison.Ordinal);
        // Where the list comes from: ONS's published table, the partnership's file, or (no source) a group made here, e.g. --nearest.
        var listed = fromOns ? $"its {Text.Count(group.Members.Count)} most similar areas as published by ONS (statistical nearest neighbours, October 2025)"
            : group.Source.Length > 0 ? $"the {Text.Count(group.Members.Count)} similar areas in the partnership's own list ({group.Source})"
            : $"the {Text.Count(group.Members.Count)} areas of its peer group ({group.Method})";
        if (group.Method == "no peer group" && group.NotComparedReason is not null)
        {
            parts.Add(group.Members.Count == 0 && group.Source.Length == 0 && group.NotComparedReason.StartsWith("No peer group", StringComparison.Ordinal)
                ? $"{r.Area.Name} is not compared with similar areas: no list of similar areas was given."
                : $"{r.Area.Name} is not compared with similar areas: ONS does not publish a list of similar areas for it, and the partnership has not supplied one.");
        }
        else if (!group.IsCompared)
        {
            parts.Add($"{r.Area.Name} is not compared with similar areas: none of {listed} has police data loaded for {r.Year}.");
        }
        else
        {
            var used = group.Members.Where(m => m.Included).Select(m => m.Name).ToArray();
            parts.Add(used.Length == group.Members.Count
                ? $"{r.Area.Name} is compared with {listed}."
                : $"{r.Area.Name} is compared with {Text.Count(used.Length)} of {listed} ({Text.List(used)}); the others have no police data loaded for {r.Year}.");
        }

        if (r.Provenance is { IsNationalCompared: false } p)
        {
            parts.Add($"It is not compared with England and Wales, because police data for only {p.NationalCoverage} are loaded.");
        }

        return parts.Count == 0 ? null : new KeyMessage("comparators", string.Join(" ", parts));
    }

    /// <summary>The matrix criteria not scored for the area (no evidence), and what the ranking rests on instead.</summary>
    internal static KeyMessage? CriteriaNotScored(AssessmentResult r)
    {
        if (r.Matrix.Criteria.Count > 0)
        {
            var not = r.Matrix.NotScored;
            if (not.Count == 0)
            {
                return null;
            }

            var scored = r.Matrix.Criteria.Where(c => c.IsScored).Select(c => Text.Lower(c.Name)).ToArray();
            var names = Text.List([.. not.Select(c => Text.Lower(c.Name))]);
            return new KeyMessage(
                "criteria-not-scored",
                scored.Length == 0
                    ? $"The priority matrix could not be scored: there was no evidence for {names}."
                    : $"The priority ranking uses {scored.Length} of the {r.Matrix.Criteria.Count} criteria ({Text.List(scored)}). There was no evidence for {names}, so {(not.Count == 1 ? "it was" : "they were")} left out rather than given a made-up score.");
        }

        // A result without criteria statuses (saved before they existed): the scores marked missing.
        var missing = r.Methodology.Matrix.Criteria
            .Where(c => r.Matrix.Rows.Any(row => row.Scores.Any(s => s.CriterionId == c.Id && s.IsMissing)))
            .Select(c => Text.Lower(c.Name))
            .ToArray();
        return missing.Length == 0
            ? null
            : new KeyMessage("criteria-not-scored", $"The priority ranking had no evidence on {Text.List(missing)}.");
    }

    private static int YearsBefore(string year, int midYear) =>
        int.Parse(year.AsSpan(0, 4), CultureInfo.InvariantCulture) - midYear;

    /// <summary>"There were 28,119 police recorded crimes in Portsmouth during 2021/22, a rate of 131 per 1,000 residents, higher than the average for similar areas (111 per 1,000)."</summary>
    internal static KeyMessage? RateVsPeers(AssessmentResult r)
    {
        if (All(r) is not { Rate: { } rate, PeerRate: { } peer } row || row.VsPeers == ComparisonOutcome.NotCompared)
        {
            return null;
        }

        return new KeyMessage(
            "rate-vs-peers",
            $"There were {Text.Count(row.Count)} police recorded crimes in {r.Area.Name} during {r.Year}, which equates to a crime rate of {Text.Rate(rate)} per 1,000 residents and is {Relation(row.VsPeers, rate, peer, "the average for similar areas")}."
            + (row.OverdispersionApplied != OverdispersionMethod.None
                ? " This judgement allows for the fact that similar areas differ from one another by more than chance alone"
                    + (row.VsPeersUnadjusted != row.VsPeers ? $"; without that allowance the rate would be called {Relation(row.VsPeersUnadjusted, rate, peer, "the average").Split(" (", 2)[0]}." : ".")
                : string.Empty));
    }

    /// <summary>The recorded crime rate against England and Wales.</summary>
    internal static KeyMessage? RateVsNational(AssessmentResult r)
    {
        if (All(r) is not { Rate: { } rate, NationalRate: { } national } row || row.VsNational == ComparisonOutcome.NotCompared)
        {
            return null;
        }

        return new KeyMessage(
            "rate-vs-national",
            $"{r.Area.Name}'s recorded crime rate in {r.Year} ({Text.Rate(rate)} per 1,000) is {Relation(row.VsNational, rate, national, "the rate for England and Wales")}.");
    }

    /// <summary>Recorded crime against the baseline, with the national change when known.</summary>
    internal static KeyMessage? OverallChange(AssessmentResult r)
    {
        if (AllTrend(r)?.SinceBaseline is not { IsCompared: true } change)
        {
            return null;
        }

        var what = change.Direction switch
        {
            Direction.Higher => $"Overall recorded crime has increased significantly compared with {change.From}",
            Direction.Lower => $"Overall recorded crime has fallen significantly compared with {change.From}",
            _ => $"Overall levels of recorded crime have remained stable compared with {change.From}",
        };
        var text = $"{what} ({Counts(change)}{(change.IsSignificant ? string.Empty : ", not a significant change")}).";
        if (AllTrend(r)?.NationalSinceBaseline is { IsCompared: true } national)
        {
            text += national.Direction == change.Direction
                ? $" This is consistent with the national picture (England and Wales {SignedPercent(national.CountPercentChange)})."
                : $" Nationally, recorded crime {Verb(national.Direction)} over the same period (England and Wales {SignedPercent(national.CountPercentChange)}).";
        }

        return new KeyMessage("overall-change", text);
    }

    /// <summary>The recent trend of recorded crime against England and Wales's, when both can be calculated.</summary>
    internal static KeyMessage? TrendVsNational(AssessmentResult r)
    {
        if (AllTrend(r) is not { } t || t.TrendMarker == TrendMarker.CannotBeCalculated || t.NationalTrendMarker == TrendMarker.CannotBeCalculated)
        {
            return null;
        }

        var local = t.TrendMarker.ToLabel().ToLowerInvariant();
        var national = t.NationalTrendMarker.ToLabel().ToLowerInvariant();
        var same = Trend(t.TrendMarker) == Trend(t.NationalTrendMarker);
        var first = t.TrendYears[0];
        var last = t.TrendYears[^1];
        var left = t.Years.Where(y => y.Status == YearStatus.Unreliable && string.CompareOrdinal(y.Year, first) > 0 && string.CompareOrdinal(y.Year, last) < 0).Select(y => y.Year).ToArray();
        var span = $"from {first} to {last}" + (left.Length > 0 ? $" (without {Text.List(left)})" : string.Empty);
        return new KeyMessage(
            "trend-vs-national",
            same
                ? $"The trend in recorded crime {span} is {Phrase(local)}, in line with England and Wales."
                : $"The trend in recorded crime {span} is {Phrase(local)}, while in England and Wales it is {Phrase(national)}.");
    }

    /// <summary>Crime types with a significant increase (or decrease) since the baseline, largest change first.</summary>
    internal static KeyMessage? SignificantChanges(AssessmentResult r, Direction direction)
    {
        var changes = r.Trends
            .Where(t => t.CrimeType != StrategicAssessment.AllRecordedCrime && t.SinceBaseline is { IsCompared: true } c && c.Direction == direction)
            .Select(t => (t.CrimeType, Change: t.SinceBaseline!))
            .OrderByDescending(c => Math.Abs(c.Change.CountPercentChange ?? 0))
            .ToArray();
        if (changes.Length == 0)
        {
            return null;
        }

        var items = changes.Select(c => $"{Text.Lower(c.CrimeType)} ({Counts(c.Change)})").ToArray();
        var word = direction == Direction.Higher ? "increases" : "decreases";
        return new KeyMessage(
            direction == Direction.Higher ? "significant-increases" : "significant-decreases",
            $"There have been statistically significant {word} since {changes[0].Change.From} in {Text.List(items)}.");
    }

    /// <summary>
    /// Significant changes over the latest complete 12 months against the 12 before (the matrix's rolling trend), which
    /// exist even when the financial year before is partial; largest change first.
    /// </summary>
    internal static KeyMessage? RollingChanges(AssessmentResult r)
    {
        var changes = r.Matrix.RollingChanges
            .Where(c => c.Value is { IsCompared: true, IsSignificant: true })
            .OrderByDescending(c => Math.Abs(c.Value.CountPercentChange ?? 0)).ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToArray();
        if (changes.Length == 0 || r.Matrix.TrendPeriods is not { } periods)
        {
            return null;
        }

        var span = periods.Split(" (", 2)[0].Split(" against ", 2);
        var when = span.Length == 2 ? $"Comparing the latest 12 months ({span[0]}) with the 12 before ({span[1]})" : $"Over the latest 12 months ({span[0]})";
        string Items(Direction d) => Text.List([.. changes.Where(c => c.Value.Direction == d).Select(c => $"{Text.Lower(c.Key)} ({Counts(c.Value)})")]);
        var parts = new List<string>();
        if (changes.Any(c => c.Value.Direction == Direction.Higher))
        {
            parts.Add($"statistically significant increases in {Items(Direction.Higher)}");
        }

        if (changes.Any(c => c.Value.Direction == Direction.Lower))
        {
            parts.Add($"statistically significant decreases in {Items(Direction.Lower)}");
        }

        return new KeyMessage("rolling-changes", $"{when}, there were {string.Join(", and ", parts)}.");
    }

    /// <summary>The crime type with the largest share of recorded crime.</summary>
    internal static KeyMessage? LargestShare(AssessmentResult r)
    {
        if (r.YearStatus is YearStatus.Partial or YearStatus.NoData || All(r) is not { Count: > 0 } all)
        {
            return null;
        }

        var largest = r.Benchmarks
            .Where(b => b.CrimeType != StrategicAssessment.AllRecordedCrime && b.CrimeType != Crime.CrimeType.AntiSocialBehaviour.Name)
            .OrderByDescending(b => b.Count).ThenBy(b => b.CrimeType, StringComparer.Ordinal).First();
        var share = 100.0 * largest.Count / all.Count;
        return new KeyMessage(
            "largest-share",
            $"{largest.CrimeType} is the largest category of recorded crime, accounting for {Text.Percent(share)} of crimes recorded by police in {r.Year} ({Text.Count(largest.Count)} of {Text.Count(all.Count)}).");
    }

    /// <summary>The crime type carrying the most harm, when its share of harm exceeds its share of crime.</summary>
    internal static KeyMessage? HarmConcentration(AssessmentResult r)
    {
        if (r.YearStatus is YearStatus.Partial or YearStatus.NoData || r.Harm.TotalHarm <= 0)
        {
            return null;
        }

        var top = r.Harm.Rows[0];
        if (top.HarmSharePercent is not { } harmShare || top.CountSharePercent is not { } countShare || harmShare <= countShare)
        {
            return null;
        }

        return new KeyMessage(
            "harm-concentration",
            $"Weighted by harm, {Text.Lower(top.CrimeType)} accounts for an estimated {Text.Percent(harmShare)} of the harm from recorded crime, against {Text.Percent(countShare)} of the number of crimes ({Text.Count(top.Count)}). {HarmCaveat}");
    }

    /// <summary>The harm caveat in board members' words.</summary>
    internal const string HarmCaveat =
        "This is an estimate: each crime category is given one average seriousness weight (from the ONS Crime Severity Score), and each category mixes minor and serious offences.";

    /// <summary>The top priorities of the matrix and how robust each is to the weights.</summary>
    internal static KeyMessage? TopPriorities(AssessmentResult r)
    {
        var top = r.Matrix.Rows.Where(m => m.IsTopPriority).ToArray();
        if (top.Length == 0)
        {
            return null;
        }

        var text = $"The highest-scoring crime types in the priority matrix are {Text.List([.. top.Select(m => $"{Text.Lower(m.CrimeType)} ({m.Total.ToString("0.#", CultureInfo.InvariantCulture)})")])}.";
        if (top.Length > r.Matrix.TopN)
        {
            text += $" Equal totals put {top.Length} crime types in the top {r.Matrix.TopN} places.";
        }

        var sensitivity = r.Sensitivity.Rows.ToDictionary(s => s.CrimeType);
        var varied = string.IsNullOrEmpty(r.Sensitivity.Varied) ? "weights" : r.Sensitivity.Varied;
        if (!r.Sensitivity.RestsOnEnoughCriteria)
        {
            // Too few criteria were scored for any place to be called robust, however often it stays at the top.
            var shares = top.Select(m => $"{Text.Lower(m.CrimeType)} {Text.Percent(100 * sensitivity[m.CrimeType].TopNShare)}").ToArray();
            text += $" The ranking uses too few criteria for any place in it to be called certain. In {Text.Count(r.Sensitivity.Draws)} variations of the {varied}, the share in which each stayed in the top {r.Matrix.TopN} was: {Text.List(shares)}.";
            return new KeyMessage("top-priorities", text);
        }

        var robust = top.Where(m => sensitivity[m.CrimeType].Robustness == RankingSensitivity.RobustPriority).Select(m => Text.Lower(m.CrimeType)).ToArray();
        var fragile = top.Where(m => sensitivity[m.CrimeType].Robustness != RankingSensitivity.RobustPriority)
            .Select(m => $"{Text.Lower(m.CrimeType)} ({Text.Percent(100 * sensitivity[m.CrimeType].TopNShare)} of draws)").ToArray();
        var pct = Text.Percent(100 * r.Methodology.Sensitivity.RobustShare);
        var variations = varied == "weights" ? $"the weights (±{Text.Percent(100 * r.Sensitivity.Spread)})" : $"the {varied}";
        if (robust.Length > 0)
        {
            text += $" {Text.Sentence(Text.List(robust))} {(robust.Length == 1 ? "stays" : "stay")} in the top {r.Matrix.TopN} in at least {pct} of {Text.Count(r.Sensitivity.Draws)} variations of {variations}.";
        }

        if (fragile.Length > 0)
        {
            text += $" The place of {Text.List(fragile)} depends on the {varied}.";
        }

        return new KeyMessage("top-priorities", text);
    }

    /// <summary>The change in the top priorities since the previous assessment.</summary>
    internal static KeyMessage? ChangeSincePreviousAssessment(AssessmentResult r) =>
        r.ChangeSincePrevious is { } c ? new KeyMessage("change-since-previous", c.Summary) : null;

    private static string Relation(ComparisonOutcome outcome, double rate, double benchmark, string what)
    {
        var percent = Text.Percent(benchmark > 0 ? Math.Abs(rate - benchmark) / benchmark * 100 : 0);
        var value = $"{Text.Rate(benchmark)} per 1,000";
        return outcome switch
        {
            ComparisonOutcome.Worse or ComparisonOutcome.Worst or ComparisonOutcome.Higher => $"higher than {what} ({value}; {percent} higher)",
            ComparisonOutcome.Better or ComparisonOutcome.Best or ComparisonOutcome.Lower => $"lower than {what} ({value}; {percent} lower)",
            _ => $"not significantly different from {what} ({value})",
        };
    }

    private static string Counts(ChangeResult c) =>
        $"from {Text.Count(c.FromCount)} to {Text.Count(c.ToCount)}, {SignedPercent(c.CountPercentChange)}";

    private static string SignedPercent(double? value) =>
        value is { } v ? (Math.Round(v, MidpointRounding.AwayFromZero) >= 0 ? "+" : "−") + Text.Percent(Math.Abs(v)) : "change not available";

    private static string Verb(Direction direction) => direction switch
    {
        Direction.Higher => "increased significantly",
        Direction.Lower => "fell significantly",
        _ => "remained stable",
    };

    private static string Phrase(string label) => label == "no significant change" ? "showing no significant change" : label;

    private static int Trend(TrendMarker marker) => marker switch
    {
        TrendMarker.Increasing or TrendMarker.IncreasingAndGettingBetter or TrendMarker.IncreasingAndGettingWorse => 1,
        TrendMarker.Decreasing or TrendMarker.DecreasingAndGettingBetter or TrendMarker.DecreasingAndGettingWorse => -1,
        _ => 0,
    };
}
