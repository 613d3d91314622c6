using System.Text.Json.Serialization;

namespace CommunitySafety.Web.Infrastructure;

/// <summary>What every API endpoint shares: the OpenAPI document and the JSON options (enums as their names).</summary>
public static class ApiDocument
{
    /// <summary>Adds the OpenAPI document and JSON options (enums as their names).</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
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
}
