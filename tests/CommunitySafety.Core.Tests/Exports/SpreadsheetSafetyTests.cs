using CommunitySafety.Exports;
using CsCheck;

namespace CommunitySafety.Core.Tests.Exports;

public class SpreadsheetSafetyTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("=")]
    [InlineData("-")]
    [InlineData("+44 20 7946 0000")]
    public void Neutralise_FormulaLikeText_GetsLeadingApostrophe(string text)
    {
        Assert.True(SpreadsheetSafety.IsDangerous(text));
        Assert.Equal("'" + text, SpreadsheetSafety.Neutralise(text));
    }

    [Theory]
    [InlineData("-3.5")]
    [InlineData("+12")]
    [InlineData("-1E-05")]
    [InlineData("-0")]
    [InlineData("Luton 012A")]
    [InlineData("E06000032")]
    [InlineData("2024-01")]
    [InlineData("Q4 2022/23")]
    [InlineData("a=b")]
    [InlineData("")]
    public void Neutralise_NumbersAndPlainText_AreUnchanged(string text)
    {
        Assert.False(SpreadsheetSafety.IsDangerous(text));
        Assert.Same(text, SpreadsheetSafety.Neutralise(text));
    }

    [Fact]
    public void Neutralise_ApostropheBeforeFormula_GetsAnotherSoThatRestoreGivesItBack()
    {
        Assert.Equal("''=1+1", SpreadsheetSafety.Neutralise("'=1+1"));
        Assert.Equal("'=1+1", SpreadsheetSafety.Restore("''=1+1"));
    }

    [Fact]
    public void Neutralise_Null_IsNull() => Assert.Null(SpreadsheetSafety.Neutralise(null));

    [Theory]
    [InlineData("'=HYPERLINK(\"http://x\",\"y\")", "=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("'@SUM(A1)", "@SUM(A1)")]
    [InlineData("'-3.5", "'-3.5")]
    [InlineData("'quoted", "'quoted")]
    [InlineData("'", "'")]
    [InlineData("plain", "plain")]
    public void Restore_RemovesOnlyTheProtectiveApostrophe(string read, string expected) =>
        Assert.Equal(expected, SpreadsheetSafety.Restore(read));

    [Fact]
    public void NeutraliseThenRestore_IsTheIdentity_AndNeverLeavesATriggerFirst()
    {
        var chars = Gen.Char["=+-@\t\r'0123456789.eE aZ(|"];
        Gen.String[chars, 0, 12].Sample(text =>
        {
            var safe = SpreadsheetSafety.Neutralise(text);
            Assert.False(SpreadsheetSafety.IsDangerous(safe));
            Assert.Equal(text, SpreadsheetSafety.Restore(safe));
        }, iter: 20_000);
    }
}
