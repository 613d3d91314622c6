using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Reports.Model;

namespace CommunitySafety.Web.Features.Reports;

/// <summary>
/// Makes the published progress report (HTML and PDF) ahead of the people who ask for it: shortly after start and then
/// every minute it asks for the report as a request would, so after any change to the store (and each new day) the
/// report is made once, in the background, through the report gate, and anonymous requests are served from the cache.
/// <c>Reports:Warm</c> (default true) turns it off.
/// </summary>
/// <param name="scopes">Makes a scope (the monitoring store) per round.</param>
/// <param name="services">The report cache and gate.</param>
/// <param name="configuration">The settings.</param>
/// <param name="logger">Where failures are logged.</param>
public sealed class PublicReportWarmer(IServiceScopeFactory scopes, ReportServices services, IConfiguration configuration, ILogger<PublicReportWarmer> logger)
    : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Reports:Warm", true))
        {
            return;
        }

        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var format in new[] { "html", "pdf" })
                {
                    try
                    {
                        using var scope = scopes.CreateScope();
                        var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
                        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
                        await ReportsApi.RenderAsync(format, null, ReportVariant.Published, db, services, http, stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogWarning(e, "The published progress report ({Format}) could not be made ahead of requests", format);
                    }
                }

                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
