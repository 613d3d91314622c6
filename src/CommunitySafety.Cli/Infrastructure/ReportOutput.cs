using CommunitySafety.Reports.Rendering;
using ReportModel = CommunitySafety.Reports.Model.Report;

namespace CommunitySafety.Cli.Infrastructure;

/// <summary>Writes a report in the format its file extension names.</summary>
public static class ReportOutput
{
    /// <summary>The extensions understood.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".html", ".docx", ".pdf"];

    /// <summary>Checks the extension before any work is done.</summary>
    /// <param name="path">The output path.</param>
    /// <exception cref="CliException">The extension is not .html, .docx or .pdf.</exception>
    public static void Check(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (!Extensions.Contains(ext))
        {
            throw new CliException(ExitCode.UsageError, $"--out must end in .html, .docx or .pdf (got '{Path.GetFileName(path)}').");
        }
    }

    /// <summary>
    /// Writes the report to several files: its HTML is rendered once for the .html file and the PDF (whose printing starts
    /// from the same HTML), so HTML + Word + PDF cost one report build, one HTML render and one Chromium launch.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="paths">The full output paths.</param>
    /// <returns>A task.</returns>
    public static async Task WriteAsync(ReportModel report, IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            Check(path);
            if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }

        string? html = null;
        foreach (var path in paths)
        {
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".html":
                    html ??= await HtmlReportRenderer.RenderAsync(report).ConfigureAwait(false);
                    await File.WriteAllTextAsync(path, html).ConfigureAwait(false);
                    break;
                case ".docx":
                    DocxReportRenderer.Write(report, path);
                    break;
                default:
                    var chromium = PdfReportRenderer.FindChromium() ?? throw new CliException(ExitCode.Failure, PdfReportRenderer.MissingChromiumText);
                    html ??= await HtmlReportRenderer.RenderAsync(report).ConfigureAwait(false);
                    try
                    {
                        await PdfReportRenderer.WriteHtmlAsync(html, report.Footer ?? report.Title, path, chromium).ConfigureAwait(false);
                    }
                    catch (FileNotFoundException e)
                    {
                        throw new CliException(ExitCode.Failure, e.Message, e);
                    }

                    break;
            }
        }
    }

    /// <summary>Writes the report to one file.</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The full output path.</param>
    /// <returns>A task.</returns>
    public static Task WriteAsync(ReportModel report, string path) => WriteAsync(report, [path]);
}
