using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Periods;
using DuckDB.NET.Data;

namespace CommunitySafety.Data.Store;

/// <summary>
/// One police.uk file being written to the store (<see cref="AnalyticalStoreWriter.BeginFile"/>): its rows are appended
/// to the fact table of its kind, then <see cref="Commit"/> replaces whatever the store held for the force-months the file
/// holds (raw rows, monthly counts, <c>loaded_month</c>, the files no longer used), so re-importing never double-counts.
/// Outside a batch the file has a transaction of its own (<see cref="Abandon"/> rolls it back); in a batch
/// (<see cref="ImportBatch"/>) the group commits or rolls back together. A counts-only street file
/// (<see cref="AnalyticalStoreWriter.BeginCounts"/>) writes only the monthly counts (<c>loaded_month.counts_only</c>).
/// </summary>
internal sealed class ForceMonthFile : IPoliceRecordSink
{
    private readonly AnalyticalStore _store;
    private readonly StoreDimensions _dimensions;
    private readonly Func<string, ForceNames> _describeForce;
    private readonly ImportBatch? _batch;
    private readonly PoliceFileKind _kind;
    private readonly string _path;
    private readonly int _fileId;
    private readonly bool _countsOnly;
    private DuckDBTransaction? _transaction;
    private DuckDBAppender? _ownAppender;
    private readonly DuckDBAppender? _appender;

    private readonly Dictionary<(short Force, int Month), long> _forceMonths = [];
    private readonly Dictionary<(short Force, int Lsoa, byte Type, int Month), int> _monthly = [];

    // A counts-only file's counts and the maps from its force and LSOA numbers to the store's keys.
    private MonthlyCounts? _counts;
    private short[] _countForces = [];
    private int[] _countLsoas = [];

    // A counts-only file's entries with those maps, appended as they are (AppendMonthly).
    private (CountEntry[] Entries, short[] Forces, int[] Lsoas)? _sealed;

    // The last stop-and-search force name and its key (a file has one force).
    private string? _lastForceName;
    private short _lastForce;

    private ForceMonthFile(AnalyticalStore store, Func<string, ForceNames> describeForce, ImportBatch? batch, PoliceFileKind kind, string path, bool countsOnly)
    {
        _store = store;
        _dimensions = store.Dimensions;
        _describeForce = describeForce;
        _batch = batch;
        _kind = kind;
        _path = path;
        _countsOnly = countsOnly;
        _fileId = _dimensions.NextFileId;
        if (countsOnly)
        {
            return;
        }

        if (batch is not null)
        {
            _appender = batch.Appender(TableOf(kind));
            return;
        }

        _transaction = store.Connection.BeginTransaction();
        try
        {
            store.Execute("INSERT INTO source_file VALUES ($1, $2, $3, 0, now()::TIMESTAMP)", _fileId, path, (byte)kind);
            _ownAppender = store.Connection.CreateAppender(TableOf(kind));
            _appender = _ownAppender;
        }
        catch
        {
            Fail();
            throw;
        }
    }

    /// <summary>Starts writing a file of <paramref name="kind"/>; see <see cref="AnalyticalStoreWriter.BeginFile"/>.</summary>
    internal static ForceMonthFile Begin(AnalyticalStore store, Func<string, ForceNames> describeForce, ImportBatch? batch, PoliceFileKind kind, string path) =>
        new(store, describeForce, batch, kind, path, countsOnly: false);

    /// <summary>Starts writing a counts-only street file into <paramref name="batch"/>.</summary>
    internal static ForceMonthFile BeginCounts(AnalyticalStore store, Func<string, ForceNames> describeForce, ImportBatch batch, string path) =>
        new(store, describeForce, batch, PoliceFileKind.Street, path, countsOnly: true);

    /// <summary>Rows appended (or counted) so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Rows by force key.</summary>
    public Dictionary<short, long> RowsByForce { get; } = [];

    /// <summary>Rows by month index.</summary>
    public Dictionary<int, long> RowsByMonth { get; } = [];

    /// <summary>Rows by crime type id (street files).</summary>
    public long[] RowsByType { get; } = new long[32];

    /// <summary>After <see cref="Commit"/>: the files whose force-months this one replaced.</summary>
    public List<string> ReplacedFiles { get; } = [];

    /// <summary>After <see cref="Commit"/>: how many force-months this file replaced.</summary>
    public int ReplacedForceMonths { get; private set; }

    /// <summary>The force-months of the file so far, in order of first appearance.</summary>
    public IEnumerable<(short Force, int Month)> ForceMonths => _forceMonths.Keys;

    /// <summary>The "Reported by" name of a force key.</summary>
    public string ForceName(short force) => _dimensions.ForceName(force);

    private static string TableOf(PoliceFileKind kind) => kind switch
    {
        PoliceFileKind.Street => "crime",
        PoliceFileKind.Outcomes => "outcome",
        _ => "stop_search",
    };

    private short Force(ReadOnlySpan<char> name) => _dimensions.Force(name, _describeForce);

    /// <summary>Appends a chunk of checked street rows: keys from the store's dimensions, then the appender, counting as it goes.</summary>
    public void Append(CrimeChunk chunk)
    {
        var appender = _appender!;
        string? lastForceName = null;
        short force = 0;
        var lastMonth = -1;
        var text = chunk.Text;
        for (var i = 0; i < chunk.Count; i++)
        {
            if (!ReferenceEquals(chunk.Force[i], lastForceName))
            {
                lastForceName = chunk.Force[i];
                force = Force(lastForceName);
            }

            var month = chunk.Month[i];
            if (month != lastMonth)
            {
                _dimensions.Month(YearMonth.FromIndex(month));
                lastMonth = month;
            }

            var code = chunk.LsoaCode[i];
            var lsoaId = code is null ? 0 : _dimensions.Lsoa(code, chunk.LsoaName[i]);
            var type = chunk.Type[i];
            var r = appender.CreateRow().AppendValue(force).AppendValue(month).AppendValue(type);
            r = lsoaId == 0 ? r.AppendNullValue() : r.AppendValue(lsoaId);
            r = r.AppendValue(chunk.Longitude[i]).AppendValue(chunk.Latitude[i]);
            for (var t = i * CrimeChunk.TextsPerRow; t < (i + 1) * CrimeChunk.TextsPerRow; t++)
            {
                var length = chunk.TextLength[t];
                r = length < 0 ? r.AppendNullValue() : r.AppendValue(text.AsSpan(chunk.TextStart[t], length));
            }

            r.AppendValue(_fileId).AppendValue(chunk.Line[i]).EndRow();
            Count(force, month);
            RowsByType[type]++;
            CollectionsMarshal.GetValueRefOrAddDefault(_monthly, (force, lsoaId, type, month), out _)++;
        }
    }

    /// <inheritdoc/>
    public void Append(in OutcomeRecord record)
    {
        var force = Force(record.Force);
        var lsoaId = record.LsoaCode is { } code ? _dimensions.Lsoa(code, record.LsoaName) : 0;
        _dimensions.Month(YearMonth.FromIndex(record.Month));
        var r = _appender!.CreateRow().AppendValue(force).AppendValue(record.Month).AppendValue(record.CrimeId);
        r = lsoaId == 0 ? r.AppendNullValue() : r.AppendValue(lsoaId);
        r.AppendValue(record.Longitude).AppendValue(record.Latitude)
            .AppendValue(record.Location)
            .AppendValue(record.OutcomeType)
            .AppendValue(_fileId).AppendValue(record.Line)
            .EndRow();
        Count(force, record.Month);
    }

    /// <inheritdoc/>
    public void Append(in StopSearchRecord record)
    {
        if (!ReferenceEquals(record.Force, _lastForceName))
        {
            _lastForce = Force(record.Force);
            _lastForceName = record.Force;
        }

        var force = _lastForce;
        _dimensions.Month(YearMonth.FromIndex(record.Month));
        _appender!.CreateRow().AppendValue(force).AppendValue(record.Month)
            .AppendValue(record.SearchType)
            .AppendValue(record.OccurredAt)
            .AppendValue(record.PartOfOperation)
            .AppendValue(record.Operation)
            .AppendValue(record.Latitude).AppendValue(record.Longitude)
            .AppendValue(record.Gender).AppendValue(record.AgeRange).AppendValue(record.SelfDefinedEthnicity).AppendValue(record.OfficerDefinedEthnicity)
            .AppendValue(record.Legislation).AppendValue(record.ObjectOfSearch).AppendValue(record.Outcome)
            .AppendValue(record.OutcomeLinked).AppendValue(record.RemovalOfMoreThanOuterClothing)
            .AppendValue(_fileId).AppendValue(record.Line)
            .EndRow();
        Count(force, record.Month);
    }

    /// <summary>
    /// A counts-only file's counts: forces, LSOAs and months in the order the rows gave them (so keys are those a full
    /// import gives), and its force-months and rows; nothing is written until <see cref="Commit"/>.
    /// </summary>
    public void Add(MonthlyCounts counts)
    {
        _counts = counts;
        _countForces = new short[counts.Forces.Count];
        for (var i = 0; i < _countForces.Length; i++)
        {
            _countForces[i] = Force(counts.Forces[i]);
        }

        _countLsoas = new int[counts.Lsoas.Count + 1];
        for (var i = 0; i < counts.Lsoas.Count; i++)
        {
            var (code, name) = counts.Lsoas[i];
            _countLsoas[i + 1] = _dimensions.Lsoa(code, name);
        }

        foreach (var ((force, month), rows) in counts.ForceMonths)
        {
            AddForceMonth((_countForces[force], month), rows);
            _dimensions.Month(YearMonth.FromIndex(month));
        }
    }

    /// <summary>Drops a counts-only file's counts: nothing of it is written and its rows are not counted.</summary>
    public void DiscardCounts()
    {
        _forceMonths.Clear();
        RowsByForce.Clear();
        RowsByMonth.Clear();
        Rows = 0;
        _counts = null;
    }

    private void AddForceMonth((short Force, int Month) forceMonth, long rows)
    {
        if (rows == 0)
        {
            return;
        }

        CollectionsMarshal.GetValueRefOrAddDefault(_forceMonths, forceMonth, out _) += rows;
        CollectionsMarshal.GetValueRefOrAddDefault(RowsByForce, forceMonth.Force, out _) += rows;
        CollectionsMarshal.GetValueRefOrAddDefault(RowsByMonth, forceMonth.Month, out _) += rows;
        Rows += rows;
    }

    private void Count(short force, int month)
    {
        Rows++;
        CollectionsMarshal.GetValueRefOrAddDefault(_forceMonths, (force, month), out _)++;
        CollectionsMarshal.GetValueRefOrAddDefault(RowsByForce, force, out _)++;
        CollectionsMarshal.GetValueRefOrAddDefault(RowsByMonth, month, out _)++;
    }

    /// <summary>
    /// Writes the appended rows into the table (outside a batch), before the file is judged: the rows are in the
    /// transaction either way, and <see cref="Abandon"/> or <see cref="Commit"/> follows.
    /// </summary>
    public void EndRows()
    {
        _ownAppender?.Dispose();
        _ownAppender = null;
    }

    /// <summary>The file is not to be imported: outside a batch its transaction is rolled back (the batch's caller redoes a spoiled batch).</summary>
    public void Abandon()
    {
        EndRows();
        if (_transaction is null)
        {
            return;
        }

        _transaction.Rollback();
        _transaction.Dispose();
        _transaction = null;
        _dimensions.Reload();
        Rows = 0;
    }

    /// <summary>After a failure outside a batch: rolls back without letting a second error hide the first.</summary>
    public void Fail()
    {
        if (_transaction is null)
        {
            return;
        }

        try
        {
            _ownAppender?.Dispose();
        }
        catch (DuckDBException)
        {
            // The rows go with the rollback.
        }

        _ownAppender = null;
        _store.RollBackAfterFailure(_transaction);
        _transaction.Dispose();
        _transaction = null;
    }

    /// <summary>
    /// Lands the file: its force-months replace whatever the store held for them, monthly counts and loaded months are
    /// written, new LSOAs and months join the dimensions; outside a batch LSOAs are allocated and the transaction commits.
    /// </summary>
    public void Commit()
    {
        EndRows();
        if (_countsOnly)
        {
            CommitCounts();
        }
        else if (_transaction is null)
        {
            ReplaceInBatch();
            if (_dimensions.FlushNew())
            {
                _batch!.NewLsoas = true;
            }
        }
        else
        {
            try
            {
                Replace();
                if (_dimensions.FlushNew())
                {
                    _store.AllocateLsoas();
                }

                _transaction.Commit();
                _transaction.Dispose();
                _transaction = null;
            }
            catch
            {
                Fail();
                throw;
            }
        }

        _dimensions.NextFileId = _fileId + 1;
        ReleaseWorkingState();
    }

    private void CommitCounts()
    {
        var counts = _counts!;
        for (var t = 0; t < RowsByType.Length; t++)
        {
            RowsByType[t] += counts.RowsByType[t];
        }

        // Local keys map to distinct store keys unless two force names of the file differ only in case (one force in
        // the store): then counts are merged by key; otherwise they are appended straight from the file's sealed
        // entries (AppendMonthly), the writing thread doing no more than map keys.
        var forces = _countForces;
        var lsoas = _countLsoas;
        if (forces.Distinct().Count() != forces.Length)
        {
            foreach (var e in counts.Entries)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_monthly, (forces[e.Force], lsoas[e.Lsoa], e.Type, e.Month), out _) += e.N;
            }
        }
        else
        {
            _sealed = (counts.Entries, forces, lsoas);
        }

        _counts = null;
        ReplaceInBatch();
        if (_dimensions.FlushNew())
        {
            _batch!.NewLsoas = true;
        }
    }

    /// <summary>
    /// Drops what only the writing needed (monthly counts, force-months) and keeps the summary's figures: an import keeps
    /// every file's result until the end, and with the working state kept peak memory grew with the number of files
    /// (1.0 GB for one national year, 1.6 GB for two).
    /// </summary>
    private void ReleaseWorkingState()
    {
        _monthly.Clear();
        _monthly.TrimExcess();
        _sealed = null;
        _counts = null;
        _forceMonths.Clear();
        _forceMonths.TrimExcess();
    }

    /// <summary>
    /// <see cref="Replace"/> in a batch: the common case, a file whose force-months are not in the store yet, costs no
    /// query (the profile showed five queries per file taking a tenth of the import).
    /// </summary>
    private void ReplaceInBatch()
    {
        if (_forceMonths.Count == 0)
        {
            return;
        }

        var batch = _batch!;
        var k = (byte)_kind;
        var loaded = batch.Loaded;
        if (_forceMonths.Keys.Any(fm => loaded.Contains((k, fm.Force, fm.Month))))
        {
            // A republished month: the general path, with this group's rows so far in the tables.
            batch.Flush();
            _store.Execute("INSERT INTO source_file VALUES ($1, $2, $3, 0, now()::TIMESTAMP)", _fileId, _path, k);
            Replace();
        }
        else
        {
            // Appended, not inserted: a statement per file was a tenth of a counts-only import's writing thread.
            batch.Appender("source_file").CreateRow()
                .AppendValue(_fileId).AppendValue(_path).AppendValue(k).AppendValue(Rows).AppendValue(batch.Now)
                .EndRow();
            if (_kind == PoliceFileKind.Street)
            {
                AppendMonthly(batch.Appender("crime_monthly"));
            }

            var months = batch.Appender("loaded_month");
            foreach (var ((force, month), n) in _forceMonths)
            {
                months.CreateRow().AppendValue(k).AppendValue(force).AppendValue(month).AppendValue(_fileId).AppendValue(n).AppendValue(_countsOnly).EndRow();
            }
        }

        foreach (var (force, month) in _forceMonths.Keys)
        {
            loaded.Add((k, force, month));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AppendMonthly(DuckDBAppender appender)
    {
        if (_sealed is var (entries, forces, lsoas))
        {
            foreach (var e in entries)
            {
                var lsoa = lsoas[e.Lsoa];
                var row = appender.CreateRow().AppendValue(forces[e.Force]);
                row = lsoa == 0 ? row.AppendNullValue() : row.AppendValue(lsoa);
                row.AppendValue(e.Type).AppendValue(e.Month).AppendValue(e.N).EndRow();
            }

            return;
        }

        foreach (var ((force, lsoa, type, month), n) in _monthly)
        {
            var row = appender.CreateRow().AppendValue(force);
            row = lsoa == 0 ? row.AppendNullValue() : row.AppendValue(lsoa);
            row.AppendValue(type).AppendValue(month).AppendValue(n).EndRow();
        }
    }

    /// <summary>The general replacement: the file's force-months replace those already stored, whatever file they came from.</summary>
    private void Replace()
    {
        if (_forceMonths.Count == 0)
        {
            _store.Execute("DELETE FROM source_file WHERE file_id = $1", _fileId);
            return;
        }

        var table = TableOf(_kind);
        var predicate = string.Join(" OR ", _forceMonths.Keys.GroupBy(k => k.Force).Select(g =>
            string.Create(CultureInfo.InvariantCulture, $"(force_id = {g.Key} AND month_idx IN ({string.Join(',', g.Select(k => k.Month))}))")));
        var k = (byte)_kind;
        ReplacedFiles.AddRange(_store.Query(
            $"SELECT DISTINCT s.path FROM loaded_month l JOIN source_file s USING (file_id) WHERE l.kind = {k} AND ({predicate}) ORDER BY 1",
            r => r.GetString(0)));
        ReplacedForceMonths = _store.Scalar<int>($"SELECT count(*) FROM loaded_month WHERE kind = {k} AND ({predicate})");
        if (ReplacedForceMonths > 0)
        {
            // Rows of earlier files in this batch must be in the table before they can be deleted.
            _batch?.Flush();
            RecordReplaced(k, predicate);
            _store.Execute($"DELETE FROM {table} WHERE file_id <> {_fileId} AND ({predicate})");
            _store.Execute($"DELETE FROM loaded_month WHERE kind = {k} AND ({predicate})");
        }

        if (_kind == PoliceFileKind.Street)
        {
            if (ReplacedForceMonths > 0)
            {
                _store.Execute($"DELETE FROM crime_monthly WHERE {predicate}");
            }

            using var appender = _store.Connection.CreateAppender("crime_monthly");
            AppendMonthly(appender);
        }

        using (var appender = _store.Connection.CreateAppender("loaded_month"))
        {
            foreach (var ((force, month), n) in _forceMonths)
            {
                appender.CreateRow().AppendValue(k).AppendValue(force).AppendValue(month).AppendValue(_fileId).AppendValue(n).AppendValue(_countsOnly).EndRow();
            }
        }

        _store.Execute("UPDATE source_file SET rows = $1 WHERE file_id = $2", Rows, _fileId);
        _store.Execute("DELETE FROM source_file WHERE file_id NOT IN (SELECT DISTINCT file_id FROM loaded_month)");
    }

    /// <summary>
    /// Records in <c>month_replaced</c> (read by the data-quality checks), before they are deleted, the street-level
    /// force-months of <paramref name="predicate"/> that this file replaces.
    /// </summary>
    private void RecordReplaced(byte kind, string predicate)
    {
        if (kind != 0)
        {
            return;
        }

        _store.Execute(AnalyticalStoreWriter.MonthReplacedDdl);
        _store.Execute($"""
            INSERT INTO month_replaced
            SELECT l.kind, l.force_id, l.month_idx, s.path, l.rows, {_fileId}, now()::TIMESTAMP
            FROM loaded_month l LEFT JOIN source_file s USING (file_id)
            WHERE l.kind = {kind} AND ({predicate})
            """);
    }
}
