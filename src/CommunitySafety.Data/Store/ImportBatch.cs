using DuckDB.NET.Data;

namespace CommunitySafety.Data.Store;

/// <summary>
/// One transaction over several whole files. Committing files in groups lets DuckDB write full row groups straight
/// to the database file instead of through the write-ahead log, and runs LSOA allocation once per group; a file still
/// lands whole or not at all. A bad file (rejected whole) makes the importer roll the group back and redo its files one
/// transaction each, so the outcome is the same as importing file by file.
/// </summary>
internal sealed class ImportBatch(AnalyticalStore store) : IDisposable
{
    /// <summary>A group closes once its files add up to this many bytes of CSV.</summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>…or this many files.</summary>
    public const int MaxFiles = 256;

    private readonly Dictionary<string, DuckDBAppender> _appenders = new(StringComparer.Ordinal);
    private DuckDBTransaction? _transaction = store.Connection.BeginTransaction();

    private HashSet<(byte Kind, short Force, int Month)>? _loaded;

    /// <summary>
    /// The force-months (by kind) already in the store or read earlier in this group, so a file whose force-months are
    /// all new needs no replacement queries.
    /// </summary>
    public HashSet<(byte Kind, short Force, int Month)> Loaded => _loaded ??=
        [.. store.Query("SELECT kind, force_id, month_idx FROM loaded_month", r => (r.GetByte(0), r.GetInt16(1), r.GetInt32(2)))];

    private DateTime? _now;

    /// <summary>The transaction's <c>now()</c> (DuckDB's time of the transaction's start), for rows appended rather than inserted.</summary>
    public DateTime Now => _now ??= store.Scalar<DateTime>("SELECT now()::TIMESTAMP");

    /// <summary>Whether a file of the group added LSOAs, so allocation must run before the commit.</summary>
    public bool NewLsoas { get; set; }

    /// <summary>The appender of a fact table, kept open across the group's files.</summary>
    public DuckDBAppender Appender(string table)
    {
        if (!_appenders.TryGetValue(table, out var appender))
        {
            appender = store.Connection.CreateAppender(table);
            _appenders[table] = appender;
        }

        return appender;
    }

    /// <summary>Writes appended rows into the tables, so that queries and deletes in the transaction see them.</summary>
    public void Flush()
    {
        foreach (var a in _appenders.Values)
        {
            a.Dispose();
        }

        _appenders.Clear();
    }

    public void Commit()
    {
        Flush();
        if (NewLsoas)
        {
            store.AllocateLsoas();
        }

        _transaction!.Commit();
        _transaction.Dispose();
        _transaction = null;
    }

    public void Rollback()
    {
        if (_transaction is null)
        {
            return;
        }

        foreach (var a in _appenders.Values)
        {
            try
            {
                a.Dispose();
            }
            catch (DuckDBException)
            {
                // Flushing into a transaction being rolled back may fail; the rows go with it.
            }
        }

        _appenders.Clear();
        store.RollBackAfterFailure(_transaction);
        _transaction.Dispose();
        _transaction = null;
    }

    public void Dispose() => Rollback();
}
