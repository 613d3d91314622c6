using System.Globalization;
using System.Text;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using CommunitySafety.SafeReading;
using CommunitySafety.Statistics;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.ValueImport;

/// <summary>How an import is done.</summary>
/// <param name="EnteredBy">Who is importing: stamped on every value written.</param>
public sealed record ImportOptions(string EnteredBy)
{
    /// <summary>The area for rows with no area code; when null, the partnership's area if the store has exactly one.</summary>
    public string? DefaultAreaCode { get; init; }

    /// <summary>
    /// The framework in which a Fingertips import creates indicators it does not find; when null, an unknown
    /// Fingertips indicator is an error.
    /// </summary>
    public string? FingertipsFrameworkCode { get; init; }

    /// <summary>True when the importer confirmed values for periods not yet ended (<see cref="ReportingPeriodRule"/>).</summary>
    public bool ConfirmUnfinishedPeriods { get; init; }

    /// <summary>The review state of every value written: <see cref="ReviewState.Draft"/> for a partner's upload.</summary>
    public ReviewState Review { get; init; } = ReviewState.Approved;
}

/// <summary>
/// Imports indicator values from CSV, from .xlsx (a framework template filled in by a partner) and from a Fingertips
/// data export. Every row is validated first; the whole file lands, or (when any row has an error) nothing does.
/// </summary>
/// <param name="db">The monitoring store.</param>
public sealed class IndicatorValueImporter(MonitoringDbContext db)
{
    private readonly MonitoringDbContext _db = db ?? throw new ArgumentNullException(nameof(db));

    /// <summary>Imports a file, recognising its format from its extension and header.</summary>
    /// <param name="path">A .csv or .xlsx file.</param>
    /// <param name="options">Who imports, and defaults.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>What was done, or the errors that stopped it.</returns>
    public async Task<ImportResult> ImportFileAsync(string path, ImportOptions options, CancellationToken cancellationToken = default)
    {
        await using var stream = File.OpenRead(path);
        return await ImportAsync(stream, Path.GetFileName(path), options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports from a stream; <paramref name="fileName"/>'s extension says CSV or .xlsx.</summary>
    /// <param name="stream">The file's content.</param>
    /// <param name="fileName">The file's name, used for the format and in messages.</param>
    /// <param name="options">Who imports, and defaults.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>What was done, or the errors that stopped it.</returns>
    public async Task<ImportResult> ImportAsync(Stream stream, string fileName, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.EnteredBy);
        var result = await ImportCoreAsync(stream, fileName, options, cancellationToken).ConfigureAwait(false);
        // Every problem names the file (for a workbook, Sheet is the sheet's name).
        return result with
        {
            Errors = [.. result.Errors.Select(e => e with { File = fileName })],
            Warnings = [.. result.Warnings.Select(e => e with { File = fileName })],
        };
    }

    private async Task<ImportResult> ImportCoreAsync(Stream stream, string fileName, ImportOptions options, CancellationToken cancellationToken)
    {
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            List<ValueTable> tables;
            try
            {
                tables = TableReaders.ReadXlsx(stream);
            }
            catch (Exception ex) when (ex is InvalidDataException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FileFormatException)
            {
                return Failed(ImportFormat.Xlsx, new ImportProblem(fileName, 0, "", "", $"Not a readable .xlsx workbook: {ex.Message}"));
            }
            catch (MalformedInputException ex)
            {
                return Failed(ImportFormat.Xlsx, new ImportProblem(fileName, 0, "", "", $"The workbook is refused: {ex.Message}"));
            }

            // Value sheets are those with both an indicator code and a period (the template's Indicators sheet has no period).
            var valueTables = tables.Where(t => t.IndexOf(ValueColumns.IndicatorCode) >= 0 && t.IndexOf(ValueColumns.Period) >= 0).ToList();
            if (valueTables.Count == 0)
            {
                return Failed(ImportFormat.Xlsx, new ImportProblem(fileName, 0, "", "",
                    $"No sheet has '{ValueColumns.IndicatorCode}' and '{ValueColumns.Period}' columns: use a template from 'csp indicators template'."));
            }

            return await ImportTemplateTablesAsync(ImportFormat.Xlsx, valueTables, options, cancellationToken).ConfigureAwait(false);
        }

        var start = stream.CanSeek ? stream.Position : -1;
        ValueTable table;
        try
        {
            table = TableReaders.ReadCsv(stream, fileName);
        }
        catch (MalformedInputException ex)
        {
            return Failed(ImportFormat.Csv, new ImportProblem(fileName, ex.Line, "", "", ex.Message));
        }
        catch (DecoderFallbackException)
        {
            return Failed(ImportFormat.Csv, NotUtf8(stream, start, fileName));
        }
        if (table.IndexOf(FingertipsHeaders.IndicatorId) >= 0 && table.IndexOf(FingertipsHeaders.TimePeriod) >= 0)
        {
            return await ImportFingertipsAsync(table, options, cancellationToken).ConfigureAwait(false);
        }

        return await ImportTemplateTablesAsync(ImportFormat.Csv, [table], options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ImportResult> ImportTemplateTablesAsync(
        ImportFormat format, List<ValueTable> tables, ImportOptions options, CancellationToken cancellationToken)
    {
        var errors = new List<ImportProblem>();
        var parsed = new List<ParsedRow>();
        var templateWarnings = new List<ImportProblem>();
        var defaultArea = await DefaultAreaAsync(options, cancellationToken).ConfigureAwait(false);
        foreach (var table in tables)
        {
            CheckHeaders(table, errors, [ValueColumns.IndicatorCode, ValueColumns.Period], ValueColumns.All.Concat(ValueColumns.Informational));
            if (table.IndexOf(ValueColumns.Value) < 0 && table.IndexOf(ValueColumns.Count) < 0)
            {
                errors.Add(new ImportProblem(table.Sheet, 1, "", "", $"There is neither a '{ValueColumns.Value}' nor a '{ValueColumns.Count}' column."));
            }

            if (errors.Count > 0)
            {
                continue;
            }

            // Template rows left unfilled (indicator and period given, no figure, reason or note) are left out, and said so.
            var unfilled = table.Rows.Where(r => !r.IsBlank && table.IsUnfilled(r)).Select(r => r.Number).ToList();
            if (unfilled.Count > 0)
            {
                templateWarnings.Add(new ImportProblem(table.Sheet, unfilled[0], "", "",
                    $"{unfilled.Count} row{(unfilled.Count == 1 ? "" : "s")} with no figure, missing reason or note left out (row{(unfilled.Count == 1 ? "" : "s")} {string.Join(", ", unfilled.Take(20))}{(unfilled.Count > 20 ? ", …" : "")}): fill in a Count or Value, or a Missing reason, to import {(unfilled.Count == 1 ? "it" : "them")}."));
            }

            foreach (var row in table.Rows.Where(r => !r.IsBlank && !table.IsUnfilled(r)))
            {
                if (CheckWidth(table, row, errors) && ParseTemplateRow(table, row, defaultArea, errors) is { } input)
                {
                    parsed.Add(new ParsedRow(table, row, input));
                }
            }
        }

        return await ValidateAndSaveAsync(format, parsed, errors, templateWarnings, null, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ImportResult> ImportFingertipsAsync(ValueTable table, ImportOptions options, CancellationToken cancellationToken)
    {
        var errors = new List<ImportProblem>();
        var warnings = new List<ImportProblem>();
        CheckHeaders(table, errors, [FingertipsHeaders.IndicatorId, FingertipsHeaders.AreaCode, FingertipsHeaders.TimePeriod, FingertipsHeaders.Value], null);
        if (errors.Count > 0)
        {
            return Failed(ImportFormat.FingertipsCsv, [.. errors]);
        }

        var c = new FingertipsColumns(table);
        var parsed = new List<ParsedRow>();
        var names = new Dictionary<string, (string Name, PeriodKind Kind, TableRow Row)>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var row in table.Rows.Where(r => !r.IsBlank))
        {
            if (!CheckWidth(table, row, errors))
            {
                continue;
            }

            var periodText = row.Get(c.TimePeriod);
            if (!ReportingPeriod.TryParse(periodText, CultureInfo.InvariantCulture, out var period))
            {
                warnings.Add(Problem(table, row, c.TimePeriod, $"'{periodText}' is not a period the store holds (a month, quarter, financial or calendar year); row left out."));
                skipped++;
                continue;
            }

            var id = row.Get(c.IndicatorId);
            if (id.Length == 0)
            {
                errors.Add(Problem(table, row, c.IndicatorId, "The indicator ID is empty."));
                continue;
            }

            var code = FingertipsHeaders.CodePrefix + id;
            names.TryAdd(code, (c.IndicatorName >= 0 && row.Get(c.IndicatorName) is { Length: > 0 } n ? n : "Fingertips indicator " + id, period.Kind, row));
            var categoryType = row.Get(c.CategoryType);
            var category = row.Get(c.Category);
            var sex = row.Get(c.Sex);
            if (categoryType.Length == 0 && sex.Length > 0 && !sex.Equals("Persons", StringComparison.OrdinalIgnoreCase))
            {
                (categoryType, category) = ("Sex", sex);
            }

            var ok = true;
            var value = Number(table, row, c.Value, errors, ref ok);
            var valueNote = row.Get(c.ValueNote);
            var input = new IndicatorValueInput(code, period, row.Get(c.AreaCode))
            {
                CategoryType = categoryType,
                Category = category,
                Value = value,
                Count = Number(table, row, c.Count, errors, ref ok),
                Denominator = Number(table, row, c.Denominator, errors, ref ok),
                Lower95 = Number(table, row, c.Lower95, errors, ref ok),
                Upper95 = Number(table, row, c.Upper95, errors, ref ok),
                Lower998 = Number(table, row, c.Lower998, errors, ref ok),
                Upper998 = Number(table, row, c.Upper998, errors, ref ok),
                MissingReason = value is null ? (valueNote.Length > 0 ? valueNote : "No value in the Fingertips export") : null,
                Note = value is not null && valueNote.Length > 0 ? valueNote : null,
            };
            if (ok)
            {
                parsed.Add(new ParsedRow(table, row, input));
            }
        }

        return await ValidateAndSaveAsync(ImportFormat.FingertipsCsv, parsed, errors, warnings, names, options, cancellationToken, skipped)
            .ConfigureAwait(false);
    }

    private async Task<ImportResult> ValidateAndSaveAsync(
        ImportFormat format,
        List<ParsedRow> parsed,
        List<ImportProblem> errors,
        List<ImportProblem> warnings,
        Dictionary<string, (string Name, PeriodKind Kind, TableRow Row)>? fingertipsNames,
        ImportOptions options,
        CancellationToken cancellationToken,
        int skipped = 0)
    {
        var codes = parsed.Select(p => p.Input.IndicatorCode).Distinct(StringComparer.Ordinal).ToList();
        var indicators = await _db.Indicators.Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, StringComparer.Ordinal, cancellationToken)
            .ConfigureAwait(false);
        var created = 0;
        if (fingertipsNames is not null)
        {
            created = await CreateFingertipsIndicatorsAsync(parsed, indicators, fingertipsNames, options, errors, cancellationToken).ConfigureAwait(false);
        }

        var seen = new Dictionary<(string, string, PeriodKind, int, string, string), TableRow>();
        var valid = new List<(Indicator Indicator, IndicatorValueInput Input)>();
        foreach (var (table, row, parsedInput) in parsed)
        {
            var input = parsedInput with { ConfirmedUnfinishedPeriod = options.ConfirmUnfinishedPeriods };
            if (!indicators.TryGetValue(input.IndicatorCode, out var indicator))
            {
                if (fingertipsNames is null)
                {
                    errors.Add(Problem(table, row, table.IndexOf(ValueColumns.IndicatorCode), $"No indicator has the code '{input.IndicatorCode}'."));
                }

                continue;
            }

            var key = (input.IndicatorCode, input.AreaCode, input.Period.Kind, input.Period.FirstMonth.Index, input.CategoryType, input.Category);
            if (seen.TryGetValue(key, out var first))
            {
                errors.Add(Problem(table, row, -1, $"Row {first.Number} already gives {input.IndicatorCode} for {input.AreaCode} {input.Period}{CategoryText(input)}."));
                continue;
            }

            seen[key] = row;
            var problems = IndicatorValueRules.Validate(indicator, input, _db.TimeProvider.GetUtcNow());
            foreach (var problem in problems)
            {
                errors.Add(Problem(table, row, ColumnFor(table, problem.Field, fingertipsNames is not null), problem.Message));
            }

            if (problems.Count == 0)
            {
                valid.Add((indicator, input));
            }
        }

        if (errors.Count > 0)
        {
            _db.ChangeTracker.Clear();
            return new ImportResult { Format = format, Errors = errors, Warnings = warnings, Skipped = skipped };
        }

        CheckBreakdownTotals(valid, warnings);
        var ids = valid.Select(v => v.Indicator.Id).Where(id => id != 0).Distinct().ToList();
        var existing = await _db.IndicatorValues.Where(v => ids.Contains(v.IndicatorId)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byKey = existing.ToDictionary(v => (v.IndicatorId, v.AreaCode, v.PeriodKind, v.PeriodStart, v.CategoryType, v.Category));
        var store = new IndicatorValueStore(_db);
        int added = 0, changed = 0, unchanged = 0;
        foreach (var (indicator, input) in valid.Select(v => (v.Indicator, v.Input with { Review = options.Review })))
        {
            byKey.TryGetValue((indicator.Id, input.AreaCode, input.Period.Kind, input.Period.FirstMonth.Index, input.CategoryType, input.Category), out var current);
            switch (store.Stage(indicator, indicator.Id == 0 ? null : current, input, options.EnteredBy))
            {
                case ValueChange.Added: added++; break;
                case ValueChange.Changed: changed++; break;
                default: unchanged++; break;
            }
        }

        // One SaveChanges is one transaction: the whole file lands or none of it does.
        await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ImportResult
        {
            Format = format,
            Added = added,
            Changed = changed,
            Unchanged = unchanged,
            Skipped = skipped,
            IndicatorsCreated = created,
            Warnings = warnings,
        };
    }

    private async Task<int> CreateFingertipsIndicatorsAsync(
        List<ParsedRow> parsed,
        Dictionary<string, Indicator> indicators,
        Dictionary<string, (string Name, PeriodKind Kind, TableRow Row)> names,
        ImportOptions options,
        List<ImportProblem> errors,
        CancellationToken cancellationToken)
    {
        var missing = names.Keys.Where(code => !indicators.ContainsKey(code)).ToList();
        // No parsed rows: every row had an error already (found by fuzzing: parsed[0] below threw).
        if (missing.Count == 0 || parsed.Count == 0)
        {
            return 0;
        }

        var table = parsed[0].Table;
        var idColumn = table.IndexOf(FingertipsHeaders.IndicatorId);
        MonitoringFramework? framework = null;
        if (options.FingertipsFrameworkCode is { } frameworkCode)
        {
            framework = await _db.Frameworks.SingleOrDefaultAsync(f => f.Code == frameworkCode, cancellationToken).ConfigureAwait(false);
            if (framework is null)
            {
                errors.Add(new ImportProblem(table.Sheet, 0, "", "", $"No monitoring framework has the code '{frameworkCode}'."));
                return 0;
            }
        }

        foreach (var code in missing)
        {
            var (name, kind, row) = names[code];
            if (framework is null)
            {
                errors.Add(Problem(table, row, idColumn,
                    $"Fingertips indicator {code[FingertipsHeaders.CodePrefix.Length..]} ({name}) is not in the store: import with a framework to create it."));
                continue;
            }

            var sample = parsed.Select(p => p.Input).FirstOrDefault(i => i.IndicatorCode == code && i is { Value: not null, Count: not null });
            var (valueType, multiplier) = InferValueType(sample);
            var indicator = new Indicator
            {
                Framework = framework,
                Code = code,
                Title = name,
                Source = "OHID Fingertips",
                ValueType = valueType,
                Multiplier = multiplier,
                Polarity = Polarity.NoJudgement,
                Frequency = kind switch
                {
                    PeriodKind.Month => ReportingFrequency.Monthly,
                    PeriodKind.FinancialQuarter => ReportingFrequency.Quarterly,
                    _ => ReportingFrequency.Annual,
                },
                YearType = kind == PeriodKind.CalendarYear ? YearType.Calendar : YearType.Financial,
                Benchmark = BenchmarkKind.England,
                Order = 1000 + indicators.Count,
            };
            _db.Indicators.Add(indicator);
            indicators[code] = indicator;
        }

        return errors.Count == 0 ? missing.Count : 0;
    }

    /// <summary>Guesses what a Fingertips value is from one row: value ÷ (count ÷ denominator) gives the multiplier.</summary>
    private static (IndicatorValueType, double) InferValueType(IndicatorValueInput? sample)
    {
        if (sample is not { Value: { } value, Count: { } count })
        {
            return (IndicatorValueType.Score, 1);
        }

        if (sample.Denominator is not { } denominator || denominator <= 0)
        {
            return Math.Abs(value - count) < 1e-9 ? (IndicatorValueType.Count, 1) : (IndicatorValueType.Score, 1);
        }

        if (count <= 0)
        {
            return (IndicatorValueType.Score, 1);
        }

        var ratio = value / (count / denominator);
        foreach (var multiplier in new[] { 1.0, 100, 1_000, 10_000, 100_000 })
        {
            if (Math.Abs(ratio - multiplier) <= multiplier * 0.01)
            {
                return multiplier is 1 or 100 ? (IndicatorValueType.Proportion, multiplier) : (IndicatorValueType.CrudeRate, multiplier);
            }
        }

        return (IndicatorValueType.Score, 1);
    }

    private static void CheckBreakdownTotals(List<(Indicator Indicator, IndicatorValueInput Input)> valid, List<ImportProblem> warnings)
    {
        foreach (var group in valid.Where(v => v.Indicator.ValueType == IndicatorValueType.Count)
                     .GroupBy(v => (v.Input.IndicatorCode, v.Input.AreaCode, v.Input.Period)))
        {
            var total = group.FirstOrDefault(v => v.Input.CategoryType.Length == 0).Input?.Count;
            if (total is null)
            {
                continue;
            }

            foreach (var byType in group.Where(v => v.Input.CategoryType.Length > 0).GroupBy(v => v.Input.CategoryType))
            {
                if (byType.All(v => v.Input.Count is not null) && byType.Sum(v => v.Input.Count!.Value) is var sum && Math.Abs(sum - total.Value) > 1e-9)
                {
                    warnings.Add(new ImportProblem("", 0, "", "",
                        $"{group.Key.IndicatorCode} {group.Key.AreaCode} {group.Key.Period}: the '{byType.Key}' categories add up to {sum}, not the total {total}."));
                }
            }
        }
    }

    private static IndicatorValueInput? ParseTemplateRow(ValueTable table, TableRow row, string? defaultArea, List<ImportProblem> errors)
    {
        var ok = true;
        var code = row.Get(table.IndexOf(ValueColumns.IndicatorCode));
        if (code.Length == 0)
        {
            errors.Add(Problem(table, row, table.IndexOf(ValueColumns.IndicatorCode), "The indicator code is empty."));
            ok = false;
        }

        var periodColumn = table.IndexOf(ValueColumns.Period);
        var periodText = row.Get(periodColumn);
        if (!ReportingPeriod.TryParse(periodText, CultureInfo.InvariantCulture, out var period))
        {
            errors.Add(Problem(table, row, periodColumn, periodText.Length == 0
                ? "The period is empty."
                : $"'{periodText}' is not a period: write e.g. Q4 2022/23 (quarter), 2022/23 (financial year), 2024 (calendar year) or 2024-01 (month)."));
            ok = false;
        }

        var area = row.Get(table.IndexOf(ValueColumns.AreaCode));
        if (area.Length == 0)
        {
            if (defaultArea is null)
            {
                errors.Add(Problem(table, row, table.IndexOf(ValueColumns.AreaCode), "The area code is empty and the store has no single partnership area to assume."));
                ok = false;
            }

            area = defaultArea ?? string.Empty;
        }

        var statusColumn = table.IndexOf(ValueColumns.Status);
        var statusText = row.Get(statusColumn);
        var status = ValueStatus.Final;
        if (statusText.Length > 0 && !Enum.TryParse(statusText, ignoreCase: true, out status))
        {
            errors.Add(Problem(table, row, statusColumn, $"'{statusText}' is not a status: write Provisional, Final or Revised."));
            ok = false;
        }

        var input = new IndicatorValueInput(code, period, area)
        {
            CategoryType = row.Get(table.IndexOf(ValueColumns.CategoryType)),
            Category = row.Get(table.IndexOf(ValueColumns.Category)),
            Count = Number(table, row, table.IndexOf(ValueColumns.Count), errors, ref ok),
            Denominator = Number(table, row, table.IndexOf(ValueColumns.Denominator), errors, ref ok),
            Value = Number(table, row, table.IndexOf(ValueColumns.Value), errors, ref ok),
            Lower95 = Number(table, row, table.IndexOf(ValueColumns.Lower95), errors, ref ok),
            Upper95 = Number(table, row, table.IndexOf(ValueColumns.Upper95), errors, ref ok),
            Lower998 = Number(table, row, table.IndexOf(ValueColumns.Lower998), errors, ref ok),
            Upper998 = Number(table, row, table.IndexOf(ValueColumns.Upper998), errors, ref ok),
            Status = status,
            MissingReason = NullIfEmpty(row.Get(table.IndexOf(ValueColumns.MissingReason))),
            Note = NullIfEmpty(row.Get(table.IndexOf(ValueColumns.Note))),
        };
        return ok ? input : null;
    }

    private static double? Number(ValueTable table, TableRow row, int column, List<ImportProblem> errors, ref bool ok)
    {
        var text = row.Get(column);
        if (text.Length == 0)
        {
            return null;
        }

        var trimmed = text.EndsWith('%') ? text[..^1].TrimEnd() : text;
        if (double.TryParse(trimmed, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number))
        {
            return number;
        }

        errors.Add(Problem(table, row, column, $"'{text}' is not a number."));
        ok = false;
        return null;
    }

    private static void CheckHeaders(ValueTable table, List<ImportProblem> errors, IEnumerable<string> required, IEnumerable<string>? known)
    {
        foreach (var name in required.Where(n => table.IndexOf(n) < 0))
        {
            errors.Add(new ImportProblem(table.Sheet, 1, "", name, $"The '{name}' column is missing."));
        }

        if (known is null)
        {
            return;
        }

        var knownSet = new HashSet<string>(known, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < table.Headers.Count; i++)
        {
            if (table.Headers[i].Length > 0 && !knownSet.Contains(table.Headers[i]))
            {
                errors.Add(new ImportProblem(table.Sheet, 1, table.ColumnRefs[i], table.Headers[i],
                    $"Unknown column '{table.Headers[i]}': the columns are {string.Join(", ", ValueColumns.All)}."));
            }
        }
    }

    private static int ColumnFor(ValueTable table, string field, bool fingertips)
    {
        if (!fingertips)
        {
            return table.IndexOf(field);
        }

        return table.IndexOf(field switch
        {
            "Value" or "Missing reason" => FingertipsHeaders.Value,
            "Area code" => FingertipsHeaders.AreaCode,
            "Period" => FingertipsHeaders.TimePeriod,
            "Count" => FingertipsHeaders.Count,
            "Denominator" => FingertipsHeaders.Denominator,
            "Category" => FingertipsHeaders.Category,
            "Lower 95% limit" => FingertipsHeaders.Lower95,
            "Lower 99.8% limit" => FingertipsHeaders.Lower998,
            _ => field,
        });
    }

    private static ImportProblem Problem(ValueTable table, TableRow row, int column, string message) =>
        column >= 0 && column < table.Headers.Count
            ? new ImportProblem(table.Sheet, row.Number, table.ColumnRefs[column], table.Headers[column], message)
            : new ImportProblem(table.Sheet, row.Number, "", "", message);

    private static string CategoryText(IndicatorValueInput input) =>
        input.CategoryType.Length == 0 ? string.Empty : $" ({input.CategoryType}: {input.Category})";

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private async Task<string?> DefaultAreaAsync(ImportOptions options, CancellationToken cancellationToken)
    {
        if (options.DefaultAreaCode is { } area)
        {
            return area;
        }

        var areas = await _db.Partnerships.Select(p => p.AreaCode).Distinct().Take(2).ToListAsync(cancellationToken).ConfigureAwait(false);
        return areas.Count == 1 ? areas[0] : null;
    }

    private static ImportResult Failed(ImportFormat format, params ImportProblem[] errors) => new() { Format = format, Errors = errors };

    /// <summary>The problem for a CSV file that is not UTF-8, with the line of the first bad byte when the stream can be read again.</summary>
    private static ImportProblem NotUtf8(Stream stream, long start, string fileName)
    {
        if (start >= 0)
        {
            stream.Position = start;
            if (Utf8Check.FindFirstInvalid(stream) is { } bad)
            {
                return new ImportProblem(fileName, bad.Line, "", "", Utf8Check.Message(bad.Offset, bad.Value));
            }
        }

        return new ImportProblem(fileName, 0, "", "", "The file is not UTF-8 text: save it as 'CSV UTF-8'.");
    }

    /// <summary>A CSV row with more or fewer fields than the header: a truncated line, or a comma or quote out of place.</summary>
    private static bool CheckWidth(ValueTable table, TableRow row, List<ImportProblem> errors)
    {
        if (row.Cells.Length == table.Headers.Count)
        {
            return true;
        }

        errors.Add(new ImportProblem(table.Sheet, row.Number, "", "",
            $"Wrong number of columns: expected {table.Headers.Count}, found {row.Cells.Length} (a line cut short, or a comma or quote out of place)."));
        return false;
    }

    private sealed record ParsedRow(ValueTable Table, TableRow Row, IndicatorValueInput Input);
}

/// <summary>The headers of a Fingertips data export that the importer reads.</summary>
internal static class FingertipsHeaders
{
    public const string CodePrefix = "FT-";
    public const string IndicatorId = "Indicator ID";
    public const string IndicatorName = "Indicator Name";
    public const string AreaCode = "Area Code";
    public const string Sex = "Sex";
    public const string CategoryType = "Category Type";
    public const string Category = "Category";
    public const string TimePeriod = "Time period";
    public const string Value = "Value";
    public const string Lower95 = "Lower CI 95.0 limit";
    public const string Upper95 = "Upper CI 95.0 limit";
    public const string Lower998 = "Lower CI 99.8 limit";
    public const string Upper998 = "Upper CI 99.8 limit";
    public const string Count = "Count";
    public const string Denominator = "Denominator";
    public const string ValueNote = "Value note";
}

/// <summary>Where each Fingertips column is in one export.</summary>
internal sealed class FingertipsColumns(ValueTable table)
{
    public int IndicatorId { get; } = table.IndexOf(FingertipsHeaders.IndicatorId);

    public int IndicatorName { get; } = table.IndexOf(FingertipsHeaders.IndicatorName);

    public int AreaCode { get; } = table.IndexOf(FingertipsHeaders.AreaCode);

    public int Sex { get; } = table.IndexOf(FingertipsHeaders.Sex);

    public int CategoryType { get; } = table.IndexOf(FingertipsHeaders.CategoryType);

    public int Category { get; } = table.IndexOf(FingertipsHeaders.Category);

    public int TimePeriod { get; } = table.IndexOf(FingertipsHeaders.TimePeriod);

    public int Value { get; } = table.IndexOf(FingertipsHeaders.Value);

    public int Lower95 { get; } = table.IndexOf(FingertipsHeaders.Lower95);

    public int Upper95 { get; } = table.IndexOf(FingertipsHeaders.Upper95);

    public int Lower998 { get; } = table.IndexOf(FingertipsHeaders.Lower998);

    public int Upper998 { get; } = table.IndexOf(FingertipsHeaders.Upper998);

    public int Count { get; } = table.IndexOf(FingertipsHeaders.Count);

    public int Denominator { get; } = table.IndexOf(FingertipsHeaders.Denominator);

    public int ValueNote { get; } = table.IndexOf(FingertipsHeaders.ValueNote);
}
