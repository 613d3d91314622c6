using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace CommunitySafety.Web.Tests.Reliability;

/// <summary>
/// One real instance of the app (<see cref="WebApp.Create"/>) on Kestrel at 127.0.0.1 on a port the OS chooses, over
/// the given monitoring store: several of them over one database are a scale-out installation on one machine.
/// </summary>
public sealed class WebInstance : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebInstance(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The instance's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The app's services (to look at the database the way the app does).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts an instance in the Production environment (GOV.UK error pages, no developer details).</summary>
    /// <param name="provider">sqlite or postgresql.</param>
    /// <param name="connectionString">The monitoring store.</param>
    /// <param name="settings">More settings, e.g. ("Demo:Seed", "true").</param>
    /// <returns>The started instance.</returns>
    public static async Task<WebInstance> StartAsync(string provider, string connectionString, params (string Key, string Value)[] settings)
    {
        var args = new List<string>
        {
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            "--Reports:Warm", "false",
            "--Store:Provider", provider,
            "--Store:ConnectionString", connectionString,
            "--Store:Analytical", Path.Combine(Path.GetTempPath(), "csp-no-crime-data-" + Guid.NewGuid().ToString("N") + ".duckdb"),
        };
        foreach (var (key, value) in settings)
        {
            args.Add("--" + key);
            args.Add(value);
        }

        var app = WebApp.Create([.. args], b => b.Logging.SetMinimumLevel(LogLevel.Critical));
        await app.StartAsync();
        return new WebInstance(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
    }

    /// <summary>A client of this instance that keeps its cookies in <paramref name="cookies"/> and follows no redirects.</summary>
    /// <param name="cookies">The cookie jar (share one between instances to play a browser behind a load balancer).</param>
    /// <returns>The client.</returns>
    public HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false }, disposeHandler: true)
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(100),
        };

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
