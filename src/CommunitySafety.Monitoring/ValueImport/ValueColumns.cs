
namespace CommunitySafety.Monitoring.ValueImport;

/// <summary>The column headers of the value template, CSV imports and exports (the same in each, so an export re-imports).</summary>
public static class ValueColumns
{
    /// <summary>The indicator's code (required).</summary>
    public const string IndicatorCode = "Indicator code";

    /// <summary>The indicator's title (for people; ignored on import).</summary>
    public const string Indicator = "Indicator";

    /// <summary>The area's ONS code; blank for the partnership's own area.</summary>
    public const string AreaCode = "Area code";

    /// <summary>The period, e.g. Q4 2022/23, 2022/23, 2024, 2024-01 (required).</summary>
    public const string Period = "Period";

    /// <summary>The breakdown's category type, e.g. Sex; blank for the total.</summary>
    public const string CategoryType = "Category type";

    /// <summary>The breakdown's category, e.g. Female; blank for the total.</summary>
    public const string Category = "Category";

    /// <summary>The numerator.</summary>
    public const string Count = "Count";

    /// <summary>The denominator.</summary>
    public const string Denominator = "Denominator";

    /// <summary>The value.</summary>
    public const string Value = "Value";

    /// <summary>Lower 95% limit.</summary>
    public const string Lower95 = "Lower 95% limit";

    /// <summary>Upper 95% limit.</summary>
    public const string Upper95 = "Upper 95% limit";

    /// <summary>Lower 99.8% limit.</summary>
    public const string Lower998 = "Lower 99.8% limit";

    /// <summary>Upper 99.8% limit.</summary>
    public const string Upper998 = "Upper 99.8% limit";

    /// <summary>Provisional, Final or Revised (blank is Final).</summary>
    public const string Status = "Status";

    /// <summary>Why there is no value.</summary>
    public const string MissingReason = "Missing reason";

    /// <summary>A note.</summary>
    public const string Note = "Note";

    /// <summary>Export-only columns, ignored on import.</summary>
    public static IReadOnlyList<string> Informational { get; } =
        ["Framework", "Objective", Indicator, "Version", "Entered by", "Entered at", "Example data"];

    /// <summary>Every column, in template order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        IndicatorCode, Indicator, AreaCode, Period, CategoryType, Category, Count, Denominator, Value,
        Lower95, Upper95, Lower998, Upper998, Status, MissingReason, Note,
    ];
}
