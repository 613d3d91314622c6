using System.Globalization;
using CommunitySafety.Assessment;
using CommunitySafety.Assessment.Harm;
using CommunitySafety.Assessment.Trends;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Narrative;
using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Builders;

/// <summary>Choices for the strategic assessment report.</summary>
public sealed record AssessmentReportOptions
{
    /// <summary>Internal or published.</summary>
    public ReportVariant Variant { get; init; }

    /// <summary>Counts below this are suppressed in the published variant.</summary>
    public int DisclosureThreshold { get; init; } = Disclosure.SmallCountSuppression.DefaultThreshold;

    /// <summary>Who the report is by.</summary>
    public string? Author { get; init; }

    /// <summary>Monthly recorded crime of the area and a comparator, charted when there are too few complete years for a yearly trend; optional.</summary>
    public MonthlyTrend? RecentTrend { get; init; }

    /// <summary>Why there is no previous assessment to compare the ranking with; a general sentence when null.</summary>
    public string? NoPreviousAssessmentReason { get; init; }

    /// <summary>Gi* hot spot maps of the top-ranked crime types (see <see cref="HotspotReportMap"/>), shown after the matrix; none when empty.</summary>
    public IReadOnlyList<ReportMap> HotspotMaps { get; init; } = [];

    /// <summary>Crime outcomes of the area and year (<see cref="OutcomeSections"/>), shown after harm; none when null.</summary>
    public CommunitySafety.Assessment.Outcomes.OutcomeResult? Outcomes { get; init; }

    /// <summary>Stop and search of the area's force (<see cref="OutcomeSections"/>), shown after harm; none when null.</summary>
    public CommunitySafety.Assessment.StopSearch.StopSearchResult? StopSearch { get; init; }
    /// <summary>The place analyses (deprivation, repeat places, anti-social behaviour; see <see cref="PlacesSections"/>), shown after the hot spot maps; none when empty.</summary>
    public IReadOnlyList<ReportSection> PlaceSections { get; init; } = [];
}

/// <summary>
/// Builds the strategic assessment report from a saved or fresh <see cref="AssessmentResult"/>: key messages, crime
/// trends, benchmarking (spine chart, bars with intervals, funnel plot), the scoring matrix with criterion scores,
/// sensitivity of the ranking, harm and the methods.
/// </summary>
public static class AssessmentReportBuilder
{
    private static readonly CultureInfo Gb = ValueFormat.Culture;

    /// <summary>Builds the report.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <param name="options">Choices; defaults when null.</param>
    /// <returns>The report.</returns>
    public static Report Build(AssessmentResult assessment, AssessmentReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        options ??= new AssessmentReportOptions();
        var chart = 0;
        string Next() => (++chart).ToString(Gb);
        var published = options.Variant == ReportVariant.Published;
        var threshold = options.DisclosureThreshold;
        var disclosure = new Disclosure.AreaCountDisclosure(options.Variant, threshold);
        string CountText(long n) => published && Disclosure.SmallCountSuppression.IsSmall(n, threshold) ? Disclosure.SmallCountSuppression.Symbol : n.ToString("N0", Gb);

        var summary = new List<ReportBlock>
        {
            new Paragraph($"This strategic assessment of {assessment.Area.Name} ({assessment.Area.Type}) covers the financial year {assessment.Year}" + (assessment.Baseline is { } b ? $", with {b} as the baseline year." : ".")),
            new BulletList([.. assessment.KeyMessages.Select(m => m.Text)]),
        };
        summary.Add(new Paragraph("what the figures rest on, and how far they can be relied on.", "Sources and caveats"));
        var sources = Provenance(assessment);
        summary.Add(new BulletList(sources));

        // The notes not already said in the sources (the national coverage and the peers' reason are in both).
        summary.AddRange(assessment.Notes.Where(n => !sources.Any(i => i.Contains(n, StringComparison.Ordinal))).Select(n => (ReportBlock)new Callout(n)));

        var trends = AssessmentCharts.OverallCrime(assessment, Next(), options.RecentTrend);
        var trendRows = assessment.Trends.Select(t =>
        {
            var year = t.Years.LastOrDefault();
            return new TableRow(
            [
                t.CrimeType,
                year is null ? "–" : CountText(year.Count),
                year?.Rate is { } r && !(published && Disclosure.SmallCountSuppression.IsSmall(year.Count, threshold)) ? r.ToString("N2", Gb) : "–",
                ChangeCell(t.SinceLastYear, published, threshold),
                ChangeCell(t.SinceBaseline, published, threshold),
                new TableCell(Labels.Trend(t.TrendMarker), Labels.TrendStatusOf(t.TrendMarker)),
            ]);
        }).ToList();
        var trendNotes = new List<string> { "Changes are tested for statistical significance (5% level): a change that could be chance alone is not called a rise or fall. The recent trend looks at five complete years. The methods are in the appendix." };

        // One reason, said once under the table, rather than the same words in every row.
        trendNotes.AddRange(assessment.Trends.SelectMany(t => new[] { t.SinceLastYear, t.SinceBaseline })
            .Where(c => c is { IsCompared: false })
            .Select(c => $"Not compared with {c!.From}: {c.NotComparedReason}.")
            .Distinct(StringComparer.Ordinal));
        if (published && trendRows.Any(r => r.Cells.Any(c => c.Text == Disclosure.SmallCountSuppression.Symbol)))
        {
            trendNotes.Add(Disclosure.SmallCountSuppression.Note(threshold));
        }

        trends.Add(new TableBlock(new ReportTable($"Recorded crime by type, {assessment.Area.Name}, {assessment.Year}",
            [new("Crime type"), new("Count", true), new("Rate per 1,000", true), new("Change on a year earlier"), new("Change since baseline"), new("Recent trend")], trendRows)
        { Notes = trendNotes }));
        var significant = assessment.Trends.Skip(1).Where(t => t.SinceLastYear is { IsSignificant: true }).Take(5).ToList();
        if (significant.Count > 0 && !published)
        {
            trends.Add(new NarrativeParagraph([.. significant.Select(t => NarrativeRules.Change(AssessmentCharts.Facts(t.CrimeType, t.SinceLastYear!)))], "Significant changes"));
        }

        var benchmarking = new List<ReportBlock>
        {
            new Paragraph($"{assessment.Area.Name} is compared with its peer group ({assessment.PeerGroup.Method}) and with England and Wales. An area is called significantly higher or lower only when the difference is too large to be chance alone. Against the peer group, the comparison also allows for similar areas differing by more than chance, where they do; the comparison without that allowance is shown beside it. The methods are in the appendix."),
        };
        if (assessment.PeerGroup.NotComparedReason is { } notCompared)
        {
            benchmarking.Add(new Callout(notCompared));
        }

        if (assessment.PeerGroup.MissingData is { } missing)
        {
            benchmarking.Add(new Callout(missing));
        }

        if (assessment.Provenance is { IsNationalCompared: false } p)
        {
            benchmarking.Add(new Callout(p.NationalComparator));
        }

        foreach (var c in new[] { AssessmentCharts.Spine(assessment, Next()), AssessmentCharts.PeerBars(assessment, StrategicAssessment.AllRecordedCrime, Next(), disclosure), AssessmentCharts.Funnel(assessment, StrategicAssessment.AllRecordedCrime, Next(), disclosure) })
        {
            if (c is not null)
            {
                benchmarking.Add(new ChartBlock(c));
            }
        }

        benchmarking.Add(new TableBlock(new ReportTable($"Benchmarking, {assessment.Year}: rates per 1,000 residents",
            [new("Crime type"), new("Count", true), new("Rate (95% interval)", true), new("Peer group rate", true), new("Compared with peers"), new("Compared with peers, no allowance"), new("England and Wales rate", true), new("Compared with England and Wales")],
            [.. assessment.Benchmarks.Select(b => new TableRow(
            [
                b.CrimeType,
                CountText(b.Count),
                b.Rate is { } r ? $"{r.ToString("N2", Gb)} ({b.Lower95?.ToString("N2", Gb)} to {b.Upper95?.ToString("N2", Gb)})" : b.NotComparedReason ?? "–",
                b.PeerRate?.ToString("N2", Gb) ?? "–",
                new TableCell(b.VsPeers.ToLabel(), Labels.OutcomeStatusOf(b.VsPeers)),
                new TableCell(b.VsPeersUnadjusted.ToLabel(), Labels.OutcomeStatusOf(b.VsPeersUnadjusted)),
                b.NationalRate?.ToString("N2", Gb) ?? "–",
                new TableCell(b.VsNational.ToLabel(), Labels.OutcomeStatusOf(b.VsNational)),
            ]))])
        {
            Notes = [$"Peer group: {assessment.PeerGroup.Method}.", .. assessment.Benchmarks.Take(1).Where(b => b.PeerComparisonMethod is not null).Select(b => $"Compared with peers (all recorded crime): {b.PeerComparisonMethod}.")],
        }));

        var criteria = assessment.Methodology.Matrix.Criteria;
        var matrix = new List<ReportBlock>(AssessmentCharts.MatrixSummary(assessment, options.NoPreviousAssessmentReason).Take(2))
        {
            new TableBlock(new ReportTable($"Scoring matrix {assessment.Year}: criterion scores",
                [new("Crime type"), new("Rank", true), .. criteria.Select(c => new TableColumn(c.Name, true)), new("Total", true), new("Top priority")],
                [.. assessment.Matrix.Rows.OrderBy(r => r.Rank).Select(r => new TableRow(
                [
                    r.CrimeType,
                    r.Rank.ToString(Gb),
                    .. criteria.Select(c => r.Scores.FirstOrDefault(s => s.CriterionId == c.Id) is { } s ? new TableCell(s.IsMissing ? "not scored" : s.Score.ToString(Gb)) : new TableCell("–")),
                    r.Total.ToString("N1", Gb),
                    r.IsTopPriority ? "Yes" : "No",
                ], IsTotal: r.IsTopPriority))])
            {
                Notes = ["How each criterion is scored, and its weight, is in the appendix."],
            }),
        };

        var s = assessment.Sensitivity;
        var sensitivity = new List<ReportBlock>
        {
            new Paragraph($"To test how much the ranking depends on the weights, each criterion's weight was varied at random by up to ±{(s.Spread * 100).ToString("N0", Gb)}% in {s.Draws.ToString("N0", Gb)} draws (seed {s.Seed}). The table gives how often each crime type stayed in the top {s.TopN}."),
            new TableBlock(new ReportTable($"Sensitivity of the ranking ({s.Draws.ToString("N0", Gb)} draws)",
                [new("Crime type"), new("Rank", true), new($"Share of draws in top {s.TopN}", true), new("Best rank", true), new("Worst rank", true), new("Robustness")],
                [.. s.Rows.OrderBy(r => r.Rank).Select(r => new TableRow(
                [
                    r.CrimeType, r.Rank.ToString(Gb), (r.TopNShare * 100).ToString("N0", Gb) + "%", r.BestRank.ToString(Gb), r.WorstRank.ToString(Gb), r.Robustness,
                ]))])),
        };

        var harm = new List<ReportBlock>
        {
            new Paragraph("Harm weights each crime by its seriousness, so that a few serious crimes can outweigh many minor ones. The weights are estimates: one average weight per crime category."),
            new Callout(assessment.Harm.Caveat.Length > 0 ? assessment.Harm.Caveat : HarmWeights.CategoryCaveat),
            new TableBlock(new ReportTable($"Harm by crime type, {assessment.Year}",
                [new("Crime type"), new("Count", true), new("Weight", true), new("Share of harm", true), new("Share of crimes", true)],
                [.. assessment.Harm.Rows.Take(10).Select(r => new TableRow(
                [
                    r.CrimeType, CountText(r.Count), r.Weight?.ToString("N1", Gb) ?? "–", r.HarmSharePercent is { } h ? h.ToString("N1", Gb) + "%" : "–", r.CountSharePercent is { } c ? c.ToString("N1", Gb) + "%" : "–",
                ]))])
            { Notes = [$"Harm weights: {assessment.Methodology.HarmWeightsSource}."] }),
        };

        var methods = new List<ReportBlock>
        {
            new BulletList(assessment.Methodology.Statistics),
            new Paragraph("How each criterion of the scoring matrix is scored:", "Scoring matrix"),
            new BulletList([.. criteria.Select(c => $"{c.Name} (weight {c.Weight.ToString("0.##", Gb)}): {c.Description}")]),
            new TableBlock(new ReportTable("Glossary", [new("Term"), new("Meaning")], [.. Glossary.Terms.Select(t => new TableRow([t.Term, t.Meaning]))])),
            new TableBlock(new ReportTable("Peer group",
                [new("Area"), new("Code"), new("Included"), new("Reason if not")],
                [.. assessment.PeerGroup.Members.Select(m => new TableRow([m.Name, m.Code, m.Included ? "Yes" : "No", m.ExcludedReason ?? string.Empty]))])),
        };
        if (assessment.Methodology.UnreliableYears.Count > 0)
        {
            methods.Add(new BulletList([.. assessment.Methodology.UnreliableYears.Select(u => $"{u.Year}: {u.Reason}")]));
        }

        var title = $"Strategic assessment {assessment.Year}: {assessment.Area.Name}";
        return new Report
        {
            Title = title,
            Sections =
            [
                new ReportSection("Key messages", summary),
                new ReportSection("Crime trends", trends),
                new ReportSection("Benchmarking", benchmarking),
                new ReportSection("Scoring matrix", matrix),
                .. options.HotspotMaps.Count > 0 ? new[] { WhereCrimeConcentrates(assessment, options.HotspotMaps) } : [],
                .. options.PlaceSections,
                new ReportSection("Sensitivity of the ranking", sensitivity),
                new ReportSection("Harm", harm),
                .. OutcomeSections.Build(options.Outcomes, options.StopSearch, published, threshold),
            ],
            Appendices = [new ReportSection("Methods and sources", methods)],
            SignedBy = options.Author,
            Variant = options.Variant,
            Footer = title + (published ? " · Published version" : string.Empty),
        };
    }

    /// <summary>The sources and caveats the figures rest on, in readers' words: population, peers, national comparator, harm, criteria not scored.</summary>
    private static List<string> Provenance(AssessmentResult assessment)
    {
        var items = new List<string>();
        if (assessment.Provenance is { } p)
        {
            items.Add(p.PopulationText + (p.PopulationWarning is { } w ? " " + w : string.Empty));
            items.Add(p.NationalComparator);
        }

        var group = assessment.PeerGroup;
        items.Add(group.NotComparedReason is { } reason
            ? $"Similar areas: {group.Method}. {reason}"
            : $"Similar areas: {group.Method}. Compared with {group.Members.Count(m => m.Included)} of {group.Members.Count}.");
        items.Add($"Harm: {assessment.Methodology.HarmWeightsSource}. {(assessment.Harm.Caveat.Length > 0 ? assessment.Harm.Caveat : HarmWeights.CategoryCaveat)}");
        if (assessment.Matrix.Criteria.Count > 0)
        {
            if (assessment.Matrix.NotScored.Count > 0)
            {
                items.Add(assessment.Matrix.Basis);
                items.AddRange(assessment.Matrix.NotScored.Select(c => c.Text));
            }
        }
        else
        {
            var criteria = assessment.Methodology.Matrix.Criteria
                .Where(c => assessment.Matrix.Rows.Any(r => r.Scores.Any(s => s.CriterionId == c.Id && s.IsMissing)))
                .Select(c => c.Name).ToArray();
            if (criteria.Length > 0)
            {
                items.Add($"Matrix criteria without evidence for at least one crime type: {string.Join(", ", criteria)}.");
            }
        }

        var partial = assessment.Trends.FirstOrDefault()?.Years.Where(y => y.Status == YearStatus.Partial).Select(y => $"{y.Year} ({y.Note})").ToArray() ?? [];
        if (partial.Length > 0)
        {
            items.Add($"Partial years, shown but not compared: {string.Join(", ", partial)}.");
        }

        return items;
    }

    private static ReportSection WhereCrimeConcentrates(AssessmentResult assessment, IReadOnlyList<ReportMap> maps) => new(
        "Where crime concentrates",
        [
            new Paragraph($"The maps show where the highest-ranked crime types of {assessment.Year} concentrate in {assessment.Area.Name}: cells with more records than expected for their size compared with the area as a whole (hot spots; the method is in the appendix). They point to the places where targeted work, such as patrols, lighting or designing out crime, is most likely to reach the most offences."),
            .. maps.Select(m => (ReportBlock)new MapBlock(m)),
        ]);

    private static TableCell ChangeCell(ChangeResult? change, bool published, int threshold)
    {
        if (change is null)
        {
            return new TableCell("–");
        }

        if (published && (Disclosure.SmallCountSuppression.IsSmall(change.FromCount, threshold) || Disclosure.SmallCountSuppression.IsSmall(change.ToCount, threshold)))
        {
            return new TableCell(Disclosure.SmallCountSuppression.Symbol, CellStatus.Suppressed);
        }

        if (!change.IsCompared)
        {
            return new TableCell($"Not compared with {change.From} (see note)");
        }

        var pct = change.CountPercentChange is { } p ? $" ({(p >= 0 ? "+" : "−")}{NarrativeRules.Percent(p)})" : string.Empty;
        var text = $"{(change.CountChange >= 0 ? "+" : "−")}{Math.Abs(change.CountChange).ToString("N0", Gb)}{pct} on {change.From}, {(change.IsSignificant ? "significant" : "not significant")}";
        return new TableCell(text, change.IsSignificant ? Labels.OutcomeStatusOf(change.Outcome) : CellStatus.None);
    }
}
