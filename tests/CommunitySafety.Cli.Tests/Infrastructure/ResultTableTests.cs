using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Tests.Infrastructure;

public class ResultTableTests
{
    private static ResultTable Sample()
    {
        var table = new ResultTable(new ResultColumn("Crime type"), new ResultColumn("Count", IsNumeric: true), new ResultColumn("Rate per 1,000", IsNumeric: true));
        table.Add("Violence and sexual offences", 12345, 56.789);
        table.Add("Burglary, domestic \"test\"", 7, null);
        table.Notes.Add("Population: mid-2015.");
        return table;
    }

    [Fact]
    public void Write_Csv_QuotesFieldsAndSendsNotesToStandardError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Sample().Write(new CliContext(output, error), OutputFormat.Csv);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("Crime type,Count,\"Rate per 1,000\"", lines[0]);
        Assert.Equal("Violence and sexual offences,12345,56.789", lines[1]);
        Assert.Equal("\"Burglary, domestic \"\"test\"\"\",7,", lines[2]);
        Assert.Contains("Population: mid-2015.", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Csv_FormulaLikeTextGetsApostrophe_NumbersStayNumbers()
    {
        var table = new ResultTable(new ResultColumn("Name"), new ResultColumn("Change", IsNumeric: true), new ResultColumn("Text"));
        table.Add("=HYPERLINK(\"http://x\",\"y\")", -3.5, "-3.5");
        table.Add("@SUM(A1)", -2, "+cmd|' /C calc'!A0");
        using var output = new StringWriter();
        using var error = new StringWriter();

        table.Write(new CliContext(output, error), OutputFormat.Csv);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-3.5,-3.5", lines[1]);
        Assert.Equal("'@SUM(A1),-2,'+cmd|' /C calc'!A0", lines[2]);
    }

    [Fact]
    public void Write_Csv_WithoutRows_WritesTheHeaderQuotedAsWithRows()
    {
        // The one CSV writer writes the header either way: a column name with a comma stays one column.
        var table = new ResultTable(new ResultColumn("Crime type"), new ResultColumn("Rate per 1,000", IsNumeric: true));
        using var output = new StringWriter();
        using var error = new StringWriter();

        table.Write(new CliContext(output, error), OutputFormat.Csv);

        Assert.Equal("Crime type,\"Rate per 1,000\"\n", output.ToString());
    }

    [Fact]
    public void Write_Json_WritesNumbersAsNumbersAndMissingAsNull()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Sample().Write(new CliContext(output, error), OutputFormat.Json);
        using var doc = System.Text.Json.JsonDocument.Parse(output.ToString());
        var rows = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal(12345, rows[0].GetProperty("Count").GetInt32());
        Assert.Equal(56.789, rows[0].GetProperty("Rate per 1,000").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows[1].GetProperty("Rate per 1,000").ValueKind);
    }

    [Fact]
    public void Write_Table_FormatsNumbersForPeopleWithNotesAfter()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Sample().Write(new CliContext(output, error), OutputFormat.Table);
        var text = output.ToString();
        Assert.Contains("12,345", text, StringComparison.Ordinal);
        Assert.Contains("56.8", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Population: mid-2015.", StringComparison.Ordinal) > text.IndexOf("12,345", StringComparison.Ordinal));
    }

    [Fact]
    public void Add_WrongCellCount_Throws() =>
        Assert.Throws<ArgumentException>(() => Sample().Add("only one"));
}
