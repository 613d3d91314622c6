using System.Runtime.CompilerServices;

namespace CommunitySafety.Data.Store;

/// <summary>One count of a file: its force and LSOA numbers (LSOA 0: no location), crime type, month and rows.</summary>
internal readonly record struct CountEntry(int Force, int Lsoa, byte Type, int Month, int N);

/// <summary>One file's counts, keyed by its own numbering of forces and LSOAs (LSOA 0: no location).</summary>
/// <remarks>
/// Counts are kept per force-month as a dense array indexed by LSOA × crime type, the array of the previous row's
/// force-month at hand: nearly every row of a file has the same force and month, so counting a row is one increment
/// (a dictionary keyed by the four values was a tenth of the fast path).
/// </remarks>
internal sealed class MonthlyCounts
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
