using System.Runtime.CompilerServices;
using System.Text;

namespace CommunitySafety.Data.Internals;

/// <summary>
/// Remembers a number for each distinct byte string (a field value as UTF-8), so a hot loop looks a value up by its
/// bytes without making a string; the last value found is tried first, as neighbouring rows mostly repeat it.
/// </summary>
/// <remarks>Keyed by a hash of the bytes and checked against the stored bytes; two strings with the same hash share
/// one slot, and the second is then never remembered (its caller works it out each time, which is slower but right).</remarks>
internal sealed class Utf8Memo
{
    private const int BucketSize = 8;
    private readonly List<(byte[] Key, int Value)>?[] _byLength = new List<(byte[] Key, int Value)>?[64];
    private readonly Dictionary<int, (byte[] Key, int Value)> _entries = [];
    private byte[]? _lastKey;
    private int _lastValue;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryGet(ReadOnlySpan<byte> key, out int value)
    {
        if (_lastKey is not null && key.SequenceEqual(_lastKey))
        {
            value = _lastValue;
            return true;
        }

        if (key.Length < _byLength.Length && _byLength[key.Length] is { } bucket)
        {
            foreach (var (k, v) in bucket)
            {
                if (key.SequenceEqual(k))
                {
                    _lastKey = k;
                    _lastValue = v;
                    value = v;
                    return true;
                }
            }
        }

        if (_entries.Count > 0 && _entries.TryGetValue(Hash(key), out var entry) && key.SequenceEqual(entry.Key))
        {
            _lastKey = entry.Key;
            _lastValue = entry.Value;
            value = entry.Value;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>
    /// The number remembered for <paramref name="key"/>, or <paramref name="verdict"/> of its text (worked out once, on
    /// the first meeting, and remembered). <paramref name="state"/> is handed to the verdict, so it need not capture.
    /// </summary>
    public int GetOrAdd<TState>(ReadOnlySpan<byte> key, TState state, Func<string, TState, int> verdict)
    {
        if (TryGet(key, out var value))
        {
            return value;
        }

        value = verdict(Encoding.UTF8.GetString(key), state);
        Add(key, value);
        return value;
    }

    public void Add(ReadOnlySpan<byte> key, int value)
    {
        if (key.Length < _byLength.Length && (_byLength[key.Length] ??= []) is { Count: < BucketSize } bucket)
        {
            // A few values of each length (months, forces, crime types): compared byte by byte, no hash.
            var copy = key.ToArray();
            bucket.Add((copy, value));
            _lastKey = copy;
            _lastValue = value;
            return;
        }

        var hash = Hash(key);
        if (!_entries.ContainsKey(hash))
        {
            var copy = key.ToArray();
            _entries[hash] = (copy, value);
            _lastKey = copy;
            _lastValue = value;
        }
    }

    private static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = default(HashCode);
        hash.AddBytes(key);
        return hash.ToHashCode();
    }
}
