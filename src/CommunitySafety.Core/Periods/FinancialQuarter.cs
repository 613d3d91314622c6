using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CommunitySafety.Periods;

/// <summary>A quarter of a financial year, written <c>Q4 2024/25</c> (January–March 2025).</summary>
public readonly record struct FinancialQuarter : IComparable<FinancialQuarter>, ISpanParsable<FinancialQuarter>
{
    /// <summary>Creates quarter <paramref name="quarter"/> (1–4) of <paramref name="year"/>.</summary>
    public FinancialQuarter(FinancialYear year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        Year = year;
        Quarter = quarter;
    }

    /// <summary>The financial year.</summary>
    public FinancialYear Year { get; }

    /// <summary>1 (April–June), 2 (July–September), 3 (October–December) or 4 (January–March).</summary>
    public int Quarter { get; }

    /// <summary>The first month of the quarter.</summary>
    public YearMonth FirstMonth => Year.FirstMonth.AddMonths((Quarter - 1) * 3);

    /// <summary>The last month of the quarter.</summary>
    public YearMonth LastMonth => FirstMonth.AddMonths(2);

    /// <summary>The three months of the quarter.</summary>
    public IEnumerable<YearMonth> Months => Enumerable.Range(0, 3).Select(FirstMonth.AddMonths);

    /// <summary>The quarter before this one.</summary>
    public FinancialQuarter Previous => Quarter == 1 ? new(Year.Previous, 4) : new(Year, Quarter - 1);

    /// <summary>The quarter after this one.</summary>
    public FinancialQuarter Next => Quarter == 4 ? new(Year.Next, 1) : new(Year, Quarter + 1);

    /// <summary>The same quarter of the previous financial year.</summary>
    public FinancialQuarter SamePeriodLastYear => new(Year.Previous, Quarter);

    /// <inheritdoc/>
    public int CompareTo(FinancialQuarter other) =>
        Year.CompareTo(other.Year) is var c and not 0 ? c : Quarter.CompareTo(other.Quarter);

    /// <summary>Compares two quarters.</summary>
    public static bool operator <(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) < 0;

    /// <summary>Compares two quarters.</summary>
    public static bool operator >(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) > 0;

    /// <summary>Compares two quarters.</summary>
    public static bool operator <=(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two quarters.</summary>
    public static bool operator >=(FinancialQuarter left, FinancialQuarter right) => left.CompareTo(right) >= 0;

    /// <summary>Formats as <c>Q4 2024/25</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Q{Quarter} {Year}");

    /// <summary>Parses <c>Q4 2024/25</c> or <c>2024/25 Q4</c>.</summary>
    public static FinancialQuarter Parse(string s) => Parse(s.AsSpan(), null);

    /// <inheritdoc/>
    public static FinancialQuarter Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    /// <inheritdoc/>
    public static FinancialQuarter Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result)
            ? result
            : throw new FormatException($"'{s}' is not a financial quarter: expected e.g. Q4 2024/25.");

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out FinancialQuarter result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out FinancialQuarter result)
    {
        result = default;
        s = s.Trim();
        ReadOnlySpan<char> q;
        ReadOnlySpan<char> y;
        if (s.Length >= 2 && (s[0] is 'Q' or 'q'))
        {
            q = s[1..2];
            y = s[2..].Trim();
        }
        else if (s.Length >= 2 && (s[^2] is 'Q' or 'q'))
        {
            q = s[^1..];
            y = s[..^2].Trim();
        }
        else
        {
            return false;
        }

        if (q.Length != 1 || q[0] is < '1' or > '4' || !FinancialYear.TryParse(y, provider, out var year))
        {
            return false;
        }

        result = new FinancialQuarter(year, q[0] - '0');
        return true;
    }
}
