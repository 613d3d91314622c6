using System.Globalization;
using CommunitySafety.Reports.Charts;
using CommunitySafety.Reports.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;
using TableCell = CommunitySafety.Reports.Model.TableCell;
using TableRow = CommunitySafety.Reports.Model.TableRow;

namespace CommunitySafety.Reports.Rendering;

/// <summary>
/// Renders a report to Word (.docx) with the Open XML SDK: real heading styles (Heading 1–4) carrying the section
/// numbers, tables with header rows that repeat, charts as PNG images with their text alternative, A4 pages with
/// page numbers in the footer.
/// </summary>
public static class DocxReportRenderer
{
    private const int BulletNumberingId = 1;
    private const int NumberedNumberingId = 2;
    private const long EmuPerPixel = 9525;

    /// <summary>Writes the report to a .docx file.</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The file.</param>
    public static void Write(Report report, string path)
    {
        using var stream = File.Create(path);
        Write(report, stream);
    }

    /// <summary>Writes the report as .docx to a stream.</summary>
    /// <param name="report">The report.</param>
    /// <param name="stream">The stream.</param>
    public static void Write(Report report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document);
        doc.PackageProperties.Title = report.Title;
        doc.PackageProperties.Language = "en-GB";
        var main = doc.AddMainDocumentPart();
        AddStyles(main);
        AddNumbering(main);
        var footer = main.AddNewPart<FooterPart>();
        footer.Footer = new Footer(new W.Paragraph(
            new ParagraphProperties(new ParagraphStyleId { Val = "Footer" }),
            Run(report.Footer is { } f ? f + " · Page " : "Page "),
            new SimpleField(Run("1")) { Instruction = " PAGE " },
            Run(" of "),
            new SimpleField(Run("1")) { Instruction = " NUMPAGES " }));
        var writer = new Writer(main);
        var body = new Body();
        writer.Document(report, body);
        body.Append(new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 1134, Right = 1020U, Bottom = 1134, Left = 1020U, Header = 567U, Footer = 567U, Gutter = 0U }));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private sealed class Writer(MainDocumentPart main)
    {
        private uint _pictureId;
        private int _dataAppendix;
        private const int TextWidthPixels = 660;

        public void Document(Report report, Body body)
        {
            _dataAppendix = report.Appendices.Count + 1;
            if (report.FrontMatter is { InformationOnly: true })
            {
                body.Append(Para("THIS ITEM IS FOR INFORMATION ONLY", "Banner"));
                body.Append(Para("(Please note that \"Information Only\" reports do not require Integrated Impact Assessments, Legal or Finance Comments as no decision is being taken.)", "BannerNote"));
            }

            if (report.FrontMatter is { } front)
            {
                body.Append(Table(new ReportTable("Report details", [new("Item"), new("Detail")],
                [
                    new TableRow(["Title of meeting:", front.MeetingTitle]),
                    new TableRow(["Subject:", front.Subject]),
                    new TableRow(["Date of meeting:", front.MeetingDate.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))]),
                    new TableRow(["Report by:", front.ReportBy]),
                    new TableRow(["Wards affected:", front.WardsAffected]),
                ]), header: false));
            }

            body.Append(Para(report.Title, "Title"));
            if (report.Variant == ReportVariant.Published)
            {
                body.Append(Para("Published version: counts below the disclosure threshold are suppressed (shown as [c]), with other cells suppressed where they could reveal them.", "Strong"));
            }

            if (report.Warning is { } warning)
            {
                body.Append(Para("Please note: " + warning, "Warning"));
            }

            for (var i = 0; i < report.Sections.Count; i++)
            {
                Section(body, report.Sections[i], (i + 1).ToString(CultureInfo.InvariantCulture), 1);
            }

            if (report.SignedBy is { } signed)
            {
                body.Append(Para("Signed by " + signed, "Strong"));
            }

            if (report.BackgroundDocuments.Count > 0)
            {
                body.Append(Para("Background list of documents: Section 100D of the Local Government Act 1972", "Heading1"));
                body.Append(Table(new ReportTable("Background documents", [new("Title of document"), new("Location")],
                    [.. report.BackgroundDocuments.Select(d => new TableRow([d.Title, d.Location ?? string.Empty]))]), header: true));
            }

            for (var i = 0; i < report.Appendices.Count; i++)
            {
                Section(body, report.Appendices[i] with { Heading = $"Appendix {i + 1} – {report.Appendices[i].Heading}" }, null, 1, $"A{i + 1}");
            }

            // Every figure's data table, gathered at the end instead of after each figure (the body stays short).
            if (report.FigureDataAppendix() is { } figureData)
            {
                var n = report.Appendices.Count + 1;
                Section(body, figureData with { Heading = $"Appendix {n} – {figureData.Heading}" }, null, 1, $"A{n}");
            }
        }

        private void Section(Body body, ReportSection section, string? number, int level, string? childPrefix = null)
        {
            var label = number is null ? section.Heading : (level == 1 ? number + ". " : number + " ") + section.Heading;
            body.Append(Para(label, "Heading" + Math.Min(level, 4)));
            foreach (var block in section.Blocks)
            {
                Block(body, block);
            }

            var prefix = childPrefix ?? number;
            for (var i = 0; i < section.Children.Count; i++)
            {
                Section(body, section.Children[i], $"{prefix}.{i + 1}", level + 1);
            }
        }

        private void Block(Body body, ReportBlock block)
        {
            switch (block)
            {
                case Reports.Model.Paragraph p:
                    body.Append(Lead(p.Lead, p.Text));
                    break;
                case NarrativeParagraph n:
                    body.Append(Lead(n.Lead, n.Text));
                    break;
                case MarkdownBlock m:
                    Markdown(body, m.Markdown);
                    if (m.Attribution is { } by)
                    {
                        body.Append(Para(by, "Attribution"));
                    }

                    break;
                case BulletList list:
                    foreach (var item in list.Items)
                    {
                        body.Append(ListItem(item, list.Numbered));
                    }

                    break;
                case Callout c:
                    body.Append(Para(c.Text, "Callout"));
                    break;
                case TableBlock t:
                    body.Append(Para(t.Table.Caption, "Caption"));
                    body.Append(Table(t.Table, header: true));
                    foreach (var note in t.Table.Notes)
                    {
                        body.Append(Para(note, "TableNote"));
                    }

                    break;
                case ChartBlock c:
                    Chart(body, c.Chart);
                    break;
                case MapBlock m:
                    Picture(body, m.Map.Title, m.Map.Description, $"map-{m.Map.Id}.png", (m.Map.Png, m.Map.PngWidth, m.Map.PngHeight), m.Map.Data);
                    break;
            }
        }

        private void Chart(Body body, ReportChart chart) =>
            Picture(body, chart.Title, chart.Description, $"chart-{chart.Id}.png", ChartRenderer.ToPng(chart), chart.Data, ChartRenderer.AxisNote(chart.Spec));

        private void Picture(Body body, string title, string description, string fileName, (byte[] Png, int Width, int Height) picture, ReportTable data, string? axisNote = null)
        {
            body.Append(Para(title, "Caption"));
            var (png, width, height) = picture;
            var image = main.AddImagePart(ImagePartType.Png);
            using (var ms = new MemoryStream(png))
            {
                image.FeedData(ms);
            }

            var scale = Math.Min(1.0, (double)TextWidthPixels / width);
            var cx = (long)(width * scale * EmuPerPixel);
            var cy = (long)(height * scale * EmuPerPixel);
            var id = ++_pictureId;
            var relId = main.GetIdOfPart(image);
            var inline = new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = id, Name = $"Picture {id}", Title = title, Description = description },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(
                            new PIC.NonVisualDrawingProperties { Id = id, Name = fileName, Description = description },
                            new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = relId }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U,
                DistanceFromBottom = 0U,
                DistanceFromLeft = 0U,
                DistanceFromRight = 0U,
            };
            body.Append(new W.Paragraph(new ParagraphProperties(new KeepNext()), new Run(new Drawing(inline))));
            body.Append(Para(description, "ChartDescription"));
            if (axisNote is not null)
            {
                body.Append(Para(axisNote, "Strong"));
            }

            body.Append(Para($"Data: Appendix {_dataAppendix.ToString(CultureInfo.InvariantCulture)}, \u201c{data.Caption}\u201d.", "TableNote"));
        }

        private static Table Table(ReportTable table, bool header)
        {
            var columns = Math.Max(1, table.Columns.Count);
            const int totalWidth = 9866;
            var first = columns == 1 ? totalWidth : Math.Min(totalWidth / 2, Math.Max(totalWidth / columns, 2600));
            var other = columns == 1 ? 0 : (totalWidth - first) / (columns - 1);
            var t = new Table();
            var border = new BorderType[] { new TopBorder(), new BottomBorder(), new InsideHorizontalBorder() };
            t.Append(new TableProperties(
                new TableStyle { Val = "ReportTable" },
                new TableWidth { Width = totalWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4U, Color = "B1B4B6" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4U, Color = "B1B4B6" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4U, Color = "B1B4B6" }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableLook { Val = header ? "04A0" : "0080" }) { });
            _ = border;
            var grid = new TableGrid();
            for (var i = 0; i < columns; i++)
            {
                grid.Append(new GridColumn { Width = (i == 0 ? first : other).ToString(CultureInfo.InvariantCulture) });
            }

            t.Append(grid);
            if (header)
            {
                var row = new DocumentFormat.OpenXml.Wordprocessing.TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
                for (var i = 0; i < columns; i++)
                {
                    row.Append(Cell(table.Columns[i].Header, i == 0 ? first : other, table.Columns[i].Numeric, CellStatus.None, bold: true, shade: "F3F2F1"));
                }

                t.Append(row);
            }

            foreach (var r in table.Rows)
            {
                var row = new DocumentFormat.OpenXml.Wordprocessing.TableRow(new TableRowProperties(new CantSplit()));
                for (var i = 0; i < columns; i++)
                {
                    var cell = i < r.Cells.Count ? r.Cells[i] : new TableCell(string.Empty);
                    var numeric = i < table.Columns.Count && table.Columns[i].Numeric;
                    row.Append(Cell(cell.Text, i == 0 ? first : other, numeric, cell.Status, bold: r.IsTotal || (!header && i == 0), shade: Shade(cell.Status)));
                }

                t.Append(row);
            }

            return t;
        }

        private static DocumentFormat.OpenXml.Wordprocessing.TableCell Cell(string text, int width, bool numeric, CellStatus status, bool bold, string? shade)
        {
            var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
            if (shade is not null)
            {
                props.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = shade });
            }

            var pp = new ParagraphProperties(new ParagraphStyleId { Val = "TableText" });
            if (numeric)
            {
                pp.Append(new Justification { Val = JustificationValues.Right });
            }

            var run = Run(text);
            if (bold)
            {
                run.PrependChild(new RunProperties(new Bold()));
            }

            _ = status;
            return new DocumentFormat.OpenXml.Wordprocessing.TableCell(props, new W.Paragraph(pp, run));
        }

        private static string? Shade(CellStatus status) => status switch
        {
            CellStatus.Good => "D2E1EF",
            CellStatus.Bad => "FCD9C6",
            CellStatus.Amber => "FFE9A8",
            CellStatus.Neutral => "EDEDED",
            CellStatus.NoJudgement => "E6DEF4",
            _ => null,
        };

        private static W.Paragraph Lead(string? lead, string text)
        {
            var p = new W.Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "BodyText" }));
            if (lead is not null)
            {
                var r = Run(lead + " – ");
                r.PrependChild(new RunProperties(new Bold()));
                p.Append(r);
            }

            p.Append(Run(text));
            return p;
        }

        private static W.Paragraph ListItem(string text, bool numbered) => ListItem([Run(text)], numbered);

        private static W.Paragraph ListItem(IEnumerable<Run> runs, bool numbered)
        {
            var p = new W.Paragraph(new ParagraphProperties(
                new ParagraphStyleId { Val = "ListParagraph" },
                new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = numbered ? NumberedNumberingId : BulletNumberingId })));
            p.Append(runs);
            return p;
        }

        private static void Markdown(Body body, string markdown)
        {
            var ast = Markdig.Markdown.Parse(markdown ?? string.Empty, MarkdownText.MarkdownPipeline);
            foreach (var block in ast)
            {
                MarkdownBlock(body, block, italic: false);
            }
        }

        private static void MarkdownBlock(Body body, Block block, bool italic)
        {
            switch (block)
            {
                case HeadingBlock h:
                    var hp = new W.Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Strong" }));
                    hp.Append(Inlines(h.Inline, false, italic));
                    body.Append(hp);
                    break;
                case ParagraphBlock pb:
                    var p = new W.Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "BodyText" }));
                    p.Append(Inlines(pb.Inline, false, italic));
                    body.Append(p);
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var runs = item.OfType<ParagraphBlock>().SelectMany(x => Inlines(x.Inline, false, italic)).ToList();
                        body.Append(ListItem(runs, list.IsOrdered));
                    }

                    break;
                case QuoteBlock quote:
                    foreach (var inner in quote)
                    {
                        MarkdownBlock(body, inner, italic: true);
                    }

                    break;
                case LeafBlock leaf when leaf.Lines.Count > 0:
                    body.Append(Para(leaf.Lines.ToString(), "BodyText"));
                    break;
            }
        }

        private static IEnumerable<Run> Inlines(ContainerInline? container, bool bold, bool italic)
        {
            if (container is null)
            {
                yield break;
            }

            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LiteralInline lit:
                        yield return Styled(lit.Content.ToString(), bold, italic);
                        break;
                    case CodeInline code:
                        yield return Styled(code.Content, bold, italic);
                        break;
                    case LineBreakInline:
                        yield return Styled(" ", bold, italic);
                        break;
                    case EmphasisInline em:
                        foreach (var r in Inlines(em, bold || em.DelimiterCount >= 2, italic || em.DelimiterCount == 1))
                        {
                            yield return r;
                        }

                        break;
                    case LinkInline link:
                        foreach (var r in Inlines(link, bold, italic))
                        {
                            yield return r;
                        }

                        if (link.Url is { Length: > 0 } url)
                        {
                            yield return Styled($" ({url})", bold, italic);
                        }

                        break;
                    case ContainerInline inner:
                        foreach (var r in Inlines(inner, bold, italic))
                        {
                            yield return r;
                        }

                        break;
                }
            }
        }

        private static Run Styled(string text, bool bold, bool italic)
        {
            var run = Run(text);
            if (bold || italic)
            {
                var rp = new RunProperties();
                if (bold)
                {
                    rp.Append(new Bold());
                }

                if (italic)
                {
                    rp.Append(new Italic());
                }

                run.PrependChild(rp);
            }

            return run;
        }
    }

    private static W.Paragraph Para(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text));

    private static Run Run(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static void AddNumbering(MainDocumentPart main)
    {
        var part = main.AddNewPart<NumberingDefinitionsPart>();
        part.Numbering = new Numbering(
            new AbstractNum(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
            { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new AbstractNum(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Decimal },
                new LevelText { Val = "%1." },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
            { LevelIndex = 0 })
            { AbstractNumberId = 2 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId },
            new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = NumberedNumberingId });
        part.Numbering.Save();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                    new FontSize { Val = "22" },
                    new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Append(ParagraphStyle("Normal", "Normal", null, null, isDefault: true));
        styles.Append(ParagraphStyle("BodyText", "Body Text", "Normal", null));
        styles.Append(ParagraphStyle("Title", "Title", "Normal", new StyleRunProperties(new Bold(), new FontSize { Val = "36" }), spacingBefore: 240, outline: null));
        for (var level = 1; level <= 4; level++)
        {
            var size = level switch { 1 => "30", 2 => "26", 3 => "24", _ => "22" };
            styles.Append(ParagraphStyle($"Heading{level}", $"heading {level}", "Normal",
                new StyleRunProperties(new Bold(), new Color { Val = level == 1 ? "12436D" : "0B0C0C" }, new FontSize { Val = size }),
                spacingBefore: level == 1 ? 360 : 240, outline: level - 1, keepNext: true));
        }

        styles.Append(ParagraphStyle("Caption", "caption", "Normal", new StyleRunProperties(new Bold(), new FontSize { Val = "20" }), spacingBefore: 160, keepNext: true));
        styles.Append(ParagraphStyle("TableText", "Table Text", "Normal", new StyleRunProperties(new FontSize { Val = "17" }), spacingAfter: 0));
        styles.Append(ParagraphStyle("TableNote", "Table Note", "Normal", new StyleRunProperties(new Color { Val = "505A5F" }, new FontSize { Val = "16" })));
        styles.Append(ParagraphStyle("ChartDescription", "Chart Description", "Normal", new StyleRunProperties(new Color { Val = "505A5F" }, new FontSize { Val = "18" })));
        styles.Append(ParagraphStyle("Attribution", "Attribution", "Normal", new StyleRunProperties(new Italic(), new Color { Val = "505A5F" }, new FontSize { Val = "18" })));
        styles.Append(ParagraphStyle("Strong", "Strong Paragraph", "Normal", new StyleRunProperties(new Bold())));
        styles.Append(ParagraphStyle("Callout", "Callout", "Normal", new StyleRunProperties(new Color { Val = "12436D" })));
        styles.Append(ParagraphStyle("Warning", "Warning", "Normal", new StyleRunProperties(new Bold(), new Color { Val = "8A3A0F" })));
        styles.Append(ParagraphStyle("Banner", "Banner", "Normal", new StyleRunProperties(new Bold(), new Caps(), new FontSize { Val = "26" }), centred: true));
        styles.Append(ParagraphStyle("BannerNote", "Banner Note", "Normal", new StyleRunProperties(new Bold(), new FontSize { Val = "18" }), centred: true));
        styles.Append(ParagraphStyle("ListParagraph", "List Paragraph", "Normal", null));
        styles.Append(ParagraphStyle("Footer", "footer", "Normal", new StyleRunProperties(new FontSize { Val = "16" })));
        styles.Append(new Style(
            new StyleName { Val = "Report Table" },
            new BasedOn { Val = "TableNormal" },
            new StyleTableProperties(new TableCellMarginDefault(
                new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "ReportTable" });
        styles.Append(new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa }))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        part.Styles = styles;
        part.Styles.Save();
    }

    private static Style ParagraphStyle(
        string id, string name, string? basedOn, StyleRunProperties? run, bool isDefault = false, int? spacingBefore = null, int? outline = null,
        bool keepNext = false, int? spacingAfter = null, bool centred = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
            style.Append(new NextParagraphStyle { Val = "BodyText" });
        }

        if (outline is not null)
        {
            style.Append(new UIPriority { Val = 9 });
            style.Append(new PrimaryStyle());
        }

        var pp = new StyleParagraphProperties();
        if (keepNext)
        {
            pp.Append(new KeepNext());
        }

        if (spacingBefore is not null || spacingAfter is not null)
        {
            var spacing = new SpacingBetweenLines();
            if (spacingBefore is { } b)
            {
                spacing.Before = b.ToString(CultureInfo.InvariantCulture);
            }

            if (spacingAfter is { } a)
            {
                spacing.After = a.ToString(CultureInfo.InvariantCulture);
            }

            pp.Append(spacing);
        }

        if (centred)
        {
            pp.Append(new Justification { Val = JustificationValues.Center });
        }

        if (outline is { } o)
        {
            pp.Append(new OutlineLevel { Val = o });
        }

        if (pp.HasChildren)
        {
            style.Append(pp);
        }

        if (run is not null)
        {
            style.Append(run);
        }

        return style;
    }
}
