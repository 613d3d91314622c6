using CommunitySafety.Areas;
using CommunitySafety.Data.Internals;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Store;

/// <summary>
/// In-memory copies of the dictionary tables (forces, LSOAs, months) so importers map text to keys without a query
/// per row. New entries are written in the importer's transaction; after a rollback the caches are reloaded.
/// </summary>
internal sealed class StoreDimensions(AnalyticalStore store)
{
    private readonly Dictionary<string, short> _forces = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _lsoas = new(StringComparer.Ordinal);
    private readonly HashSet<int> _months = [];
    private readonly List<(int Id, string Code, string? Name)> _newLsoas = [];
    private readonly List<int> _newMonths = [];

    public int NextFileId { get; set; }

    public int LsoaCount => _lsoas.Count;

    public void Reload()
    {
        _forces.Clear();
        _lsoas.Clear();
        _months.Clear();
        _newLsoas.Clear();
        _newMonths.Clear();
        foreach (var (id, name) in store.Query("SELECT force_id, name FROM force", r => (r.GetInt16(0), r.GetString(1))))
        {
            _forces[name] = id;
        }

        foreach (var (id, code) in store.Query("SELECT lsoa_id, code FROM lsoa", r => (r.GetInt32(0), r.GetString(1))))
        {
            _lsoas[code] = id;
        }

        foreach (var m in store.Query("SELECT month_idx FROM month", r => r.GetInt32(0)))
        {
            _months.Add(m);
        }

        NextFileId = store.Scalar<int>("SELECT COALESCE(max(file_id), 0) + 1 FROM source_file");
    }

    /// <summary>
    /// The key of a force, by its "Reported by" name; a new force is inserted at once (inside the caller's transaction)
    /// with the names <paramref name="describe"/> gives it.
    /// </summary>
    public short Force(ReadOnlySpan<char> reportedBy, Func<string, ForceNames> describe)
    {
        var lookup = _forces.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(reportedBy, out var id))
        {
            return id;
        }

        var name = reportedBy.Trim().ToString();
        id = (short)(_forces.Count == 0 ? 1 : _forces.Values.Max() + 1);
        var force = describe(name);
        store.Execute("INSERT INTO force VALUES ($1, $2, $3, $4)", id, force.Name, force.ShortName, force.Slug);
        _forces[name] = id;
        return id;
    }

    /// <summary>The "Reported by" name of a force key (the key as text when unknown).</summary>
    public string ForceName(short id) => _forces.FirstOrDefault(kv => kv.Value == id).Key ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The key of an LSOA code; new codes are queued and written by <see cref="FlushNew"/>.</summary>
    public int Lsoa(ReadOnlySpan<char> code, ReadOnlySpan<char> name)
    {
        var lookup = _lsoas.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(code, out var id))
        {
            return id;
        }

        id = _lsoas.Count + 1;
        var codeText = code.ToString();
        _lsoas[codeText] = id;
        _newLsoas.Add((id, codeText, name.IsEmpty ? null : name.ToString()));
        return id;
    }

    public void Month(YearMonth month)
    {
        if (_months.Add(month.Index))
        {
            _newMonths.Add(month.Index);
        }
    }

    /// <summary>Writes queued LSOAs and months; returns whether any LSOA was new (so allocation must run).</summary>
    public bool FlushNew()
    {
        var newLsoas = _newLsoas.Count > 0;
        if (newLsoas)
        {
            using var appender = store.Connection.CreateAppender("lsoa");
            foreach (var (id, code, name) in _newLsoas)
            {
                var lad = LsoaNames.LocalAuthorityName(name);
                appender.CreateRow()
                    .AppendValue(id).AppendValue(code).AppendValue(name)
                    .AppendValue(lad).AppendValue(lad is null ? null : NameKey.For(lad))
                    .AppendNullValue().AppendNullValue()
                    .EndRow();
            }
        }

        if (_newMonths.Count > 0)
        {
            using var appender = store.Connection.CreateAppender("month");
            foreach (var index in _newMonths)
            {
                var m = YearMonth.FromIndex(index);
                appender.CreateRow()
                    .AppendValue(index).AppendValue(m.ToString()).AppendValue(m.FinancialYear.ToString())
                    .AppendValue(m.FinancialQuarter.ToString()).AppendValue((short)m.Year)
                    .EndRow();
            }
        }

        _newLsoas.Clear();
        _newMonths.Clear();
        return newLsoas;
    }
}
