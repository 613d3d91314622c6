using CommunitySafety.Monitoring.Demo;
using CommunitySafety.Monitoring.Export;
using CommunitySafety.Monitoring.Tests.Storage;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CommunitySafety.Monitoring.Tests.Export;

/// <summary>The workbooks written are valid Open XML (Excel refuses, or "repairs", invalid ones).</summary>
public sealed class WorkbookValidityTests : IAsyncLifetime
{
    private readonly SqliteFixture _fixture = new();

    public Task InitializeAsync() => _fixture.InitializeAsync();

    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task WriteTemplateAsync_DemoFramework_IsValidOpenXmlWithThreeSheets()
    {
        await using var db = _fixture.NewContext();
        await DemoPlan.SeedAsync(db);
        using var stream = new MemoryStream();

        await new FrameworkWorkbooks(db).WriteTemplateAsync(DemoPlan.DomesticAbuseFramework, stream, Periods.ReportingPeriod.Parse("Q1 2024/25"));

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        Assert.Equal(["Instructions", "Values", "Indicators"],
            document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public async Task ExportAsync_Xlsx_IsValidOpenXml()
    {
        await using var db = _fixture.NewContext();
        await DemoPlan.SeedAsync(db);
        using var stream = new MemoryStream();

        var rows = await new FrameworkWorkbooks(db).ExportAsync(ExportFormat.Xlsx, stream, new ExportOptions { ForPublication = true });

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        Assert.True(rows > 300);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
    }
}
