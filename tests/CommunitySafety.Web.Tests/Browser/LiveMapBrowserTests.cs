using System.Text.Json;
using CommunitySafety.Reports.Rendering;
using CommunitySafety.Web.Tests.Features.Areas;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CommunitySafety.Web.Tests.Browser;

/// <summary>
/// The app on Kestrel over an analytical store with crime points (the fixtures' police.uk January 2024), and Debian
/// chromium: the area page's Leaflet map draws the GeoJSON cells with the SVG map's colours and legend, offline.
/// </summary>
public sealed class LiveMapFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csp-web-livemap", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var store = Path.Combine(_folder, "csp.duckdb");
        AreaStoreWebFactory.BuildStore(store);
        _app = WebApp.Create(
        [
            "--urls", "http://127.0.0.1:0",
            "--Store:ConnectionString", $"Data Source={Path.Combine(_folder, "csp.db")}",
            "--Store:Analytical", store,
            "--Demo:Seed", "true",
            "--Demo:Password", WebFactory.Password,
            "--environment", "Production",
            "--Reports:Warm", "false",
        ], b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(PdfReportRenderer.LaunchOptions(BrowserFixture.ChromiumPath));
        BrowserFixture.UseGenerousExpectTimeout();
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

public sealed class LiveMapBrowserTests(LiveMapFixture fixture) : IClassFixture<LiveMapFixture>
{
    private const string Page = "/areas?area=E06000032&year=2023%2F24";

    [Fact]
    public async Task AreaPage_LeafletMapDrawsTheHotSpotCellsWithTheLegend_UnderTheAppsPolicy_AndPassesAxe()
    {
        // The app's own content security policy applies here (no bypass): Leaflet must work without 'unsafe-inline'.
        await using var context = await BrowserFixture.NewContextAsync(fixture.Browser, new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add(m.Text);
            }
        };
        var external = new List<string>();
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith(fixture.BaseUrl, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                external.Add(r.Url);
            }
        };
        await BrowserFixture.SignInAsync(page, "analyst@example.org");
        await BrowserFixture.GoToAsync(page, Page);

        // The map marks itself ready once Leaflet has drawn the GeoJSON cells: that, not the page's loading, is waited for.
        var map = page.Locator("#hotspot-map-live.app-live-map--ready");
        await map.WaitForAsync();

        // As many shaded paths as the GeoJSON has significant cells, in the SVG map's colours.
        var geojson = JsonDocument.Parse(await page.EvaluateAsync<string>("async () => await (await fetch(document.getElementById('hotspot-map-live').dataset.geojson)).text()"));
        var significant = geojson.RootElement.GetProperty("features").EnumerateArray()
            .Count(f => f.GetProperty("properties").GetProperty("significance").GetString() is { } s && s.StartsWith("hot", StringComparison.Ordinal) || f.GetProperty("properties").GetProperty("significance").GetString()!.StartsWith("cold", StringComparison.Ordinal));
        Assert.True(significant > 0, "the fixture's Luton month should have hot spot cells");
        var paths = page.Locator("#hotspot-map-live .leaflet-overlay-pane path:not([fill='none'])");
        Assert.Equal(significant, await paths.CountAsync());
        Assert.Equal(significant.ToString(System.Globalization.CultureInfo.InvariantCulture), await map.GetAttributeAsync("data-cells"));
        var fills = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#hotspot-map-live .leaflet-overlay-pane path:not([fill=\\'none\\'])')].map(p => p.getAttribute('fill'))");
        Assert.All(fills, f => Assert.Contains(f, new[] { "#b2182b", "#d6604d", "#4393c3", "#2166ac" }));
        Assert.True(await paths.First.IsVisibleAsync());

        // The legend says what the colours mean, as the SVG's does; the SVG fallback is hidden while the live map shows.
        var legend = await page.Locator("#hotspot-map-live .app-map-legend").InnerTextAsync();
        Assert.Contains("Getis-Ord Gi* (FDR-adjusted)", legend, StringComparison.Ordinal);
        Assert.Contains("Hot spot (99%)", legend, StringComparison.Ordinal);
        Assert.True(await page.Locator("#hotspot-map").IsHiddenAsync());
        Assert.Empty(blocked);
        Assert.Empty(external);

        // axe-core finds no serious or critical violation on the page with the live map (injected with the policy
        // bypassed, in a context of its own: the app's policy rightly refuses the test's inline script).
        await using var axeContext = await BrowserFixture.NewContextAsync(fixture.Browser, new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, BypassCSP = true, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        page = await axeContext.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "analyst@example.org");
        await BrowserFixture.GoToAsync(page, Page);
        await page.Locator("#hotspot-map-live.app-live-map--ready").WaitForAsync();
        await page.AddScriptTagAsync(new() { Content = BrowserFixture.AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
            }
            """);
        Assert.True(violations.GetArrayLength() == 0, string.Join(Environment.NewLine, violations.EnumerateArray().Select(v => v.GetString())));
    }

    [Fact]
    public async Task TheLiveMap_IsOneKeyboardStop_ArrowKeysMoveIt_AndTheTopHotSpotsAreATableByPlace()
    {
        await using var context = await BrowserFixture.NewContextAsync(fixture.Browser, new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "analyst@example.org");
        await BrowserFixture.GoToAsync(page, Page);
        await page.Locator("#hotspot-map-live.app-live-map--ready").WaitForAsync();

        // Tab through the whole page: the map is reached once, nothing inside it takes a stop, and the next stop is the
        // table of hot spots by place.
        var stops = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 0; n < 400; n++)
        {
            await page.Keyboard.PressAsync("Tab");
            var stop = await page.EvaluateAsync<string>(
                """
                () => {
                  const e = document.activeElement;
                  if (e === document.body) return 'body|body';
                  if (!e.dataset.stop) { window.stopCount = (window.stopCount || 0) + 1; e.dataset.stop = String(window.stopCount); }
                  const name = e.id || e.getAttribute('aria-label') || e.tagName;
                  return e.dataset.stop + '|' + name + (e.closest('#hotspot-map-live') && e.id !== 'hotspot-map-live' ? ' (inside the map)' : '');
                }
                """);
            if (!seen.Add(stop.Split('|')[0]))
            {
                break;
            }

            stops.Add(stop.Split('|', 2)[1]);
        }

        Assert.Single(stops, s => s == "hotspot-map-live");
        Assert.DoesNotContain(stops, s => s.EndsWith("(inside the map)", StringComparison.Ordinal));
        // After the map: "the map in words", then the table.
        Assert.Equal(["SUMMARY", "The strongest hot spots by place (scrolls sideways)"], stops.Skip(stops.IndexOf("hotspot-map-live") + 1).Take(2));

        // Focused, the arrow keys move the map.
        await page.Locator("#hotspot-map-live").FocusAsync();
        var before = await page.EvaluateAsync<string>("() => document.querySelector('#hotspot-map-live .leaflet-map-pane').style.transform");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#hotspot-map-live .leaflet-map-pane")).Not.ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(before)));
        var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineWidth");
        Assert.Equal("3px", outline);

        // The table names places and says how sure in words: no raw keys like "hot 99%" or "Gi* z".
        var table = await page.Locator("#hotspot-places").InnerTextAsync();
        Assert.Contains("Luton", table, StringComparison.Ordinal);
        Assert.Matches("(Very likely|Likely) \\((99|95)% confidence", table);
        Assert.DoesNotContain("Gi*", table, StringComparison.Ordinal);
        Assert.DoesNotContain("hot 99%", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AreaPage_WithoutJavaScript_KeepsTheSvgMap()
    {
        await using var context = await BrowserFixture.NewContextAsync(fixture.Browser, new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "analyst@example.org");
        await BrowserFixture.GoToAsync(page, Page);
        await Assertions.Expect(page.Locator("#hotspot-map svg[role=img]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#hotspot-map-live")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#hotspot-map-live")).ToBeHiddenAsync();
    }
}
