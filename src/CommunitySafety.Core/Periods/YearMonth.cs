using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CommunitySafety.Periods;

/// <summary>A calendar month, as police.uk writes it: <c>2024-01</c>.</summary>
/// <remarks>Stored as the number of months since January of year 0, so ordering and arithmetic are integer operations.</remarks>
public readonly record struct YearMonth : IComparable<YearMonth>, ISpanParsable<YearMonth>
{
    private readonly int _index;

    /// <summary>Creates the month <paramref name="month"/> (1–12) of <paramref name="year"/> (1–9999).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year or month is out of range.</exception>
    public YearMonth(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        _index = (year * 12) + (month - 1);
    }

    private YearMonth(int index) => _index = index;

    /// <summary>The calendar year.</summary>
    public int Year => _index / 12;

    /// <summary>The month of the year, 1 (January) to 12 (December).</summary>
    public int Month => (_index % 12) + 1;

    /// <summary>A dense integer key (year × 12 + month − 1), handy for storage and arrays.</summary>
    public int Index => _index;

    /// <summary>The month with the given <see cref="Index"/>.</summary>
    public static YearMonth FromIndex(int index) => new(index);

    /// <summary>The month a date falls in.</summary>
    /// <param name="date">A date (its own year and month are taken, whatever its kind).</param>
    /// <returns>The month.</returns>
    public static YearMonth Of(DateTime date) => new(date.Year, date.Month);

    /// <summary>The last calendar month that has ended at <paramref name="now"/> (the month before the one it falls in, on its own clock).</summary>
    /// <param name="now">A moment.</param>
    /// <returns>The month.</returns>
    public static YearMonth LastCompleteAt(DateTimeOffset now) => Of(now.DateTime).AddMonths(-1);

    /// <summary>
    /// The months just before <paramref name="first"/>..<paramref name="last"/>, as many as it has: the period compared
    /// with (2023-04..2024-03 for 2024-04..2025-03; 2024-10..2024-12 for 2025-01..2025-03).
    /// </summary>
    /// <param name="first">The period's first month.</param>
    /// <param name="last">The period's last month.</param>
    /// <returns>The first and last months of the period before.</returns>
    public static (YearMonth First, YearMonth Last) Preceding(YearMonth first, YearMonth last)
    {
        var length = last.MonthsSince(first) + 1;
        return (first.AddMonths(-length), first.AddMonths(-1));
    }

    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The month <paramref name="months"/> later (or earlier when negative).</summary>
    public YearMonth AddMonths(int months) => new(_index + months);

    /// <summary>The same month one year earlier.</summary>
    public YearMonth SameMonthLastYear => new(_index - 12);

    /// <summary>The financial year (April–March) containing this month.</summary>
    public FinancialYear FinancialYear => new(Month >= 4 ? Year : Year - 1);

    /// <summary>The financial quarter containing this month (Q1 = April–June).</summary>
    public FinancialQuarter FinancialQuarter => new(FinancialYear, ((Month + 8) % 12 / 3) + 1);

    /// <summary>Number of months from <paramref name="other"/> to this month.</summary>
    public int MonthsSince(YearMonth other) => _index - other._index;

    /// <inheritdoc/>
    public int CompareTo(YearMonth other) => _index.CompareTo(other._index);

    /// <summary>Compares two months.</summary>
    public static bool operator <(YearMonth left, YearMonth right) => left._index < right._index;

    /// <summary>Compares two months.</summary>
    public static bool operator >(YearMonth left, YearMonth right) => left._index > right._index;

    /// <summary>Compares two months.</summary>
    public static bool operator <=(YearMonth left, YearMonth right) => left._index <= right._index;

    /// <summary>Compares two months.</summary>
    public static bool operator >=(YearMonth left, YearMonth right) => left._index >= right._index;

    /// <summary>Formats as <c>yyyy-MM</c>, e.g. <c>2024-01</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");

    /// <summary>The month's name and year for people, e.g. <c>January 2024</c>.</summary>
    public string ToDisplayString() => FirstDay.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>yyyy-MM</c> (police.uk's Month column).</summary>
    /// <exception cref="FormatException">The text is not a month.</exception>
    public static YearMonth Parse(string s) => Parse(s.AsSpan(), null);

    /// <inheritdoc/>
    public static YearMonth Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    /// <inheritdoc/>
    public static YearMonth Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result)
            ? result
            : throw new FormatException($"'{s}' is not a month: expected yyyy-MM, e.g. 2024-01.");

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out YearMonth result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <summary>Tries to parse <c>yyyy-MM</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out YearMonth result) => TryParse(s, null, out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out YearMonth result)
    {
        result = default;
        s = s.Trim();
        if (s.Length != 7 || s[4] != '-')
        {
            return false;
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s[5..], out var month) || year < 1 || month is < 1 or > 12)
        {
            return false;
        }

        result = new YearMonth(year, month);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
