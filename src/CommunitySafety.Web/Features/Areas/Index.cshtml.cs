using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunitySafety.Web.Features.Areas;

/// <summary>
/// Area crime overview from the analytical store: recorded crime by type over the latest 12 months, with rates; the
/// strategic assessment of a financial year (key messages, benchmarking, scoring matrix and its sensitivity, through the
/// Reports library's components); and the Gi* hot spot map with its cells to download.
/// </summary>
[Authorize(Policy = Policies.Internal)]
public sealed class IndexModel(WebStoreOptions options, TimeProvider time, IConfiguration configuration, AreaPageCache cache) : PageModel
{
    /// <summary>The sections of the assessment report shown on the page, in this order.</summary>
    public static readonly string[] AssessmentSections = ["Key messages", "Benchmarking", "Scoring matrix", "Sensitivity of the ranking"];

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public bool HasStore { get; private set; }

    public IReadOnlyList<AreaSummary> Areas { get; private set; } = [];

    public IReadOnlyList<FinancialYear> Years { get; private set; } = [];

    public FinancialYear? ChosenYear { get; private set; }

    public CountResult? Counts { get; private set; }

    public CountResult? PreviousCounts { get; private set; }

    /// <summary>The data-quality flags (csp quality) on the forces and months the counts use, shown beside them.</summary>
    public IReadOnlyList<CommunitySafety.Data.Quality.QualityFlag> QualityFlags { get; private set; } = [];

    public string? Problem { get; private set; }

    public AreaAssessment? Assessment { get; private set; }

    /// <summary>The HTML of the assessment's sections, rendered by the Reports library's components.</summary>
    public IReadOnlyList<string> AssessmentHtml { get; private set; } = [];

    public AreaHotspots? Hotspots { get; private set; }

    /// <summary>The place analyses' sections (deprivation, repeat places, anti-social behaviour), rendered by the Reports library's components.</summary>
    public IReadOnlyList<string> PlacesHtml { get; private set; } = [];

    /// <summary>Why a place analysis could not be made, one sentence each.</summary>
    public IReadOnlyList<string> PlacesProblems { get; private set; } = [];

    /// <summary>The interactive map's tile layer (configuration <c>Maps:TileUrl</c>, e.g. a server of the organisation's own); none when unset.</summary>
    public string? TileUrl { get; private set; }

    /// <summary>The tiles' attribution (configuration <c>Maps:TileAttribution</c>).</summary>
    public string? TileAttribution { get; private set; }

    public async Task OnGetAsync()
    {
        TileUrl = configuration["Maps:TileUrl"] is { Length: > 0 } tiles ? tiles : null;
        TileAttribution = configuration["Maps:TileAttribution"];
        if (LiveMap.TileOrigin(TileUrl) is { } origin)
        {
            // Tiles are images from another origin: allow that origin for images on this page only.
            Response.Headers.ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicy.Replace("img-src 'self' data:", $"img-src 'self' data: {origin}", StringComparison.Ordinal);
        }

        HasStore = options.HasAnalyticalStore();
        if (!HasStore)
        {
            return;
        }

        // The costly parts are made once per store version and day (AreaPageCache); the stamp is read before the store
        // is opened, so data published in between is made again next time rather than kept under the newer stamp.
        var now = time.GetUtcNow();
        var stamp = options.AnalyticalStoreStamp() + "|" + DateOnly.FromDateTime(now.UtcDateTime).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        using var store = options.OpenAnalyticalStore();
        Areas = await cache.Cache.GetOrMakeAsync<IReadOnlyList<AreaSummary>>("areas", stamp, () =>
            Task.FromResult<IReadOnlyList<AreaSummary>>([.. new AreaResolver(store).ListAreas().Where(a => a.Area.Code is not null)]));
        if (string.IsNullOrWhiteSpace(Area))
        {
            return;
        }

        var chosen = Areas.FirstOrDefault(a => a.Area.Code?.ToString() == Area);
        if (chosen is null || chosen.LastMonth is not { } last || chosen.FirstMonth is not { } first)
        {
            Problem = "Choose an area from the list";
            return;
        }

        var year = AreaAnalysis.ParseYear(Year) ?? last.FinancialYear;
        ChosenYear = year;
        Year = year.ToString();
        var data = await cache.Cache.GetOrMakeAsync($"area|{Area}|{year}", stamp, async () =>
        {
            cache.CountMade();
            var counts = new CrimeCounts(store);
            var period = ReportingPeriod.Rolling12MonthsTo(last);
            // Rates on the population of the period's own mid-year, which the page names with its source.
            var current = counts.Count(CountQuery.For(chosen.Area, period, CountGrouping.CrimeType) with { Rate = new CountRateOptions() });
            var previous = counts.Count(CountQuery.For(chosen.Area, period.Previous, CountGrouping.CrimeType));

            var firstYear = first.FinancialYear;
            var lastYear = last.FinancialYear;
            IReadOnlyList<FinancialYear> years = [.. Enumerable.Range(0, lastYear.StartYear - firstYear.StartYear + 1).Select(k => lastYear.AddYears(-k))];
            var assessment = AreaAnalysis.Assess(store, Area, year, now);
            IReadOnlyList<string> html = [];
            if (assessment.Result is { } result)
            {
                var report = AssessmentReportBuilder.Build(result);
                var sections = AssessmentSections
                    .Select(h => report.Sections.FirstOrDefault(s => s.Heading == h))
                    .OfType<CommunitySafety.Reports.Model.ReportSection>()
                    .Select((s, i) => (s, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
                    .ToList();
                html = await AreaAnalysis.RenderSectionsAsync(sections);
            }

            var (outcomes, stopSearch) = AreaOutcomes.For(store, chosen.Area, year);
            var (placesHtml, placesProblems) = await AreaPlaces.RenderAsync(store, chosen.Area, year, last, AssessmentSections.Length + 1);
            return new AreaPageData(current, previous, years, assessment, html, AreaAnalysis.Hotspots(store, chosen.Area, year))
            {
                Outcomes = outcomes,
                StopSearch = stopSearch,
                PlacesHtml = placesHtml,
                PlacesProblems = placesProblems,
            };
        });
        Counts = data.Counts;
        PreviousCounts = data.PreviousCounts;
        Years = data.Years;
        Assessment = data.Assessment;
        AssessmentHtml = data.AssessmentHtml;
        Hotspots = data.Hotspots;
        Outcomes = data.Outcomes;
        StopSearch = data.StopSearch;
        PlacesHtml = data.PlacesHtml;
        PlacesProblems = data.PlacesProblems;
        // Not cached: an acknowledgement changes the flags without a new import.
        QualityFlags = new CommunitySafety.Data.Quality.QualityChecker(store).Check(Counts.Forces.Forces, (PreviousCounts.FirstMonth, Counts.LastMonth));
    }

    /// <summary>Crime outcomes of the area and year (<c>_Outcomes</c>).</summary>
    public CommunitySafety.Assessment.Outcomes.OutcomeResult? Outcomes { get; private set; }

    /// <summary>Stop and search of the area's force, latest complete year at or before the chosen one (<c>_StopSearch</c>).</summary>
    public CommunitySafety.Assessment.StopSearch.StopSearchResult? StopSearch { get; private set; }
}
