namespace CommunitySafety.Naming;

/// <summary>"Did you mean …?" for a mistyped name: the known names closest to it by edit distance.</summary>
public static class DidYouMean
{
    /// <summary>
    /// A sentence such as " Did you mean 'Luton'?" (leading space) naming up to three of <paramref name="known"/> within a
    /// third of the typed name's length in edits (Levenshtein distance, case-insensitive), or one that starts with it; empty
    /// when none is close.
    /// </summary>
    public static string Suggest(string typed, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(known);
        var text = typed.Trim().ToLowerInvariant();
        if (text.Length == 0)
        {
            return string.Empty;
        }

        var close = Nearest(text, known, n => n.ToLowerInvariant(), prefix: true).Take(3).Select(k => $"'{k}'").ToList();
        return close.Count switch
        {
            0 => string.Empty,
            1 => $" Did you mean {close[0]}?",
            _ => $" Did you mean {string.Join(", ", close[..^1])} or {close[^1]}?",
        };
    }

    /// <summary>
    /// The names of <paramref name="known"/> within a third of <paramref name="typed"/>'s length in edits (at least one),
    /// nearest first then by name, each compared as <paramref name="key"/> makes it; with <paramref name="prefix"/>, a name
    /// that starts with the typed text counts as nearest. <paramref name="typed"/> is compared as given (already a key).
    /// </summary>
    public static IEnumerable<string> Nearest(string typed, IEnumerable<string> known, Func<string, string> key, bool prefix = false)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(key);
        var limit = Math.Max(1, typed.Length / 3);
        return known.Where(k => k.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(k => (Name: k, Key: key(k)))
            .Select(k => (k.Name, Distance: prefix && k.Key.StartsWith(typed, StringComparison.Ordinal) ? 0 : Distance(typed, k.Key)))
            .Where(k => k.Distance <= limit)
            .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal)
            .Select(k => k.Name);
    }

    /// <summary>The Levenshtein distance: the fewest insertions, deletions and substitutions that turn one into the other.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
