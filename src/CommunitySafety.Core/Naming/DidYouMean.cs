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

        var limit = Math.Max(1, text.Length / 3);
        var close = known.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(k => (Name: k, Distance: k.StartsWith(text, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(text, k.ToLowerInvariant())))
            .Where(k => k.Distance <= limit)
            .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal)
            .Take(3).Select(k => $"'{k.Name}'").ToList();
        return close.Count switch
        {
            0 => string.Empty,
            1 => $" Did you mean {close[0]}?",
            _ => $" Did you mean {string.Join(", ", close[..^1])} or {close[^1]}?",
        };
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
