using System.Text;
using CommunitySafety.Exports;
using CommunitySafety.Monitoring.ValueImport;
using CsCheck;

namespace CommunitySafety.Monitoring.Tests.Export;

/// <summary>
/// The one CSV writer (<see cref="CsvWriter"/>) and the project's CSV reader (<c>TableReaders.ReadCsv</c>, what
/// <c>csp indicators import</c> and the web upload read) agree: any text written, read back and restored
/// (<see cref="SpreadsheetSafety.Restore"/>) is the text written, commas, quotes, line breaks and formula-like text included.
/// </summary>
public sealed class CsvWriterRoundTripTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.Char["ab ,\"\r\n=+-@\t'1.;é"], 0, 10];

    [Fact]
    public void WrittenThenRead_GivesTheSameCells() =>
        Gen.Select(Text, Text, Text).Array[1, 6].Sample(rows =>
        {
            var read = RoundTrip(["Name", "Rate per 1,000", "=Note"], [.. rows.Select(r => new[] { r.Item1, r.Item2, r.Item3 })]);
            Assert.Equal(["Name", "Rate per 1,000", "=Note"], read.Headers.Select(h => SpreadsheetSafety.Restore(h)));
            Assert.Equal(rows.Length, read.Rows.Count);
            for (var i = 0; i < rows.Length; i++)
            {
                Assert.Equal([rows[i].Item1, rows[i].Item2, rows[i].Item3], read.Rows[i].Cells.Select(c => SpreadsheetSafety.Restore(c)));
            }
        });

    [Fact]
    public void KnownAwkwardCells_RoundTrip()
    {
        string[] cells = ["=HYPERLINK(\"http://x\",\"y\")", "two\r\nlines, and \"quotes\"", "-3.5", "'=already", "\tTabbed", "@SUM(A1)", ""];
        var read = RoundTrip(["A", "B", "C", "D", "E", "F", "G"], [cells]);
        Assert.Equal(cells, read.Rows.Single().Cells.Select(c => SpreadsheetSafety.Restore(c)));
        Assert.Equal("'=HYPERLINK(\"http://x\",\"y\")", read.Rows.Single().Cells[0]);
        Assert.Equal("-3.5", read.Rows.Single().Cells[2]);
    }

    private static ValueTable RoundTrip(string[] headers, string[][] rows)
    {
        using var stream = new MemoryStream();
        using (var text = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
        {
            var csv = new CsvWriter(text);
            csv.WriteRow(headers);
            foreach (var row in rows)
            {
                csv.WriteRow(row);
            }
        }

        stream.Position = 0;
        return TableReaders.ReadCsv(stream, "round-trip.csv");
    }
}
