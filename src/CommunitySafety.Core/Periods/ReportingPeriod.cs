using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CommunitySafety.Periods;

/// <summary>The kinds of reporting period used in community safety reporting.</summary>
public enum PeriodKind
{
    /// <summary>One calendar month.</summary>
    Month,

    /// <summary>A quarter of a financial year (Q1 = April–June).</summary>
    FinancialQuarter,

    /// <summary>A financial year, April–March, written 2022/23.</summary>
    FinancialYear,

    /// <summary>A calendar year, January–December.</summary>
    CalendarYear,

    /// <summary>The twelve months ending with a given month.</summary>
    Rolling12Months,
}

/// <summary>
/// Any reporting period: a contiguous run of whole months with a kind that says how to name it.
/// </summary>
/// <remarks>
/// Text forms, both parsed and produced: <c>2024-01</c> (month), <c>Q4 2024/25</c> (financial quarter),
/// <c>2024/25</c> (financial year), <c>2024</c> (calendar year), <c>12 months to 2025-03</c> (rolling 12 months).
/// </remarks>
public readonly record struct ReportingPeriod : IComparable<ReportingPeriod>, ISpanParsable<ReportingPeriod>
{
    private const string RollingPrefix = "12 months to ";

    private ReportingPeriod(PeriodKind kind, YearMonth first, YearMonth last)
    {
        Kind = kind;
        FirstMonth = first;
        LastMonth = last;
    }

    /// <summary>What kind of period this is.</summary>
    public PeriodKind Kind { get; }

    /// <summary>The first month covered.</summary>
    public YearMonth FirstMonth { get; }

    /// <summary>The last month covered (inclusive).</summary>
    public YearMonth LastMonth { get; }

    /// <summary>How many months the period covers.</summary>
    public int MonthCount => LastMonth.MonthsSince(FirstMonth) + 1;

    /// <summary>The months covered, in order.</summary>
    public IEnumerable<YearMonth> Months
    {
        get
        {
            var first = FirstMonth;
            return Enumerable.Range(0, MonthCount).Select(first.AddMonths);
        }
    }

    /// <summary>Whether <paramref name="month"/> is one of the months covered.</summary>
    public bool Contains(YearMonth month) => month >= FirstMonth && month <= LastMonth;

    /// <summary>A single month.</summary>
    public static ReportingPeriod OfMonth(YearMonth month) => new(PeriodKind.Month, month, month);

    /// <summary>A financial quarter.</summary>
    public static ReportingPeriod OfQuarter(FinancialQuarter quarter) =>
        new(PeriodKind.FinancialQuarter, quarter.FirstMonth, quarter.LastMonth);

    /// <summary>A financial year.</summary>
    public static ReportingPeriod OfFinancialYear(FinancialYear year) =>
        new(PeriodKind.FinancialYear, year.FirstMonth, year.LastMonth);

    /// <summary>A calendar year.</summary>
    public static ReportingPeriod OfCalendarYear(int year) =>
        new(PeriodKind.CalendarYear, new YearMonth(year, 1), new YearMonth(year, 12));

    /// <summary>The twelve months ending with <paramref name="lastMonth"/>.</summary>
    public static ReportingPeriod Rolling12MonthsTo(YearMonth lastMonth) =>
        new(PeriodKind.Rolling12Months, lastMonth.AddMonths(-11), lastMonth);

    /// <summary>
    /// The period of <paramref name="kind"/> that contains <paramref name="month"/>: its month, financial quarter,
    /// financial year or calendar year; for <see cref="PeriodKind.Rolling12Months"/> the twelve months ending with it.
    /// </summary>
    /// <param name="kind">The kind of period.</param>
    /// <param name="month">A month.</param>
    /// <returns>The period.</returns>
    public static ReportingPeriod Containing(PeriodKind kind, YearMonth month) => kind switch
    {
        PeriodKind.Month => OfMonth(month),
        PeriodKind.FinancialQuarter => OfQuarter(month.FinancialQuarter),
        PeriodKind.FinancialYear => OfFinancialYear(month.FinancialYear),
        PeriodKind.CalendarYear => OfCalendarYear(month.Year),
        _ => Rolling12MonthsTo(month),
    };

    /// <summary>
    /// The last period of <paramref name="kind"/> that has ended by the end of <paramref name="month"/>: the one
    /// containing it when it ends with that month, else the one before (Q3 2024/25 for 2025-02, Q4 2024/25 for 2025-03).
    /// </summary>
    /// <param name="kind">The kind of period.</param>
    /// <param name="month">The last month that counts.</param>
    /// <returns>The period.</returns>
    public static ReportingPeriod LastEndedBy(PeriodKind kind, YearMonth month) =>
        Containing(kind, month) is var period && period.LastMonth <= month ? period : period.Previous;

    /// <summary>The same period one year earlier (e.g. Q2 2023/24 for Q2 2024/25).</summary>
    public ReportingPeriod SamePeriodLastYear => new(Kind, FirstMonth.AddMonths(-12), LastMonth.AddMonths(-12));

    /// <summary>The period of the same kind immediately before this one.</summary>
    public ReportingPeriod Previous => new(Kind, FirstMonth.AddMonths(-MonthCount), FirstMonth.AddMonths(-1));

    /// <summary>The period of the same kind immediately after this one.</summary>
    public ReportingPeriod Next => new(Kind, LastMonth.AddMonths(1), LastMonth.AddMonths(MonthCount));

    /// <inheritdoc/>
    public int CompareTo(ReportingPeriod other) =>
        FirstMonth.CompareTo(other.FirstMonth) is var c and not 0 ? c : LastMonth.CompareTo(other.LastMonth);

    /// <summary>Formats in the period's own style, e.g. <c>2024/25</c> or <c>Q1 2024/25</c>.</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.Month => FirstMonth.ToString(),
        PeriodKind.FinancialQuarter => FirstMonth.FinancialQuarter.ToString(),
        PeriodKind.FinancialYear => FirstMonth.FinancialYear.ToString(),
        PeriodKind.CalendarYear => FirstMonth.Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Rolling12Months => RollingPrefix + LastMonth,
        _ => throw new InvalidOperationException($"Unknown period kind {Kind}."),
    };

    /// <summary>Parses any of the text forms listed on the type.</summary>
    /// <exception cref="FormatException">The text is not a reporting period.</exception>
    public static ReportingPeriod Parse(string s) => Parse(s.AsSpan(), null);

    /// <inheritdoc/>
    public static ReportingPeriod Parse(string s, IFormatProvider? provider) => Parse(s.AsSpan(), provider);

    /// <inheritdoc/>
    public static ReportingPeriod Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var result)
            ? result
            : throw new FormatException(NotAPeriod(s));

    /// <summary>The sentence for text that is not a reporting period, naming the forms a period may take (the message of <see cref="Parse(string)"/>).</summary>
    /// <param name="s">The text given.</param>
    /// <returns>The sentence.</returns>
    public static string NotAPeriod(ReadOnlySpan<char> s) =>
        $"'{s}' is not a reporting period: expected a month (2024-01), a financial quarter (Q4 2024/25), " +
        "a financial year (2024/25), a calendar year (2024) or 12 months to a month (12 months to 2025-03).";

    /// <inheritdoc/>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ReportingPeriod result) =>
        TryParse(s.AsSpan(), provider, out result);

    /// <inheritdoc/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ReportingPeriod result)
    {
        s = s.Trim();
        if (s.StartsWith(RollingPrefix, StringComparison.OrdinalIgnoreCase)
            && YearMonth.TryParse(s[RollingPrefix.Length..], out var end))
        {
            result = Rolling12MonthsTo(end);
            return true;
        }

        if (YearMonth.TryParse(s, out var month))
        {
            result = OfMonth(month);
            return true;
        }

        if (FinancialQuarter.TryParse(s, provider, out var quarter))
        {
            result = OfQuarter(quarter);
            return true;
        }

        if (FinancialYear.TryParse(s, provider, out var year))
        {
            result = OfFinancialYear(year);
            return true;
        }

        if (s.Length == 4 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var calendarYear) && calendarYear >= 1)
        {
            result = OfCalendarYear(calendarYear);
            return true;
        }

        result = default;
        return false;
    }
}
