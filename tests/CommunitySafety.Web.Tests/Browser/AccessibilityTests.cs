using System.Text.Json;
using Microsoft.Playwright;

namespace CommunitySafety.Web.Tests.Browser;

/// <summary>
/// Every page as each role, in Chromium at 320 CSS pixels wide (WCAG 1.4.10 reflow: 1280 px at 400%): the page never
/// scrolls sideways (wide tables scroll inside a focusable, labelled region instead), and axe-core finds no violation
/// of the WCAG 2.0/2.1/2.2 A and AA rules, of any impact, nor content outside a landmark.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture fixture)
{
    private static readonly string EntryForm = "/entry/form?framework=DAMF&period=" + Uri.EscapeDataString("Q1 2026/27");

    public static TheoryData<string?, string[]> RolesAndPages() => new()
    {
        { null, ["/", "/public", "/account/sign-in", "/account/reset-password?user=x&token=y", "/accessibility", "/privacy", "/cookies", "/nowhere"] },
        { "board@example.org", ["/dashboard", "/indicators/DA-E1", "/plan", "/areas", "/account", "/account/password", "/public"] },
        { "contributor@example.org", ["/dashboard", "/entry", EntryForm, "/entry/upload", "/account", "/account/security"] },
        { "analyst@example.org", ["/dashboard", "/indicators/DA-B2", "/plan", "/plan/actions/1", "/areas", "/reports", "/reports?report=assessment", "/admin", "/admin/audit", "/account"] },
        { "admin@example.org", ["/dashboard", "/admin", "/admin/users", "/admin/audit", "/reports", "/account", "/account/password"] },
    };

    [Theory]
    [MemberData(nameof(RolesAndPages))]
    public async Task EveryPage_At320Pixels_DoesNotScrollSideways_AndPassesAxeWcag22AA(string? who, string[] pages)
    {
        var axe = BrowserFixture.AxeScript;
        await using var context = await BrowserFixture.NewContextAsync(fixture.Browser, new BrowserNewContextOptions
        {
            BaseURL = fixture.BaseUrl,
            BypassCSP = true,
            ViewportSize = new ViewportSize { Width = 320, Height = 640 },
        });
        var page = await context.NewPageAsync();
        if (who is not null)
        {
            await BrowserFixture.SignInAsync(page, who);
        }

        var problems = new List<string>();
        foreach (var url in pages)
        {
            await page.GotoAsync(url);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0)
            {
                var widest = await page.EvaluateAsync<string>(
                    """
                    () => [...document.querySelectorAll('body *')]
                      .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.app-table-wrap, .csp-table-wrap'))
                      .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '')).join(', ')
                    """);
                problems.Add($"{who ?? "anonymous"} {url}: scrolls sideways by {overflow} px at 320 px ({widest})");
            }

            await page.AddScriptTagAsync(new() { Content = axe });
            var violations = await page.EvaluateAsync<JsonElement>(
                """
                async () => {
                  const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
                  const landmarks = await axe.run(document, { runOnly: { type: 'rule', values: ['region'] } });
                  return r.violations.concat(landmarks.violations)
                    .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
                }
                """);
            problems.AddRange(violations.EnumerateArray().Select(v => $"{who ?? "anonymous"} {url}: {v.GetString()}"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
