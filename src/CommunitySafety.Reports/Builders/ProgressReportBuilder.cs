using System.Globalization;
using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Progress;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Narrative;

namespace CommunitySafety.Reports.Builders;

/// <summary>
/// Builds the board's community safety plan progress report from a plan's progress (<see cref="PlanProgress"/>, read by
/// Monitoring's <see cref="PlanProgressQuery"/>): front matter, purpose, background, the review of priorities (overall
/// crime, scoring matrix), progress per priority (each framework's indicator table, charts of the indicators partners
/// commented on, commentary), plans for next year, national context, conclusion and appendices. Pure: no store is read
/// here; every judgement comes from <see cref="IndicatorStatusService"/> through the progress.
/// </summary>
public static class ProgressReportBuilder
{
    private static readonly CultureInfo Gb = ValueFormat.Culture;

    /// <summary>Builds the report from a plan's progress, as Monitoring reads it (<see cref="PlanProgressQuery"/>).</summary>
    /// <param name="progress">The plan's progress for the period, read in the variant's scope (<see cref="ProgressReportOptions.Scope"/>).</param>
    /// <param name="options">The meeting, variant and assessment.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">The progress was read in another scope than the variant's (drafts in a published report, or the reverse).</exception>
    public static Report Build(PlanProgress progress, ProgressReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(options);
        if (progress.Scope != options.Scope)
        {
            throw new ArgumentException($"The {options.Variant.ToString().ToLowerInvariant()} report needs the progress read in the {options.Scope.ToString().ToLowerInvariant()} scope, not the {progress.Scope.ToString().ToLowerInvariant()} one.", nameof(progress));
        }

        // One period for the whole report: the progress's (each indicator judged at its own frequency within it).
        var presenters = new Dictionary<int, IndicatorPresenter>();
        var breakdowns = new Dictionary<int, IReadOnlyList<IndicatorValue>>();
        foreach (var item in progress.Indicators)
        {
            presenters[item.Indicator.Id] = new IndicatorPresenter(item.Indicator, item.Judgement, item.Series, options.Variant, options.DefaultDisclosureThreshold)
            {
                Quarters = item.Quarters,
                QuartersSpc = item.QuartersSpc,
            };
            if (item.Breakdowns.Count > 0)
            {
                breakdowns[item.Indicator.Id] = item.Breakdowns;
            }
        }

        var report = Build(progress.Plan, progress.Period, presenters, [.. progress.Commentary], breakdowns, options);
        return WithPeriodCoverage(report, presenters.Values, progress.LatestPeriods, progress.Period);
    }

    /// <summary>
    /// Says in one place which indicators have no value for the report's period, and the latest period each has (a late
    /// return, or an indicator reported less often); nothing when every indicator has one.
    /// </summary>
    private static Report WithPeriodCoverage(Report report, IEnumerable<IndicatorPresenter> presenters, IReadOnlyDictionary<int, ReportingPeriod> latest, ReportingPeriod period)
    {
        var other = presenters.Where(p => p.Judgement.Value is null || p.Judgement.Period != period)
            .OrderBy(p => p.Indicator.Code, StringComparer.Ordinal)
            .Select(p => latest.TryGetValue(p.Indicator.Id, out var l)
                ? $"{p.Indicator.Title}: {(p.Judgement.Value is null ? $"no figure for {p.Judgement.Period}" : $"reported for {p.Judgement.Period}")}; latest figure {l}."
                : $"{p.Indicator.Title}: no figure yet.")
            .ToList();
        if (other.Count == 0)
        {
            return report;
        }

        // A subsection of the background, so the report's numbered sections stay as they are.
        var section = new ReportSection($"Figures for another period than {period}",
            [new Paragraph($"This report is for {period}. These indicators have no figure for it, or are reported for a different period:"), new BulletList(other)]);
        var sections = report.Sections.ToList();
        var at = sections.FindIndex(x => x.Heading == "Background");
        if (at < 0)
        {
            sections.Add(section);
        }
        else
        {
            sections[at] = sections[at] with { Subsections = [.. sections[at].Children, section] };
        }

        return report with { Sections = sections };
    }


    private static Report Build(
        CommunitySafetyPlan plan,
        ReportingPeriod period,
        Dictionary<int, IndicatorPresenter> presenters,
        List<Commentary> commentary,
        Dictionary<int, IReadOnlyList<IndicatorValue>> breakdowns,
        ProgressReportOptions options)
    {
        var area = plan.Partnership?.AreaName ?? "the partnership area";
        var periodText = period.ToString();
        var subject = $"{plan.Title}: progress report {periodText}";
        var sections = new List<ReportSection>();
        var chartNumber = 0;
        string NextChart() => (++chartNumber).ToString(Gb);

        if (options.RequestedBy is { Length: > 0 } requested)
        {
            sections.Add(new ReportSection("Requested by", [new Paragraph($"This report has been requested by {requested}.")]));
        }

        sections.Add(AuthoredOrDefault(plan, NarrativeKind.Purpose, "Purpose",
            $"To update members on progress against the priorities of the {plan.Title} during {periodText}."));
        var background = Authored(plan, NarrativeKind.Background).ToList();
        background.Add(new Paragraph(PlanStatusSentence(plan)));
        background.AddRange(ReadingThisReport(commentary, options));
        sections.Add(new ReportSection("Background", background));
        foreach (var other in plan.Sections.Where(s => s.Kind == NarrativeKind.Other).OrderBy(s => s.Order))
        {
            sections.Add(new ReportSection(other.Heading, [new MarkdownBlock(other.Markdown)]));
        }

        sections.Add(ReviewingPriorities(plan, options, area, NextChart));

        foreach (var priority in plan.Priorities.Where(p => !p.IsAdditional).OrderBy(p => p.Order))
        {
            sections.Add(PrioritySection(plan, priority, presenters, commentary, breakdowns, options, NextChart));
        }

        var additional = plan.Priorities.Where(p => p.IsAdditional).OrderBy(p => p.Order).ToList();
        if (additional.Count > 0)
        {
            sections.Add(new ReportSection("Additional priorities",
                [new Paragraph($"In addition to the priorities above, the partnership identified {additional.Count} additional priorities.")],
                [.. additional.Select(p => new ReportSection(p.Title, PriorityBody(p, commentary, includePlans: true)))]));
        }

        sections.Add(PlansForNextYear(plan));
        sections.Add(AuthoredOrDefault(plan, NarrativeKind.NationalContext, "National context", "No national context was recorded for this report."));
        var conclusion = Authored(plan, NarrativeKind.Conclusion).ToList();
        conclusion.Insert(0, new NarrativeParagraph(OverallSentences(presenters.Values)));
        sections.Add(new ReportSection("Conclusion", conclusion));

        var appendices = new List<ReportSection>();
        if (options.Assessment is { } assessment && assessment.KeyMessages.Count > 0)
        {
            appendices.Add(new ReportSection($"Key messages from the strategic assessment {assessment.Year}",
                [new BulletList([.. assessment.KeyMessages.Select(m => m.Text)])]));
        }

        appendices.Add(AboutTheFigures(presenters.Values, options));

        var example = presenters.Values.Any(p => p.Indicator.IsExampleData);
        return new Report
        {
            Title = subject,
            FrontMatter = new FrontMatter(options.MeetingTitle, subject, options.MeetingDate, options.ReportBy, options.WardsAffected, options.InformationOnly, options.RequestedBy),
            Sections = sections,
            Appendices = appendices,
            SignedBy = options.SignedBy,
            BackgroundDocuments = options.BackgroundDocuments,
            Variant = options.Variant,
            Warning = example
                ? "This report contains EXAMPLE data generated for demonstration: indicators marked (EXAMPLE) are not real figures."
                : null,
            Footer = $"{options.MeetingTitle} · {subject}" + (options.Variant == ReportVariant.Published ? " · Published version" : string.Empty),
        };
    }

    private static string PlanStatusSentence(CommunitySafetyPlan plan) => plan.Status switch
    {
        PlanStatus.RolledForward => $"The {plan.Title} covers {plan.FirstYear} to {plan.LastYear}; its priorities have been rolled forward.",
        PlanStatus.Draft => $"The {plan.Title} is in draft.",
        _ => $"The {plan.Title} covers {plan.FirstYear} to {plan.LastYear}.",
    };

    private static ReportSection ReviewingPriorities(CommunitySafetyPlan plan, ProgressReportOptions options, string area, Func<string> nextChart)
    {
        var assessment = options.Assessment;
        var blocks = new List<ReportBlock>();
        var subsections = new List<ReportSection>();
        if (assessment is null)
        {
            blocks.Add(new Callout($"No strategic assessment of {area} was supplied, so the overall crime trend and the scoring matrix are not shown. Run the strategic assessment and pass it to the report."));
        }
        else
        {
            subsections.Add(new ReportSection("Overall crime", AssessmentCharts.OverallCrime(assessment, nextChart(), options.RecentTrend)));
            subsections.Add(new ReportSection("Scoring matrix and what changed since the last assessment", AssessmentCharts.MatrixSummary(assessment, options.NoPreviousAssessmentReason)));
        }

        if (options.HotspotMaps.Count > 0)
        {
            subsections.Add(new ReportSection("Where crime concentrates",
            [
                new Paragraph($"Tackling violent crime is a place-based priority: much of it happens in a few places. The map shows the hot spots in {area}: cells with significantly more records than the area as a whole, where targeted work is most likely to reach the most offences."),
                .. options.HotspotMaps.Select(m => (ReportBlock)new MapBlock(m)),
            ]));
        }

        var priorities = plan.Priorities.Where(p => !p.IsAdditional).OrderBy(p => p.Order).Select(p => $"{p.Code}. {p.Title}").ToList();
        var additional = plan.Priorities.Where(p => p.IsAdditional).OrderBy(p => p.Order).Select(p => p.Title).ToList();
        var list = new List<ReportBlock> { new Paragraph("The partnership's priorities are:"), new BulletList(priorities) };
        if (additional.Count > 0)
        {
            list.Add(new Paragraph("Additional priorities: " + string.Join("; ", additional) + "."));
        }

        subsections.Add(new ReportSection("The priorities", list));
        return new ReportSection("Reviewing community safety priorities", blocks, subsections);
    }

    private static ReportSection PrioritySection(
        CommunitySafetyPlan plan,
        Priority priority,
        Dictionary<int, IndicatorPresenter> presenters,
        List<Commentary> commentary,
        Dictionary<int, IReadOnlyList<IndicatorValue>> breakdowns,
        ProgressReportOptions options,
        Func<string> nextChart)
    {
        var blocks = PriorityBody(priority, commentary, includePlans: false);
        var subsections = new List<ReportSection>();
        var strategies = plan.Strategies.Where(s => s.Priorities.Any(p => p.Id == priority.Id)).OrderBy(s => s.Id).ToList();
        foreach (var strategy in strategies.Where(s => s.Frameworks.Count > 0))
        {
            foreach (var framework in strategy.Frameworks.OrderBy(f => f.Code, StringComparer.Ordinal))
            {
                subsections.Add(FrameworkSection(strategy, framework, presenters, commentary, breakdowns, options, nextChart));
            }
        }

        var others = strategies.Where(s => s.Frameworks.Count == 0).ToList();
        if (others.Count > 0)
        {
            var rows = others.Select(s => new TableRow([s.Name, s.OwnerOrganisation ?? string.Empty, s.GovernanceGroup ?? string.Empty, StrategyStatusText(s.Status), s.ReviewDate?.ToString("MMMM yyyy", Gb) ?? "–"])).ToList();
            subsections.Add(new ReportSection("Other strategies and plans contributing",
                [new TableBlock(new ReportTable($"Strategies contributing to priority {priority.Code} without a monitoring framework in this report",
                    [new("Strategy"), new("Owner"), new("Governance"), new("Status"), new("Review")], rows))]));
        }

        return new ReportSection($"Priority {priority.Code}: {priority.Title}", blocks, subsections);
    }

    private static List<ReportBlock> PriorityBody(Priority priority, List<Commentary> commentary, bool includePlans)
    {
        var blocks = new List<ReportBlock>();
        if (priority.Description is { Length: > 0 } d)
        {
            blocks.Add(new MarkdownBlock(d));
        }

        foreach (var s in priority.Sections.Where(s => includePlans || s.Kind != NarrativeKind.PlansForNextYear).OrderBy(s => s.Order))
        {
            blocks.Add(new MarkdownBlock(s.Markdown));
        }

        foreach (var c in commentary.Where(c => c.PriorityId == priority.Id).OrderBy(c => c.Id))
        {
            blocks.Add(new MarkdownBlock(c.Markdown, Attribution(c, commentary)));
        }

        return blocks;
    }

    private static ReportSection FrameworkSection(
        Strategy strategy,
        MonitoringFramework framework,
        Dictionary<int, IndicatorPresenter> presenters,
        List<Commentary> commentary,
        Dictionary<int, IReadOnlyList<IndicatorValue>> breakdowns,
        ProgressReportOptions options,
        Func<string> nextChart)
    {
        // Demand and context (indicators without an objective) first, then by objective: the one rule, IndicatorOrder.
        var items = IndicatorOrder.UnassignedFirst.Sort(framework.Indicators.Where(i => presenters.ContainsKey(i.Id)).Select(i => presenters[i.Id]), p => p.Indicator, framework).ToList();
        var blocks = new List<ReportBlock>();
        var latest = items.Count > 0 ? items.Max(p => p.Judgement.Period.LastMonth).FinancialQuarter.ToString() : null;
        var intro = $"The following is drawn from the {framework.Name}" + (latest is not null ? $" ({latest})" : string.Empty)
            + (framework.ProducedBy is { } by ? $", produced by {by}" : string.Empty)
            + (strategy.GovernanceGroup is { } g ? $" and considered by the {g}" : string.Empty) + ".";
        if (strategy.Status is StrategyStatus.BeingUpdated or StrategyStatus.InDevelopment)
        {
            intro += $" The {strategy.Name} is {StrategyStatusText(strategy.Status).ToLowerInvariant()}.";
        }

        blocks.Add(new Paragraph(intro));
        if (items.Count == 0)
        {
            blocks.Add(new Callout("No indicator in this framework has a value for the period."));
            return new ReportSection($"Progress – {strategy.Name}", blocks);
        }

        blocks.Add(new NarrativeParagraph(OverallSentences(items)));
        // One period for the table (the most common one), named in the caption; a row of another period says so in its value.
        var common = items.GroupBy(p => p.Judgement.Period.ToString()).OrderByDescending(g => g.Count()).First().Key;
        var table = new ReportTable($"{framework.Name}: indicators, {common}", IndicatorPresenter.ColumnsFor(common), [.. items.Select(p => p.Row(common))])
        {
            Notes = TableNotes(items, options),
        };
        blocks.Add(new TableBlock(table));

        var subsections = new List<ReportSection>();
        var byObjective = items.GroupBy(p => p.Indicator.ObjectiveId).OrderBy(g => IndicatorOrder.UnassignedFirst.ObjectiveKey(ObjectiveOf(framework, g.First())));
        foreach (var group in byObjective)
        {
            var objective = ObjectiveOf(framework, group.First());
            var objectiveBlocks = new List<ReportBlock>();
            if (objective is not null)
            {
                foreach (var c in commentary.Where(c => c.ObjectiveId == objective.Id).OrderBy(c => c.Id))
                {
                    objectiveBlocks.Add(new MarkdownBlock(c.Markdown, Attribution(c, commentary)));
                }
            }

            foreach (var p in group)
            {
                var notes = commentary.Where(c => c.IndicatorId == p.Indicator.Id).OrderBy(c => c.Id).ToList();
                var headline = notes.Count > 0 || p.Judgement.Rag != Rag.None;
                if (!headline)
                {
                    continue;
                }

                objectiveBlocks.Add(new NarrativeParagraph(p.Sentences(), p.Indicator.Title));
                if (p.Chart(nextChart()) is { } chart)
                {
                    objectiveBlocks.Add(new ChartBlock(chart));
                }
                else if (p.SeriesHasSuppressed)
                {
                    objectiveBlocks.Add(new Callout("The chart is not shown in the published version because some of its counts are small."));
                }

                if (breakdowns.TryGetValue(p.Indicator.Id, out var parts))
                {
                    objectiveBlocks.Add(new TableBlock(BreakdownTable(p, parts, options)));
                }

                foreach (var c in notes)
                {
                    objectiveBlocks.Add(new MarkdownBlock(c.Markdown, Attribution(c, commentary)));
                }
            }

            if (objectiveBlocks.Count == 0)
            {
                continue;
            }

            var heading = objective is null ? "Demand and context" : $"{objective.Code}. {objective.Title}";
            subsections.Add(new ReportSection(heading, objectiveBlocks));
        }

        return new ReportSection($"Progress – {strategy.Name}", blocks, subsections);
    }

    /// <summary>
    /// The indicator's objective, from the framework's loaded objectives (<see cref="IndicatorOrder.ObjectiveOf"/>): the plan
    /// is read without tracking, so <see cref="Indicator.Objective"/> is not linked, and without this every group would be
    /// headed "Demand and context".
    /// </summary>
    private static Objective? ObjectiveOf(MonitoringFramework framework, IndicatorPresenter p) => IndicatorOrder.ObjectiveOf(p.Indicator, framework);

    private static List<string> TableNotes(List<IndicatorPresenter> items, ProgressReportOptions options)
    {
        _ = options;
        var notes = new List<string>();
        if (items.Any(p => p.Suppressed))
        {
            notes.Add(Disclosure.SmallCountSuppression.Note(items.Where(p => p.Suppressed).Max(p => p.Threshold)));
        }

        if (items.Any(p => p.Indicator.IsExampleData))
        {
            notes.Add("(EXAMPLE): example values generated for the demonstration, not real figures.");
        }

        return notes;
    }

    /// <summary>The commentary's most frequent author, said once in the note on reading the report.</summary>
    private static string? UsualAuthor(List<Commentary> commentary) =>
        commentary.Count == 0 ? null : commentary.GroupBy(c => c.Author).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    /// <summary>The commentary's most frequent period, said once in the note on reading the report.</summary>
    private static string? UsualPeriod(List<Commentary> commentary) =>
        commentary.Where(c => c.Period is not null).GroupBy(c => c.Period!).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;

    /// <summary>
    /// The credit under a piece of commentary: null when it is by the usual author for the usual period (both said once
    /// at the front), else what differs ("Commentary by …", "Commentary for 2024/25").
    /// </summary>
    private static string? Attribution(Commentary c, List<Commentary> all)
    {
        var period = c.Period is { } p && p != UsualPeriod(all) ? p : null;
        if (c.Author != UsualAuthor(all))
        {
            return $"Commentary by {c.Author}{(period is not null ? ", " + period : string.Empty)}";
        }

        return period is not null ? $"Commentary for {period}" : null;
    }

    /// <summary>
    /// What a board member needs once, before the figures: who wrote the commentary, what the words in the tables mean,
    /// why some indicators have no chart, and where the data and methods are. Said here so it is not repeated.
    /// </summary>
    private static IEnumerable<ReportBlock> ReadingThisReport(List<Commentary> commentary, ProgressReportOptions options)
    {
        var bullets = new List<string>
        {
            "Each indicator is compared with the same period a year earlier. \"Significant\" means the change is too large to be chance alone; \"within normal variation\" means it could be chance, so it should not be read as a real rise or fall.",
            $"Where an indicator has enough history (at least {Statistics.SpcOptions.MakingDataCount.MinimumPoints} periods), its chart shows its average and usual range, and the latest value is called \"unusually high\", \"unusually low\" or \"no unusual change\". Indicators with a shorter history have no chart and are not judged this way. Charts start at zero unless they say otherwise.",
            "Against a target: green means met; amber, missed but not by more than chance could explain; red, missed significantly.",
            "The data behind every chart and map, the methods and a glossary are in the appendices.",
        };
        if (UsualAuthor(commentary) is { } usual)
        {
            bullets.Insert(0, $"Commentary is by {usual}" + (UsualPeriod(commentary) is { } period ? $" and is about {period}" : string.Empty) + " unless another author or period is named under it.");
        }

        if (options.Variant == ReportVariant.Published)
        {
            bullets.Add($"Counts of 1 to {options.DefaultDisclosureThreshold - 1} (or below an indicator's own threshold) are withheld to protect privacy, shown as {Disclosure.SmallCountSuppression.Symbol}.");
        }

        return [new Paragraph("How to read the figures that follow:", "Reading this report"), new BulletList(bullets)];
    }

    private static ReportTable BreakdownTable(IndicatorPresenter p, IReadOnlyList<IndicatorValue> parts, ProgressReportOptions options)
    {
        var periods = p.Series.Select(v => v.PeriodStart).TakeLast(3).ToList();
        var categories = parts.Select(v => v.Category).Distinct().ToList();
        var categoryType = parts[0].CategoryType;
        var cells = new Dictionary<(string Category, int Start), string>();
        var totals = new Dictionary<int, string>();
        var anySuppressed = false;
        foreach (var start in periods)
        {
            var total = p.Series.First(v => v.PeriodStart == start).Count;
            var values = categories.Select(c => parts.FirstOrDefault(v => v.Category == c && v.PeriodStart == start)?.Count).ToList();
            var (flags, totalSuppressed) = options.Variant == ReportVariant.Published
                ? Disclosure.SmallCountSuppression.Group(values, total, p.Threshold)
                : (new bool[values.Count], false);
            for (var i = 0; i < categories.Count; i++)
            {
                cells[(categories[i], start)] = flags[i] ? Disclosure.SmallCountSuppression.Symbol : values[i] is { } v ? v.ToString("N0", Gb) : "–";
            }

            totals[start] = totalSuppressed ? Disclosure.SmallCountSuppression.Symbol : total is { } t ? t.ToString("N0", Gb) : "–";
            anySuppressed |= totalSuppressed || flags.Any(f => f);
        }

        var labels = periods.Select(s => p.Series.First(v => v.PeriodStart == s).Period.ToString()).ToList();
        var rows = categories.Select(c => new TableRow([c, .. periods.Select(s => new TableCell(cells[(c, s)]))])).ToList();
        rows.Add(new TableRow(["Total", .. periods.Select(s => new TableCell(totals[s]))], IsTotal: true));
        return new ReportTable($"{p.Subject} by {categoryType.ToLowerInvariant()}", [new(categoryType), .. labels.Select(l => new TableColumn(l, true))], rows)
        {
            Notes = anySuppressed ? [Disclosure.SmallCountSuppression.Note(p.Threshold)] : [],
        };
    }

    private static ReportSection PlansForNextYear(CommunitySafetyPlan plan)
    {
        var blocks = Authored(plan, NarrativeKind.PlansForNextYear).ToList();
        var subsections = plan.Priorities.OrderBy(p => p.Order)
            .Select(p => (Priority: p, Plans: p.Sections.Where(s => s.Kind == NarrativeKind.PlansForNextYear).OrderBy(s => s.Order).ToList()))
            .Where(x => x.Plans.Count > 0 && !x.Priority.IsAdditional)
            .Select(x => new ReportSection($"Priority {x.Priority.Code}", [.. x.Plans.Select(s => (ReportBlock)new MarkdownBlock(s.Markdown))]))
            .ToList();
        var reviews = plan.Strategies.Where(s => s.Status is StrategyStatus.BeingUpdated or StrategyStatus.InDevelopment).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        if (reviews.Count > 0)
        {
            blocks.Add(new Paragraph("Strategies being updated or developed, which the next plan will draw on:"));
            blocks.Add(new BulletList([.. reviews.Select(s => $"{s.Name} ({StrategyStatusText(s.Status).ToLowerInvariant()}{(s.ReviewDate is { } r ? ", due " + r.ToString("MMMM yyyy", Gb) : string.Empty)})")]));
        }

        if (blocks.Count == 0 && subsections.Count == 0)
        {
            blocks.Add(new Paragraph("No plans for next year were recorded."));
        }

        return new ReportSection("Plans for next year", blocks, subsections);
    }

    private static List<Sentence> OverallSentences(IEnumerable<IndicatorPresenter> items)
    {
        var list = items.ToList();
        var withValue = list.Where(p => p.Judgement.Value is not null).ToList();
        var rated = withValue.Where(p => p.Judgement.Rag != Rag.None).ToList();
        var better = withValue.Count(p => !p.Suppressed && p.Judgement.SinceSamePeriodLastYear.Outcome is Statistics.ComparisonOutcome.Better or Statistics.ComparisonOutcome.Best);
        var worse = withValue.Count(p => !p.Suppressed && p.Judgement.SinceSamePeriodLastYear.Outcome is Statistics.ComparisonOutcome.Worse or Statistics.ComparisonOutcome.Worst);
        var text = $"Of {Count(list.Count, "indicator")}, {withValue.Count.ToString(Gb)} {(withValue.Count == 1 ? "has" : "have")} a value for the period: "
            + $"{better.ToString(Gb)} improved significantly on a year earlier and {worse.ToString(Gb)} got significantly worse; the rest changed within normal variation, have no better or worse direction, or could not be compared.";
        var sentences = new List<Sentence> { new(text, NarrativeRule.Benchmark) };
        if (rated.Count > 0)
        {
            sentences.Add(new Sentence(
                $"Against their targets, {rated.Count(p => p.Judgement.Rag == Rag.Green).ToString(Gb)} of {Count(rated.Count, "indicator")} with a target {(rated.Count == 1 ? "is" : "are")} green, "
                + $"{rated.Count(p => p.Judgement.Rag == Rag.Amber).ToString(Gb)} amber and {rated.Count(p => p.Judgement.Rag == Rag.Red).ToString(Gb)} red.", NarrativeRule.Benchmark));
        }

        return sentences;
    }

    private static string Count(int n, string noun) => $"{n.ToString("N0", Gb)} {noun}{(n == 1 ? string.Empty : "s")}";

    private static ReportSection AboutTheFigures(IEnumerable<IndicatorPresenter> items, ProgressReportOptions options)
    {
        var rows = items.OrderBy(p => p.Indicator.Code, StringComparer.Ordinal).Select(p => new TableRow(
        [
            p.Indicator.Title,
            p.Indicator.Code,
            p.Indicator.Definition ?? p.Indicator.DenominatorDefinition ?? string.Empty,
            p.Indicator.Source ?? string.Empty,
            Statistics.PolarityRules.IsImprovement(Statistics.Direction.Higher, p.Indicator.Polarity) switch { true => "Higher", false => "Lower", null => "No judgement" },
        ])).ToList();
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"Every judgement in this report comes from the partnership's statistics engine, the same functions the web pages use. Changes on a year earlier: the exact (conditional binomial) test of two Poisson counts for counts and rates, the two-proportion test for percentages, at the 5% level; where numbers are small, chance alone can produce large percentage changes. Confidence intervals: Byar's method or exact Poisson limits for counts and rates, Wilson for percentages. Recent trend: the Public Health Profiles' (Fingertips') recent trend test on the last five periods. Usual range: an XmR statistical process control (SPC) chart with NHS England's Making Data Count rules (process limits at the mean ± 2.66 times the average moving range; special cause variation from a point beyond the limits, a run of {Statistics.SpcOptions.MakingDataCount.ShiftLength} on one side of the mean, a trend of {Statistics.SpcOptions.MakingDataCount.TrendLength} or two of three points near a limit; limits only from {Statistics.SpcOptions.MakingDataCount.MinimumPoints} points). Target: RAG against the indicator's target. Polarity (\"better when\") decides whether a significant change is an improvement.", "Methods"),
            new TableBlock(new ReportTable("Indicators in this report", [new("Indicator"), new("Code"), new("Definition"), new("Source"), new("Better when")], rows)),
            new TableBlock(new ReportTable("Glossary", [new("Term"), new("Meaning")], [.. Glossary.Terms.Select(t => new TableRow([t.Term, t.Meaning]))])),
        };
        if (options.Variant == ReportVariant.Published)
        {
            blocks.Add(new Paragraph($"Published version: counts of 1 to {options.DefaultDisclosureThreshold - 1} (or below an indicator's own threshold) are suppressed, with changes that would reveal them; in breakdown tables, a further cell is suppressed where a total would reveal a single suppressed one."));
        }

        return new ReportSection("Methods, indicators and glossary", blocks);
    }

    private static IEnumerable<ReportBlock> Authored(CommunitySafetyPlan plan, NarrativeKind kind) =>
        plan.Sections.Where(s => s.Kind == kind).OrderBy(s => s.Order).Select(s => (ReportBlock)new MarkdownBlock(s.Markdown));

    private static ReportSection AuthoredOrDefault(CommunitySafetyPlan plan, NarrativeKind kind, string heading, string fallback)
    {
        var blocks = Authored(plan, kind).ToList();
        return new ReportSection(heading, blocks.Count > 0 ? blocks : [new Paragraph(fallback)]);
    }

    private static string StrategyStatusText(StrategyStatus status) => status switch
    {
        StrategyStatus.BeingUpdated => "Being updated",
        StrategyStatus.InDevelopment => "In development",
        StrategyStatus.Superseded => "Superseded",
        _ => "Current",
    };
}
