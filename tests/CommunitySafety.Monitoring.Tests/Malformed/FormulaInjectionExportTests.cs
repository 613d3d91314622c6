using System.Text;
using CommunitySafety.Monitoring.Export;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Tests.Storage;
using CommunitySafety.Monitoring.ValueImport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;

namespace CommunitySafety.Monitoring.Tests.Malformed;

/// <summary>
/// Text a partner typed that a spreadsheet would run as a formula is exported with a leading apostrophe (CSV and
/// .xlsx), numbers stay numbers, and the exported file imports back to the same text.
/// </summary>
public sealed class FormulaInjectionExportTests : IAsyncLifetime
{
    private const string Header = "Indicator code,Area code,Period,Category type,Category,Count,Denominator,Value,Status,Missing reason,Note";
    private const string Hyperlink = "=HYPERLINK(\"http://x\",\"y\")";
    private const string Command = "+cmd|' /C calc'!A0";
    private const string Sum = "@SUM(1+1)*cmd|' /C calc'!A0";

    private readonly SqliteFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    private async Task<MonitoringFramework> SeedAsync(MonitoringDbContext db, string code)
    {
        var f = await TestPlans.AddFrameworkAsync(db, code);
        var csv = $"""
            {Header}
            {f.Code}-COUNT,{TestPlans.Area},Q1 2022/23,,,47,,,,,"{Hyperlink.Replace("\"", "\"\"", StringComparison.Ordinal)}"
            {f.Code}-PCT,{TestPlans.Area},Q1 2022/23,,,,,,,{Command},"{Sum}"
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var result = await new IndicatorValueImporter(db).ImportAsync(stream, "in.csv", new ImportOptions("tester"));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        return f;
    }

    [Fact]
    public async Task ExportAsync_Csv_FormulaTextGetsApostropheAndImportsBackUnchanged()
    {
        await using var db = _fixture.NewContext();
        var f = await SeedAsync(db, "INJC");
        using var export = new MemoryStream();

        await new FrameworkWorkbooks(db).ExportAsync(ExportFormat.Csv, export, new ExportOptions { FrameworkCode = f.Code });

        using (var reader = Sep.Reader(o => o with { Unescape = true }).From(export.ToArray()))
        {
            var rows = reader.Enumerate(r => (Code: r["Indicator code"].ToString(), Note: r["Note"].ToString(), Missing: r["Missing reason"].ToString(), Count: r["Count"].ToString()))
                .ToDictionary(r => r.Code);
            Assert.Equal("'" + Hyperlink, rows[f.Code + "-COUNT"].Note);
            Assert.Equal("47", rows[f.Code + "-COUNT"].Count);
            Assert.Equal("'" + Command, rows[f.Code + "-PCT"].Missing);
            Assert.Equal("'" + Sum, rows[f.Code + "-PCT"].Note);
        }

        export.Position = 0;
        var result = await new IndicatorValueImporter(db).ImportAsync(export, "export.csv", new ImportOptions("someone"));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(2, result.Unchanged);
        var note = await db.IndicatorValues.AsNoTracking().Where(v => v.Indicator!.Code == f.Code + "-COUNT").Select(v => v.Note).SingleAsync();
        Assert.Equal(Hyperlink, note);
    }

    [Fact]
    public async Task ExportAsync_Xlsx_FormulaTextGetsApostropheNumbersStayNumbers()
    {
        await using var db = _fixture.NewContext();
        var f = await SeedAsync(db, "INJX");
        using var export = new MemoryStream();

        await new FrameworkWorkbooks(db).ExportAsync(ExportFormat.Xlsx, export, new ExportOptions { FrameworkCode = f.Code });

        export.Position = 0;
        using (var document = SpreadsheetDocument.Open(export, isEditable: false))
        {
            var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Cell>().ToList();
            Assert.DoesNotContain(cells, c => c.CellFormula is not null);
            var texts = cells.Where(c => c.DataType?.Value == CellValues.InlineString).Select(c => c.InnerText).ToList();
            Assert.Contains("'" + Hyperlink, texts);
            Assert.Contains("'" + Command, texts);
            Assert.Contains("'" + Sum, texts);
            Assert.DoesNotContain(texts, t => t.Length > 0 && "=+-@\t\r".Contains(t[0], StringComparison.Ordinal));
            Assert.Contains(cells, c => c.DataType?.Value == CellValues.Number && c.InnerText == "47");
        }

        export.Position = 0;
        var result = await new IndicatorValueImporter(db).ImportAsync(export, "export.xlsx", new ImportOptions("someone"));
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(2, result.Unchanged);
    }

    [Fact]
    public void XlsxWriter_NegativeNumbers_StayNumberCells_NegativeLookingTextStaysText()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, [new XlsxSheet("S", ["a", "b", "c", "d"], [["-3.5", -3.5, "\t=1+1", "-2+3"]])]);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var row = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Single(r => r.RowIndex!.Value == 2);
        var cells = row.Elements<Cell>().ToList();
        Assert.Equal(("-3.5", CellValues.InlineString), (cells[0].InnerText, cells[0].DataType!.Value));
        Assert.Equal(("-3.5", CellValues.Number), (cells[1].InnerText, cells[1].DataType!.Value));
        Assert.Equal("'\t=1+1", cells[2].InnerText);
        Assert.Equal("'-2+3", cells[3].InnerText);
    }
}
