using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using CommunitySafety.Monitoring.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommunitySafety.Web.Infrastructure.Caching;

/// <summary>
/// An in-memory cache of page parts (judgements, indicator pages, their HTML) that is right with several instances on one
/// database: each entry is kept with the store's version stamp (<see cref="StampAsync"/>), read with one one-row query
/// per request, and is used only while the stamp is unchanged, so a write through any instance is seen by every instance
/// on its next request. The stamp is the monitoring store's change counter (<see cref="StoreVersion"/>), which database
/// triggers raise on every insert, update and delete of every monitoring table in the writing transaction: edits in
/// place (a target's figure changed by SQL) and changes made outside the app count too.
/// </summary>
/// <param name="maxEntries">
/// The most keys kept (default <see cref="DefaultMaxEntries"/>): once reached, a value for a key not yet held is made for
/// its request and not kept, so addresses with made-up filters cannot grow the cache without end. Keys held are still
/// refreshed when the stamp changes.
/// </param>
public sealed class StoreVersionCache(int maxEntries = StoreVersionCache.DefaultMaxEntries)
{
    /// <summary>The most keys kept unless told otherwise: far more than a plan's pages and filters.</summary>
    public const int DefaultMaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The store's version stamp: its change counter (<see cref="StoreVersion.SelectSql"/>).</summary>
    /// <param name="db">The monitoring store of the request.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The stamp; equal stamps mean the same rows.</returns>
    public async Task<string> StampAsync(MonitoringDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = StoreVersion.SelectSql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException("The monitoring store has no StoreVersion row: it was not migrated by this version of the app.");
            }

            return reader.GetString(0) + "." + Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The cached value of <paramref name="key"/> made at <paramref name="stamp"/>, or a new one made now. Requests that
    /// miss at the same time share one making (after a write, the many requests in flight would otherwise all build the
    /// same page at once); if that making fails (say, its request was cancelled), each waiting request makes its own.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="key">What the value is (e.g. "judgements:DAMF").</param>
    /// <param name="stamp">The store's stamp, read before making the value (<see cref="StampAsync"/>).</param>
    /// <param name="make">Makes the value from the store.</param>
    /// <returns>The value.</returns>
    public async Task<T> GetOrMakeAsync<T>(string key, string stamp, Func<Task<T>> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        var fullKey = typeof(T).FullName + "|" + key;
        if (_entries.TryGetValue(fullKey, out var entry) && entry.Stamp == stamp)
        {
            if (entry.Value.IsCompletedSuccessfully)
            {
                return (T)entry.Value.Result!;
            }
        }
        else if (entry is null && _entries.Count >= maxEntries)
        {
            return await make().ConfigureAwait(false);
        }
        else
        {
            // Read after the stamp, so a write between them leaves a newer value under an older stamp: made again next time.
            var mine = new Entry(stamp, new Lazy<Task<object?>>(async () => await make().ConfigureAwait(false)));
            entry = _entries.AddOrUpdate(fullKey, mine, (_, old) => old.Stamp == stamp ? old : mine);
            if (ReferenceEquals(entry, mine))
            {
                try
                {
                    return (T)(await mine.Value.ConfigureAwait(false))!;
                }
                catch
                {
                    _entries.TryRemove(KeyValuePair.Create(fullKey, mine));
                    throw;
                }
            }
        }

        try
        {
            return (T)(await entry.Value.ConfigureAwait(false))!;
        }
        catch (Exception)
        {
            // Another request's making failed: make it for this request, without sharing.
            return await make().ConfigureAwait(false);
        }
    }

    /// <summary>How many entries are held (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    private sealed class Entry(string stamp, Lazy<Task<object?>> making)
    {
        public string Stamp { get; } = stamp;

        public Task<object?> Value => making.Value;
    }
}
