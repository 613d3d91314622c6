using System.Globalization;
using System.Threading.RateLimiting;
using CommunitySafety.Data.Queries;
using CommunitySafety.Monitoring.Progress;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Model;
using CommunitySafety.Reports.Rendering;
using CommunitySafety.Web.Features.Areas;
using CommunitySafety.Web.Infrastructure;
using CommunitySafety.Web.Infrastructure.Caching;
using CommunitySafety.Web.Infrastructure.Rendering;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace CommunitySafety.Web.Features.Reports;

/// <summary>
/// The progress report (the Reports library's one model) as HTML, Word or PDF: internal for analysts, the published
/// variant (disclosure control applied) for anyone.
/// </summary>
public static class ReportsApi
{
    /// <summary>The rate-limiting policy of the published report's downloads.</summary>
    public const string PublicReportsRateLimit = "public-reports";

    /// <summary>The CSP of a report: its own inline styles and embedded SVG/PNG, still no script.</summary>
    public const string ReportContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'";

    /// <summary>
    /// The services reports need: the cache of rendered reports (per store version and day), the report gate (one report
    /// made at a time per instance, a queue of <c>Reports:Queue</c>, default 3, beyond it 503 with Retry-After) and
    /// Chromium at low CPU priority (<c>Reports:ChromiumNice</c>, default 19) so printing a PDF does not slow the pages.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<RenderedReports>();
        builder.Services.AddSingleton(new ReportGate(builder.Configuration.GetValue("Reports:Queue", 3)));
        builder.Services.AddSingleton(sp => new LowPriorityChromium(builder.Configuration.GetValue("Reports:ChromiumNice", 19)));
        builder.Services.AddSingleton<ReportServices>();
        builder.Services.AddHostedService<PublicReportWarmer>();

        // Anonymous downloads of the published report: at most Reports:PublicPerMinute per client address per instance
        // (default 30, far more than a resident needs); beyond it 429 at once, so a burst from one address costs its
        // answers only and cannot take the machine's CPU or bandwidth from the pages people are using.
        var perMinute = builder.Configuration.GetValue("Reports:PublicPerMinute", 30);
        builder.Services.Configure<RateLimiterOptions>(o => o.AddPolicy(PublicReportsRateLimit, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return builder;
    }

    /// <summary>
    /// Maps /reports/progress.{format} and /reports/assessment.{format} (analysts), and /public/reports/progress.{format}
    /// (anyone, published). Each report is made once per store version and day and then served from this instance's
    /// memory; reports not in the cache are made one at a time (<see cref="ReportGate"/>).
    /// </summary>
    /// <param name="app">The app.</param>
    /// <returns>The app.</returns>
    public static WebApplication MapReports(this WebApplication app)
    {
        app.MapGet("/reports/progress.{format}", (string format, string? period, string? variant, MonitoringDbContext db, ReportServices services, HttpContext http, CancellationToken ct) =>
                RenderAsync(format, period, variant == "published" ? ReportVariant.Published : ReportVariant.Internal, db, services, http, ct))
            .RequireAuthorization(Policies.Analysis).WithTags("Reports").WithName("ProgressReport").WithSummary("The plan's progress report (internal or published)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/reports/assessment.{format}", (string format, string? area, string? year, string? variant, WebStoreOptions options, TimeProvider time, ReportServices services, HttpContext http, CancellationToken ct) =>
                RenderAssessmentAsync(format, area, year, variant == "published" ? ReportVariant.Published : ReportVariant.Internal, options, time, services, http, ct))
            .RequireAuthorization(Policies.Analysis).WithTags("Reports").WithName("AssessmentReport").WithSummary("The strategic assessment report of an area and financial year (internal or published)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/public/reports/progress.{format}", (string format, string? period, MonitoringDbContext db, ReportServices services, HttpContext http, CancellationToken ct) =>
                RenderAsync(format, period, ReportVariant.Published, db, services, http, ct))
            .AllowAnonymous().RequireRateLimiting(PublicReportsRateLimit).WithTags("Published").WithName("PublishedProgressReport").WithSummary("The published progress report, with small counts suppressed")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, ContentHttpResult, ProblemHttpResult>> RenderAsync(
        string format, string? period, ReportVariant variant, MonitoringDbContext db, ReportServices services, HttpContext http, CancellationToken cancellationToken)
    {
        if (!IsFormat(format))
        {
            return NoFormat(format);
        }

        ReportingPeriod? parsed = null;
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (!ReportingPeriod.TryParse(period.Trim(), CultureInfo.InvariantCulture, out var p))
            {
                return ApiProblems.BadRequest("The period is not a quarter (Q4 2022/23) or a financial year (2022/23).");
            }

            parsed = p;
        }

        if (!db.Plans.Any())
        {
            return ApiProblems.NotFound("There is no plan to report on yet: add the partnership's plan first.");
        }

        var today = DateOnly.FromDateTime(services.Time.GetUtcNow().UtcDateTime);
        var stamp = await services.Reports.Cache.StampAsync(db, cancellationToken) + "|" + today.ToString("O", CultureInfo.InvariantCulture);
        var key = $"progress|{variant}|{format.ToLowerInvariant()}|{parsed}";
        return await ServeAsync(key, stamp, services, http, "There is no such report.", async () =>
        {
            var options = new ProgressReportOptions { Variant = variant, MeetingDate = today };
            var progress = await new PlanProgressQuery(db).LoadAsync(new ProgressRequest { Period = parsed, Scope = options.Scope }, cancellationToken);
            var report = ProgressReportBuilder.Build(progress, options);
            return await RenderFileAsync(report, format, $"progress-report-{variant.ToString().ToLowerInvariant()}", services.Chromium, cancellationToken);
        });
    }

    internal static async Task<Results<FileContentHttpResult, ContentHttpResult, ProblemHttpResult>> RenderAssessmentAsync(
        string format, string? area, string? year, ReportVariant variant, WebStoreOptions options, TimeProvider time, ReportServices services, HttpContext http, CancellationToken cancellationToken)
    {
        if (!IsFormat(format))
        {
            return NoFormat(format);
        }

        if (string.IsNullOrWhiteSpace(area) || AreaAnalysis.ParseYear(year) is not { } fy)
        {
            return ApiProblems.BadRequest("Give an area (name or ONS code) and a financial year, e.g. ?area=Luton&year=2024/25.");
        }

        if (options.AnalyticalStoreStamp() is not { } storeStamp)
        {
            return ApiProblems.NotFound("There is no crime data: import police.uk files first.");
        }

        var now = time.GetUtcNow();
        var stamp = storeStamp + "|" + DateOnly.FromDateTime(now.UtcDateTime).ToString("O", CultureInfo.InvariantCulture);
        var key = $"assessment|{variant}|{format.ToLowerInvariant()}|{area.Trim().ToUpperInvariant()}|{fy}";
        return await ServeAsync(key, stamp, services, http, $"The store has no data for {area.Trim()} in {fy}.", async () =>
        {
            AreaAssessment assessment;
            AssessmentReportOptions reportOptions;
            using (var store = options.OpenAnalyticalStore())
            {
                assessment = AreaAnalysis.Assess(store, area, fy, now);
                if (assessment.Result is null || new AreaResolver(store).TryResolve(area) is not { } resolved)
                {
                    return null;
                }

                // The same sections as csp report assessment: outcomes and stop and search; the place sections (small areas
                // and places) in the internal report only.
                var (outcomes, stopSearch) = AreaOutcomes.For(store, resolved, fy);
                reportOptions = new AssessmentReportOptions
                {
                    Variant = variant,
                    Outcomes = outcomes,
                    StopSearch = stopSearch,
                    PlaceSections = variant == ReportVariant.Published ? [] : PlacesSections.ForArea(store, resolved, fy, []),
                };
            }

            var result = assessment.Result;
            var report = AssessmentReportBuilder.Build(result, reportOptions);
            var code = string.IsNullOrEmpty(result.Area.Code) ? "area" : result.Area.Code;
            var name = $"strategic-assessment-{code}-{fy.ToString().Replace('/', '-')}-{variant.ToString().ToLowerInvariant()}";
            return await RenderFileAsync(report, format, name, services.Chromium, cancellationToken);
        });
    }

    private static bool IsFormat(string format) => format.ToLowerInvariant() is "html" or "docx" or "pdf";

    private static ProblemHttpResult NoFormat(string format) => ApiProblems.NotFound($"There is no report as '{format}': ask for .html, .docx or .pdf.");

    /// <summary>
    /// The report from the cache, or made now through the gate; refused by the gate, a 503 problem with Retry-After;
    /// nothing made, a 404 problem saying <paramref name="notFound"/>.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, ContentHttpResult, ProblemHttpResult>> ServeAsync(
        string key, string stamp, ReportServices services, HttpContext http, string notFound, Func<Task<RenderedReport?>> make)
    {
        RenderedReport? rendered;
        try
        {
            // The gate is passed before any work: a request beyond the queue costs nothing but its answer.
            rendered = await services.Reports.Cache.GetOrMakeAsync(key, stamp, () => services.Gate.RunAsync(() =>
            {
                services.Reports.CountMade();
                return make();
            }, http.RequestAborted));
        }
        catch (ReportBusyException busy)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ApiProblems.Unavailable(busy.Message);
        }

        if (rendered is null)
        {
            return ApiProblems.NotFound(notFound);
        }

        if (rendered.Html is { } html)
        {
            http.Response.OnStarting(() =>
            {
                http.Response.Headers.ContentSecurityPolicy = ReportContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return TypedResults.Content(html, rendered.ContentType);
        }

        return TypedResults.File(rendered.Bytes!, rendered.ContentType, rendered.FileName);
    }

    private static async Task<RenderedReport?> RenderFileAsync(Report report, string format, string name, LowPriorityChromium chromium, CancellationToken cancellationToken)
    {
        switch (format.ToLowerInvariant())
        {
            case "html":
                return new RenderedReport(null, await HtmlReportRenderer.RenderAsync(report), "text/html; charset=utf-8", name + ".html");
            case "docx":
                using (var stream = new MemoryStream())
                {
                    DocxReportRenderer.Write(report, stream);
                    return new RenderedReport(stream.ToArray(), null, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
                }

            case "pdf":
                var path = Path.Combine(Path.GetTempPath(), $"csp-report-{Guid.NewGuid():N}.pdf");
                try
                {
                    await PdfReportRenderer.WriteAsync(report, path, chromium.ExecutablePath);
                    return new RenderedReport(await File.ReadAllBytesAsync(path, cancellationToken), null, "application/pdf", name + ".pdf");
                }
                finally
                {
                    File.Delete(path);
                }

            default:
                return null;
        }
    }
}

/// <summary>What the report endpoints share: the rendered-report cache, the report gate, Chromium and the clock.</summary>
/// <param name="Reports">The cache.</param>
/// <param name="Gate">The report gate.</param>
/// <param name="Chromium">The Chromium to print PDFs with.</param>
/// <param name="Time">The clock.</param>
public sealed record ReportServices(RenderedReports Reports, ReportGate Gate, LowPriorityChromium Chromium, TimeProvider Time);
