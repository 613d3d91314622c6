using CommunitySafety.Areas;

namespace CommunitySafety.Core.Tests.Areas;

public class AreaCodeTests
{
    [Theory]
    [InlineData("E06000044", "E06", false)]
    [InlineData("W06000015", "W06", true)]
    [InlineData("E01017540", "E01", false)]
    public void Parse_GssCode_KeepsEntity(string text, string entity, bool wales)
    {
        var code = AreaCode.Parse(text);
        Assert.Equal(text, code.Value);
        Assert.Equal(entity, code.Entity);
        Assert.Equal(wales, code.IsWales);
    }

    [Theory]
    [InlineData("Portsmouth")]
    [InlineData("E0600004")]
    [InlineData("X06000044")]
    [InlineData("E06O00044")]
    public void TryParse_NotACode_ReturnsFalse(string text)
    {
        Assert.False(AreaCode.IsAreaCode(text));
        Assert.Throws<FormatException>(() => AreaCode.Parse(text));
    }

    [Theory]
    [InlineData("Portsmouth 013A", "Portsmouth")]
    [InlineData("Bournemouth, Christchurch and Poole 001A", "Bournemouth, Christchurch and Poole")]
    [InlineData("Central Bedfordshire 027E", "Central Bedfordshire")]
    [InlineData("Luton", null)]
    [InlineData("", null)]
    [InlineData("Luton 12A", null)]
    public void LocalAuthorityName_FromLsoaName_DropsLastWord(string lsoaName, string? expected) =>
        Assert.Equal(expected, LsoaNames.LocalAuthorityName(lsoaName));
}
