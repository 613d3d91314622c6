using System.IO.Compression;
using System.Text;
using CommunitySafety.Data.Tests.Malformed;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Tests.Storage;
using CommunitySafety.Monitoring.ValueImport;
using CommunitySafety.SafeReading;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Tests.Malformed;

/// <summary>
/// Every malformed indicator file of tests/fixtures/malformed/indicators (CSV, .xlsx, Fingertips exports; and the big
/// ones made here) is rejected in <see cref="ImportResult.Errors"/> naming the file, row and column, or imported when
/// it is valid; the importer never hangs or throws, nothing is half imported, and the next valid import works.
/// </summary>
public sealed class MalformedIndicatorCorpusTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private const string Header = "Indicator code,Area code,Period,Category type,Category,Count,Denominator,Value,Status,Missing reason,Note";

    /// <summary>Generous: the slowest case (a 50 MB field) takes about a second.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    public static TheoryData<string> Cases => MalformedCorpus.Under("indicators/");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ImportAsync_MalformedFile_RejectedNamingFileRowAndColumn_OrImported(string file)
    {
        var c = MalformedCorpus.Get(file);

        await CheckAsync(Path.GetFileName(c.File), await File.ReadAllBytesAsync(MalformedCorpus.PathOf(c)), c.Rejected, c.Imported, c.Line, c.Field, c.Message);
    }

    [Fact]
    public async Task ImportAsync_FiftyMegabyteField_RejectedAtItsLine()
    {
        var csv = new StringBuilder(Header).Append("\nMAL-COUNT,E06000044,Q1 2022/23,,,47,,,Final,,")
            .Append('x', 50 * 1024 * 1024).Append("\nMAL-RATE,E06000044,Q1 2022/23,,,39,17000,,Provisional,,\n");

        await CheckAsync("huge.csv", Encoding.UTF8.GetBytes(csv.ToString()), true, 0, 2, null, "is longer than 1,048,576 characters");
    }

    [Fact]
    public async Task ImportAsync_WorkbookExpandingBeyondTheLimit_Refused()
    {
        var bomb = Workbook(sheetPadding: InputLimits.MaxXlsxExpandedBytes + (1 << 20), extraParts: 0);

        Assert.True(bomb.Length < 1_000_000, $"{bomb.Length} bytes");
        await CheckAsync("bomb.xlsx", bomb, true, 0, 0, null, $"the limit is {InputLimits.MaxXlsxExpandedBytes:N0}");
    }

    [Fact]
    public async Task ImportAsync_WorkbookWithTooManyParts_Refused() =>
        await CheckAsync("parts.xlsx", Workbook(0, InputLimits.MaxXlsxEntries), true, 0, 0, null, $"the limit is {InputLimits.MaxXlsxEntries:N0}");

    [Fact]
    public async Task ImportAsync_SmallWorkbookOfTheSameMaking_Imports() =>
        await CheckAsync("small.xlsx", Workbook(1000, 3), false, 1, 0, null, "");

    /// <summary>Imports within <see cref="Bound"/> into a fresh database holding a plan and values; checks the outcome, that a rejection changed nothing, and that a valid import works after it.</summary>
    private async Task CheckAsync(string name, byte[] content, bool rejected, long imported, int line, string? field, string message)
    {
        var options = await fixture.NewDatabaseAsync();
        await using var db = MonitoringDatabase.CreateContext(options, fixture.Clock);
        await TestPlans.AddFrameworkAsync(db, "MAL");
        var baseline = await ImportAsync(db, $"{Header}\nMAL-COUNT,E06000044,Q4 2021/22,,,40,,,Final,,\n", "base.csv");
        Assert.True(baseline.Succeeded, string.Join("\n", baseline.Errors));
        var before = await CountsAsync(db);

        using var stream = new MemoryStream(content);
        var run = Task.Run(() => new IndicatorValueImporter(db).ImportAsync(stream, name, new ImportOptions("tester")));
        Assert.True(await Task.WhenAny(run, Task.Delay(Bound)) == run, $"{name}: no answer within {Bound}");
        var result = await run;

        if (rejected)
        {
            Assert.False(result.Succeeded, $"{name}: imported when it should be rejected");
            Assert.All(result.Errors, e => Assert.Equal(name, e.File));
            var match = result.Errors.FirstOrDefault(e => e.Row == line && (field is null ? e.ColumnName.Length == 0 : e.ColumnName == field)
                && e.Message.Contains(message, StringComparison.Ordinal));
            Assert.True(match is not null, $"expected row {line}, column {field ?? "-"}, '{message}'; got:\n{string.Join("\n", result.Errors)}");
            db.ChangeTracker.Clear();
            Assert.Equal(before, await CountsAsync(db));
        }
        else
        {
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
            Assert.Equal(imported, result.Added);
        }

        db.ChangeTracker.Clear();
        var next = await ImportAsync(db, $"{Header}\nMAL-COUNT,E06000044,Q2 2022/23,,,50,,,Final,,\nMAL-RATE,E06000044,Q2 2022/23,,,41,17000,,Final,,\n", "next.csv");
        Assert.True(next.Succeeded, string.Join("\n", next.Errors));
        Assert.Equal(2, next.Added);
    }

    private static async Task<ImportResult> ImportAsync(MonitoringDbContext db, string csv, string name)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await new IndicatorValueImporter(db).ImportAsync(stream, name, new ImportOptions("tester"));
    }

    private static async Task<(int Indicators, int Values, int Revisions, int Frameworks)> CountsAsync(MonitoringDbContext db) =>
        (await db.Indicators.CountAsync(), await db.IndicatorValues.CountAsync(), await db.IndicatorValueRevisions.CountAsync(), await db.Frameworks.CountAsync());

    /// <summary>
    /// A workbook with one value row; its sheet padded with <paramref name="sheetPadding"/> spaces (compressing about
    /// 1,000 to 1) and <paramref name="extraParts"/> extra empty parts.
    /// </summary>
    private static byte[] Workbook(long sheetPadding, int extraParts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Part(string partName, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(partName, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                w.Write(xml);
            }

            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Values" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using (var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false)))
            {
                sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
                sheet.Write("""<row r="1"><c r="A1" t="inlineStr"><is><t>Indicator code</t></is></c><c r="B1" t="inlineStr"><is><t>Area code</t></is></c><c r="C1" t="inlineStr"><is><t>Period</t></is></c><c r="D1" t="inlineStr"><is><t>Count</t></is></c></row>""");
                var spaces = new string(' ', 1 << 16);
                for (long written = 0; written < sheetPadding; written += spaces.Length)
                {
                    sheet.Write(spaces);
                }

                sheet.Write("""<row r="2"><c r="A2" t="inlineStr"><is><t>MAL-COUNT</t></is></c><c r="B2" t="inlineStr"><is><t>E06000044</t></is></c><c r="C2" t="inlineStr"><is><t>Q1 2022/23</t></is></c><c r="D2"><v>47</v></c></row>""");
                sheet.Write("</sheetData></worksheet>");
            }

            for (var i = 0; i < extraParts; i++)
            {
                zip.CreateEntry($"xl/extra/part{i}.bin", CompressionLevel.NoCompression);
            }
        }

        return buffer.ToArray();
    }
}
