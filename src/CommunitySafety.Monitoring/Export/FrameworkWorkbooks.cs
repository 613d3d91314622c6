using System.Globalization;
using System.Text;
using CommunitySafety.Exports;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.ValueImport;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Export;

/// <summary>The formats values can be exported in.</summary>
public enum ExportFormat
{
    /// <summary>CSV (UTF-8), the template's columns.</summary>
    Csv,

    /// <summary>An Excel workbook.</summary>
    Xlsx,
}

/// <summary>What to export.</summary>
public sealed record ExportOptions
{
    /// <summary>The framework to export; null for every framework.</summary>
    public string? FrameworkCode { get; init; }

    /// <summary>True to apply each indicator's disclosure rule (for publication).</summary>
    public bool ForPublication { get; init; }
}

/// <summary>
/// Writes a framework's template for partners to fill in (.xlsx: Instructions, Values and Indicators sheets) and exports
/// stored values to CSV or .xlsx with the same columns, so an export can be edited and imported back.
/// </summary>
/// <param name="db">The monitoring store.</param>
public sealed class FrameworkWorkbooks(MonitoringDbContext db)
{
    private const string ValuesSheet = "Values";
    private readonly MonitoringDbContext _db = db ?? throw new ArgumentNullException(nameof(db));

    /// <summary>
    /// Writes the template of a framework: one row per indicator (and per breakdown category it had last time) for the
    /// period, pre-filled with what is already stored.
    /// </summary>
    /// <param name="frameworkCode">The framework's code, e.g. DAMF.</param>
    /// <param name="output">Where to write the .xlsx.</param>
    /// <param name="period">
    /// The period to collect; indicators of another frequency get their period that contains its last month. When null,
    /// each indicator's last complete period by the store's clock.
    /// </param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of value rows in the template.</returns>
    /// <exception cref="KeyNotFoundException">No framework has the code.</exception>
    public async Task<int> WriteTemplateAsync(string frameworkCode, Stream output, ReportingPeriod? period = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var framework = await LoadFrameworkAsync(frameworkCode, cancellationToken).ConfigureAwait(false);
        var partnershipArea = await _db.Strategies.Where(s => s.Id == framework.StrategyId).Select(s => s.Plan!.Partnership!.AreaCode)
            .SingleAsync(cancellationToken).ConfigureAwait(false);
        var lastMonth = period?.LastMonth ?? YearMonth.LastCompleteAt(_db.TimeProvider.GetUtcNow());
        var rows = new List<object?[]>();
        var indicatorRows = new List<object?[]>();
        foreach (var indicator in Ordered(framework))
        {
            var area = indicator.ReportingAreaCode ?? partnershipArea;
            var indicatorPeriod = period is not null ? ReportingPeriod.Containing(indicator.PeriodKind, lastMonth) : ReportingPeriod.LastEndedBy(indicator.PeriodKind, lastMonth);
            var stored = await _db.IndicatorValues.AsNoTracking()
                .Where(v => v.IndicatorId == indicator.Id && v.AreaCode == area)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var latestWithCategories = stored.Where(v => !v.IsTotal && v.PeriodStart <= indicatorPeriod.FirstMonth.Index)
                .OrderByDescending(v => v.PeriodStart).FirstOrDefault()?.PeriodStart;
            var keys = new List<(string Type, string Category)> { (string.Empty, string.Empty) };
            keys.AddRange(stored.Where(v => v.PeriodStart == latestWithCategories && !v.IsTotal)
                .Select(v => (v.CategoryType, v.Category)).Distinct().OrderBy(k => k.CategoryType, StringComparer.Ordinal).ThenBy(k => k.Category, StringComparer.Ordinal));
            foreach (var (type, category) in keys)
            {
                var current = stored.SingleOrDefault(v => v.PeriodKind == indicatorPeriod.Kind && v.PeriodStart == indicatorPeriod.FirstMonth.Index
                                                          && v.CategoryType == type && v.Category == category);
                rows.Add(TemplateRow(indicator, area, indicatorPeriod, type, category, current));
            }

            indicatorRows.Add(
            [
                indicator.Code, indicator.Title, indicator.Objective is { } o ? $"{o.Code}. {o.Title}" : null, indicator.Definition,
                indicator.ValueType.ToString(), indicator.Multiplier, indicator.Polarity.ToString(), indicator.Frequency.ToString(),
                indicator.YearType.ToString(), indicator.DenominatorDefinition, indicator.Source, indicator.OwnerOrganisation,
                $"Counts below {DisclosureControl.ThresholdOf(indicator)} suppressed when published",
                indicator.IsExampleData ? "EXAMPLE data" : null,
            ]);
        }

        string[] instructions =
        [
            $"{framework.Name} ({framework.Code}) — values template",
            $"Period: {(period?.ToString() ?? "each indicator's last complete period")}. Generated {_db.TimeProvider.GetUtcNow():yyyy-MM-dd}.",
            "Fill in the Values sheet: one row per indicator, area, period and breakdown category. Keep the Indicator code and Period columns.",
            "Give a Count (and a Denominator for rates and proportions) and/or a Value. Leave the limits blank to have them worked out.",
            "If a figure is not available, leave Count and Value blank and write why in 'Missing reason' (e.g. \"Not available since 2017/18\"). Never write 0 for a missing figure.",
            "Periods: Q4 2022/23 (quarter), 2022/23 (financial year), 2024 (calendar year), 2024-01 (month). Status: Provisional, Final or Revised (blank is Final).",
            "For a breakdown, add rows with 'Category type' (e.g. Presenting substance) and 'Category' (e.g. Opiates); the categories should add up to the total row.",
            "Import with: csp indicators import <file>. The whole file is checked first: if any cell is wrong, nothing is imported and each problem is listed by sheet, row and column.",
        ];
        XlsxWriter.Write(output,
        [
            new XlsxSheet("Instructions", [], [.. instructions.Select(line => new object?[] { line })]) { IsText = true },
            new XlsxSheet(ValuesSheet, ValueColumns.All, rows)
            {
                Widths = new Dictionary<int, double> { [0] = 16, [1] = 50, [3] = 12, [14] = 30, [15] = 40 },
                // Drop-downs: the framework's indicators, the periods asked for (and the one after each), the status.
                Lists = new Dictionary<int, string[]>
                {
                    [0] = [.. Ordered(framework).Select(i => i.Code)],
                    [3] = [.. rows.Select(r => (string)r[3]!).Distinct(StringComparer.Ordinal)
                        .SelectMany(p => ReportingPeriod.TryParse(p, CultureInfo.InvariantCulture, out var rp) ? new[] { p, rp.Next.ToString() } : [p])
                        .Distinct(StringComparer.Ordinal)],
                    [13] = ["Provisional", "Final", "Revised"],
                },
            },
            new XlsxSheet("Indicators",
                ["Indicator code", "Indicator", "Objective", "Definition", "Value type", "Multiplier", "Polarity", "Frequency", "Year type",
                 "Denominator", "Source", "Owner", "Disclosure", "Example data"],
                indicatorRows)
            {
                Widths = new Dictionary<int, double> { [1] = 50, [2] = 40, [3] = 50 },
            },
        ]);
        return rows.Count;
    }

    /// <summary>Exports stored values (current versions) with the template's columns plus who entered them and when.</summary>
    /// <param name="format">CSV or .xlsx.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="options">Which framework, and whether for publication.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of value rows written.</returns>
    public async Task<int> ExportAsync(ExportFormat format, Stream output, ExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new ExportOptions();
        var query = _db.IndicatorValues.AsNoTracking().Include(v => v.Indicator!).ThenInclude(i => i.Framework).Include(v => v.Indicator!.Objective).AsQueryable();
        if (options.FrameworkCode is { } code)
        {
            if (!await _db.Frameworks.AnyAsync(f => f.Code == code, cancellationToken).ConfigureAwait(false))
            {
                throw new KeyNotFoundException($"No monitoring framework has the code '{code}'.");
            }

            query = query.Where(v => v.Indicator!.Framework!.Code == code);
        }

        // For publication: approved values only, and no person or e-mail address (Publication).
        query = query.InScope(options.ForPublication ? ValueScope.Published : ValueScope.Working);
        var values = (await query.ToListAsync(cancellationToken).ConfigureAwait(false))
            .OrderBy(v => v.Indicator!.Framework!.Code, StringComparer.Ordinal)
            .ThenBy(v => v.Indicator!, IndicatorOrder.UnassignedLast)
            .ThenBy(v => v.AreaCode, StringComparer.Ordinal).ThenBy(v => v.PeriodStart).ThenBy(v => v.CategoryType, StringComparer.Ordinal)
            .ThenBy(v => v.Category, StringComparer.Ordinal)
            .ToList();
        string[] headers = ["Framework", "Objective", .. ValueColumns.All, "Version", "Entered by", "Entered at", "Example data"];
        var byKey = values.ToDictionary(v => (v.IndicatorId, v.AreaCode, v.PeriodKind, v.PeriodStart, v.CategoryType, v.Category));
        IndicatorValue? LastYear(IndicatorValue v) =>
            byKey.GetValueOrDefault((v.IndicatorId, v.AreaCode, v.PeriodKind, v.Period.SamePeriodLastYear.FirstMonth.Index, v.CategoryType, v.Category));
        var rows = values.Select(v => (object?[])
        [
            v.Indicator!.Framework!.Code, v.Indicator.Objective?.Code,
            .. ValueRow(v.Indicator, v.AreaCode, v.Period, v.CategoryType, v.Category, v, options.ForPublication, LastYear(v)),
            v.Version, options.ForPublication ? "The partnership" : v.EnteredBy, v.EnteredAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            v.Indicator.IsExampleData ? "EXAMPLE" : null,
        ]).ToList();
        if (format == ExportFormat.Xlsx)
        {
            XlsxWriter.Write(output, [new XlsxSheet(ValuesSheet, headers, rows) { Widths = new Dictionary<int, double> { [3] = 50, [16] = 30, [17] = 40 } }]);
            return rows.Count;
        }

        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        var writer = new CsvWriter(text);
        writer.WriteRow(headers);
        foreach (var row in rows)
        {
            writer.WriteRow(row.Select(Format));
        }

        await text.FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows.Count;
    }

    private static object?[] ValueRow(
        Indicator indicator, string area, ReportingPeriod period, string type, string category, IndicatorValue? v, bool forPublication = false, IndicatorValue? lastYear = null)
    {
        var note = forPublication && v?.Note is { } n ? Publication.RedactEmails(n) : v?.Note;
        // The one rule (DisclosureControl), as in the published report, the public pages and the public API.
        if (v is not null && forPublication && DisclosureControl.MustSuppress(indicator, v, lastYear))
        {
            return [indicator.Code, indicator.Title, area, period.ToString(), type, category, null, null, null, null, null, null, null,
                v.Status.ToString(), DisclosureControl.SuppressedText(indicator), note];
        }

        return [indicator.Code, indicator.Title, area, period.ToString(), type, category, v?.Count, v?.Denominator, v?.Value,
            v?.Lower95, v?.Upper95, v?.Lower998, v?.Upper998, v?.Status.ToString(), v?.MissingReason, note];
    }

    /// <summary>
    /// A template row: the figures as the partner entered them. A value worked out from a count is left blank (the
    /// import works it out again from the count, as the instructions say), and other numbers are written to 15
    /// significant digits (<see cref="AsEntered"/>), so no cell shows 7.000000000000001. Exports keep every digit, so
    /// that an export imported back changes nothing.
    /// </summary>
    private static object?[] TemplateRow(Indicator indicator, string area, ReportingPeriod period, string type, string category, IndicatorValue? v)
    {
        var row = ValueRow(indicator, area, period, type, category, v);
        if (v is not null)
        {
            row[8] = v.Count is not null ? null : AsEntered(v.Value);
            for (var i = 9; i <= 12; i++)
            {
                row[i] = AsEntered((double?)row[i]);
            }
        }

        return row;
    }

    /// <summary>
    /// A number as people entered it: rounded to 15 significant digits, the most a double carries faithfully, so that a
    /// value worked out from a count (7 of 100 × 100 = 7.000000000000001) is written 7.
    /// </summary>
    /// <param name="value">The number.</param>
    /// <returns>The number, tidied.</returns>
    internal static double? AsEntered(double? value) =>
        value is double d && double.IsFinite(d) ? double.Parse(d.ToString("G15", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value;

    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static IEnumerable<Indicator> Ordered(MonitoringFramework framework) =>
        IndicatorOrder.UnassignedLast.Sort(framework);

    private async Task<MonitoringFramework> LoadFrameworkAsync(string frameworkCode, CancellationToken cancellationToken) =>
        await _db.Frameworks.AsNoTracking().Include(f => f.Indicators).ThenInclude(i => i.Objective)
            .SingleOrDefaultAsync(f => f.Code == frameworkCode, cancellationToken).ConfigureAwait(false)
        ?? throw new KeyNotFoundException($"No monitoring framework has the code '{frameworkCode}'.");
}
