using CommunitySafety.Monitoring.Model;
using CommunitySafety.Statistics;
using CommunitySafety.Web.Features.Indicators;
using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySafety.Web.Features.Dashboard;

/// <summary>An indicator's latest judgement, as the API gives it.</summary>
public sealed record IndicatorSummary(
    string Code,
    string Title,
    string Framework,
    string? SuppliedBy,
    string Period,
    double? Value,
    double? Count,
    double? Lower95,
    double? Upper95,
    string? MissingReason,
    ComparisonOutcome SincePreviousPeriod,
    ComparisonOutcome SinceSamePeriodLastYear,
    TrendMarker Trend,
    VariationStatus Variation,
    Rag Rag,
    ComparisonOutcome? Benchmark,
    bool SmallNumbers,
    bool ExampleData);

/// <summary>A published indicator: approved values only; values the one disclosure rule withholds are null with Suppressed true.</summary>
public sealed record PublishedIndicator(
    string Code, string Title, string Framework, string Period, double? Value, bool Suppressed, ComparisonOutcome SinceSamePeriodLastYear, TrendMarker Trend, bool ExampleData);

/// <summary>The dashboard's data as JSON: every indicator's latest judgement (internal) and the published indicators (anyone).</summary>
public static class DashboardApi
{
    /// <summary>Adds what the dashboard, the public page and their API read with (<see cref="DashboardQuery"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<DashboardQuery>();
        return builder;
    }

    /// <summary>Maps /api/indicators and /api/indicators/{code}: the latest judgements (internal).</summary>
    /// <param name="app">The app.</param>
    /// <returns>The app.</returns>
    public static WebApplication MapDashboardApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Internal).WithTags("Indicators");
        api.MapGet("/indicators", ListAsync).WithName("ListIndicators").WithSummary("Every indicator's latest judgement");
        api.MapGet("/indicators/{code}", GetAsync).WithName("GetIndicator").WithSummary("One indicator's latest judgement").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Maps /api/public/indicators (anyone; disclosure control applied).</summary>
    /// <param name="app">The app.</param>
    /// <returns>The app.</returns>
    public static WebApplication MapPublicApi(this WebApplication app)
    {
        app.MapGet("/api/public/indicators", PublishedAsync).AllowAnonymous().WithTags("Published")
            .WithName("ListPublishedIndicators").WithSummary("Published indicators: approved values only, with small counts suppressed");
        return app;
    }

    internal static async Task<Ok<List<IndicatorSummary>>> ListAsync(DashboardQuery query, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(new DashboardFilter(null, null, null), cancellationToken);
        return TypedResults.Ok(Tiles(view).Select(t => Summary(t.Framework, t.Tile)).ToList());
    }

    internal static async Task<Results<Ok<IndicatorSummary>, ProblemHttpResult>> GetAsync(string code, DashboardQuery query, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(new DashboardFilter(null, null, null), cancellationToken);
        return Tiles(view).FirstOrDefault(t => t.Tile.Judgement.IndicatorCode == code) is { Tile: not null } found
            ? TypedResults.Ok(Summary(found.Framework, found.Tile))
            : IndicatorsApi.NoIndicator(code);
    }

    internal static async Task<Ok<List<PublishedIndicator>>> PublishedAsync(DashboardQuery query, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(new DashboardFilter(null, null, null, Published: true), cancellationToken);
        return TypedResults.Ok(Tiles(view).Select(t =>
        {
            var j = t.Tile.Judgement;
            return new PublishedIndicator(j.IndicatorCode, j.Title, t.Framework, j.Period.ToString(), j.SuppressWhenPublished ? null : j.Value, j.SuppressWhenPublished,
                j.SinceSamePeriodLastYear.Outcome, j.Trend.Marker, j.IsExampleData);
        }).ToList());
    }

    private static IEnumerable<(string Framework, IndicatorTile Tile)> Tiles(DashboardView view) =>
        view.Priorities.SelectMany(p => p.Strategies).SelectMany(s => s.Frameworks).SelectMany(f => f.Tiles.Select(t => (f.Code, t)))
            .DistinctBy(t => t.t.Judgement.IndicatorCode);

    private static IndicatorSummary Summary(string framework, IndicatorTile tile)
    {
        var j = tile.Judgement;
        return new IndicatorSummary(j.IndicatorCode, j.Title, framework, tile.Owner, j.Period.ToString(), j.Value, j.Count, j.Lower95, j.Upper95, j.MissingReason,
            j.SincePreviousPeriod.Outcome, j.SinceSamePeriodLastYear.Outcome, j.Trend.Marker, j.Variation, j.Rag, j.Benchmark?.Outcome, j.SmallNumbers, j.IsExampleData);
    }
}
