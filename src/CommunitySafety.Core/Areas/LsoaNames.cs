namespace CommunitySafety.Areas;

/// <summary>Rules about LSOA names as ONS and police.uk write them.</summary>
public static class LsoaNames
{
    /// <summary>
    /// The local authority an LSOA belongs to, from its name: everything before the last word
    /// ("Portsmouth 013A" → "Portsmouth"; "Bournemouth, Christchurch and Poole 001A" → "Bournemouth, Christchurch and Poole").
    /// </summary>
    /// <remarks>ONS names every LSOA "&lt;district name&gt; &lt;3 digits&gt;&lt;letter&gt;", in both the 2011 and 2021 sets.</remarks>
    /// <returns>The district name, or null when the name does not have that shape.</returns>
    public static string? LocalAuthorityName(string? lsoaName)
    {
        if (string.IsNullOrWhiteSpace(lsoaName))
        {
            return null;
        }

        var t = lsoaName.AsSpan().Trim();
        var space = t.LastIndexOf(' ');
        if (space <= 0)
        {
            return null;
        }

        var suffix = t[(space + 1)..];
        if (suffix.Length != 4 || !char.IsAsciiDigit(suffix[0]) || !char.IsAsciiDigit(suffix[1]) || !char.IsAsciiDigit(suffix[2]) || !char.IsAsciiLetter(suffix[3]))
        {
            return null;
        }

        return t[..space].TrimEnd().ToString();
    }
}
