using Microsoft.AspNetCore.DataProtection;

namespace CommunitySafety.Web.Infrastructure.Storage;

/// <summary>
/// ASP.NET Core Data Protection shared by every instance of the app: the key ring is kept in the application database
/// (table <c>WebDataProtectionKeys</c>, through <see cref="WebDbContext"/>) and the application name is fixed, so a
/// sign-in cookie or anti-forgery token made by one instance is read by any other on the same database.
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>
    /// The default application name (<c>DataProtection:ApplicationName</c>). Instances share cookies only when they have
    /// the same name and the same database; a different name isolates installations that share a database.
    /// </summary>
    public const string DefaultApplicationName = "CommunitySafety";

    /// <summary>Keeps the Data Protection keys in the application database under one application name.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddSharedDataProtection(this WebApplicationBuilder builder)
    {
        // Without a fixed name the app's content root would be the discriminator: two installs of the same app in two
        // folders (or two containers) would reject each other's cookies.
        var name = builder.Configuration["DataProtection:ApplicationName"] is { Length: > 0 } n ? n : DefaultApplicationName;
        builder.Services.AddDataProtection()
            .SetApplicationName(name)
            .PersistKeysToDbContext<WebDbContext>();
        return builder;
    }
}
