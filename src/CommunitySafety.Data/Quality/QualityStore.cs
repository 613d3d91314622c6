using CommunitySafety.Data.Store;

namespace CommunitySafety.Data.Quality;

/// <summary>
/// Reads the two tables of the data-quality checks (written by <see cref="AnalyticalStoreWriter"/>), created when first written (not part of the numbered schema, so a store
/// without them reads as "nothing republished, nothing acknowledged"): <c>month_replaced</c>, one row per force-month
/// of street-level crime replaced by an import (the rows before and after, the files, when), and
/// <c>quality_acknowledgement</c>, one row per acknowledged flag (its key, the reason, who, when).
/// </summary>
public static class QualityStore
{
    /// <summary>A force-month replaced by a later import: the rows and file before, the rows and file after, and when.</summary>
    public sealed record Replacement(short Force, int Month, string? OldFile, long OldRows, string NewFile, long NewRows, DateTime At);

    /// <summary>
    /// The latest replacement of each street-level force-month still in the store, when the new file differs from the old
    /// one by name or rows (the same file imported again is not a republished month).
    /// </summary>
    public static IReadOnlyList<Replacement> Republished(AnalyticalStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!Exists(store, "month_replaced"))
        {
            return [];
        }

        return store.Query("""
            SELECT r.force_id, r.month_idx, r.old_file, r.old_rows, s.path, l.rows, r.replaced_at
            FROM month_replaced r
            JOIN loaded_month l ON l.kind = r.kind AND l.force_id = r.force_id AND l.month_idx = r.month_idx AND l.file_id = r.new_file_id
            JOIN source_file s ON s.file_id = r.new_file_id
            WHERE r.old_file IS DISTINCT FROM s.path OR r.old_rows <> l.rows
            QUALIFY row_number() OVER (PARTITION BY r.force_id, r.month_idx ORDER BY r.replaced_at DESC) = 1
            """, r => new Replacement(r.GetInt16(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt64(3), r.GetString(4), r.GetInt64(5), r.GetDateTime(6)));
    }

    /// <summary>The acknowledgement of each acknowledged flag, by the flag's key (the latest when there are several).</summary>
    public static IReadOnlyDictionary<string, QualityAcknowledgement> Acknowledgements(AnalyticalStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!Exists(store, "quality_acknowledgement"))
        {
            return new Dictionary<string, QualityAcknowledgement>();
        }

        return store.Query("SELECT flag, reason, acknowledged_by, acknowledged_at FROM quality_acknowledgement ORDER BY acknowledged_at",
                r => (Flag: r.GetString(0), Ack: new QualityAcknowledgement(r.GetString(1), r.GetString(2), r.GetDateTime(3))))
            .GroupBy(a => a.Flag, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Ack, StringComparer.Ordinal);
    }

    /// <summary>Records that flag <paramref name="flagId"/> can stand, with why, who and when (kept: a later one supersedes, none is erased).</summary>
    /// <exception cref="ArgumentException">The reason is empty.</exception>
    public static void Acknowledge(AnalyticalStore store, string flagId, string reason, string by, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(flagId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        new AnalyticalStoreWriter(store).Acknowledge(flagId, reason.Trim(), by, at);
    }

    private static bool Exists(AnalyticalStore store, string table) =>
        store.Scalar<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main' AND table_name = $1", table) > 0;
}
