namespace CommunitySafety.Reports.Model;

/// <summary>Which audience a report is for: the published variant applies disclosure control.</summary>
public enum ReportVariant
{
    /// <summary>For partners: every count is shown.</summary>
    Internal,

    /// <summary>For publication: small counts are suppressed, with secondary suppression.</summary>
    Published,
}

/// <summary>
/// A report as plain data: front matter, numbered sections of blocks (paragraphs, generated sentences, Markdown, lists,
/// tables, charts), appendices, sign-off and background documents. Built once; rendered to HTML, Word and PDF.
/// </summary>
public sealed record Report
{
    /// <summary>The report's title (the subject line).</summary>
    public required string Title { get; init; }

    /// <summary>The committee front matter; null for a report that is not a committee paper.</summary>
    public FrontMatter? FrontMatter { get; init; }

    /// <summary>The numbered sections.</summary>
    public required IReadOnlyList<ReportSection> Sections { get; init; }

    /// <summary>Appendices, numbered 1, 2, … after the sections.</summary>
    public IReadOnlyList<ReportSection> Appendices { get; init; } = [];

    /// <summary>Who signed the report; null when unsigned.</summary>
    public string? SignedBy { get; init; }

    /// <summary>Background documents (Section 100D of the Local Government Act 1972).</summary>
    public IReadOnlyList<BackgroundDocument> BackgroundDocuments { get; init; } = [];

    /// <summary>Internal (all counts) or published (disclosure control applied).</summary>
    public ReportVariant Variant { get; init; }

    /// <summary>A warning shown at the top of the report, e.g. that it contains example data.</summary>
    public string? Warning { get; init; }

    /// <summary>Footer text printed on every page of the PDF.</summary>
    public string? Footer { get; init; }

    /// <summary>The heading of the appendix that holds every chart's and map's data table in print and Word.</summary>
    public const string FigureDataHeading = "Data for the charts and maps";

    /// <summary>
    /// The data table of every chart and map, in reading order. In HTML each sits under its figure in a collapsible
    /// <c>details</c>; in print (PDF) and Word they are gathered in <see cref="FigureDataAppendix"/>, so that the body
    /// stays short and every figure still has its accessible table.
    /// </summary>
    /// <returns>The tables, in order.</returns>
    public IReadOnlyList<ReportTable> FigureTables()
    {
        var tables = new List<ReportTable>();
        void Walk(ReportSection section)
        {
            foreach (var block in section.Blocks)
            {
                switch (block)
                {
                    case ChartBlock c:
                        tables.Add(c.Chart.Data);
                        break;
                    case MapBlock m:
                        tables.Add(m.Map.Data);
                        break;
                }
            }

            foreach (var child in section.Children)
            {
                Walk(child);
            }
        }

        foreach (var section in Sections.Concat(Appendices))
        {
            Walk(section);
        }

        return tables;
    }

    /// <summary>The last appendix in print and Word: every figure's data table (null when the report has no figure).</summary>
    /// <returns>The appendix, or null.</returns>
    public ReportSection? FigureDataAppendix()
    {
        var tables = FigureTables();
        return tables.Count == 0
            ? null
            : new ReportSection(FigureDataHeading,
                [new Paragraph("The figures in this report are drawn from the tables below, in the order the figures appear."), .. tables.Select(t => (ReportBlock)new TableBlock(t))]);
    }
}

/// <summary>The front matter of a committee report.</summary>
/// <param name="MeetingTitle">Title of meeting, e.g. "Health and Wellbeing Board".</param>
/// <param name="Subject">Subject, e.g. "Community Safety Plan 2022/23: progress report".</param>
/// <param name="MeetingDate">Date of meeting.</param>
/// <param name="ReportBy">Report by (name and role).</param>
/// <param name="WardsAffected">Wards affected, e.g. "All wards".</param>
/// <param name="InformationOnly">True for an "information only" item (no decision is being taken).</param>
/// <param name="RequestedBy">Who requested the report, if anyone.</param>
public sealed record FrontMatter(
    string MeetingTitle,
    string Subject,
    DateOnly MeetingDate,
    string ReportBy,
    string WardsAffected = "All wards",
    bool InformationOnly = true,
    string? RequestedBy = null);

/// <summary>A background document.</summary>
/// <param name="Title">Title of document.</param>
/// <param name="Location">Where it is (a link or a place).</param>
public sealed record BackgroundDocument(string Title, string? Location);

/// <summary>A section: a heading, its blocks and its subsections (numbered 4, 4.1, 4.1.1 when rendered).</summary>
/// <param name="Heading">The heading text, without its number.</param>
/// <param name="Blocks">The content, in order.</param>
/// <param name="Subsections">Subsections, after the blocks.</param>
public sealed record ReportSection(string Heading, IReadOnlyList<ReportBlock> Blocks, IReadOnlyList<ReportSection>? Subsections = null)
{
    /// <summary>The subsections (never null).</summary>
    public IReadOnlyList<ReportSection> Children => Subsections ?? [];
}

/// <summary>A piece of a section's content.</summary>
public abstract record ReportBlock;

/// <summary>A paragraph of plain text, optionally with a bold lead-in ("Overall crime – …").</summary>
/// <param name="Text">The text.</param>
/// <param name="Lead">A lead-in shown in bold before the text.</param>
public sealed record Paragraph(string Text, string? Lead = null) : ReportBlock;

/// <summary>A paragraph of sentences generated by the narrative rules.</summary>
/// <param name="Sentences">The sentences, in order.</param>
/// <param name="Lead">A lead-in shown in bold.</param>
public sealed record NarrativeParagraph(IReadOnlyList<Sentence> Sentences, string? Lead = null) : ReportBlock
{
    /// <summary>The sentences joined with spaces.</summary>
    public string Text => string.Join(" ", Sentences.Select(s => s.Text));
}

/// <summary>Authored Markdown (from the plan, partners' commentary), rendered with Markdig.</summary>
/// <param name="Markdown">The Markdown.</param>
/// <param name="Attribution">Who wrote it, shown after it (e.g. "Commentary: Domestic Abuse Strategy Group").</param>
public sealed record MarkdownBlock(string Markdown, string? Attribution = null) : ReportBlock;

/// <summary>A bulleted (or numbered) list of plain-text items.</summary>
/// <param name="Items">The items.</param>
/// <param name="Numbered">True for a numbered list.</param>
public sealed record BulletList(IReadOnlyList<string> Items, bool Numbered = false) : ReportBlock;

/// <summary>A highlighted note (e.g. "EXAMPLE data", a caveat on the data).</summary>
/// <param name="Text">The text.</param>
public sealed record Callout(string Text) : ReportBlock;

/// <summary>A table.</summary>
/// <param name="Table">The table.</param>
public sealed record TableBlock(ReportTable Table) : ReportBlock;

/// <summary>A chart with its text alternative and data table.</summary>
/// <param name="Chart">The chart.</param>
public sealed record ChartBlock(ReportChart Chart) : ReportBlock;
