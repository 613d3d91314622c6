using System.Net;
using CommunitySafety.Web.Infrastructure.Audit;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.Infrastructure.Audit;

/// <summary>The audit trail in words: entries as the app records them, read back as sentences.</summary>
public sealed class AuditSentenceTests
{
    private static AuditEntry Entry(string action, string entity, string key, string? before, string? after) =>
        new() { User = "contributor@example.org", Action = action, Entity = entity, EntityKey = key, Before = before, After = after };

    [Theory]
    [InlineData("Value changed", "Indicator value", "DA-E1 Q4 2024/25 E06000044",
        "{\"Value\":41,\"Count\":null,\"Denominator\":null,\"MissingReason\":null,\"Status\":0,\"Version\":1}",
        "{\"Value\":44,\"Count\":null,\"Denominator\":null,\"MissingReason\":null,\"Status\":0}",
        "Chris Contributor (Refuge) changed DA-E1 Q4 2024/25 from 41 to 44 (provisional)")]
    [InlineData("Value submitted", "Indicator value", "DA-C2 Q1 2025/26 E06000044", null,
        "{\"Value\":70.000000000000014,\"Count\":7,\"Denominator\":10,\"MissingReason\":null,\"Status\":1}",
        "Chris Contributor (Refuge) submitted DA-C2 Q1 2025/26: 70 (7 of 10) (final)")]
    [InlineData("Value submitted", "Indicator value", "DA-03 Q1 2025/26 E06000044", null,
        "{\"Value\":null,\"Count\":null,\"Denominator\":null,\"MissingReason\":\"System outage <all of March>\",\"Status\":0}",
        "Chris Contributor (Refuge) submitted DA-03 Q1 2025/26: no value (“System outage <all of March>”) (provisional)")]
    [InlineData("Value changed", "Indicator value", "DA-E1 Q4 2024/25 E06000044",
        "{\"Value\":44,\"Status\":0}", "{\"Value\":44,\"Status\":1}",
        "Chris Contributor (Refuge) changed DA-E1 Q4 2024/25 from provisional to final (44)")]
    [InlineData("Action updated", "Action", "3 Run the MARAC audit", "{\"Status\":1,\"Rag\":2}", "{\"Status\":4,\"Rag\":3,\"Text\":\"Done \\u003Cearly\\u003E\"}",
        "Chris Contributor (Refuge) updated the action “Run the MARAC audit”: status from ongoing to completed, rating from amber to green, noting “Done <early>”")]
    [InlineData("Commentary written", "Commentary", "DA-E1 Q4 2024/25", null, "{\"Markdown\":\"Referrals rose after the **new** route.\"}",
        "Chris Contributor (Refuge) wrote commentary on DA-E1 Q4 2024/25: “Referrals rose after the **new** route.”")]
    [InlineData("Role changed", "User", "board@example.org", "{\"Roles\":[\"Analyst\"]}", "{\"Roles\":[\"BoardMember\"],\"Sessions\":\"ended\"}",
        "Chris Contributor (Refuge) changed board@example.org's role from Analyst to Board member and ended their sessions")]
    [InlineData("Something new", "Widget", "W1", "{\"Size\":7.000000000000001}", "{\"Size\":8,\"Shiny\":true}",
        "Chris Contributor (Refuge) something new: Widget W1 — before: size 7; after: size 8, shiny yes")]
    public void EachEntry_ReadsAsOneSentence(string action, string entity, string key, string? before, string? after, string expected)
    {
        var sentence = AuditSentence.Describe(Entry(action, entity, key, before, after), "Chris Contributor (Refuge)");
        Assert.Equal(expected, sentence);
    }

    [Fact]
    public void ASignIn_SaysFromWhereAndWhy()
    {
        var entry = new AuditEntry { User = "x@example.org", Action = "Sign-in failed", Entity = AuditLog.SignInEntity, EntityKey = "x@example.org", After = "{\"Address\":\"192.0.2.1\",\"Reason\":\"wrong password\"}" };
        Assert.Equal("Sign-in failed: x@example.org from address 192.0.2.1 (wrong password)", AuditSentence.Describe(entry, "X"));
    }
}

/// <summary>The audit page shows each entry in words with the person's name and organisation, and no JSON escapes.</summary>
public sealed class AuditPageTests(SqliteWebFactory factory) : IClassFixture<SqliteWebFactory>
{
    [Fact]
    public async Task TheAuditPage_ShowsSentencesWithNamesAndOrganisations()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var web = scope.ServiceProvider.GetRequiredService<WebDbContext>();
            var log = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await log.RecordAsync("contributor@example.org", "Value changed", "Indicator value", "DA-E1 Q4 2024/25 E06000044",
                new { Value = 41, Status = CommunitySafety.Monitoring.Model.ValueStatus.Provisional }, new { Value = 44, Status = CommunitySafety.Monitoring.Model.ValueStatus.Provisional });
            await log.RecordAsync("contributor@example.org", "Commentary written", "Commentary", "DA-E1 Q4 2024/25", null, new { Markdown = "Rise <b>explained</b>" });
            Assert.Contains(web.AuditEntries, e => e.After!.Contains("<b>", StringComparison.Ordinal));
        }

        using var response = await factory.ClientAs(Roles.Analyst).GetAsync(new Uri("/admin/audit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Chris Contributor (Refuge) changed DA-E1 Q4 2024/25 from 41 to 44 (provisional)", text, StringComparison.Ordinal);
        Assert.Contains("Chris Contributor (Refuge) wrote commentary on DA-E1 Q4 2024/25: “Rise <b>explained</b>”", text, StringComparison.Ordinal);
        Assert.Contains("Rise &lt;b&gt;explained&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003C", html, StringComparison.Ordinal);
        Assert.Contains("tabindex=\"0\" role=\"region\" aria-label=\"Changes, newest first (scrolls sideways)\"", html, StringComparison.Ordinal);
    }
}
