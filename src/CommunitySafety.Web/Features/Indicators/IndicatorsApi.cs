using System.Globalization;
using System.Text;
using CommunitySafety.Exports;
using CommunitySafety.Monitoring.Export;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Web.Infrastructure;
using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunitySafety.Web.Features.Indicators;

/// <summary>One stored value.</summary>
public sealed record ValueRecord(
    string Period, string AreaCode, string CategoryType, string Category, double? Value, double? Count, double? Denominator,
    double? Lower95, double? Upper95, ValueStatus Status, string? MissingReason, string? Note, string EnteredBy, DateTimeOffset EnteredAt, int Version);

/// <summary>The JSON API of an indicator's stored values, and the CSV/XLSX downloads: same rules as the indicator page.</summary>
public static class IndicatorsApi
{
    /// <summary>Adds what the indicator page and its API read with (<see cref="IndicatorQuery"/>).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddIndicators(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<IndicatorQuery>();
        return builder;
    }

    /// <summary>Maps /api/indicators/{code}/values…, /api/frameworks/{code}/export.xlsx (internal).</summary>
    /// <param name="app">The app.</param>
    /// <returns>The app.</returns>
    public static WebApplication MapIndicatorsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Internal).WithTags("Indicators");
        api.MapGet("/indicators/{code}/values", ValuesAsync).WithName("GetIndicatorValues").WithSummary("An indicator's stored values").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/indicators/{code}/values.csv", CsvAsync).WithName("GetIndicatorValuesCsv").WithSummary("An indicator's stored values as CSV").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/frameworks/{code}/export.xlsx", XlsxAsync).WithName("ExportFramework").WithSummary("A framework's values as an Excel workbook").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<Ok<List<ValueRecord>>, ProblemHttpResult>> ValuesAsync(string code, IndicatorQuery query, CancellationToken cancellationToken) =>
        await query.RunAsync(code, cancellationToken) is { } d ? TypedResults.Ok(Records(d)) : NoIndicator(code);

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(string code, IndicatorQuery query, CancellationToken cancellationToken)
    {
        if (await query.RunAsync(code, cancellationToken) is not { } d)
        {
            return NoIndicator(code);
        }

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(text, "\r\n");
        csv.WriteRow("Indicator", "Period", "Area code", "Value", "Count", "Denominator", "Lower 95% limit", "Upper 95% limit", "Status", "Missing reason", "Entered by");
        foreach (var r in Records(d))
        {
            csv.WriteRow(code, r.Period, r.AreaCode, N(r.Value), N(r.Count), N(r.Denominator), N(r.Lower95), N(r.Upper95), r.Status.ToString(), r.MissingReason, r.EnteredBy);
        }

        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray(), "text/csv", $"{code}-values.csv");
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> XlsxAsync(string code, FrameworkWorkbooks workbooks, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        try
        {
            await workbooks.ExportAsync(ExportFormat.Xlsx, stream, new ExportOptions { FrameworkCode = code }, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return ApiProblems.NotFound($"There is no framework with the code '{code}'.");
        }

        return TypedResults.File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{code}-values.xlsx");
    }

    /// <summary>The 404 of an indicator code that is not in the plan.</summary>
    internal static ProblemHttpResult NoIndicator(string code) => ApiProblems.NotFound($"There is no indicator with the code '{code}'.");

    private static List<ValueRecord> Records(IndicatorDetails d) =>
        [.. d.Series.Select(s => s.Value).Select(v => new ValueRecord(v.Period.ToString(), v.AreaCode, v.CategoryType, v.Category, v.Value, v.Count, v.Denominator,
            v.Lower95, v.Upper95, v.Status, v.MissingReason, v.Note, v.EnteredBy, v.EnteredAt, v.Version))];

    private static string N(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;
}
