using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace CommunitySafety.Web.Infrastructure.Security;

/// <summary>
/// How much a request may send: forms 1 MB, file uploads 10 MB (the upload page's own limit), set explicitly rather
/// than left to the server's defaults. A request that says it is larger is refused before it is read, with the GOV.UK
/// error page for 413 ("too large", naming the limits).
/// </summary>
public static class RequestLimits
{
    /// <summary>The most any request without a limit of its own may send (pages' forms, the API).</summary>
    public const long FormBytes = 1024 * 1024;

    /// <summary>The most an upload (the Excel template or a CSV) may send.</summary>
    public const long UploadBytes = 10 * 1024 * 1024;

    /// <summary>Sets the server's request body limit and the form reader's limits.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = FormBytes);
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = UploadBytes;
            o.ValueLengthLimit = (int)FormBytes;
            o.ValueCountLimit = 2048;
        });
        return builder;
    }

    /// <summary>
    /// The most of a refused body that is read and thrown away so the client, still sending, gets the 413 page rather
    /// than a broken connection; a request claiming more than this has its connection closed instead.
    /// </summary>
    public const long DrainBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Refuses (413, the GOV.UK error page) a request whose Content-Length is above its endpoint's limit
    /// (<c>[RequestSizeLimit]</c>) or <see cref="FormBytes"/>, before any of it is parsed; a body without a length is
    /// cut off by the server at the same limit.
    /// </summary>
    /// <param name="app">The application (after routing, so the endpoint is known).</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? FormBytes;
        if (context.Request.ContentLength is not { } length || length <= limit || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        if (length <= DrainBytes && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = null;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                await context.Request.Body.CopyToAsync(Stream.Null, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                context.Response.Headers.Connection = "close";
            }
        }
        else
        {
            context.Response.Headers.Connection = "close";
        }

        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
    });
}
