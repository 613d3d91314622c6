using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CommunitySafety.Data.Internals;
using CommunitySafety.Periods;
using nietras.SeparatedValues;

namespace CommunitySafety.Data.Police;

/// <summary>
/// Counts-only street files (<see cref="PoliceImportOptions.CountsOnly"/>), in two phases: <see cref="Parse"/> reads and
/// checks every row on any thread (no store access) into the file's own counts, keyed by its own force and LSOA
/// numbers; <see cref="WriteCounts"/>, on the thread that owns the store, maps them to the store's keys and writes the
/// monthly counts and bookkeeping into the batch. A file with bad rows is known to be rejected before anything is
/// written, so a counts-only batch is never rolled back for it.
/// </summary>
internal sealed partial class PoliceFileImport
{
    private StreetCounts? _counts;

    /// <summary>After <see cref="Parse"/>: the file is not street-level, so it is imported in full by <see cref="Run"/>.</summary>
    public bool NeedsFullImport { get; private set; }

    /// <summary>
    /// Reads and checks a street-level file into its own counts, touching no store; a file that cannot be read as
    /// CSV text is rejected whole with an error naming it and the line, as <see cref="Run"/> does.
    /// </summary>
    /// <param name="buffer">The worker's buffer for the fast path (<see cref="FastBufferBytes"/>; null: general path only).</param>
    public void Parse(byte[]? buffer = null)
    {
        try
        {
            if (buffer is not null && TryCountFast(buffer))
            {
                return;
            }

            _counts = null;
            _parsedRows = 0;
            Kind = null;
            ParseCore();
        }
        catch (Exception ex) when (CsvText.Unreadable(ex, _source.DisplayPath, _source.Open) is { } error)
        {
            Errors.Add(error);
            _fileError = true;
            _counts = null;
            Imported = false;
            Rows = 0;
        }
    }

    private void ParseCore()
    {
        using var counting = new CountingStream(_source.Open());
        using var text = CsvText.Text(counting);
        using var reader = CsvText.Open(text);
        if (DetectHeader(reader) is not { } header)
        {
            return;
        }

        if (header.Kind != PoliceFileKind.Street)
        {
            NeedsFullImport = true;
            return;
        }

        _counts = new StreetCounts();
        CountStreet(reader, header, counting);
        _counts.Seal();
        _progress(counting.BytesRead, _parsedRows);
        MarkTruncatedLastLine();
        CountForeignMonths();
    }

    /// <summary>Checks each row as <see cref="ParseStreet"/> does and counts the good ones by force, LSOA, crime type and month.</summary>
    private void CountStreet(SepReader reader, PoliceHeader h, CountingStream counting)
    {
        var c = StreetColumns.Of(h);
        var counts = _counts!;
        foreach (var row in reader)
        {
            if (!CheckShape(row, h, counting))
            {
                continue;
            }

            if (!CheckStreetRow(row, h, c, out var ym, out var forceName, out _, out _, out var lsoaPresent, out var type))
            {
                Reject(row);
                continue;
            }

            var lsoa = 0;
            if (lsoaPresent)
            {
                var code = row[c.LsoaCode].Span.Trim();
                if (!counts.TryLsoa(code, out lsoa))
                {
                    lsoa = counts.AddLsoa(code, c.LsoaName >= 0 ? row[c.LsoaName].Span.Trim() : default);
                }
            }

            counts.Add(counts.Force(forceName), lsoa, type, ym.Index);
            _parsedRows++;
        }
    }

    /// <summary>
    /// Writes a parsed counts-only file into <paramref name="batch"/> (on the thread that owns the store): forces, LSOAs
    /// and months in the order the rows gave them (so keys are those a full import gives), then the monthly counts,
    /// loaded months and the source file, replacing any earlier import of its force-months, raw rows included.
    /// </summary>
    public void WriteCounts(ImportBatch batch)
    {
        if (_counts is not { } counts || IsRejectedWhole())
        {
            Rows = 0;
            return;
        }

        _batch = batch;
        _countsOnly = true;
        var dimensions = _store.Dimensions;
        _fileId = dimensions.NextFileId;
        var forces = new short[counts.Forces.Count];
        for (var i = 0; i < forces.Length; i++)
        {
            forces[i] = dimensions.Force(counts.Forces[i]);
        }

        var lsoas = new int[counts.Lsoas.Count + 1];
        for (var i = 0; i < counts.Lsoas.Count; i++)
        {
            var (code, name) = counts.Lsoas[i];
            lsoas[i + 1] = dimensions.Lsoa(code, name);
        }

        // Local keys map to distinct store keys unless two force names of the file differ only in case (one force in
        // the store): then counts are merged by key; otherwise they are appended straight from the file's sealed
        // entries (AppendMonthly), the writing thread doing no more than map keys.
        foreach (var ((force, month), rows) in counts.ForceMonths)
        {
            AddForceMonth((forces[force], month), rows);
            dimensions.Month(YearMonth.FromIndex(month));
        }

        if (ClaimForceMonths(PoliceFileKind.Street))
        {
            // Nothing of the file is written: the rows it would have added are not counted.
            _forceMonths.Clear();
            RowsByForce.Clear();
            RowsByMonth.Clear();
            Rows = 0;
            _counts = null;
            return;
        }

        for (var t = 0; t < RowsByType.Length; t++)
        {
            RowsByType[t] += counts.RowsByType[t];
        }

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
        ReplaceInBatch("crime", PoliceFileKind.Street);
        if (dimensions.FlushNew())
        {
            batch.NewLsoas = true;
        }

        dimensions.NextFileId = _fileId + 1;
        Imported = true;
        ReleaseWorkingState();
    }

    // A counts-only file's entries with the maps from its force and LSOA numbers to the store's keys.
    private (CountEntry[] Entries, short[] Forces, int[] Lsoas)? _sealed;

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

    /// <summary>One count of a file: its force and LSOA numbers (LSOA 0: no location), crime type, month and rows.</summary>
    private readonly record struct CountEntry(int Force, int Lsoa, byte Type, int Month, int N);

    /// <summary>One file's counts, keyed by its own numbering of forces and LSOAs (LSOA 0: no location).</summary>
    /// <remarks>
    /// Counts are kept per force-month as a dense array indexed by LSOA × crime type, the array of the previous row's
    /// force-month at hand: nearly every row of a file has the same force and month, so counting a row is one increment
    /// (a dictionary keyed by the four values was a tenth of the fast path).
    /// </remarks>
    private sealed class StreetCounts
    {
        private const int Types = 32;

        private readonly Dictionary<string, int> _lsoaIndex = new(StringComparer.Ordinal);
        private readonly List<((int Force, int Month) Key, int[] Cells)> _slots = [];
        private string? _lastForce;
        private int _lastForceIndex;
        private int _slotForce = -1;
        private int _slotMonth = -1;
        private int _slot = -1;
        private int[] _cells = [];

        public List<string> Forces { get; } = [];

        public List<(string Code, string? Name)> Lsoas { get; } = [];

        /// <summary>After <see cref="Seal"/>: the non-zero counts, by force-month in order of first appearance, then LSOA and crime type.</summary>
        public CountEntry[] Entries { get; private set; } = [];

        /// <summary>After <see cref="Seal"/>: rows by force-month, in order of first appearance.</summary>
        public List<((int Force, int Month) Key, long Rows)> ForceMonths { get; } = [];

        /// <summary>After <see cref="Seal"/>: rows by crime type id.</summary>
        public long[] RowsByType { get; } = new long[Types];

        /// <summary>
        /// Turns the dense arrays into the list of non-zero counts and totals, on the worker thread that counted them,
        /// so the writing thread only maps keys and appends.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Seal()
        {
            var entries = new List<CountEntry>();
            foreach (var ((force, month), cells) in _slots)
            {
                long rows = 0;
                for (var i = 0; i < cells.Length; i++)
                {
                    if (cells[i] > 0)
                    {
                        var type = (byte)(i % Types);
                        entries.Add(new CountEntry(force, i / Types, type, month, cells[i]));
                        rows += cells[i];
                        RowsByType[type] += cells[i];
                    }
                }

                if (rows > 0)
                {
                    ForceMonths.Add(((force, month), rows));
                }
            }

            Entries = [.. entries];
            _slots.Clear();
            _cells = [];
            _slot = -1;
            _slotForce = -1;
            _slotMonth = -1;
        }

        /// <summary>The file's number for a force name (nearly every row of a file has the same one).</summary>
        public int Force(ReadOnlySpan<char> name)
        {
            if (_lastForce is not null && name.SequenceEqual(_lastForce))
            {
                return _lastForceIndex;
            }

            var i = 0;
            while (i < Forces.Count && !name.SequenceEqual(Forces[i]))
            {
                i++;
            }

            if (i == Forces.Count)
            {
                Forces.Add(name.ToString());
            }

            _lastForce = Forces[i];
            _lastForceIndex = i;
            return i;
        }

        public bool TryLsoa(ReadOnlySpan<char> code, out int index) =>
            _lsoaIndex.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code, out index);

        public int AddLsoa(ReadOnlySpan<char> code, ReadOnlySpan<char> name)
        {
            var text = code.ToString();
            Lsoas.Add((text, name.IsEmpty ? null : name.ToString()));
            _lsoaIndex[text] = Lsoas.Count;
            return Lsoas.Count;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(int force, int lsoa, byte type, int month)
        {
            if (force != _slotForce || month != _slotMonth)
            {
                SelectSlot(force, month);
            }

            var i = (lsoa * Types) + type;
            if (i >= _cells.Length)
            {
                var bigger = new int[Math.Max(i + 1, Math.Max(_cells.Length * 2, (Lsoas.Count + 1) * Types))];
                _cells.CopyTo(bigger, 0);
                _cells = bigger;
                _slots[_slot] = (_slots[_slot].Key, bigger);
            }

            _cells[i]++;
        }

        private void SelectSlot(int force, int month)
        {
            _slotForce = force;
            _slotMonth = month;
            _slot = _slots.FindIndex(s => s.Key == (force, month));
            if (_slot < 0)
            {
                _slot = _slots.Count;
                _slots.Add(((force, month), new int[(Lsoas.Count + 1) * Types]));
            }

            _cells = _slots[_slot].Cells;
        }
    }
}
