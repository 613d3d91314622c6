using CommunitySafety.Areas;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Assessment.Tests.Harm;
using CommunitySafety.Data.Queries;

namespace CommunitySafety.Assessment.Tests.Peers;

/// <summary>The default peer group is ONS's published nearest neighbours, never "whatever else is in the store".</summary>
public class DefaultPeersTests
{
    private static readonly AreaCode Luton = AreaCode.Parse("E06000032");

    /// <summary>Luton's row of the shipped ONS table, read independently of the product's reader.</summary>
    private static (string[] Neighbours, Dictionary<string, string> Names) ShippedTable(string code)
    {
        var rows = CrimeSeverityDerivationTests.ReadCsv(PublishedNeighbours.DefaultFileName);
        var names = rows.ToDictionary(r => r["Lower tier local authority code"], r => r["Lower tier local authority name"]);
        var row = rows.Single(r => r["Lower tier local authority code"] == code);
        return ([.. Enumerable.Range(1, 295).Select(i => row[$"Neighbour {i}"])], names);
    }

    [Fact]
    public void For_Luton_IsOnsPublishedListOfFifteenNearestNeighbours()
    {
        var (neighbours, names) = ShippedTable("E06000032");

        var group = DefaultPeers.For(new ResolvedArea(AreaKind.LocalAuthority, "Luton", Luton));

        Assert.Equal(neighbours.Take(15), group.Peers.Select(p => p.Value));
        Assert.Equal(
            ["Barking and Dagenham", "Leicester", "Birmingham", "Wolverhampton", "Coventry", "Enfield", "Sandwell"],
            group.Peers.Take(7).Select(p => group.Names[p]));
        Assert.Equal(group.Peers.Select(p => names[p.Value]), group.Peers.Select(p => group.Names[p]));
        Assert.Equal(PublishedNeighbours.OnsSource, group.Source);
        Assert.Contains("15 nearest statistical neighbours of Luton", group.Method, StringComparison.Ordinal);
        Assert.Null(group.UnavailableReason);
    }

    [Fact]
    public void For_LutonWithSevenNeighbours_TakesTheSevenNearest()
    {
        var group = DefaultPeers.For(new ResolvedArea(AreaKind.LocalAuthority, "Luton", Luton), count: 7);

        Assert.Equal(ShippedTable("E06000032").Neighbours.Take(7), group.Peers.Select(p => p.Value));
        Assert.DoesNotContain(group.Peers, p => p.Value == "E06000055"); // Bedford, which shares Luton's force, is its 61st nearest
        Assert.Equal(61, Array.IndexOf(ShippedTable("E06000032").Neighbours, "E06000055") + 1);
    }

    [Fact]
    public void For_CspThatIsOneDistrict_UsesThatDistrictsNeighbours()
    {
        var group = DefaultPeers.For(new ResolvedArea(AreaKind.CommunitySafetyPartnership, "Portsmouth", AreaCode.Parse("E22000118")));

        Assert.Equal(ShippedTable("E06000044").Neighbours.Take(15), group.Peers.Select(p => p.Value));
        Assert.Equal("Southampton", group.Names[group.Peers[0]]);
        Assert.Contains("Portsmouth (as the district Portsmouth, E06000044)", group.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void For_CspSpanningSeveralDistricts_HasNoPublishedNeighboursAndSaysWhatToSupply()
    {
        var group = DefaultPeers.For(new ResolvedArea(AreaKind.CommunitySafetyPartnership, "South Worcester", AreaCode.Parse("E22000332")));

        Assert.Empty(group.Peers);
        Assert.Equal(
            "South Worcester spans 3 districts (Malvern Hills, Worcester and Wychavon), and ONS publishes nearest neighbours for single districts only. " + DefaultPeers.WhatToSupply,
            group.UnavailableReason);
    }

    [Fact]
    public void For_WelshAuthority_HasNoPublishedNeighbours()
    {
        var group = DefaultPeers.For(new ResolvedArea(AreaKind.LocalAuthority, "Cardiff", AreaCode.Parse("W06000015")));

        Assert.Empty(group.Peers);
        Assert.Contains("not Welsh authorities", group.UnavailableReason, StringComparison.Ordinal);
        Assert.Contains("--peers <file>", group.UnavailableReason, StringComparison.Ordinal);
    }

    [Fact]
    public void For_PoliceForceArea_HasNoPublishedNeighbours()
    {
        var group = DefaultPeers.For(new ResolvedArea(AreaKind.PoliceForceArea, "Bedfordshire", AreaCode.Parse("E23000026")));

        Assert.StartsWith("Bedfordshire is a police force area: ONS publishes nearest neighbours for local authority districts only.", group.UnavailableReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Metropolitan Police", "metropolitan")]
    [InlineData("London, City of", "city-of-london")]
    [InlineData("Devon & Cornwall", "devon-and-cornwall")]
    [InlineData("West Midlands", "west-midlands")]
    [InlineData("Bedfordshire", "bedfordshire")]
    public void ForceOf_OnsForceAreaName_IsThePoliceUkForce(string name, string slug)
    {
        Assert.Equal(slug, PartnershipGeography.ForceOf(name)?.Slug);
    }

    [Fact]
    public void Geography_EveryForceAreaInTheLookup_HasAPoliceUkForce()
    {
        var missing = PartnershipGeography.Default.Rows.Where(r => PartnershipGeography.ForceOf(r.ForceAreaName) is null).Select(r => r.ForceAreaName).Distinct().ToArray();

        Assert.Empty(missing);
        Assert.Equal(43, PartnershipGeography.Default.Rows.Select(r => r.ForceArea).Distinct().Count());
    }

    [Fact]
    public void Published_EveryNeighbourList_HasEveryOtherArea()
    {
        var table = PublishedNeighbours.Default;

        Assert.Equal(296, table.Areas.Count);
        Assert.All(table.Areas, a => Assert.Equal(295, table.Nearest(a, 1000).Distinct().Count()));
    }

    [Fact]
    public void Parse_BadCode_NamesLineAndColumn()
    {
        var e = Assert.Throws<AssessmentConfigurationException>(() => PublishedNeighbours.Parse("code,name,Neighbour 1\nE06000032,Luton,Leicester\n", "nn.csv"));

        Assert.Contains("line 2, neighbour 1: 'Leicester' is not an ONS area code", e.Message, StringComparison.Ordinal);
    }
}
