using CommunitySafety.Exports;
using CsCheck;

namespace CommunitySafety.Core.Tests.Exports;

public class CsvWriterTests
{
    [Theory]
    [InlineData("Luton", "Luton")]
    [InlineData("", "")]
    [InlineData(" leading and trailing ", " leading and trailing ")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hello\"", "\"say \"\"hello\"\"\"")]
    [InlineData("\"", "\"\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\ronly", "\"cr\ronly\"")]
    [InlineData("windows\r\nline", "\"windows\r\nline\"")]
    [InlineData("semi;colon\ttab", "semi;colon\ttab")]
    [InlineData("Ünïcödé – 2024/25", "Ünïcödé – 2024/25")]
    public void Cell_PlainText_IsQuotedOnlyWhenRfc4180NeedsIt(string text, string expected) =>
        Assert.Equal(expected, CsvWriter.Cell(text));

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("'=1", "''=1")]
    public void Cell_FormulaLikeText_GetsApostropheThenQuoting(string text, string expected) =>
        Assert.Equal(expected, CsvWriter.Cell(text));

    [Theory]
    [InlineData("-3.5")]
    [InlineData("+12")]
    [InlineData("-1E-05")]
    [InlineData("-Infinity")]
    public void Cell_NumbersWrittenAsText_StayNumbers(string number) =>
        Assert.Equal(number, CsvWriter.Cell(number));

    [Fact]
    public void Cell_Null_IsEmpty() => Assert.Equal(string.Empty, CsvWriter.Cell(null));

    [Fact]
    public void AppendQuoted_KeepsFormulaText_AsGiven()
    {
        // For text echoed back exactly (a rejected row): quoting only, no apostrophe.
        var line = new System.Text.StringBuilder();
        CsvWriter.AppendQuoted(line, "=1+2,\"x\"");
        Assert.Equal("\"=1+2,\"\"x\"\"\"", line.ToString());
    }

    [Theory]
    [InlineData("Bristol 001A", "Bristol 001A")]
    [InlineData("Bristol, City of 001A", "\"Bristol, City of 001A\"")]
    [InlineData("=not touched", "=not touched")]
    public void Quoted_QuotesOnlyWhenNeeded_WithoutTheFormulaRule(string field, string expected) =>
        Assert.Equal(expected, CsvWriter.Quoted(field));

    [Fact]
    public void WriteRow_WritesCellsWithCommasAndTheLineEnding()
    {
        using var text = new StringWriter();
        var csv = new CsvWriter(text);
        csv.WriteRow("Area", "Rate per 1,000", "Note");
        csv.WriteRow("Luton", "12.5", null);
        csv.WriteRow(["=evil()", "-4", "line\nbreak"]);
        Assert.Equal("Area,\"Rate per 1,000\",Note\nLuton,12.5,\n'=evil(),-4,\"line\nbreak\"\n", text.ToString());
    }

    [Fact]
    public void WriteRow_WithCrLf_EndsEveryRowWithCrLf()
    {
        using var text = new StringWriter();
        var csv = new CsvWriter(text, "\r\n");
        csv.WriteRow(new List<string?> { "a", "b" });
        csv.WriteRow(new List<string?> { "c" });
        Assert.Equal("a,b\r\nc\r\n", text.ToString());
    }

    [Fact]
    public void NeedsQuotes_IsTrueExactlyForCommaQuoteCrLf() =>
        Gen.Char.Sample(c => Assert.Equal(c is ',' or '"' or '\r' or '\n', CsvWriter.NeedsQuotes([c])));

    [Fact]
    public void Cell_AnyText_IsOneWellFormedField() =>
        Gen.String[Gen.Char["a,\"\r\n=+-@\t' 1."], 0, 12].Sample(text =>
        {
            var field = CsvWriter.Cell(text);
            var content = field;
            if (field.StartsWith('"'))
            {
                // Quoted: closed by a quote, and every quote inside doubled.
                Assert.EndsWith("\"", field, StringComparison.Ordinal);
                Assert.DoesNotContain("\"", field[1..^1].Replace("\"\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
                content = field[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
            }
            else
            {
                Assert.False(CsvWriter.NeedsQuotes(field));
            }

            // What a spreadsheet reads is never a formula, and the importers' Restore gives the text back.
            Assert.False(SpreadsheetSafety.IsDangerous(content));
            Assert.Equal(text, SpreadsheetSafety.Restore(content));
        });
}
