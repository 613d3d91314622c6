using System.Net;
using System.Text.RegularExpressions;
using CommunitySafety.Monitoring.Judgement;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Web.Features.Dashboard;
using CommunitySafety.Web.Features.Indicators;
using CommunitySafety.Web.Infrastructure.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.Reliability;

/// <summary>
/// The dashboard's judgements and the indicator pages are cached in memory per instance (StoreVersionCache) keyed by
/// the store's version stamp: with two instances over one PostgreSQL database, a write through one instance (the form)
/// or straight through the store, or an edit in place by plain SQL, is shown by the other on its next request, and a
/// cached page is the uncached one.
/// </summary>
public sealed class PageCacheTests : IAsyncLifetime
{
    private const string Period = "Q2 2026/27";
    private static readonly string EntryUrl = "entry/form?framework=DAMF&period=" + Uri.EscapeDataString(Period);
    private TwoInstances _instances = null!;

    public async Task InitializeAsync() => _instances = await TwoInstances.StartAsync("csp_page_cache");

    public async Task DisposeAsync() => await _instances.DisposeAsync();

    [Fact]
    public async Task WriteOnOneInstance_IsShownByTheOther_AndCachedEqualsUncached()
    {
        var browser = new CookieContainer();
        using var first = _instances.First.Client(browser);
        using var second = _instances.Second.Client(browser);
        using (var signIn = await Forms.PostAsync(first, "account/sign-in", [new("email", "analyst@example.org"), new("password", WebFactory.Password)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        // Fill the second instance's cache: the period is not there yet.
        Assert.DoesNotContain(Period, await second.GetStringAsync(new Uri("indicators/DA-C2", UriKind.Relative)), StringComparison.Ordinal);
        var before = await DashboardJudgementAsync(_instances.Second, "DA-C2");
        Assert.NotEqual(Period, before.Period.ToString());
        Assert.True(_instances.Second.Services.GetRequiredService<StoreVersionCache>().Count >= 2);

        // A value entered through the first instance's form...
        var token = await Forms.TokenAsync(first, EntryUrl);
        using (var submit = await first.PostAsync(new Uri(EntryUrl, UriKind.Relative), new FormUrlEncodedContent(
            [
                new("Rows[0].Code", "DA-C2"), new("Rows[0].Count", "13"), new("Rows[0].Denominator", "17"),
                new("Status", "Provisional"), new("action", "submit"), new("__RequestVerificationToken", token),
            ])))
        {
            Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        }

        // ...is on the second instance's next indicator page and dashboard.
        Assert.Contains(Period, await second.GetStringAsync(new Uri("indicators/DA-C2", UriKind.Relative)), StringComparison.Ordinal);
        var after = await DashboardJudgementAsync(_instances.Second, "DA-C2");
        Assert.Equal(Period, after.Period.ToString());
        var dashboard = await second.GetStringAsync(new Uri("dashboard", UriKind.Relative));
        Assert.Contains(Period, dashboard, StringComparison.Ordinal);

        // Commentary written straight through the store of the first instance is on the second's page.
        const string Note = "Cache check: rise explained by a new referral route.";
        await using (var scope = _instances.First.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            var indicatorId = db.Indicators.Single(i => i.Code == "DA-C2").Id;
            var store = scope.ServiceProvider.GetRequiredService<IndicatorValueStore>();
            await store.WriteCommentaryAsync(CommentarySubject.OnIndicator(indicatorId), null, Note + " First version.", "analyst@example.org");
            await store.WriteCommentaryAsync(CommentarySubject.OnIndicator(indicatorId), null, Note, "analyst@example.org");
        }

        Assert.Contains(Note, await second.GetStringAsync(new Uri("indicators/DA-C2", UriKind.Relative)), StringComparison.Ordinal);

        // An edit in place by plain SQL (a target's figure and wording; no row added or removed) is on the second's
        // next page: the store's change counter is raised by the database's triggers, not by the app.
        const string OldTarget = "At least 85% leave with reduced risk";
        const string NewTarget = "At least 99% leave with reduced risk";
        Assert.Contains(OldTarget, await second.GetStringAsync(new Uri("indicators/DA-E1", UriKind.Relative)), StringComparison.Ordinal);
        await using (var scope = _instances.First.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            var changed = await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"IndicatorTargets\" SET \"Lower\" = 99, \"Description\" = {0} WHERE \"Description\" = {1}", NewTarget, OldTarget);
            Assert.Equal(1, changed);
        }

        var edited = await second.GetStringAsync(new Uri("indicators/DA-E1", UriKind.Relative));
        Assert.Contains(NewTarget, edited, StringComparison.Ordinal);
        Assert.DoesNotContain(OldTarget, edited, StringComparison.Ordinal);

        // The cached page is the page built from the store.
        await using (var scope = _instances.Second.Services.CreateAsyncScope())
        {
            var query = scope.ServiceProvider.GetRequiredService<IndicatorQuery>();
            var cached = await query.RunAsync("DA-C2", CancellationToken.None);
            var again = await query.RunAsync("DA-C2", CancellationToken.None);
            var fresh = await query.RenderAsync("DA-C2", CancellationToken.None);
            Assert.NotNull(cached);
            Assert.NotNull(fresh);
            Assert.Same(cached, again);
            // ScottPlot numbers its clip paths from a counter of the process; apart from those, the same SVG.
            Assert.NotNull(cached.ChartSvg);
            Assert.Equal(WithoutClipIds(fresh.ChartSvg), WithoutClipIds(cached.ChartSvg));
            Assert.Equal(fresh.Latest?.Period, cached.Latest?.Period);
            Assert.Equal(fresh.Latest?.Rag, cached.Latest?.Rag);
            Assert.Equal(fresh.Series.Select(r => (r.Value.Period, r.Value.Value)), cached.Series.Select(r => (r.Value.Period, r.Value.Value)));
            Assert.Equal(fresh.Commentary.SelectMany(t => t.Versions.Select(v => v.Markdown)), cached.Commentary.SelectMany(t => t.Versions.Select(v => v.Markdown)));

            // Each thread's versions (read in one query for the page) are the store's history of that commentary, newest first.
            var db = scope.ServiceProvider.GetRequiredService<MonitoringDbContext>();
            var store = scope.ServiceProvider.GetRequiredService<IndicatorValueStore>();
            var indicatorId = db.Indicators.Single(i => i.Code == "DA-C2").Id;
            var commentaries = db.Commentaries.Where(c => c.IndicatorId == indicatorId).ToList();
            Assert.Equal(commentaries.Count, fresh.Commentary.Count);
            Assert.Contains(fresh.Commentary, t => t.Versions.Count == 2);
            foreach (var commentary in commentaries)
            {
                var history = await store.GetCommentaryHistoryAsync(commentary.Id);
                var thread = fresh.Commentary.Single(t => t.Period == commentary.Period);
                Assert.Equal(history.Reverse().Select(h => (h.Markdown, h.Author, h.WrittenAt)), thread.Versions.Select(v => (v.Markdown, v.Author, v.WrittenAt)));
            }
        }
    }

    private static string? WithoutClipIds(string? svg) => svg is null ? null : Regex.Replace(svg, "cl_[0-9a-f]+", "cl_");

    private static async Task<IndicatorJudgement> DashboardJudgementAsync(WebInstance instance, string code)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<DashboardQuery>().RunAsync(new DashboardFilter(null, null, null), CancellationToken.None);
        return view.Priorities.SelectMany(p => p.Strategies).SelectMany(s => s.Frameworks).SelectMany(f => f.Tiles).Single(t => t.Judgement.IndicatorCode == code).Judgement;
    }
}
