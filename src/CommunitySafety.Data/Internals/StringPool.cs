namespace CommunitySafety.Data.Internals;

/// <summary>
/// Reuses strings for columns with few distinct values (location, outcome, LSOA name), so the hot loop does not
/// allocate a new string per row for them.
/// </summary>
internal sealed class StringPool
{
    private const int MaxEntries = 200_000;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    public string? Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return null;
        }

        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var s))
        {
            return s;
        }

        s = value.ToString();
        if (_strings.Count < MaxEntries)
        {
            _strings[s] = s;
        }

        return s;
    }

    /// <summary>Forgets the strings, so a finished file does not keep them alive.</summary>
    public void Clear()
    {
        _strings.Clear();
        _strings.TrimExcess();
    }
}
