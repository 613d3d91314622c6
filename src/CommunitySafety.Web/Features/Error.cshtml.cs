using System.Globalization;
using CommunitySafety.Web.Infrastructure;
using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features;

/// <summary>The error page: never shows exception details.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Sorry, there is a problem with the service";

    public string Text { get; private set; } = "Try again later.";

    public void OnGet([FromQuery] int? status) => Describe(status);

    public void OnPost([FromQuery] int? status) => Describe(status);

    private void Describe(int? status)
    {
        // After an exception the handler has set the status already (503 when the database is away: DatabaseUnavailable).
        switch (status ?? Response.StatusCode)
        {
            case 503:
                Heading = "Sorry, the service is unavailable";
                Text = "You will be able to use the service later. Anything you were saving has not been saved: try again in a few minutes.";
                Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                break;
            case 404:
                Heading = "Page not found";
                Text = "If you typed the web address, check it is correct.";
                break;
            case 413:
                Heading = "The file or form is too large";
                Text = $"Files must be smaller than {RequestLimits.UploadBytes / (1024 * 1024)} MB. Go back and choose a smaller file, or split it into parts.";
                break;
            case 429:
                Heading = "Too many attempts";
                Text = "Wait a minute, then try again.";
                break;
            case 400:
                Heading = "Your request could not be understood";
                Text = "Go back and try again.";
                break;
        }
    }
}
