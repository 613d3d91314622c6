using System.Diagnostics.CodeAnalysis;

namespace CommunitySafety.Areas;

/// <summary>
/// An ONS Government Statistical Service (GSS) code, such as <c>E06000044</c> (Portsmouth):
/// a letter for the country, two digits for the entity type, six digits for the area.
/// </summary>
public readonly record struct AreaCode : IComparable<AreaCode>
{
    private readonly string? _value;

    private AreaCode(string value) => _value = value;

    /// <summary>The code as written, e.g. <c>E06000044</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The entity prefix, e.g. <c>E06</c> (unitary authority) or <c>E01</c> (LSOA).</summary>
    public string Entity => Value.Length >= 3 ? Value[..3] : Value;

    /// <summary>Whether the code is for Wales (W…) rather than England (E…).</summary>
    public bool IsWales => Value.StartsWith('W');

    /// <summary>Parses a GSS code: E, W, S, N or K, then eight digits.</summary>
    /// <exception cref="FormatException">The text is not a GSS code.</exception>
    public static AreaCode Parse(string s) =>
        TryParse(s, out var code) ? code : throw new FormatException($"'{s}' is not an ONS area code: expected a letter and eight digits, e.g. E06000044.");

    /// <summary>Tries to parse a GSS code.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out AreaCode code)
    {
        code = default;
        if (s is null)
        {
            return false;
        }

        var t = s.AsSpan().Trim();
        if (t.Length != 9 || t[0] is not ('E' or 'W' or 'S' or 'N' or 'K'))
        {
            return false;
        }

        foreach (var c in t[1..])
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        code = new AreaCode(t.ToString());
        return true;
    }

    /// <summary>Whether <paramref name="s"/> looks like a GSS code.</summary>
    public static bool IsAreaCode(string? s) => TryParse(s, out _);

    /// <inheritdoc/>
    public int CompareTo(AreaCode other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value;
}
