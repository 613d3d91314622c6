using System.Net;
using System.Net.Http.Headers;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Tests.Reliability;
using Microsoft.Data.Sqlite;

namespace CommunitySafety.Web.Tests.Security;

/// <summary>
/// Uploads and forms above their limits (<see cref="RequestLimits"/>) are refused by the real server (Kestrel) with a
/// GOV.UK page that says why; a file under the limit is read.
/// </summary>
public sealed class UploadLimitTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csp-upload-limits", Guid.NewGuid().ToString("N"));
    private WebInstance _app = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _app = await WebInstance.StartAsync("sqlite", $"Data Source={Path.Combine(_folder, "csp.db")}", ("Demo:Seed", "true"), ("Demo:Password", WebFactory.Password));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_IsRefusedWith413AndAClearMessage_ASmallerOneIsRead()
    {
        using var client = _app.Client(new CookieContainer());
        using (var signIn = await Forms.PostAsync(client, "account/sign-in", [new("email", "analyst@example.org"), new("password", WebFactory.Password)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        Assert.Contains("The file must be smaller than 10 MB.", await client.GetStringAsync(new Uri("entry/upload", UriKind.Relative)), StringComparison.Ordinal);
        using (var tooLarge = await UploadAsync(client, (int)RequestLimits.UploadBytes + 1024))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
            var html = await tooLarge.Content.ReadAsStringAsync();
            Assert.Contains("The file or form is too large", html, StringComparison.Ordinal);
            Assert.Contains("smaller than 10 MB", html, StringComparison.Ordinal);
        }

        // Under the limit the file is read (and rejected for what it holds, naming the file).
        using var client2 = _app.Client(new CookieContainer());
        using (var signIn = await Forms.PostAsync(client2, "account/sign-in", [new("email", "analyst@example.org"), new("password", WebFactory.Password)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var small = await UploadAsync(client2, 64 * 1024);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Contains("govuk-error-summary", await small.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_LargerThanTheFormLimit_IsRefusedWith413()
    {
        using var client = _app.Client(new CookieContainer());
        var token = await Forms.TokenAsync(client, "account/sign-in");
        using var response = await client.PostAsync(new Uri("account/sign-in", UriKind.Relative), new FormUrlEncodedContent(
            [new("email", "analyst@example.org"), new("password", new string('p', (int)RequestLimits.FormBytes)), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int bytes)
    {
        var token = await Forms.TokenAsync(client, "entry/upload");
        var csv = new byte[bytes];
        var line = "Indicator,Period,Value\r\n"u8.ToArray();
        for (var i = 0; i < csv.Length; i++)
        {
            csv[i] = line[i % line.Length];
        }

        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "large.csv");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync(new Uri("entry/upload", UriKind.Relative), content);
    }
}
