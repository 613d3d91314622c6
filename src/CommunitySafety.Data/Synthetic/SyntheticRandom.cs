namespace CommunitySafety.Data.Synthetic;

/// <summary>
/// xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64: small, fast and the same on every platform and
/// .NET version, so a seed always gives the same archive (System.Random's algorithm is not promised to stay).
/// </summary>
internal struct SyntheticRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>A generator for one stream, e.g. (seed, force, month, kind); different streams are independent.</summary>
    public SyntheticRandom(ulong seed, ulong a = 0, ulong b = 0, ulong c = 0)
    {
        var x = seed;
        x = Mix(x ^ Mix(a + 0x9E3779B97F4A7C15UL));
        x = Mix(x ^ Mix(b + 0xBF58476D1CE4E5B9UL));
        x = Mix(x ^ Mix(c + 0x94D049BB133111EBUL));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => (int)((NextUInt64() >> 32) * (ulong)n >> 32);

    /// <summary>Standard normal (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u = 1.0 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }

    /// <summary>A stable 64-bit hash of a string (FNV-1a), for per-LSOA and per-district draws.</summary>
    public static ulong Hash(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in s)
        {
            h = (h ^ ch) * 1099511628211UL;
        }

        return Mix(h);
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        return Mix(x);
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

/// <summary>Draws from a fixed discrete distribution in O(1) (Walker's alias method).</summary>
internal sealed class AliasTable
{
    private readonly double[] _probability;
    private readonly int[] _alias;

    public AliasTable(IReadOnlyList<double> weights)
    {
        var n = weights.Count;
        _probability = new double[n];
        _alias = new int[n];
        var total = weights.Sum();
        var scaled = weights.Select(w => w * n / total).ToArray();
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = 0; i < n; i++)
        {
            (scaled[i] < 1 ? small : large).Push(i);
        }

        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _probability[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }

        foreach (var i in large.Concat(small))
        {
            _probability[i] = 1;
            _alias[i] = i;
        }
    }

    public int Count => _probability.Length;

    public int Sample(ref SyntheticRandom random)
    {
        var i = random.Next(_probability.Length);
        return random.NextDouble() < _probability[i] ? i : _alias[i];
    }
}
