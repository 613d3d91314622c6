using System.Globalization;
using CommunitySafety.Assessment;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Web.Infrastructure;
using CommunitySafety.Web.Infrastructure.Security;
using CommunitySafety.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySafety.Web.Features.Areas;

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

        if (!FinancialYear.TryParse(year.Trim(), CultureInfo.InvariantCulture, out var fy))
        {
            return ApiProblems.BadRequest($"'{year}' is not a financial year like 2024/25.");
        }

        if (!options.HasAnalyticalStore())
        {
            return ApiProblems.NotFound("There is no crime data: import police.uk files first.");
        }

        using var store = options.OpenAnalyticalStore();
        AssessmentResult result;
        try
        {
            result = CommunitySafety.Assessment.AreaAssessment.For(store, new AreaAssessmentRequest { Area = area.Trim(), Year = fy, GeneratedAt = time.GetUtcNow() }).Assessment;
        }
        catch (Exception e) when (e is AreaNotFoundException or NoAssessmentDataException)
        {
            return ApiProblems.NotFound(e.Message);
        }

        return TypedResults.Content(result.ToJson(), "application/json");
    }
}
