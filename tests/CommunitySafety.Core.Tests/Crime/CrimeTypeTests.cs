using CommunitySafety.Crime;

namespace CommunitySafety.Core.Tests.Crime;

public class CrimeTypeTests
{
    [Fact]
    public void Current_HasTheFourteenPoliceUkCategories()
    {
        Assert.Equal(14, CrimeType.Current.Count);
        Assert.All(CrimeType.Current, t => Assert.False(t.IsLegacy));
        Assert.Equal(CrimeType.Current.Count, CrimeType.Current.Select(t => t.Id).Distinct().Count());
    }

    [Theory]
    [InlineData("Violence and sexual offences")]
    [InlineData("violence and sexual offences")]
    [InlineData(" Anti-social behaviour ")]
    [InlineData("criminal-damage-arson")]
    public void TryFind_NameOrSlug_IgnoringCase_Finds(string name) =>
        Assert.True(CrimeType.TryFind(name, out _));

    [Fact]
    public void TryFind_Unknown_ReturnsFalse()
    {
        Assert.False(CrimeType.TryFind("Cyber crime", out _));
        var e = Assert.Throws<ArgumentException>(() => CrimeType.Find("Cyber crime"));
        Assert.Contains("Shoplifting", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicDisorderAndWeapons_MapsToPublicOrderAndPossessionOfWeapons()
    {
        var legacy = CrimeType.Find("Public disorder and weapons");
        Assert.True(legacy.IsLegacy);
        Assert.Equal([CrimeType.PublicOrder, CrimeType.PossessionOfWeapons], legacy.CurrentEquivalents);
    }

    [Fact]
    public void FromId_RoundTripsEveryType()
    {
        Assert.All(CrimeType.All, t => Assert.Same(t, CrimeType.FromId(t.Id)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CrimeType.FromId(0));
    }
}
