using System.Globalization;
using CommunitySafety.Assessment;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Web.Infrastructure;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySafety.Web.Features.Api;

/// <summary>
/// The strategic assessment of an area and financial year, as the Assessment library's JSON (internal); a question it
/// cannot answer gets RFC 9457 problem details saying why.
/// </summary>
public static class AssessmentApi
{
    /// <summary>Maps GET /api/assessment?area=…&amp;year=2024/25.</summary>
    /// <param name="app">The app.</param>
    /// <returns>The app.</returns>
    public static WebApplication MapAssessmentApi(this WebApplication app)
    {
        app.MapGet("/api/assessment", Assess).RequireAuthorization(Policies.Internal).WithTags("Assessment")
            .WithName("GetAssessment").WithSummary("The strategic assessment of an area for a financial year, against all other areas of its kind");
        return app;
    }

    internal static Results<ContentHttpResult, ProblemHttpResult> Assess(string? area, string? year, WebStoreOptions options, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(area) || string.IsNullOrWhiteSpace(year))
        {
            return ApiProblems.BadRequest("Give an area (name or ONS code) and a financial year, e.g. ?area=Luton&year=2024/25.");
        }

        FinancialYear fy;
        try
        {
            fy = FinancialYear.Parse(year.Trim(), CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            return ApiProblems.BadRequest($"'{year}' is not a financial year like 2024/25.");
        }

        if (!options.HasAnalyticalStore())
        {
            return ApiProblems.NotFound("There is no crime data: import police.uk files first.");
        }

        using var store = options.OpenAnalyticalStore();
        var source = new StoreAssessmentSource(store);
        ResolvedArea resolved;
        try
        {
            resolved = source.Resolve(area.Trim());
        }
        catch (AreaNotFoundException e)
        {
            return ApiProblems.NotFound(e.Message);
        }

        var peers = DefaultPeers.For(resolved);
        var data = source.Load(resolved, fy, peers);
        if (data.Area.For(fy) is null)
        {
            return ApiProblems.NotFound($"The store has no data for {resolved.Name} in {fy}.");
        }

        var result = StrategicAssessment.Assess(new AssessmentRequest { Year = fy, PeerGroup = peers, Provenance = source.Provenance(resolved, fy) }, data, AssessmentSettings.Default, time.GetUtcNow());
        return TypedResults.Content(result.ToJson(), "application/json");
    }
}
