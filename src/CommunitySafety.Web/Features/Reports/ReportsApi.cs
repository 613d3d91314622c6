using System.Globalization;
using CommunitySafety.Monitoring;
using CommunitySafety.Periods;
using CommunitySafety.Reports;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Rendering;
using CommunitySafety.Web.Features.Areas;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySafety.Web.Features.Reports;

/// <summary>
/// The progress report (the Reports library's one model) as HTML, Word or PDF: internal for analysts, the published
/// variant (disclosure control applied) for anyone.
/// </summary>
public static class ReportsApi
{
    /// <summary>The CSP of a report: its own inline styles and embedded SVG/PNG, still no script.</summary>
    public const string ReportContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'";

    /// <summary>
    /// Maps /reports/progress.{format} and /reports/assessment.{format} (analysts), and /public/reports/progress.{format}
    /// (anyone, published).
    /// </summary>
    /// <param name="app">The app.</param>
    /// <returns>The app.</returns>
    public static WebApplication MapReports(this WebApplication app)
    {
        app.MapGet("/reports/progress.{format}", (string format, string? period, string? variant, MonitoringDbContext db, HttpContext http, CancellationToken ct) =>
                RenderAsync(format, period, variant == "published" ? ReportVariant.Published : ReportVariant.Internal, db, http, ct))
            .RequireAuthorization(Policies.Analysis).WithTags("Reports").WithName("ProgressReport").WithSummary("The plan's progress report (internal or published)");
        app.MapGet("/reports/assessment.{format}", (string format, string? area, string? year, string? variant, WebStoreOptions options, TimeProvider time, HttpContext http, CancellationToken ct) =>
                RenderAssessmentAsync(format, area, year, variant == "published" ? ReportVariant.Published : ReportVariant.Internal, options, time, http, ct))
            .RequireAuthorization(Policies.Analysis).WithTags("Reports").WithName("AssessmentReport").WithSummary("The strategic assessment report of an area and financial year (internal or published)");
        app.MapGet("/public/reports/progress.{format}", (string format, string? period, MonitoringDbContext db, HttpContext http, CancellationToken ct) =>
                RenderAsync(format, period, ReportVariant.Published, db, http, ct))
            .AllowAnonymous().WithTags("Published").WithName("PublishedProgressReport").WithSummary("The published progress report, with small counts suppressed");
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, ContentHttpResult, NotFound, BadRequest<string>>> RenderAsync(
        string format, string? period, ReportVariant variant, MonitoringDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        ReportingPeriod? parsed = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (!ReportingPeriod.TryParse(period.Trim(), CultureInfo.InvariantCulture, out var p))
            {
                return TypedResults.BadRequest("The period is not a quarter (Q4 2022/23) or a financial year (2022/23).");
            }

            parsed = p;
        }

        if (!db.Plans.Any())
        {
            return TypedResults.NotFound();
        }

        var report = await ProgressReportBuilder.BuildAsync(db, new ProgressReportOptions
        {
            Period = parsed,
            Variant = variant,
            MeetingDate = DateOnly.FromDateTime(DateTime.UtcNow),
        }, cancellationToken);
        var name = $"progress-report-{variant.ToString().ToLowerInvariant()}";
        return await WriteAsync(report, format, name, http, cancellationToken);
    }

    internal static async Task<Results<FileContentHttpResult, ContentHttpResult, NotFound, BadRequest<string>>> RenderAssessmentAsync(
        string format, string? area, string? year, ReportVariant variant, WebStoreOptions options, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (format.ToLowerInvariant() is not ("html" or "docx" or "pdf"))
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(area) || AreaAnalysis.ParseYear(year) is not { } fy)
        {
            return TypedResults.BadRequest("Give an area (name or ONS code) and a financial year, e.g. ?area=Luton&year=2024/25.");
        }

        if (!options.HasAnalyticalStore())
        {
            return TypedResults.NotFound();
        }

        AreaAssessment assessment;
        using (var store = options.OpenAnalyticalStore())
        {
            assessment = AreaAnalysis.Assess(store, area, fy, time.GetUtcNow());
        }

        if (assessment.Result is not { } result)
        {
            return TypedResults.NotFound();
        }

        var report = AssessmentReportBuilder.Build(result, new AssessmentReportOptions { Variant = variant });
        var code = string.IsNullOrEmpty(result.Area.Code) ? "area" : result.Area.Code;
        var name = $"strategic-assessment-{code}-{fy.ToString().Replace('/', '-')}-{variant.ToString().ToLowerInvariant()}";
        return await WriteAsync(report, format, name, http, cancellationToken);
    }

    private static async Task<Results<FileContentHttpResult, ContentHttpResult, NotFound, BadRequest<string>>> WriteAsync(
        Report report, string format, string name, HttpContext http, CancellationToken cancellationToken)
    {
        switch (format.ToLowerInvariant())
        {
            case "html":
                http.Response.OnStarting(() =>
                {
                    http.Response.Headers.ContentSecurityPolicy = ReportContentSecurityPolicy;
                    return Task.CompletedTask;
                });
                return TypedResults.Content(await HtmlReportRenderer.RenderAsync(report), "text/html; charset=utf-8");
            case "docx":
                using (var stream = new MemoryStream())
                {
                    DocxReportRenderer.Write(report, stream);
                    return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
                }

            case "pdf":
                var path = Path.Combine(Path.GetTempPath(), $"csp-report-{Guid.NewGuid():N}.pdf");
                try
                {
                    await PdfReportRenderer.WriteAsync(report, path);
                    return TypedResults.File(await File.ReadAllBytesAsync(path, cancellationToken), "application/pdf", name + ".pdf");
                }
                finally
                {
                    File.Delete(path);
                }

            default:
                return TypedResults.NotFound();
        }
    }
}
