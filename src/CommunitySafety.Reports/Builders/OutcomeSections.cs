using System.Globalization;
using CommunitySafety.Assessment.Outcomes;
using CommunitySafety.Assessment.StopSearch;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Narrative;
using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Builders;

/// <summary>
/// The assessment report's "Crime outcomes" and "Stop and search" sections, from <see cref="OutcomeResult"/> and
/// <see cref="StopSearchResult"/>: plain sentences first, one table each, and the provenance under it.
/// </summary>
public static class OutcomeSections
{
    private static readonly CultureInfo Gb = ValueFormat.Culture;

    /// <summary>The sections for the results given (none for a null result).</summary>
    /// <param name="outcomes">Crime outcomes of the area and year, or null.</param>
    /// <param name="stopSearch">Stop and search of the area's force, or null.</param>
    /// <param name="published">True for the published variant (small counts suppressed).</param>
    /// <param name="threshold">The disclosure threshold.</param>
    public static IReadOnlyList<ReportSection> Build(OutcomeResult? outcomes, StopSearchResult? stopSearch, bool published, int threshold)
    {
        var sections = new List<ReportSection>();
        if (outcomes is not null)
        {
            sections.Add(Outcomes(outcomes, published, threshold));
        }

        if (stopSearch is not null)
        {
            sections.Add(StopSearch(stopSearch, published, threshold));
        }

        return sections;
    }

    private static string Count(long n, bool published, int threshold) =>
        published && Disclosure.SmallCountSuppression.IsSmall(n, threshold) ? Disclosure.SmallCountSuppression.Symbol : n.ToString("N0", Gb);

    private static string Pct(double? v) => v is { } x ? x.ToString("0.0", Gb) + "%" : "–";

    private static string Interval(ProportionResult p) => p.Lower95 is { } l && p.Upper95 is { } u ? $"{l.ToString("0.0", Gb)}–{u.ToString("0.0", Gb)}%" : "–";

    private static ReportSection Outcomes(OutcomeResult r, bool published, int threshold)
    {
        var blocks = new List<ReportBlock>();
        if (r.Current is not { } c)
        {
            blocks.Add(new Callout(r.NotAvailable ?? "No outcomes are available."));
            blocks.Add(new BulletList([.. r.Provenance]));
            return new ReportSection("Crime outcomes", blocks);
        }

        blocks.Add(new Paragraph(string.Join(" ", r.Summary)));
        var shown = c.Shares.Where(s => s.Share.Numerator > 0 || s.Group.IsOpen).ToList();
        // Published: small counts suppressed, and one more cell when a single small one could be worked out from the total.
        var (hidden, _) = published
            ? Disclosure.SmallCountSuppression.Group([.. shown.Select(s => (double?)s.Share.Numerator)], c.Crimes, threshold)
            : (new bool[shown.Count], false);
        var rows = shown.Select((s, i) =>
        {
            if (hidden[i])
            {
                return new TableRow([s.Group.Name, new TableCell(Disclosure.SmallCountSuppression.Symbol, CellStatus.Suppressed), "–", "–", "–", "–"]);
            }

            var change = r.Comparison?.Changes.Single(x => x.Group == s.Group);
            var verdict = change is null ? "not compared"
                : change.IsSignificant ? (change.Change.Difference > 0 ? "higher" : "lower") : "no real change";
            var status = change is { IsSignificant: true } ? CellStatus.NoJudgement : CellStatus.None;
            return new TableRow(
            [
                s.Group.Name,
                Count(s.Share.Numerator, published, threshold),
                Pct(s.Share.Value),
                Interval(s.Share),
                change is null ? "–" : $"{Pct(change.Change.LaterValue)} against {Pct(change.Change.EarlierValue)}",
                new TableCell(verdict, status),
            ]);
        }).ToList();
        rows.Add(new TableRow(["All crimes", c.Crimes.ToString("N0", Gb), "100%", string.Empty, string.Empty, string.Empty], IsTotal: true));
        var notes = new List<string>(r.Provenance)
        {
            r.Comparison?.Basis ?? r.ComparisonNote ?? string.Empty,
            "The range beside each share is where the true share most likely lies (95% interval); a change is called real only when it is unlikely to be chance (less than 1 in 20). How police.uk's outcome categories are grouped, and the methods, are in the methods appendix and docs/methodology.md.",
        };
        if (published)
        {
            notes.Add(Disclosure.SmallCountSuppression.Note(threshold));
        }

        blocks.Add(new TableBlock(new ReportTable(
            $"Outcomes of crimes recorded in {r.Area.Name}, {r.Year}: {r.CrimeTypesText}",
            [new("Outcome"), new("Crimes", true), new("Share", true), new("95% interval", true), new("Same months, this year against last", true), new("Change")],
            rows) { Notes = [.. notes.Where(n => n.Length > 0)] }));
        if (r.MatureAgeMonths is { } age && r.OutcomesAsOf is { } asOf)
        {
            var young = r.Maturity.Where(m => m.AgeMonths < age).ToList();
            blocks.Add(new Paragraph(
                $"Crimes take time to reach an outcome. With outcomes as recorded in {asOf.ToDisplayString()}, fewer than {OutcomeAnalysis.MatureOpenPercent:0} in 100 crimes are still under investigation once they are {age} months old" +
                (young.Count > 0 ? $"; the {young.Count} most recent month(s) are younger and still open (up to {young.Max(m => m.Open.Value ?? 0).ToString("0", Gb)}%), so they are left out of comparisons between years." : "."),
                "Outcome maturity"));
        }

        if (r.Timing.Count > 0)
        {
            blocks.Add(new Paragraph(r.TimingNote, "Time to a first outcome"));
        }

        return new ReportSection("Crime outcomes", blocks);
    }

    private static ReportSection StopSearch(StopSearchResult r, bool published, int threshold)
    {
        var blocks = new List<ReportBlock>();
        if (r.NotAvailable is { } why)
        {
            blocks.Add(new Callout(why));
            blocks.Add(new BulletList([.. r.Provenance]));
            return new ReportSection("Stop and search", blocks);
        }

        blocks.Add(new Paragraph(string.Join(" ", r.Summary)));
        var rows = new List<TableRow>();
        foreach (var e in r.Ethnicity)
        {
            var definition = e.Definition == EthnicityDefinition.SelfDefined ? "Self-defined" : "Officer-defined";
            // Each definition's rows add up to all searches (given in the text): suppress a second cell when one alone is small.
            var (hidden, _) = published
                ? Disclosure.SmallCountSuppression.Group([.. e.Rows.Select(x => (double?)x.Searches)], r.Searches, threshold)
                : (new bool[e.Rows.Count], false);
            foreach (var (row, index) in e.Rows.Select((x, i) => (x, i)))
            {
                var small = hidden[index];
                var ratio = row.Ratio is { Ratio: { } x } rr && !small
                    ? $"{x.ToString("0.0", Gb)} ({(rr.Lower95 ?? 0).ToString("0.0", Gb)}–{(rr.Upper95 is { } u ? u.ToString("0.0", Gb) : "∞")})"
                    : row.Group == EthnicGroups.White && row.Population is not null ? "1 (reference)" : "–";
                rows.Add(new TableRow(
                [
                    $"{row.Group} ({definition.ToLowerInvariant()})",
                    small ? new TableCell(Disclosure.SmallCountSuppression.Symbol, CellStatus.Suppressed) : row.Searches.ToString("N0", Gb),
                    row.Population is { } p ? p.ToString("N0", Gb) : "–",
                    row.Rate?.Value is { } rate && !small ? rate.ToString("0.0", Gb) : "–",
                    new TableCell(ratio, row.Ratio is { IsSignificant: true } && !small ? CellStatus.NoJudgement : CellStatus.None),
                    row.Published is { } hp ? hp.ToString("0.0", Gb) : "–",
                ]));
            }
        }

        var notes = new List<string>(r.Provenance);
        notes.AddRange(r.Ethnicity.Select(e => e.Note));
        notes.Add("Ratio: the group's rate ÷ the White rate (2.0 = searched twice as often for its share of the residents), with the range where the true ratio most likely lies (95% interval; the method is in docs/methodology.md). Residents only: people searched who live elsewhere are counted in the searches but not in the population.");
        if (r.EthnicityNote is { } en)
        {
            notes.Add(en);
        }

        if (published)
        {
            notes.Add(Disclosure.SmallCountSuppression.Note(threshold));
        }

        blocks.Add(new TableBlock(new ReportTable(
            $"Stop and search by ethnic group, {string.Join(", ", r.Forces)}, {r.Year}",
            [new("Ethnic group"), new("Searches", true), new("Residents (Census 2021)", true), new("Per 1,000", true), new("Ratio to White (95% interval)", true), new("Home Office published per 1,000", true)],
            rows) { Notes = notes }));
        blocks.Add(new Paragraph(string.Format(Gb,
            "{0} of the {1} searches were for {2}; the find rate (the outcome was linked to what was searched for) was {3} (95% interval {4}).",
            r.ByObject.Count > 0 ? Pct(r.ByObject[0].Share.Value) : "–", r.Searches.ToString("N0", Gb),
            r.ByObject.Count > 0 ? r.ByObject[0].Label.ToLowerInvariant() : "–", Pct(r.FindRate.Value), Interval(r.FindRate)), "What searches were for"));
        return new ReportSection("Stop and search", blocks);
    }
}
