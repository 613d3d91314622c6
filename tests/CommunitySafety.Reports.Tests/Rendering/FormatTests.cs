using System.Diagnostics;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Rendering;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CommunitySafety.Reports.Tests.Rendering;

/// <summary>Word and PDF: the docx validates and opens in LibreOffice; the PDF's text has the headings and numbers.</summary>
public sealed class FormatTests
{
    [Fact]
    public async Task ProgressReport_Docx_ValidatesWithNoErrors_HasHeadingStylesAndImages()
    {
        var report = await TestReports.ProgressAsync(period: "Q4 2024/25");
        using var stream = new MemoryStream();
        DocxReportRenderer.Write(report, stream);
        stream.Position = 0;
        using var doc = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(doc).Take(10).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var styles = doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.ParagraphStyleId>().Select(s => s.Val!.Value).ToList();
        Assert.Contains("Heading1", styles);
        Assert.Contains("Heading2", styles);
        Assert.True(doc.MainDocumentPart.ImageParts.Count() >= 4);
        var text = doc.MainDocumentPart.Document.Body.InnerText;
        Assert.Contains("3. Reviewing community safety priorities", text, StringComparison.Ordinal);
        Assert.All(doc.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>(), d => Assert.False(string.IsNullOrWhiteSpace(d.Description)));
    }

    [Fact]
    public void AssessmentReport_Docx_OpensInLibreOffice()
    {
        var folder = Directory.CreateTempSubdirectory("csp-docx-").FullName;
        var docx = Path.Combine(folder, "assessment.docx");
        DocxReportRenderer.Write(TestReports.AssessmentReport(), docx);
        using (var doc = WordprocessingDocument.Open(docx, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc));
        }

        var soffice = new[] { "/usr/bin/libreoffice", "/usr/bin/soffice" }.FirstOrDefault(File.Exists);
        Assert.True(soffice is not null, "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)");
        var psi = new ProcessStartInfo(soffice!, ["--headless", $"-env:UserInstallation=file://{folder}/profile", "--convert-to", "pdf", "--outdir", folder, docx])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "LibreOffice did not finish");
        Assert.Equal(0, process.ExitCode);
        var pdf = Path.Combine(folder, "assessment.pdf");
        Assert.True(File.Exists(pdf) && new FileInfo(pdf).Length > 10_000, process.StandardError.ReadToEnd());
        Assert.Contains("Scoring matrix", PdfText(pdf), StringComparison.Ordinal);
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task ProgressReport_Pdf_IsA4WithHeadingsNumbersAndPageNumbers()
    {
        Assert.True(File.Exists(PdfReportRenderer.ChromiumPath), $"Chromium is required at {PdfReportRenderer.ChromiumPath} (apt-get install chromium)");
        var folder = Directory.CreateTempSubdirectory("csp-pdf-").FullName;
        var pdf = Path.Combine(folder, "progress.pdf");
        await PdfReportRenderer.WriteAsync(await TestReports.ProgressAsync(ReportVariant.Published), pdf);
        var text = PdfText(pdf);
        foreach (var expected in new[] { "1. Purpose", "Reviewing community safety priorities", "Conclusion", "Page 1 of", "10 July 2025", "Published version" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.Matches(@"from [\d,]+ to [\d,]+", text);
        var info = Run("pdfinfo", pdf);
        Assert.Contains("595.", info, StringComparison.Ordinal);
        Directory.Delete(folder, true);
    }

    internal static string PdfText(string pdf) => Run("pdftotext", "-layout", pdf, "-");

    private static string Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi) ?? throw new InvalidOperationException(program);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
