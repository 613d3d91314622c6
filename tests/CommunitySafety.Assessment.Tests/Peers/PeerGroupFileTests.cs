using CommunitySafety.Areas;
using CommunitySafety.Assessment.Peers;

namespace CommunitySafety.Assessment.Tests.Peers;

public class PeerGroupFileTests
{
    [Fact]
    public void Parse_Pairs_GroupsPeersByAreaWithoutSelfOrDuplicates()
    {
        const string csv = """
            # Home Office most similar group (test)
            area_code,peer_code
            E06000044,E06000045
            E06000044,E06000044
            E06000044,E06000043
            E06000044,E06000045
            E06000045,E06000044
            """;

        var file = PeerGroupFile.Parse(csv, "peers.csv");
        var group = file.For(AreaCode.Parse("E06000044"))!;

        Assert.Equal([AreaCode.Parse("E06000045"), AreaCode.Parse("E06000043")], group.Peers);
        Assert.Contains("peers.csv", group.Method, StringComparison.Ordinal);
        Assert.Null(file.For(AreaCode.Parse("E06000001")));
    }

    [Fact]
    public void Parse_BadCode_ThrowsNamingLine()
    {
        var e = Assert.Throws<AssessmentConfigurationException>(() => PeerGroupFile.Parse("area_code,peer_code\nE06000044,Southampton\n", "p.csv"));
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Southampton'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DefaultTemplate_HasNoGroups()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Defaults", "Assessment", "peer-groups.csv"));
        Assert.Empty(PeerGroupFile.Parse(text, "peer-groups.csv").Areas);
    }
}
