using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CommunitySafety.Periods;

/// <summary>
/// A UK public-sector financial year, 1 April to 31 March, written <c>2022/23</c>.
/// </summary>
/// <remarks>Identified by the calendar year in which it starts: 2022/23 runs from April 2022 to March 2023.</remarks>
public readonly record struct FinancialYear : IComparable<FinancialYear>, ISpanParsable<FinancialYear>
{
    /// <summary>Creates the financial year starting in April of <paramref name="startYear"/>.</summary>
    public FinancialYear(int startYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, 9998);
        StartYear = startYear;
    }

    /// <summary>The calendar year of its April.</summary>
    public int StartYear { get; }

    /// <summary>April of the start year.</summary>
    public YearMonth FirstMonth => new(StartYear, 4);

    /// <summary>March of the following year.</summary>
    public YearMonth LastMonth => new(StartYear + 1, 3);

    /// <summary>The twelve months, April to March.</summary>
    public IEnumerable<YearMonth> Months => Enumerable.Range(0, 12).Select(FirstMonth.AddMonths);

    /// <summary>The four quarters, Q1 (April–June) to Q4 (January–March).</summary>
    public IEnumerable<FinancialQuarter> Quarters
    {
        get
        {
            var year = this;
            return Enumerable.Range(1, 4).Select(q => new FinancialQuarter(year, q));
        }
    }

    /// <summary>The previous financial year.</summary>
    public FinancialYear Previous => new(StartYear - 1);

    /// <summary>The next financial year.</summary>
    public FinancialYear Next => new(StartYear + 1);

    /// <summary>The financial year <paramref name="years"/> later (earlier when negative).</summary>
    public FinancialYear AddYears(int years) => new(StartYear + years);

    /// <summary>The last financial year that has ended by the end of <paramref name="month"/> (2023/24 for 2025-02, 2024/25 for 2025-03).</summary>
    /// <param name="month">The last month that counts.</param>
    /// <returns>The financial year.</returns>
    public static FinancialYear LastEndedBy(YearMonth month) => month.Month == 3 ? month.FinancialYear : month.FinancialYear.Previous;

    /// <summary>Whether <paramref name="month"/> falls in this financial year.</summary>
    public bool Contains(YearMonth month) => month >= FirstMonth && month <= LastMonth;

    /// <inheritdoc/>
    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    /// <summary>Compares two financial years.</summary>
    public static bool operator <(FinancialYear left, FinancialYear right) => left.StartYear < right.StartYear;

    /// <summary>Compares two financial years.</summary>
    public static bool operator >(FinancialYear left, FinancialYear right) => left.StartYear > right.StartYear;

    /// <summary>Compares two financial years.</summary>
    public static bool operator <=(FinancialYear left, FinancialYear right) => left.StartYear <= right.StartYear;

    /// <summary>Compares two financial years.</summary>
    public static bool operator >=(FinancialYear left, FinancialYear right) => left.StartYear >= right.StartYear;

    /// <summary>Formats as <c>2022/23</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StartYear:D4}/{(StartYear + 1) % 100:D2}");

    /// <summary>Parses <c>2022/23</c>, <c>2022-23</c>, <c>2022/2023</c> or <c>FY2022/23</c>.</summary>
    /// <exception cref="FormatException">The text is not a financial year, or its two years are not consecutive.</exception>
    public static FinancialYear Parse(string s) => Parse(s.AsSpan(), null);

    /// <inheritdoc/>
    public static FinancialYear Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    /// <inheritdoc/>
    public static FinancialYear Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result)
            ? result
            : throw new FormatException($"'{s}' is not a financial year: expected e.g. 2022/23 (April 2022 to March 2023).");

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out FinancialYear result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out FinancialYear result)
    {
        result = default;
        s = s.Trim();
        if (s.StartsWith("FY", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..].TrimStart();
        }

        var sep = s.IndexOfAny('/', '-');
        if (sep != 4 || !int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(s[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var end) || start < 1 || start > 9998)
        {
            return false;
        }

        var endLength = s.Length - 5;
        var consecutive = endLength switch
        {
            2 => end == (start + 1) % 100,
            4 => end == start + 1,
            _ => false,
        };
        if (!consecutive)
        {
            return false;
        }

        result = new FinancialYear(start);
        return true;
    }
}
