using CommunitySafety.Assessment.Places;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Rendering;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Areas;

/// <summary>
/// Ward and neighbourhood profiles: choose a ward (LSOA 2021 → ward 2024) or paste a list of LSOA codes, and see the
/// short profile (<see cref="ProfileReportBuilder"/>, two printed pages) for the latest 12 months, with HTML, Word and PDF downloads.
/// </summary>
[Authorize(Policy = Policies.Internal)]
public sealed class ProfileModel(WebStoreOptions options) : PageModel
{
    /// <summary>The chosen ward's code.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Ward { get; set; }

    /// <summary>LSOA codes of a neighbourhood, separated by commas, spaces or new lines.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lsoas { get; set; }

    /// <summary>The neighbourhood's name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    public bool HasStore { get; private set; }

    public IReadOnlyList<(string Code, string Name, string? LocalAuthority)> Wards { get; private set; } = [];

    public string? Problem { get; private set; }

    public NeighbourhoodProfileResult? Profile { get; private set; }

    /// <summary>The profile's sections as HTML, rendered by the Reports library's components.</summary>
    public IReadOnlyList<string> Html { get; private set; } = [];

    /// <summary>The query string that makes this profile again (for the downloads).</summary>
    public string Query => Ward is { Length: > 0 } w ? $"ward={Uri.EscapeDataString(w)}" : $"lsoas={Uri.EscapeDataString(Lsoas ?? "")}&name={Uri.EscapeDataString(Name ?? "")}";

    public async Task OnGetAsync()
    {
        if (Make() is { } profile)
        {
            Profile = profile;
            Html = await AreaAnalysis.RenderSectionsAsync([.. ProfileReportBuilder.Sections(profile).Select((s, i) => (s, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))]);
        }
    }

    /// <summary>The profile as a file: html, docx or pdf.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string format)
    {
        var kind = format?.ToLowerInvariant();
        if (kind is not ("html" or "docx" or "pdf") || Make() is not { } profile)
        {
            return NotFound();
        }

        var report = ProfileReportBuilder.Build(profile);
        var name = "profile-" + string.Concat(profile.Neighbourhood.Name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-');
        switch (kind)
        {
            case "html":
                return File(System.Text.Encoding.UTF8.GetBytes(await HtmlReportRenderer.RenderAsync(report)), "text/html; charset=utf-8", name + ".html");
            case "docx":
                using (var stream = new MemoryStream())
                {
                    DocxReportRenderer.Write(report, stream);
                    return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
                }

            default:
                if (PdfReportRenderer.FindChromium() is null)
                {
                    return StatusCode(StatusCodes.Status503ServiceUnavailable, PdfReportRenderer.MissingChromiumText);
                }

                var path = Path.Combine(Path.GetTempPath(), $"csp-profile-{Guid.NewGuid():N}.pdf");
                try
                {
                    await PdfReportRenderer.WriteAsync(report, path);
                    return File(await System.IO.File.ReadAllBytesAsync(path), "application/pdf", name + ".pdf");
                }
                finally
                {
                    System.IO.File.Delete(path);
                }
        }
    }

    /// <summary>The profile asked for, or null with <see cref="Problem"/> set (or nothing asked yet).</summary>
    private NeighbourhoodProfileResult? Make()
    {
        HasStore = options.HasAnalyticalStore();
        if (!HasStore)
        {
            return null;
        }

        using var store = options.OpenAnalyticalStore();
        var query = new NeighbourhoodQuery(store);
        Wards = query.Wards();
        Neighbourhood neighbourhood;
        try
        {
            if (!string.IsNullOrWhiteSpace(Ward))
            {
                neighbourhood = query.Ward(Ward);
            }
            else if (!string.IsNullOrWhiteSpace(Lsoas))
            {
                neighbourhood = query.FromCodes(Name ?? "Neighbourhood", Lsoas);
            }
            else
            {
                return null;
            }
        }
        catch (Exception e) when (e is AreaNotFoundException or AmbiguousWardException or ArgumentException)
        {
            Problem = e is AreaNotFoundException ? $"No ward '{Ward}' in the imported ward lookup." : e.Message;
            return null;
        }

        var counts = query.Counts(neighbourhood, new YearMonth(1990, 1), new YearMonth(2100, 12));
        if (counts.MonthsCovered.Count == 0)
        {
            Problem = $"No police.uk records are imported for {neighbourhood.Name}'s LSOAs.";
            return null;
        }

        var last = counts.MonthsCovered[^1];
        return new NeighbourhoodProfile(store).For(neighbourhood, ReportingPeriod.Rolling12MonthsTo(last).FirstMonth, last);
    }
}
