using System.Net;
using CommunitySafety.Web.Infrastructure.Security;

namespace CommunitySafety.Web.Tests.Security;

/// <summary>
/// Every form handler of the app, posted with its anti-forgery token but with empty, missing and random fields, as each
/// role (and anonymous, and a contributor whose organisation supplies no indicator): never a 5xx. The ones that cannot
/// be answered say why with a 400.
/// </summary>
public abstract class FormAbuseTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : WebFactory
{
    private const string Quarter = "Q3 2031/32";

    /// <summary>Each form handler: its address (with handler), the fields it reads.</summary>
    private static readonly (string Url, string[] Fields)[] Handlers =
    [
        ("/entry/form?framework=DAMF&period=" + Quarter, ["Rows[0].Code", "Rows[0].Count", "Rows[0].Denominator", "Rows[0].Value", "Rows[0].MissingReason", "Rows[0].Commentary", "Status", "action"]),
        ("/entry/form?framework=DAMF&period=2031/32", ["Rows[0].Code", "Rows[0].Value", "action"]),
        ("/entry/form?framework=NO-SUCH&period=" + Quarter, ["Rows[0].Code", "action"]),
        ("/entry/form", ["framework", "period", "Rows[5].Code", "action"]),
        ("/entry/upload", ["file", "Framework", "Period"]),
        ("/admin?handler=Organisation", ["name"]),
        ("/admin/users?handler=Create", ["Email", "Name", "Role", "Organisation", "Password"]),
        ("/admin/users?handler=Unlock", ["id"]),
        ("/admin/users?handler=Disable", ["id"]),
        ("/admin/users?handler=Enable", ["id"]),
        ("/admin/users?handler=Role", ["id", "Role"]),
        ("/admin/users?handler=Reset", ["id", "mode"]),
        ("/account/password", ["CurrentPassword", "NewPassword", "ConfirmPassword"]),
        ("/account/reset-password", ["user", "token", "NewPassword", "ConfirmPassword"]),
        ("/plan/actions/1", ["Status", "Rag", "Text"]),
        ("/plan/actions/999999", ["Status", "Rag", "Text"]),
        ("/account/security?handler=Enable", ["code"]),
        ("/account/security?handler=Disable", []),
        ("/account/two-factor", ["code"]),
        ("/account/sign-in", ["Email", "Password", "ReturnUrl"]),
        ("/account/sign-in?handler=External", ["scheme"]),
        ("/account/sign-out", []),
        ("/error", ["status"]),
    ];

    public static TheoryData<string?, string?> Callers() => new()
    {
        { null, null },
        { Roles.Administrator, null },
        { Roles.Analyst, null },
        { Roles.Contributor, "Refuge" },
        { Roles.Contributor, "An organisation with no indicators" },
        { Roles.BoardMember, null },
        { Roles.Public, null },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EveryForm_PostedEmptyMissingOrRandom_NeverGivesA5xx(string? role, string? organisation)
    {
        var client = factory.ClientAs(role, organisation);
        var token = await Forms.TokenAsync(client, role is null ? "/account/sign-in" : "/error");
        var random = new Random(20261206);
        var problems = new List<string>();
        foreach (var (url, fields) in Handlers)
        {
            var variants = new List<(string Name, List<KeyValuePair<string, string>> Form)>
            {
                ("no fields", []),
                ("empty fields", [.. fields.Select(f => new KeyValuePair<string, string>(f, string.Empty))]),
                ("random fields", [.. fields.Select(f => new KeyValuePair<string, string>(f, Garbage(random)))]),
                ("random numbers", [.. fields.Select(f => new KeyValuePair<string, string>(f, random.Next(-5, 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)))]),
            };
            foreach (var (name, form) in variants)
            {
                using var content = new FormUrlEncodedContent([.. form, new("__RequestVerificationToken", token)]);
                using var response = await client.PostAsync(new Uri(url, UriKind.Relative), content);
                if ((int)response.StatusCode >= 500)
                {
                    problems.Add($"{url} ({name}) as {role ?? "anonymous"} {organisation}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task EntryPost_ByAContributorWithNoIndicators_Is400WithAMessage()
    {
        var client = factory.ClientAs(Roles.Contributor, "An organisation with no indicators");
        var url = "/entry/form?framework=DAMF&period=" + Uri.EscapeDataString(Quarter);
        using var response = await Forms.PostAsync(client, url, [new("Rows[0].Code", "DA-E1"), new("Rows[0].Count", "4"), new("action", "submit")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("There are no indicators in this framework that you can enter for " + Quarter + ": nothing was saved.",
            await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryPost_WithARowNamingNoIndicator_Is400WithAMessage()
    {
        var client = factory.ClientAs(Roles.Analyst);
        var url = "/entry/form?framework=DAMF&period=" + Uri.EscapeDataString(Quarter);
        using var response = await Forms.PostAsync(client, url, [new("Rows[0].Code", string.Empty), new("Rows[0].Count", "4"), new("action", "submit")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("A row of the form names no indicator", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionUpdate_WithoutAStatus_Is400_AndStoresNothing()
    {
        var client = factory.ClientAs(Roles.Analyst);
        using var response = await Forms.PostAsync(client, "/plan/actions/1", [new("Text", "No status given")]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choose a status and a RAG rating", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("No status given", await client.GetStringAsync(new Uri("/plan/actions/1", UriKind.Relative)), StringComparison.Ordinal);
    }

    private static string Garbage(Random random)
    {
        const string alphabet = "abcXYZ0129 <>'\"%;&=[]{}\\/é€-_.";
        var chars = new char[random.Next(1, 300)];
        for (var n = 0; n < chars.Length; n++)
        {
            chars[n] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}

public sealed class SqliteFormAbuseTests(SqliteWebFactory factory) : FormAbuseTests<SqliteWebFactory>(factory);

public sealed class PostgreSqlFormAbuseTests(PostgreSqlWebFactory factory) : FormAbuseTests<PostgreSqlWebFactory>(factory);
