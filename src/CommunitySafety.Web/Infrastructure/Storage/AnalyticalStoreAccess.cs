using CommunitySafety.Data.Store;

namespace CommunitySafety.Web.Infrastructure.Storage;

/// <summary>
/// The web app's one way to the analytical store: read-only, and the published snapshot when the store has one
/// (<see cref="AnalyticalStore.OpenReadOnly"/>), so that several instances read while one importer publishes new data.
/// </summary>
public static class AnalyticalStoreAccess
{
    /// <summary>Whether there is crime data to read (the store file, or a published snapshot).</summary>
    public static bool HasAnalyticalStore(this WebStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AnalyticalStore.Exists(options.AnalyticalStorePath);
    }

    /// <summary>Opens the analytical store read-only, for the length of a request.</summary>
    public static AnalyticalStore OpenAnalyticalStore(this WebStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AnalyticalStore.OpenReadOnly(options.AnalyticalStorePath);
    }
}
