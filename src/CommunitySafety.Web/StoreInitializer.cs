using CommunitySafety.Monitoring.Demo;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Web.Infrastructure.Identity;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Web;

/// <summary>Brings both sets of tables up to date when the app starts, before it takes requests.</summary>
internal sealed class StoreInitializer(IServiceProvider services, WebStoreOptions options, IConfiguration configuration, ILogger<StoreInitializer> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var monitoring = await MonitoringDatabase.OpenAsync(options.Monitoring, cancellationToken: cancellationToken))
        {
            if (configuration.GetValue<bool>("Demo:Seed"))
            {
                var summary = await DemoPlan.SeedAsync(monitoring, cancellationToken: cancellationToken);
                logger.LogInformation("Demo plan: {Frameworks} frameworks, {Indicators} indicators, {Values} values", summary.Frameworks, summary.Indicators, summary.Values);
            }
        }

        await using var scope = services.CreateAsyncScope();
        var web = scope.ServiceProvider.GetRequiredService<WebDbContext>();
        await web.Database.MigrateAsync(cancellationToken);
        await AccountSeeder.SeedAsync(scope.ServiceProvider, configuration, logger, cancellationToken);

        // Load (or, on a new database, create and store) the shared key ring now, before any request, so an instance
        // started after this one finds the key instead of making a second one.
        scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("csp.startup").Protect("key ring ready");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
