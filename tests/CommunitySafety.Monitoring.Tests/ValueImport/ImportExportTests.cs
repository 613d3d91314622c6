using System.Text;
using CommunitySafety.Monitoring.Export;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Tests.Storage;
using CommunitySafety.Monitoring.ValueImport;
using CommunitySafety.Monitoring.Values;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Tests.ValueImport;

public sealed class SqliteImportExportTests(SqliteFixture fixture)
    : ImportExportTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgreSqlImportExportTests(PostgreSqlFixture fixture)
    : ImportExportTests<PostgreSqlFixture>(fixture), IClassFixture<PostgreSqlFixture>;

/// <summary>Import and export through the store, run on each database.</summary>
public abstract class ImportExportTests<TFixture>(TFixture fixture)
    where TFixture : DatabaseFixture
{
    private const string Header = "Indicator code,Area code,Period,Category type,Category,Count,Denominator,Value,Status,Missing reason,Note";

    protected TFixture Fixture { get; } = fixture;

    private string Code(string name) => name + Fixture.ProviderName[..2];

    [Fact]
    public async Task ImportAsync_ValidCsv_AddsEveryValue()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, Code("CSV"));
        var csv = $"""
            {Header}
            {f.Code}-COUNT,{TestPlans.Area},Q1 2022/23,,,47,,,Final,,"ISVA referrals, up 21%"
            {f.Code}-RATE,{TestPlans.Area},Q1 2022/23,,,39,"17,000",,Provisional,,
            {f.Code}-PCT,{TestPlans.Area},Q1 2022/23,,,,,,,Not available since 2017/18,
            """;

        var result = await Import(db, csv, "values.csv");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(ImportFormat.Csv, result.Format);
        Assert.Equal(3, result.Added);
        var values = await db.IndicatorValues.AsNoTracking().Include(v => v.Indicator).Where(v => v.Indicator!.FrameworkId == f.Id).ToDictionaryAsync(v => v.Indicator!.Code);
        Assert.Equal("ISVA referrals, up 21%", values[f.Code + "-COUNT"].Note);
        Assert.Equal(39.0 / 17_000 * 100_000, values[f.Code + "-RATE"].Value!.Value, 9);
        Assert.Equal(ValueStatus.Provisional, values[f.Code + "-RATE"].Status);
        Assert.Null(values[f.Code + "-PCT"].Value);
        Assert.Equal("Not available since 2017/18", values[f.Code + "-PCT"].MissingReason);
    }

    [Fact]
    public async Task ImportAsync_CsvWithOneBadCell_WritesNothingAndNamesRowAndColumn()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, Code("BAD"));
        var csv = $"""
            {Header}
            {f.Code}-COUNT,{TestPlans.Area},Q1 2022/23,,,47,,,,,
            {f.Code}-COUNT,{TestPlans.Area},Q5 2022/23,,,12,,,,,
            {f.Code}-PCT,{TestPlans.Area},Q1 2022/23,,,,,,,,
            NOPE,{TestPlans.Area},Q1 2022/23,,,1,,,,,
            """;

        var result = await Import(db, csv, "partner.csv");

        Assert.False(result.Succeeded);
        Assert.Equal(0, await db.IndicatorValues.CountAsync(v => v.Indicator!.FrameworkId == f.Id));
        var period = Assert.Single(result.Errors, e => e.Row == 3);
        Assert.Equal(("partner.csv", "3", "Period"), (period.Sheet, period.Column, period.ColumnName));
        Assert.Contains("'Q5 2022/23' is not a period", period.Message, StringComparison.Ordinal);
        // A row naming an indicator and period with no figure, reason or note is left out and said so, not refused.
        Assert.DoesNotContain(result.Errors, e => e.Row == 4);
        Assert.Contains(result.Warnings, w => w.Row == 4 && w.Message.Contains("1 row with no figure, missing reason or note left out (row 4)", StringComparison.Ordinal));
        var unknown = Assert.Single(result.Errors, e => e.Row == 5);
        Assert.Contains("No indicator has the code 'NOPE'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal("partner.csv row 3, column 3 (Period): " + period.Message, period.ToString());
    }

    [Fact]
    public async Task ImportAsync_SameValueTwiceInFile_IsAnError()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, Code("DUP"));
        var csv = $"""
            {Header}
            {f.Code}-COUNT,{TestPlans.Area},Q1 2022/23,,,47,,,,,
            {f.Code}-COUNT,,Q1 2022/23,,,48,,,,,
            """;

        var result = await Import(db, csv, "dup.csv", defaultArea: TestPlans.Area);

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Row);
        Assert.Contains("Row 2 already gives", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_UnknownColumn_IsAnErrorNamingIt()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, Code("COL"));
        var csv = $"""
            Indicator code,Period,Vaule
            {f.Code}-COUNT,Q1 2022/23,4
            """;

        var result = await Import(db, csv, "typo.csv");

        Assert.Contains(result.Errors, e => e.ColumnName == "Vaule" && e.Column == "3" && e.Row == 1);
    }

    [Fact]
    public async Task ImportAsync_ChangedValueReimported_KeepsPreviousVersion()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, Code("RE"));
        await Import(db, $"{Header}\n{f.Code}-COUNT,{TestPlans.Area},Q1 2022/23,,,47,,,Provisional,,", "a.csv", "first");
        Fixture.Clock.Advance(TimeSpan.FromDays(7));

        var result = await Import(db, $"{Header}\n{f.Code}-COUNT,{TestPlans.Area},Q1 2022/23,,,49,,,Final,,", "b.csv", "second");

        Assert.Equal(1, result.Changed);
        var value = await db.IndicatorValues.AsNoTracking().SingleAsync(v => v.Indicator!.Code == f.Code + "-COUNT");
        var history = await new IndicatorValueStore(db).GetHistoryAsync(value.Id);
        Assert.Equal([47.0, 49.0], history.Select(h => h.Count!.Value));
        Assert.Equal(["first", "second"], history.Select(h => h.EnteredBy));
    }

    [Fact]
    public async Task ImportAsync_BreakdownNotAddingUpToTotal_Warns()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, Code("SUM"));
        var csv = $"""
            {Header}
            {f.Code}-COUNT,{TestPlans.Area},Q1 2022/23,,,1759,,,,,
            {f.Code}-COUNT,{TestPlans.Area},Q1 2022/23,Presenting substance,Opiates,900,,,,,
            {f.Code}-COUNT,{TestPlans.Area},Q1 2022/23,Presenting substance,Alcohol only,800,,,,,
            """;

        var result = await Import(db, csv, "treatment.csv");

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("add up to 1700, not the total 1759", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteTemplateAsync_FilledInAndImported_LandsEveryValue()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, Code("TPL"));
        using var template = new MemoryStream();
        var rows = await new FrameworkWorkbooks(db).WriteTemplateAsync(f.Code, template, Periods.ReportingPeriod.Parse("Q4 2022/23"));
        template.Position = 0;

        // A partner fills in the Values sheet: count in column G, denominator in H, missing reason in O.
        using var filled = Edit(template, "Values", ("G2", "47"), ("G3", "39"), ("H3", "17000"), ("O4", "Not available since 2017/18"));
        var result = await new IndicatorValueImporter(db).ImportAsync(filled, "damf.xlsx", new ImportOptions("partner"));

        Assert.Equal(3, rows);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(ImportFormat.Xlsx, result.Format);
        Assert.Equal(3, result.Added);
        var stored = await db.IndicatorValues.AsNoTracking().Where(v => v.Indicator!.FrameworkId == f.Id).ToListAsync();
        Assert.All(stored, v => Assert.Equal("Q4 2022/23", v.Period.ToString()));
        Assert.Contains(stored, v => v.Count == 47);
    }

    [Fact]
    public async Task TheTemplate_WithOneRowFilled_ImportsThatRow_AndSaysWhichRowsWereLeftOut()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, Code("TP1"));
        using var template = new MemoryStream();
        Assert.Equal(3, await new FrameworkWorkbooks(db).WriteTemplateAsync(f.Code, template, Periods.ReportingPeriod.Parse("Q4 2022/23")));
        template.Position = 0;

        // One row filled; the other two prefilled rows left as they came (indicator and period only).
        using var filled = Edit(template, "Values", ("G2", "47"));
        var result = await new IndicatorValueImporter(db).ImportAsync(filled, "one-row.xlsx", new ImportOptions("partner"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(1, result.Added);
        var left = Assert.Single(result.Warnings);
        Assert.Equal(3, left.Row);
        Assert.Contains("2 rows with no figure, missing reason or note left out (rows 3, 4)", left.Message, StringComparison.Ordinal);
        Assert.Equal(1, await db.IndicatorValues.CountAsync(v => v.Indicator!.FrameworkId == f.Id));
    }

    [Fact]
    public async Task TheTemplate_HasDropDownsForIndicatorPeriodAndStatus_APrintLayout_AndNumbersAsEntered()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, Code("TP2"));
        var indicator = await db.Indicators.FirstAsync(i => i.FrameworkId == f.Id && i.ValueType == IndicatorValueType.Proportion);

        // A value worked out from its count: 7 of 100 as a percentage is 7.000000000000001 in binary floating point.
        using (var first = new MemoryStream())
        {
            await new FrameworkWorkbooks(db).WriteTemplateAsync(f.Code, first, Periods.ReportingPeriod.Parse("Q4 2022/23"));
            first.Position = 0;
            var row = 2 + (await db.Indicators.Where(i => i.FrameworkId == f.Id).OrderBy(i => i.Order).ThenBy(i => i.Code).Select(i => i.Id).ToListAsync()).IndexOf(indicator.Id);
            using var filled = Edit(first, "Values", ($"G{row}", "7"), ($"H{row}", "100"));
            Assert.True((await new IndicatorValueImporter(db).ImportAsync(filled, "p.xlsx", new ImportOptions("partner"))).Succeeded);
        }

        Assert.Equal(7.0, FrameworkWorkbooks.AsEntered(7.000000000000001));
        Assert.Equal(0.3, FrameworkWorkbooks.AsEntered(0.1 + 0.2));
        Assert.Equal(510.2751, FrameworkWorkbooks.AsEntered(510.2751));

        using var template = new MemoryStream();
        await new FrameworkWorkbooks(db).WriteTemplateAsync(f.Code, template, Periods.ReportingPeriod.Parse("Q4 2022/23"));
        template.Position = 0;
        using var document = SpreadsheetDocument.Open(template, false);
        var workbook = document.WorkbookPart!;
        var valuesSheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Values");
        var worksheet = ((WorksheetPart)workbook.GetPartById(valuesSheet.Id!)).Worksheet;

        // Numbers as entered: no cell carries binary noise.
        var numbers = worksheet!.Descendants<Cell>().Where(c => c.DataType?.Value == CellValues.Number).Select(c => c.CellValue!.Text).ToList();
        Assert.Contains("7", numbers);
        Assert.DoesNotContain(numbers, n => n.Length > 17);

        var lists = worksheet!.Descendants<DataValidation>().ToDictionary(v => (v.SequenceOfReferences!.InnerText ?? string.Empty).Split(':')[0], v => v.Formula1!.Text);
        var codes = await db.Indicators.Where(i => i.FrameworkId == f.Id).Select(i => i.Code).ToListAsync();
        Assert.All(codes, c => Assert.Contains(c, lists["A2"], StringComparison.Ordinal));
        Assert.Contains("Q4 2022/23", lists["D2"], StringComparison.Ordinal);
        Assert.Contains("Q1 2023/24", lists["D2"], StringComparison.Ordinal);
        Assert.Equal("\"Provisional,Final,Revised\"", lists["N2"]);

        var setup = worksheet.Elements<PageSetup>().Single();
        Assert.Equal(OrientationValues.Landscape, setup.Orientation!.Value);
        Assert.Equal(1u, setup.FitToWidth!.Value);
        Assert.True(worksheet.Elements<SheetProperties>().Single().PageSetupProperties!.FitToPage!.Value);
        var titles = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Where(d => d.Name == "_xlnm.Print_Titles").Select(d => d.Text).ToList();
        Assert.Contains("'Values'!$1:$1", titles);
    }

    [Fact]
    public async Task ImportAsync_TemplateWithBadCell_NamesSheetRowAndColumnAndWritesNothing()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, Code("TPB"));
        using var template = new MemoryStream();
        await new FrameworkWorkbooks(db).WriteTemplateAsync(f.Code, template, Periods.ReportingPeriod.Parse("Q4 2022/23"));
        template.Position = 0;

        using var filled = Edit(template, "Values", ("G2", "47"), ("G3", "lots"), ("H3", "17000"), ("O4", "Not collected"));
        var result = await new IndicatorValueImporter(db).ImportAsync(filled, "damf.xlsx", new ImportOptions("partner"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("Values row 3, column G (Count): 'lots' is not a number.", error.ToString());
        Assert.Equal(0, await db.IndicatorValues.CountAsync(v => v.Indicator!.FrameworkId == f.Id));
    }

    [Fact]
    public async Task ImportAsync_FingertipsExport_ImportsValuesLimitsAndNotes()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, Code("FT"));
        await using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "fingertips_export_sample.csv"));

        var result = await new IndicatorValueImporter(db).ImportAsync(file, "fingertips.csv",
            new ImportOptions("importer") { FingertipsFrameworkCode = f.Code });

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(ImportFormat.FingertipsCsv, result.Format);
        Assert.Equal(2, result.IndicatorsCreated);
        Assert.Equal(1, result.Skipped);
        Assert.Contains(result.Warnings, w => w.Message.Contains("'2019 - 21'", StringComparison.Ordinal) && w.Row == 6);
        Assert.Equal(9, result.Added + result.Changed + result.Unchanged);
        var mortality = await db.IndicatorValues.AsNoTracking()
            .SingleAsync(v => v.Indicator!.Code == "FT-108" && v.AreaCode == "E06000002" && v.CategoryType == "");
        Assert.Equal(510.2751, mortality.Value);
        Assert.Equal(470.86479, mortality.Lower95);
        Assert.Equal(628, mortality.Count);
        Assert.Equal("Value note with a comma, and\na line break inside quotes", mortality.Note?.ReplaceLineEndings("\n"));
        var female = await db.IndicatorValues.AsNoTracking().SingleAsync(v => v.Indicator!.Code == "FT-108" && v.Category == "Female");
        Assert.Equal(("Sex", 179.0), (female.CategoryType, female.Count!.Value));
        var suppressed = await db.IndicatorValues.AsNoTracking().SingleAsync(v => v.Indicator!.Code == "FT-219" && v.AreaCode == "E06000002");
        Assert.Null(suppressed.Value);
        Assert.StartsWith("Value suppressed for", suppressed.MissingReason, StringComparison.Ordinal);
        var proportion = await db.Indicators.AsNoTracking().SingleAsync(i => i.Code == "FT-219");
        Assert.Equal((IndicatorValueType.Proportion, 100.0, ReportingFrequency.Annual, YearType.Calendar),
            (proportion.ValueType, proportion.Multiplier, proportion.Frequency, proportion.YearType));
    }

    [Fact]
    public async Task ImportAsync_FingertipsIndicatorNotInStoreAndNoFramework_FailsNamingIt()
    {
        await using var db = Fixture.NewContext();
        var id = Fixture.ProviderName == "SQLite" ? "990001" : "990002";
        var csv = $"""
            Indicator ID,Indicator Name,Area Code,Sex,Age,Category Type,Category,Time period,Value,Count,Denominator
            {id},Not in the store,E06000001,Persons,All ages,,,2022,17.5,17207,97848
            """;
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var before = await db.Indicators.CountAsync();

        var result = await new IndicatorValueImporter(db).ImportAsync(file, "fingertips.csv", new ImportOptions("importer"));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "1", "Indicator ID"), (error.Row, error.Column, error.ColumnName));
        Assert.Contains($"Fingertips indicator {id} (Not in the store) is not in the store", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.Indicators.CountAsync());
    }

    [Fact]
    public async Task ExportAsync_CsvImportedBack_ChangesNothing()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, Code("EXP"));
        await Import(db, $"""
            {Header}
            {f.Code}-COUNT,{TestPlans.Area},Q1 2022/23,,,47,,,,,"A note, with a comma"
            {f.Code}-RATE,{TestPlans.Area},Q1 2022/23,,,39,17000,,Provisional,,
            {f.Code}-PCT,{TestPlans.Area},Q1 2022/23,,,,,,,Not available since 2017/18,
            """, "in.csv");
        using var export = new MemoryStream();

        var written = await new FrameworkWorkbooks(db).ExportAsync(ExportFormat.Csv, export, new ExportOptions { FrameworkCode = f.Code });
        export.Position = 0;
        var result = await new IndicatorValueImporter(db).ImportAsync(export, "export.csv", new ImportOptions("someone"));

        Assert.Equal(3, written);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(3, result.Unchanged);
    }

    [Fact]
    public async Task ExportAsync_ForPublication_SuppressesSmallCounts()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, Code("PUB"));
        await Import(db, $"""
            {Header}
            {f.Code}-COUNT,{TestPlans.Area},Q1 2022/23,,,3,,,,,
            {f.Code}-COUNT,{TestPlans.Area},Q2 2022/23,,,5,,,,,
            """, "in.csv");
        using var export = new MemoryStream();

        await new FrameworkWorkbooks(db).ExportAsync(ExportFormat.Csv, export, new ExportOptions { FrameworkCode = f.Code, ForPublication = true });

        var lines = Encoding.UTF8.GetString(export.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain(",3,", lines[1], StringComparison.Ordinal);
        Assert.Contains("Suppressed: fewer than 5", lines[1], StringComparison.Ordinal);
        Assert.Contains(",5,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportAsync_Xlsx_WritesValuesSheetThatImportsBack()
    {
        await using var db = Fixture.NewContext();
        var f = await TestPlans.AddFrameworkAsync(db, Code("XLS"));
        await Import(db, $"{Header}\n{f.Code}-COUNT,{TestPlans.Area},Q1 2022/23,,,47,,,,,", "in.csv");
        using var export = new MemoryStream();

        await new FrameworkWorkbooks(db).ExportAsync(ExportFormat.Xlsx, export, new ExportOptions { FrameworkCode = f.Code });
        export.Position = 0;
        var result = await new IndicatorValueImporter(db).ImportAsync(export, "export.xlsx", new ImportOptions("someone"));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(1, result.Unchanged);
    }

    private static async Task<ImportResult> Import(MonitoringDbContext db, string csv, string name, string by = "tester", string? defaultArea = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await new IndicatorValueImporter(db).ImportAsync(stream, name, new ImportOptions(by) { DefaultAreaCode = defaultArea });
    }

    /// <summary>Sets cells of a sheet in a copy of a workbook, as a partner would in Excel (shared strings for text).</summary>
    private static MemoryStream Edit(Stream workbook, string sheetName, params (string Reference, string Text)[] cells)
    {
        var copy = new MemoryStream();
        workbook.CopyTo(copy);
        copy.Position = 0;
        using (var document = SpreadsheetDocument.Open(copy, isEditable: true))
        {
            var part = document.WorkbookPart!;
            var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
            var data = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
            var strings = part.SharedStringTablePart ?? part.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable ??= new SharedStringTable();
            foreach (var (reference, text) in cells)
            {
                var rowIndex = uint.Parse(reference.TrimStart('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P'), System.Globalization.CultureInfo.InvariantCulture);
                var row = data.Elements<Row>().Single(r => r.RowIndex!.Value == rowIndex);
                var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference == reference);
                if (cell is null)
                {
                    cell = new Cell { CellReference = reference };
                    var after = row.Elements<Cell>().LastOrDefault(c => string.CompareOrdinal(Column(c.CellReference!), Column(reference)) < 0
                                                                        && Column(c.CellReference!).Length <= Column(reference).Length);
                    if (after is null)
                    {
                        row.PrependChild(cell);
                    }
                    else
                    {
                        row.InsertAfter(cell, after);
                    }
                }

                if (double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    cell.DataType = CellValues.Number;
                    cell.CellValue = new CellValue(text);
                }
                else
                {
                    strings.SharedStringTable.AppendChild(new SharedStringItem(new Text(text)));
                    cell.DataType = CellValues.SharedString;
                    cell.CellValue = new CellValue((strings.SharedStringTable.Elements<SharedStringItem>().Count() - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                cell.InlineString = null;
            }
        }

        copy.Position = 0;
        return copy;

        static string Column(string reference) => new([.. reference.TakeWhile(char.IsAsciiLetter)]);
    }
}
