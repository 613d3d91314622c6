using System.Globalization;
using CommunitySafety.Assessment;
using CommunitySafety.Assessment.Trends;
using CommunitySafety.Reports.Disclosure;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Narrative;
using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Builders;

/// <summary>The strategic assessment's pieces as report blocks: overall crime, matrix, benchmarking charts; shared by both reports.</summary>
public static class AssessmentCharts
{
    private static readonly CultureInfo Gb = ValueFormat.Culture;

    /// <summary>The facts for a strategic assessment change (counts, with the engine's test of the rates).</summary>
    /// <param name="subject">What is counted, as it starts a sentence.</param>
    /// <param name="change">The change.</param>
    /// <returns>The facts.</returns>
    public static ChangeFacts Facts(string subject, ChangeResult change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new ChangeFacts
        {
            Subject = subject,
            Period = change.To,
            EarlierPeriod = change.From,
            Value = change.ToCount,
            EarlierValue = change.FromCount,
            Count = change.ToCount,
            EarlierCount = change.FromCount,
            Format = ValueFormat.Count,
            ValueIsCount = true,
            Direction = change.Direction,
            Outcome = change.Outcome,
            PValue = change.PValue,
            SmallNumbers = change.FromCount < 10 || change.ToCount < 10,
            NotComparableReason = change.IsCompared ? null : change.NotComparedReason,
        };
    }

    /// <summary>The overall crime trend: sentences and the indexed local-against-national chart.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="chartId">The chart's id.</param>
    /// <param name="recent">
    /// Monthly counts of the area and a comparator: drawn instead of the yearly chart when fewer than two years can be
    /// indexed (a line needs two points); ignored otherwise.
    /// </param>
    /// <returns>The blocks.</returns>
    public static List<ReportBlock> OverallCrime(AssessmentResult assessment, string chartId, MonthlyTrend? recent = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var trend = assessment.Trends.FirstOrDefault(t => t.CrimeType == StrategicAssessment.AllRecordedCrime) ?? assessment.Trends[0];
        var subject = $"Police recorded crime in {assessment.Area.Name}";
        var sentences = new List<Sentence>();
        if (trend.SinceLastYear is { } last)
        {
            sentences.Add(NarrativeRules.Change(Facts(subject, last)));
        }

        if (trend.SinceBaseline is { } baseline && baseline.From != trend.SinceLastYear?.From)
        {
            sentences.Add(NarrativeRules.Change(Facts($"Since the baseline year, recorded crime", baseline)));
        }

        sentences.Add(NarrativeRules.Trend(subject, trend.TrendMarker, trend.TrendYears.Count > 0 ? $"{trend.TrendYears[0]} to {trend.TrendYears[^1]}" : null));
        if (trend.NationalTrendMarker != TrendMarker.CannotBeCalculated)
        {
            sentences.Add(new Sentence($"Across England and Wales over the same years: {NarrativeRules.Lower(trend.NationalTrendMarker.ToLabel())}.", NarrativeRule.Trend));
        }

        var blocks = new List<ReportBlock> { new NarrativeParagraph(sentences, "Overall crime") };
        var years = trend.Years;
        if (recent is { Months.Count: >= 2 } && years.Count(y => y.Index is not null) < 2)
        {
            blocks.AddRange(Monthly(recent, chartId));
            return blocks;
        }

        var indexed = years.Any(y => y.Index is not null);
        var categories = years.Select(y => y.Year).ToList();
        LineSeries local = indexed
            ? new(assessment.Area.Name, [.. years.Select(y => y.Index)])
            : new(assessment.Area.Name, [.. years.Select(y => y.Rate)]);
        LineSeries national = indexed
            ? new("England and Wales", [.. years.Select(y => y.NationalIndex)], Dashed: true)
            : new("England and Wales", [.. years.Select(y => y.NationalRate)], Dashed: true);
        var unit = indexed ? $"Index ({trend.IndexBaseYear} = 100)" : "Crimes per 1,000 residents";
        var title = trend.SinceLastYear is { } change
            ? NarrativeRules.Headline(Facts(subject, change))
            : $"{subject}, {categories.FirstOrDefault()} to {categories.LastOrDefault()}";
        var rows = years.Select(y => new TableRow(
        [
            y.Year,
            y.Count.ToString("N0", Gb),
            y.Rate is { } r ? r.ToString("N1", Gb) : "–",
            y.Index is { } i ? i.ToString("N1", Gb) : "–",
            y.NationalRate is { } nr ? nr.ToString("N1", Gb) : "–",
            y.NationalIndex is { } ni ? ni.ToString("N1", Gb) : "–",
            y.Status switch { YearStatus.Complete => "Complete", YearStatus.Partial => $"Partial ({y.MonthsWithData} months)", YearStatus.Unreliable => "Unreliable (see note)", _ => "No data" },
        ])).ToList();
        var flagged = years.Where(y => y.Status is YearStatus.Unreliable or YearStatus.Partial).ToList();
        var data = new ReportTable($"Data for the chart: recorded crime, {assessment.Area.Name} and England and Wales",
            [new("Year"), new("Crimes", true), new("Rate per 1,000", true), new("Index", true), new("England and Wales rate", true), new("England and Wales index", true), new("Data")],
            rows)
        {
            Notes = [.. flagged.Where(y => y.Status == YearStatus.Unreliable).Select(y => $"{y.Year} is flagged unreliable: {y.Note}. It is shown for information and left out of baselines and trends.")],
        };
        var description = $"Line chart of recorded crime in {assessment.Area.Name} against England and Wales, {categories.FirstOrDefault()} to {categories.LastOrDefault()}, "
            + (indexed ? $"each indexed to 100 in {trend.IndexBaseYear}. " : "as rates per 1,000 residents. ")
            + string.Join(" ", sentences.Select(s => s.Text))
            + (flagged.Count > 0 ? $" Not comparable: {string.Join(", ", flagged.Select(y => $"{y.Year} ({(y.Status == YearStatus.Partial ? "partial year, no rate" : "flagged unreliable")})"))}." : string.Empty);
        blocks.Add(new ChartBlock(new ReportChart(chartId, title, description, new LineChartSpec(categories, [local, national], indexed ? 100 : null) { YLabel = unit, AxisFromZero = !indexed }, data)));
        return blocks;
    }

    /// <summary>
    /// The monthly chart: the area and its comparator, each indexed to its own monthly average in the year (= 100), so
    /// that their shapes can be compared whatever their size; the counts are in the table.
    /// </summary>
    /// <param name="trend">The monthly counts.</param>
    /// <param name="chartId">The chart's id.</param>
    /// <returns>A sentence and the chart.</returns>
    public static List<ReportBlock> Monthly(MonthlyTrend trend, string chartId)
    {
        ArgumentNullException.ThrowIfNull(trend);
        var inYear = Enumerable.Range(0, trend.Months.Count).Where(i => trend.Months[i].FinancialYear == trend.Year).ToList();
        if (inYear.Count == 0)
        {
            throw new ArgumentException($"The monthly trend has no month in {trend.Year}.", nameof(trend));
        }

        var localMean = inYear.Average(i => (double)trend.Local[i]);
        var comparatorMean = inYear.Average(i => (double)trend.Comparator[i]);
        var localIndex = trend.Local.Select(c => (double?)(c / localMean * 100)).ToList();
        var comparatorIndex = trend.Comparator.Select(c => (double?)(c / comparatorMean * 100)).ToList();
        var labels = trend.Months.Select(MonthLabel).ToList();
        var low = inYear.MinBy(i => trend.Local[i]);
        var high = inYear.MaxBy(i => trend.Local[i]);
        var share = inYear.Sum(i => trend.Local[i]) * 100.0 / inYear.Sum(i => trend.Comparator[i]);
        var first = trend.Months[0];
        var last = trend.Months[^1];
        var sentence = NarrativeRules.MonthlyLevel(trend.AreaName, trend.Year.ToString(), localMean, (trend.Local[low], MonthLabel(trend.Months[low])),
            (trend.Local[high], MonthLabel(trend.Months[high])), share, "the " + trend.ComparatorName);
        var spread = inYear.Max(i => Math.Abs(localIndex[i]!.Value - comparatorIndex[i]!.Value));
        var title = spread < 10
            ? $"Recorded crime in {trend.AreaName} followed the {trend.ComparatorName} month by month ({MonthLabel(first)} to {MonthLabel(last)})"
            : $"Recorded crime in {trend.AreaName} and the {trend.ComparatorName}, {MonthLabel(first)} to {MonthLabel(last)}: the monthly pattern differs by up to {spread.ToString("N0", Gb)} index points";
        var rows = Enumerable.Range(0, trend.Months.Count).Select(i => new TableRow(
        [
            labels[i],
            trend.Local[i].ToString("N0", Gb),
            localIndex[i]!.Value.ToString("N0", Gb),
            trend.Comparator[i].ToString("N0", Gb),
            comparatorIndex[i]!.Value.ToString("N0", Gb),
        ])).ToList();
        var notes = new List<string> { $"Index: each month's count divided by the area's own monthly average in {trend.Year}, times 100. Police recorded crime from police.uk, excluding anti-social behaviour." };
        if (trend.WhyNotNational is { } why)
        {
            notes.Add(why);
        }

        var data = new ReportTable($"Data for the chart: recorded crime by month, {trend.AreaName} and the {trend.ComparatorName}",
            [new("Month"), new($"{trend.AreaName}: crimes", true), new($"{trend.AreaName}: index", true), new($"{trend.ComparatorName}: crimes", true), new($"{trend.ComparatorName}: index", true)], rows)
        {
            Notes = notes,
        };
        var description = $"Line chart of police recorded crime by month from {MonthLabel(first)} to {MonthLabel(last)}: {trend.AreaName} (solid line) and the {trend.ComparatorName} (dashed), "
            + $"each indexed to its own monthly average in {trend.Year} (100). {sentence.Text}" + (trend.WhyNotNational is { } w ? " " + w : string.Empty);
        var spec = new LineChartSpec(labels, [new LineSeries(trend.AreaName, localIndex), new LineSeries(trend.ComparatorName, comparatorIndex, Dashed: true)], 100)
        {
            YLabel = $"Index ({trend.Year} monthly average = 100)",
            AxisFromZero = false,
        };
        return [new NarrativeParagraph([sentence], "Month by month"), new ChartBlock(new ReportChart(chartId, title, description, spec, data))];
    }

    private static string MonthLabel(Periods.YearMonth month) => month.FirstDay.ToString("MMM yyyy", Gb);

    /// <summary>The matrix result in brief: the top priorities and what changed since the previous assessment.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="noPrevious">What to say when the assessment has no previous one to compare with; a general sentence when null.</param>
    /// <returns>The blocks.</returns>
    public static List<ReportBlock> MatrixSummary(AssessmentResult assessment, string? noPrevious = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var blocks = new List<ReportBlock>
        {
            new Paragraph(MatrixSentence(assessment)),
        };
        blocks.Add(new Paragraph(assessment.ChangeSincePrevious?.Summary ?? noPrevious ?? "No previous assessment was supplied, so changes in the ranking are not shown."));
        var rows = assessment.Matrix.Rows.OrderBy(r => r.Rank).Take(Math.Max(assessment.Matrix.TopN, 8)).Select(r =>
        {
            var movement = assessment.ChangeSincePrevious?.Rows.FirstOrDefault(m => m.CrimeType == r.CrimeType);
            var sensitivity = assessment.Sensitivity.Rows.FirstOrDefault(s => s.CrimeType == r.CrimeType);
            return new TableRow(
            [
                r.CrimeType,
                r.Rank.ToString(Gb),
                r.Total.ToString("N1", Gb),
                r.IsTopPriority ? "Yes" : "No",
                movement?.PreviousRank is { } pr ? pr.ToString(Gb) : "–",
                sensitivity?.Robustness ?? "–",
            ]);
        }).ToList();
        blocks.Add(new TableBlock(new ReportTable($"Scoring matrix {assessment.Year}: highest-ranked crime types",
            [new("Crime type"), new("Rank", true), new("Score", true), new("Top priority"), new("Previous rank", true), new("Robustness of rank")], rows)));
        return blocks;
    }

    /// <summary>A bar chart of the areas' rates with 95% intervals against the peer group rate, for one crime type.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="crimeType">The crime type.</param>
    /// <param name="chartId">The chart's id.</param>
    /// <param name="disclosure">Disclosure control (published variant); nothing suppressed when null.</param>
    /// <returns>The chart, or null without peers.</returns>
    public static ReportChart? PeerBars(AssessmentResult assessment, string crimeType, string chartId, AreaCountDisclosure? disclosure = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var points = assessment.Funnel.Where(f => f.CrimeType == crimeType).OrderByDescending(f => f.Rate).ToList();
        var suppressed = (disclosure ?? AreaCountDisclosure.None).Suppress([.. points.Select(p => p.Count)]);
        var row = assessment.Benchmarks.FirstOrDefault(b => b.CrimeType == crimeType);
        if (points.Count < 2 || row?.PeerRate is not { } peerRate)
        {
            return null;
        }

        var perThousand = RateOptions.Default with { Multiplier = StrategicAssessment.RateMultiplier };
        var bars = points.Select((p, i) =>
        {
            var rate = CrudeRate.Calculate(p.Count, p.Population, perThousand);
            var bar = suppressed[i]
                ? new BarItem(p.AreaName + " [c]", null, null, null, ComparisonOutcome.NotCompared, p.IsAssessedArea)
                : new BarItem(p.AreaName, p.Rate, rate.Lower95, rate.Upper95, FromFunnel(p.Position), p.IsAssessedArea);
            return (Point: p, Rate: rate, Bar: bar, Suppressed: suppressed[i]);
        }).ToList();
        var ownIndex = points.FindIndex(p => p.IsAssessedArea);
        var own = ownIndex >= 0 && !suppressed[ownIndex] ? points[ownIndex] : null;
        var title = own is null
            ? $"{crimeType}: rates of the peer group"
            : $"{crimeType} in {own.AreaName}: {row.VsPeers.ToLabel().ToLowerInvariant()} compared with its peer group ({own.Rate.ToString("N1", Gb)} against {peerRate.ToString("N1", Gb)} per 1,000)";
        var withheld = suppressed.Count(f => f);
        var description = $"Horizontal bar chart of {NarrativeRules.Lower(crimeType)} per 1,000 residents in {assessment.Year} for {points.Count} areas, highest first, each with a line showing the range its true rate is 95% likely to lie in, and a dashed line at the peer group rate of {peerRate.ToString("N1", Gb)}. "
            + (own is not null ? $"{own.AreaName} ({own.Rate.ToString("N1", Gb)}) ranks {row.RankInGroup} of {row.GroupSize} from lowest." : string.Empty)
            + (withheld > 0 ? $" {withheld} {(withheld == 1 ? "area's bar is" : "areas' bars are")} withheld because of small counts." : string.Empty);
        var sup = new TableCell(SmallCountSuppression.Symbol, CellStatus.Suppressed);
        var rows = bars.Select(b => new TableRow(
        [
            b.Point.AreaName + (b.Point.IsAssessedArea ? " (this area)" : string.Empty),
            b.Suppressed ? sup : b.Point.Count.ToString("N0", Gb),
            b.Point.Population.ToString("N0", Gb),
            b.Suppressed ? sup : b.Point.Rate.ToString("N1", Gb),
            b.Suppressed ? sup : $"{b.Rate.Lower95?.ToString("N1", Gb)} to {b.Rate.Upper95?.ToString("N1", Gb)}",
            new TableCell(b.Point.Position.ToLabel(), Labels.OutcomeStatusOf(FromFunnel(b.Point.Position))),
        ])).ToList();
        var data = new ReportTable($"Data for the chart: {NarrativeRules.Lower(crimeType)} by area, {assessment.Year}",
            [new("Area"), new("Crimes", true), new("Population", true), new("Rate per 1,000", true), new("95% interval", true), new("Funnel plot position")], rows)
        {
            Notes = withheld > 0 ? [SmallCountSuppression.Note((disclosure ?? AreaCountDisclosure.None).Threshold)] : [],
        };
        return new ReportChart(chartId, title, description, new BarChartSpec([.. bars.Select(b => b.Bar)], peerRate, "Peer group rate") { XLabel = "Crimes per 1,000 residents" }, data);
    }

    /// <summary>The funnel plot of one crime type across the peer group.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="crimeType">The crime type.</param>
    /// <param name="chartId">The chart's id.</param>
    /// <param name="disclosure">Disclosure control (published variant); nothing suppressed when null.</param>
    /// <returns>The chart, or null without peers.</returns>
    public static ReportChart? Funnel(AssessmentResult assessment, string crimeType, string chartId, AreaCountDisclosure? disclosure = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var points = assessment.Funnel.Where(f => f.CrimeType == crimeType).OrderBy(f => f.Population).ToList();
        var suppressed = (disclosure ?? AreaCountDisclosure.None).Suppress([.. points.Select(p => p.Count)]);
        var row = assessment.Benchmarks.FirstOrDefault(b => b.CrimeType == crimeType);
        if (points.Count < 2 || row?.PeerRate is not { } target)
        {
            return null;
        }

        var ownIndex = points.FindIndex(p => p.IsAssessedArea);
        var own = ownIndex >= 0 && !suppressed[ownIndex] ? points[ownIndex] : null;
        var outside = points.Count(p => p.Position is not FunnelPosition.WithinLimits);
        var withheld = suppressed.Count(f => f);
        var title = own is null
            ? $"{crimeType}: {outside} of {points.Count} areas outside the 95% limits"
            : $"{crimeType}: {own.AreaName} is {own.Position.ToLabel().ToLowerInvariant()} on the funnel plot";
        var adjusted = row.OverdispersionApplied != OverdispersionMethod.None && row.OverdispersionPhi is { } phi && row.OverdispersionTau2 is { } tau2 && row.OverdispersionPValue is { } pValue;
        var unadjustedOutside = points.Count(p => p.UnadjustedPosition is not FunnelPosition.WithinLimits);
        var description = $"Funnel plot of {NarrativeRules.Lower(crimeType)} per 1,000 residents against population for {points.Count} areas in {assessment.Year}, with 95% and 99.8% control limits around the peer group rate of {target.ToString("N1", Gb)}"
            + (adjusted ? $", widened because similar areas differ by more than chance ({row.PeerComparisonMethod})" : string.Empty)
            + $". {outside} of {points.Count} areas lie outside the 95% limits"
            + (adjusted ? $" ({unadjustedOutside} without the allowance)." : ".")
            + (withheld > 0 ? $" {withheld} {(withheld == 1 ? "area is" : "areas are")} not plotted because of small counts." : string.Empty);
        var sup = new TableCell(SmallCountSuppression.Symbol, CellStatus.Suppressed);
        var rows = points.Select((p, i) => new TableRow(
        [
            p.AreaName + (p.IsAssessedArea ? " (this area)" : string.Empty),
            p.Population.ToString("N0", Gb),
            suppressed[i] ? sup : p.Rate.ToString("N1", Gb),
            $"{p.Lower95.ToString("N1", Gb)} to {p.Upper95.ToString("N1", Gb)}",
            $"{p.Lower998.ToString("N1", Gb)} to {p.Upper998.ToString("N1", Gb)}",
            new TableCell(p.Position.ToLabel(), Labels.OutcomeStatusOf(FromFunnel(p.Position))),
            p.UnadjustedPosition.ToLabel(),
        ])).ToList();
        var data = new ReportTable($"Data for the chart: funnel plot of {NarrativeRules.Lower(crimeType)}, {assessment.Year}",
            [new("Area"), new("Population", true), new("Rate per 1,000", true), new("95% limits", true), new("99.8% limits", true), new("Position"), new("Position without allowance for overdispersion")], rows)
        {
            Notes = withheld > 0 ? [SmallCountSuppression.Note((disclosure ?? AreaCountDisclosure.None).Threshold)] : [],
        };
        // The drawn limits are the ones the positions were judged against: widened by the same φ or τ² when the allowance applies.
        OverdispersionEstimate? estimate = adjusted
            ? new OverdispersionEstimate(FunnelMeasure.Rate, target, StrategicAssessment.RateMultiplier, points.Count, Overdispersion.DefaultWinsoriseFraction, row.OverdispersionPhi!.Value, points.Count * row.OverdispersionPhi.Value, points.Count - 1, row.OverdispersionPValue!.Value, Overdispersion.DefaultSignificance, row.OverdispersionTau2!.Value)
            : null;
        var method = row.OverdispersionApplied;
        var spec = new FunnelChartSpec([.. points.Where((_, i) => !suppressed[i]).Select(p => new FunnelChartPoint(p.AreaName, p.Population, p.Rate, p.IsAssessedArea))], target, StrategicAssessment.RateMultiplier, adjusted ? "Peer group rate (limits allow for overdispersion)" : "Peer group rate")
        {
            XLabel = "Population",
            YLabel = "Crimes per 1,000 residents",
            LimitsAt = estimate is null ? null : n => estimate.Limits(method, n),
        };
        return new ReportChart(chartId, title, description, spec, data);
    }

    /// <summary>The spine chart of every crime type: the area's rate against the spread of its peers.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="chartId">The chart's id.</param>
    /// <returns>The chart, or null without peers.</returns>
    public static ReportChart? Spine(AssessmentResult assessment, string chartId)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var rows = new List<SpineRow>();
        foreach (var b in assessment.Benchmarks)
        {
            var peers = assessment.Funnel.Where(f => f.CrimeType == b.CrimeType && !f.IsAssessedArea).Select(f => (double?)f.Rate);
            if (Percentiles.Summarise(peers) is { Count: >= 2 } s)
            {
                rows.Add(new SpineRow(b.CrimeType, b.Rate, s.Minimum, s.P25, s.P75, s.Maximum, b.PeerRate, b.VsPeers));
            }
        }

        if (rows.Count == 0)
        {
            return null;
        }

        var worse = rows.Where(r => r.Outcome is ComparisonOutcome.Worse or ComparisonOutcome.Worst).Select(r => r.Label).ToList();
        var better = rows.Count(r => r.Outcome is ComparisonOutcome.Better or ComparisonOutcome.Best);
        var title = worse.Count == 0
            ? $"{assessment.Area.Name}: no crime type significantly worse than its peer group ({better} better)"
            : $"{assessment.Area.Name}: {worse.Count} of {rows.Count} crime types significantly worse than the peer group";
        var description = $"Spine chart of {rows.Count} crime types in {assessment.Year}. For each, a grey bar spans the lowest to highest peer rate with the middle half darker, a line marks the peer group rate, and a dot marks {assessment.Area.Name}. "
            + (worse.Count > 0 ? $"Significantly worse: {string.Join(", ", worse)}. " : string.Empty)
            + $"{better} significantly better.";
        var table = new ReportTable($"Data for the chart: rates per 1,000 residents, {assessment.Area.Name} and its peers, {assessment.Year}",
            [new("Crime type"), new(assessment.Area.Name, true), new("Peer group rate", true), new("Lowest", true), new("25th percentile", true), new("75th percentile", true), new("Highest", true), new("Compared with peers")],
            [.. rows.Select(r => new TableRow(
            [
                r.Label, r.Value?.ToString("N2", Gb) ?? "–", r.Benchmark?.ToString("N2", Gb) ?? "–", r.Minimum.ToString("N2", Gb), r.Percentile25.ToString("N2", Gb),
                r.Percentile75.ToString("N2", Gb), r.Maximum.ToString("N2", Gb), new TableCell(r.Outcome.ToLabel(), Labels.OutcomeStatusOf(r.Outcome)),
            ]))]);
        return new ReportChart(chartId, title, description, new SpineChartSpec(rows, "Peer group rate"), table);
    }

    internal static ComparisonOutcome FromFunnel(FunnelPosition position) => position switch
    {
        FunnelPosition.High95 or FunnelPosition.High998 => ComparisonOutcome.Worse,
        FunnelPosition.Low95 or FunnelPosition.Low998 => ComparisonOutcome.Better,
        FunnelPosition.WithinLimits => ComparisonOutcome.Similar,
        _ => ComparisonOutcome.NotCompared,
    };
    /// <summary>
    /// What the matrix ranked on and what came top: only the criteria it could score (the others are named as not scored),
    /// and, when equal totals put more crime types than places in the top N, how many.
    /// </summary>
    private static string MatrixSentence(AssessmentResult assessment)
    {
        var matrix = assessment.Matrix;
        var basis = matrix.Basis.Length > 0 ? " " + matrix.Basis : string.Empty;
        var top = matrix.TopPriorities;
        var topText = !matrix.IsRanked ? string.Empty
            : top.Count > matrix.TopN
                ? $" Equal totals put {top.Count} crime types in the top {matrix.TopN} places: {string.Join(", ", top)}."
                : $" The {matrix.TopN} highest-scoring crime types are: {string.Join(", ", top)}.";
        return $"The scoring matrix of the strategic assessment {assessment.Year} ranks each crime type on the evidence it has.{basis}{topText}";
    }
}
