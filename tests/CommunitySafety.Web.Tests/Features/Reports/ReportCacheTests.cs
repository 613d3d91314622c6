using System.Net;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Web.Infrastructure.Caching;
using CommunitySafety.Web.Infrastructure.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.Features.Reports;

/// <summary>
/// The PDF gate: one PDF at a time, a short queue, and beyond it a refusal at once with when to try again; worked with
/// makings the test holds and releases (no timing).
/// </summary>
public sealed class ReportGateTests
{
    [Fact]
    public async Task OneAtATime_AShortQueue_AndBeyondItARefusalAtOnce()
    {
        var gate = new ReportGate(queueLength: 1);
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var most = 0;

        async Task<string> Make(Task<string> until)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            try
            {
                return await until;
            }
            finally
            {
                Interlocked.Decrement(ref running);
            }
        }

        var first = gate.RunAsync(() => Make(release.Task), CancellationToken.None);
        var queued = gate.RunAsync(() => Make(Task.FromResult("second")), CancellationToken.None);
        Assert.Equal(2, gate.Inside);
        var refused = await Assert.ThrowsAsync<ReportBusyException>(() => gate.RunAsync(() => Make(Task.FromResult("third")), CancellationToken.None));
        Assert.True(refused.RetryAfter >= TimeSpan.FromSeconds(5));
        Assert.False(queued.IsCompleted);

        release.SetResult("first");
        Assert.Equal("first", await first);
        Assert.Equal("second", await queued);
        Assert.Equal(1, most);
        Assert.Equal(0, gate.Inside);
        Assert.Equal("fourth", await gate.RunAsync(() => Make(Task.FromResult("fourth")), CancellationToken.None));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

/// <summary>
/// Public reports are made once per store version and day and then served from memory: many requests at once make one
/// PDF (real Chromium); a write to the store makes the next request build again; with the PDF gate full a PDF not in the
/// cache is refused with 503 and Retry-After, never queued without end, while a cached one is still served.
/// </summary>
public sealed class ReportCacheTests(ReportCacheTests.QueuelessFactory factory) : IClassFixture<ReportCacheTests.QueuelessFactory>
{
    [Fact]
    public async Task ManyRequestsAtOnce_MakeOnePdf_AndAWriteMakesItAgain()
    {
        var reports = factory.Services.GetRequiredService<RenderedReports>();
        var client = factory.ClientAs(null);
        var before = reports.Made;
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetAsync(new Uri("/public/reports/progress.pdf", UriKind.Relative))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsByteArrayAsync()));
        Assert.All(bodies, b => Assert.Equal(bodies[0], b));
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(bodies[0], 0, 4), StringComparison.Ordinal);
        Assert.Equal(before + 1, reports.Made);

        // Served from memory: no new making, even with the gate held shut.
        var gate = factory.Services.GetRequiredService<ReportGate>();
        var hold = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = gate.RunAsync(() => hold.Task, CancellationToken.None);
        try
        {
            using (var cached = await client.GetAsync(new Uri("/public/reports/progress.pdf", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
            }

            Assert.Equal(before + 1, reports.Made);

            // A report not made yet needs the gate: refused at once, with when to try again.
            using var busy = await client.GetAsync(new Uri("/public/reports/progress.pdf?period=2024/25", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.True(int.Parse(busy.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 5);
            Assert.Contains("try again in", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            hold.SetResult(0);
            await holding;
        }

        // A write to the monitoring store changes its version: the next request builds the report again.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            var changed = await db.Database.ExecuteSqlRawAsync("UPDATE \"Indicators\" SET \"Title\" = \"Title\" || ' (renamed)' WHERE \"Code\" = 'DA-C2'");
            Assert.Equal(1, changed);
        }

        var html = await client.GetStringAsync(new Uri("/public/reports/progress.html", UriKind.Relative));
        var made = reports.Made;
        Assert.Equal(html, await client.GetStringAsync(new Uri("/public/reports/progress.html", UriKind.Relative)));
        Assert.Equal(made, reports.Made);
        using (var again = await client.GetAsync(new Uri("/public/reports/progress.pdf", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Equal(made + 1, reports.Made);
    }

    /// <summary>The app with no PDF queue: one PDF at a time and nothing waiting.</summary>
    public sealed class QueuelessFactory : SqliteWebFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Reports:Queue", "0");
        }
    }
}

/// <summary>
/// With the warmer on, the published report is made once in the background after start, so the first anonymous
/// requests are served from the cache; downloads beyond the per-address limit are refused with 429.
/// </summary>
public sealed class PublicReportWarmerTests(PublicReportWarmerTests.WarmFactory factory) : IClassFixture<PublicReportWarmerTests.WarmFactory>
{
    [Fact]
    public async Task ThePublishedReport_IsMadeAheadOfRequests_AndDownloadsAreLimitedPerAddress()
    {
        var reports = factory.Services.GetRequiredService<RenderedReports>();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (reports.Made < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Equal(2, reports.Made);
        var client = factory.ClientAs(null);
        client.DefaultRequestHeaders.Add(TestAddress.Header, "192.0.2.77");
        var statuses = new List<HttpStatusCode>();
        for (var n = 0; n < 4; n++)
        {
            using var response = await client.GetAsync(new Uri("/public/reports/progress.pdf", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(2, reports.Made);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    /// <summary>The app with the warmer on and three public downloads a minute per address.</summary>
    public sealed class WarmFactory : SqliteWebFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Reports:Warm", "true");
            builder.UseSetting("Reports:PublicPerMinute", "3");
        }
    }
}
