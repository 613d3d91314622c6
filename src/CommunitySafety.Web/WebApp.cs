using CommunitySafety.Web.Features.Areas;
using CommunitySafety.Web.Features.Dashboard;
using CommunitySafety.Web.Features.Indicators;
using CommunitySafety.Web.Features.Reports;
using CommunitySafety.Web.Infrastructure;
using CommunitySafety.Web.Infrastructure.Health;
using CommunitySafety.Web.Infrastructure.Identity;
using CommunitySafety.Web.Infrastructure.Storage;
using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.Extensions.FileProviders;

namespace CommunitySafety.Web;

/// <summary>The pieces of the web application that Program.cs puts together.</summary>
public static class WebApp
{
    /// <summary>
    /// Builds the web application: the stores, accounts, pages and API, then the middleware and endpoints.
    /// </summary>
    /// <param name="args">The command line (e.g. <c>--urls</c>, <c>--Store:Provider postgresql</c>).</param>
    /// <param name="configure">Changes to the builder before the app is built (csp serve and tests).</param>
    /// <returns>The app, ready to run.</returns>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The app is this assembly even when another program (csp serve) hosts it: pages are found here.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(WebApp).Assembly.GetName().Name });
        configure?.Invoke(builder);
        builder.AddStores();
        builder.Services.AddSingleton<AreaPageCache>();
        builder.Services.AddHostedService<StoreInitializer>();
        builder.AddSharedDataProtection();
        builder.AddRequestLimits();
        builder.AddAccounts();
        builder.AddPages();
        builder.AddApi();
        builder.AddDashboard();
        builder.AddIndicators();
        builder.AddReports();
        builder.AddHealth();

        var app = builder.Build();
        app.UseWebPipeline();
        app.MapHealth();
        app.MapPages();
        app.MapDashboardApi();
        app.MapIndicatorsApi();
        app.MapPublicApi();
        app.MapReports();
        app.MapAssessmentApi();
        app.MapOpenApiDocument();
        return app;
    }

    /// <summary>Adds Razor Pages (one folder per feature under Features/) and the problem details of errors.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Features").AddApplicationPart(typeof(WebApp).Assembly);
        builder.Services.AddProblemDetails();
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        return builder;
    }

    /// <summary>The middleware: errors, HSTS on HTTPS, security headers, static files, request size limits, rate limits, sign-in.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseErrorPage();
            app.UseHsts();
        }

        // The API answers its errors with problem details (RFC 9457), inside the pages' error page so it answers first.
        app.UseApiProblems();

        // Pages get a GOV.UK error page for error statuses too.
        app.UseWhen(c => !ApiProblems.IsApi(c), b => b.UseStatusCodePagesWithReExecute("/error", "?status={0}"));
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(WebApp).Assembly, "wwwroot"),
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        app.UseRouting();
        app.UseRequestLimits();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseSessionCheckFailures();
        app.UsePasswordChangeRequired();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>Maps the pages.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static WebApplication MapPages(this WebApplication app)
    {
        // A page without a rule of its own needs a signed-in user; unknown addresses stay 404 for everyone.
        app.MapRazorPages().RequireAuthorization();
        return app;
    }
}
