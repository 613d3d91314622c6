using System.Text;

namespace CommunitySafety.Data.Internals;

/// <summary>Normalises area names so that "Bristol, City of", "Bristol" and "BRISTOL" match.</summary>
internal static class NameKey
{
    private static readonly string[] Suffixes = [", city of", ", county of", " city council", " council"];

    public static string For(string name)
    {
        var s = name.Trim().ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal);
        foreach (var suffix in Suffixes)
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                s = s[..^suffix.Length];
            }
        }

        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(c);
                space = false;
            }
            else if (c is ' ' or '-' or ',' or '\t')
            {
                space = true;
            }
        }

        return sb.ToString();
    }
}
