using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;
using CommunitySafety.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CommunitySafety.Web.Infrastructure.Caching;

/// <summary>
/// An in-memory cache of page parts (judgements, indicator pages) that is right with several instances on one database:
/// each entry is kept with the store's version stamp (<see cref="StampAsync"/>), read with one small query per request,
/// and is used only while the stamp is unchanged, so a write through any instance is seen by every instance on its next
/// request. The stamp is the row count and the largest id of every table a judgement or an indicator page is built
/// from; a changed value or commentary always adds a revision row (<see cref="MonitoringDbContext"/> keeps history), so
/// edits in place are seen too. Edits in place of a plan's own rows (an indicator's title, a target's value) without
/// adding or removing a row are not part of the stamp.
/// </summary>
public sealed class StoreVersionCache
{
    private static readonly Type[] Tables =
    [
        typeof(IndicatorValue), typeof(IndicatorValueRevision), typeof(Commentary), typeof(CommentaryRevision),
        typeof(Indicator), typeof(IndicatorTarget), typeof(MonitoringFramework), typeof(Objective),
        typeof(Strategy), typeof(Priority), typeof(CommunitySafetyPlan), typeof(Partnership),
    ];

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private string? _sql;

    /// <summary>The store's version stamp: one query over the tables the cached parts are built from.</summary>
    /// <param name="db">The monitoring store of the request.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The stamp; equal stamps mean the same rows.</returns>
    public async Task<string> StampAsync(MonitoringDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        _sql ??= BuildSql(db.Model);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = _sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var stamp = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                stamp.Append(Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)).Append('.');
            }

            return stamp.ToString();
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The cached value of <paramref name="key"/> made at <paramref name="stamp"/>, or a new one made now.</summary>
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
            return (T)entry.Value!;
        }

        // Read after the stamp, so a write between them leaves a newer value under an older stamp: made again next time.
        var value = await make().ConfigureAwait(false);
        _entries[fullKey] = new Entry(stamp, value);
        return value;
    }

    /// <summary>How many entries are held (for tests and diagnostics).</summary>
    public int Count => _entries.Count;

    private static string BuildSql(IModel model)
    {
        var parts = new List<string>();
        foreach (var type in Tables)
        {
            var entity = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the monitoring model.");
            var table = entity.GetTableName()!;
            var schema = entity.GetSchema();
            var store = StoreObjectIdentifier.Table(table, schema);
            var id = entity.FindPrimaryKey()!.Properties.Single().GetColumnName(store)!;
            var qualified = (schema is null ? string.Empty : Quote(schema) + ".") + Quote(table);
            parts.Add($"(SELECT COUNT(*) FROM {qualified})");
            parts.Add($"(SELECT COALESCE(MAX({Quote(id)}), 0) FROM {qualified})");
        }

        return "SELECT " + string.Join(", ", parts);
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record Entry(string Stamp, object? Value);
}
