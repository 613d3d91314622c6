using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using CommunitySafety.Monitoring;
using CommunitySafety.Statistics;
using CommunitySafety.Web.Features.Dashboard;
using CommunitySafety.Web.Features.Indicators;
using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySafety.Web.Features.Api;

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

/// <summary>One stored value.</summary>
public sealed record ValueRecord(
    string Period, string AreaCode, string CategoryType, string Category, double? Value, double? Count, double? Denominator,
    double? Lower95, double? Upper95, ValueStatus Status, string? MissingReason, string? Note, string EnteredBy, DateTimeOffset EnteredAt, int Version);

/// <summary>A published indicator: approved values only; values the one disclosure rule withholds are null with Suppressed true.</summary>
public sealed record PublishedIndicator(
    string Code, string Title, string Framework, string Period, double? Value, bool Suppressed, ComparisonOutcome SinceSamePeriodLastYear, TrendMarker Trend, bool ExampleData);

/// <summary>The JSON API of indicators and values, and the CSV/XLSX downloads: same rules as the pages.</summary>
public static class IndicatorsApi
{
    /// <summary>Adds the OpenAPI document and JSON options (enums as their names).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddScoped<DashboardQuery>();
        builder.Services.AddScoped<IndicatorQuery>();
        return builder;
    }

    /// <summary>Serves the OpenAPI document at /openapi/v1.json.</summary>
    /// <param name="app">The app.</param>
    /// <returns>The app.</returns>
    public static WebApplication MapOpenApiDocument(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    /// <summary>Maps /api/indicators…, /api/frameworks/{code}/export.xlsx (internal).</summary>
    /// <param name="app">The app.</param>
    /// <returns>The app.</returns>
    public static WebApplication MapIndicatorsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Internal).WithTags("Indicators");
        api.MapGet("/indicators", ListAsync).WithName("ListIndicators").WithSummary("Every indicator's latest judgement");
        api.MapGet("/indicators/{code}", GetAsync).WithName("GetIndicator").WithSummary("One indicator's latest judgement");
        api.MapGet("/indicators/{code}/values", ValuesAsync).WithName("GetIndicatorValues").WithSummary("An indicator's stored values");
        api.MapGet("/indicators/{code}/values.csv", CsvAsync).WithName("GetIndicatorValuesCsv").WithSummary("An indicator's stored values as CSV");
        api.MapGet("/frameworks/{code}/export.xlsx", XlsxAsync).WithName("ExportFramework").WithSummary("A framework's values as an Excel workbook");
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

    internal static async Task<Results<Ok<IndicatorSummary>, NotFound>> GetAsync(string code, DashboardQuery query, CancellationToken cancellationToken)
    {
        var view = await query.RunAsync(new DashboardFilter(null, null, null), cancellationToken);
        return Tiles(view).FirstOrDefault(t => t.Tile.Judgement.IndicatorCode == code) is { Tile: not null } found
            ? TypedResults.Ok(Summary(found.Framework, found.Tile))
            : TypedResults.NotFound();
    }

    internal static async Task<Results<Ok<List<ValueRecord>>, NotFound>> ValuesAsync(string code, IndicatorQuery query, CancellationToken cancellationToken) =>
        await query.RunAsync(code, cancellationToken) is { } d ? TypedResults.Ok(Records(d)) : TypedResults.NotFound();

    internal static async Task<Results<FileContentHttpResult, NotFound>> CsvAsync(string code, IndicatorQuery query, CancellationToken cancellationToken)
    {
        if (await query.RunAsync(code, cancellationToken) is not { } d)
        {
            return TypedResults.NotFound();
        }

        var csv = new StringBuilder("Indicator,Period,Area code,Value,Count,Denominator,Lower 95% limit,Upper 95% limit,Status,Missing reason,Entered by\r\n");
        foreach (var r in Records(d))
        {
            csv.Append(string.Join(',', new[]
            {
                code, r.Period, r.AreaCode, N(r.Value), N(r.Count), N(r.Denominator), N(r.Lower95), N(r.Upper95), r.Status.ToString(), r.MissingReason ?? string.Empty, r.EnteredBy,
            }.Select(Quote))).Append("\r\n");
        }

        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv", $"{code}-values.csv");
    }

    internal static async Task<Results<FileContentHttpResult, NotFound>> XlsxAsync(string code, FrameworkWorkbooks workbooks, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        try
        {
            await workbooks.ExportAsync(ExportFormat.Xlsx, stream, new ExportOptions { FrameworkCode = code }, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{code}-values.xlsx");
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

    private static List<ValueRecord> Records(IndicatorDetails d) =>
        [.. d.Series.Select(s => s.Value).Select(v => new ValueRecord(v.Period.ToString(), v.AreaCode, v.CategoryType, v.Category, v.Value, v.Count, v.Denominator,
            v.Lower95, v.Upper95, v.Status, v.MissingReason, v.Note, v.EnteredBy, v.EnteredAt, v.Version))];

    private static string N(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Quote(string field)
    {
        // Spreadsheet formula injection: the one rule, in Core.
        field = CommunitySafety.Exports.SpreadsheetSafety.Neutralise(field);
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
    }
}
