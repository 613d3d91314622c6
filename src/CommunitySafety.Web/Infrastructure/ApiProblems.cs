using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace CommunitySafety.Web.Infrastructure;

/// <summary>
/// Errors of the <c>/api</c> routes as RFC 9457 problem details (<c>application/problem+json</c>): an endpoint's own
/// answers (<see cref="BadRequest"/>, <see cref="NotFound"/>, <see cref="Unavailable"/>; the report downloads use them
/// too), statuses without a body (401, 403, 404, 405, 429) and
/// unhandled exceptions (503 with <c>Retry-After</c> when the database is away, else 500; never the exception's
/// details). Pages keep the GOV.UK error page.
/// </summary>
public static class ApiProblems
{
    /// <summary>Whether a request is for the API.</summary>
    /// <param name="context">The request.</param>
    /// <returns>Whether its path starts with <c>/api</c>.</returns>
    public static bool IsApi(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>400: the request cannot be answered as asked; <paramref name="detail"/> says how to ask.</summary>
    /// <param name="detail">What is wrong and how to put it right.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>404: there is nothing to answer with; <paramref name="detail"/> says what is missing.</summary>
    /// <param name="detail">What was not found.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);

    /// <summary>503: the server cannot answer just now; <paramref name="detail"/> says when to try again (set <c>Retry-After</c> too).</summary>
    /// <param name="detail">Why, and when to try again.</param>
    /// <returns>The problem.</returns>
    public static ProblemHttpResult Unavailable(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>
    /// For <c>/api</c> requests: unhandled exceptions and bodiless error statuses become problem details. Call before
    /// the pages' error handling so it answers API requests first.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) => app.UseWhen(IsApi, api =>
    {
        api.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = e => DatabaseUnavailable.Is(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError,
            ExceptionHandler = WriteExceptionAsync,
        });
        api.UseStatusCodePages(WriteStatusAsync);
    });

    private static async Task WriteExceptionAsync(HttpContext context)
    {
        var unavailable = context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable;
        if (unavailable)
        {
            context.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await WriteAsync(context, new ProblemDetails
        {
            Status = context.Response.StatusCode,
            Detail = unavailable
                ? "The database cannot be reached just now. Try again in a little while."
                : "Something went wrong on the server. It has been logged; try again, and tell the administrator if it keeps happening.",
        }, context.Features.Get<IExceptionHandlerFeature>()?.Error);
    }

    private static Task WriteStatusAsync(StatusCodeContext context) => WriteAsync(context.HttpContext, new ProblemDetails
    {
        Status = context.HttpContext.Response.StatusCode,
        Detail = context.HttpContext.Response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => "Sign in first: this address needs a signed-in user.",
            StatusCodes.Status403Forbidden => "Your role may not use this address.",
            StatusCodes.Status404NotFound => "There is nothing at this address.",
            StatusCodes.Status405MethodNotAllowed => "This address does not take that method.",
            StatusCodes.Status429TooManyRequests => "Too many requests: wait a minute and try again.",
            _ => null,
        },
    }, null);

    private static async Task WriteAsync(HttpContext context, ProblemDetails problem, Exception? exception)
    {
        // Written as application/problem+json whatever the request's Accept header says: an API client always gets it.
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status ?? context.Response.StatusCode);
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception }))
        {
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }
}
