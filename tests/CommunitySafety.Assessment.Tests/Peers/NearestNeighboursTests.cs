using CommunitySafety.Areas;
using CommunitySafety.Assessment.Peers;

namespace CommunitySafety.Assessment.Tests.Peers;

public class NearestNeighboursTests
{
    private static AreaCode C(int n) => AreaCode.Parse($"E0600{n:D4}");

    [Fact]
    public void Find_WorkedExample_StandardisesByPopulationSd()
    {
        // Populations 100, 200, 300: mean 200, population sd √(20000/3) = 81.65; z = −1.225, 0, 1.225.
        var table = new AreaCharacteristics(["population"], new Dictionary<AreaCode, double[]>
        {
            [C(1)] = [100], [C(2)] = [200], [C(3)] = [300],
        }, null, "test");

        var group = NearestNeighbours.Find(C(1), table, k: 1);

        Assert.Equal([C(2)], group.Peers);
        Assert.Equal(100 / Math.Sqrt(20000.0 / 3), group.Distances[C(2)], 12);
        Assert.Contains("standardised Euclidean distance on population", group.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_TwoCharacteristics_WeighsEachStandardisedDifference()
    {
        // Area 1 is near area 2 in population but far in density, and near area 3 in density but far in population.
        var values = new Dictionary<AreaCode, double[]>
        {
            [C(1)] = [100, 10], [C(2)] = [110, 50], [C(3)] = [200, 12], [C(4)] = [150, 30],
        };
        var equal = NearestNeighbours.Find(C(1), new AreaCharacteristics(["population", "density"], values, null, "t"), k: 3);
        var densityHeavy = NearestNeighbours.Find(C(1), new AreaCharacteristics(["population", "density"], values, [1, 10], "t"), k: 1);
        var populationOnly = NearestNeighbours.Find(C(1), new AreaCharacteristics(["population", "density"], values, [1, 0], "t"), k: 1);

        Assert.Equal(3, equal.Peers.Count);
        Assert.Equal([C(3)], densityHeavy.Peers);
        Assert.Equal([C(2)], populationOnly.Peers);
        Assert.DoesNotContain("density", populationOnly.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_EqualDistances_BreaksTiesByCode()
    {
        var table = new AreaCharacteristics(["x"], new Dictionary<AreaCode, double[]>
        {
            [C(5)] = [0], [C(9)] = [1], [C(3)] = [-1], [C(7)] = [1],
        }, null, "t");

        var group = NearestNeighbours.Find(C(5), table, k: 3);

        Assert.Equal([C(3), C(7), C(9)], group.Peers);
    }

    [Fact]
    public void Find_Candidates_RestrictsPeersButNotStandardisation()
    {
        var table = new AreaCharacteristics(["x"], new Dictionary<AreaCode, double[]>
        {
            [C(1)] = [0], [C(2)] = [1], [C(3)] = [2], [C(4)] = [3],
        }, null, "t");

        var group = NearestNeighbours.Find(C(1), table, k: 5, candidates: new HashSet<AreaCode> { C(3), C(4) });

        Assert.Equal([C(3), C(4)], group.Peers);
    }

    [Fact]
    public void Find_ConstantCharacteristic_IsLeftOut()
    {
        var table = new AreaCharacteristics(["x", "constant"], new Dictionary<AreaCode, double[]>
        {
            [C(1)] = [0, 5], [C(2)] = [1, 5], [C(3)] = [3, 5],
        }, null, "t");

        var group = NearestNeighbours.Find(C(1), table, k: 2);

        Assert.Equal([C(2), C(3)], group.Peers);
        Assert.DoesNotContain("constant", group.Method, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_AreaWithoutCharacteristics_Throws()
    {
        var table = new AreaCharacteristics(["x"], new Dictionary<AreaCode, double[]> { [C(1)] = [0], [C(2)] = [1] }, null, "t");
        Assert.Throws<ArgumentException>(() => NearestNeighbours.Find(C(9), table, k: 1));
    }

    [Fact]
    public void Parse_CsvWithWeightRowAndNames_ReadsValuesAndWeights()
    {
        const string csv = """
            # test characteristics
            area_code,area_name,population,density
            weight,,1,2
            E06000044,Portsmouth,"214,000",5100
            E06000045,Southampton,253000,4900
            """;

        var table = AreaCharacteristics.Parse(csv, "c.csv");

        Assert.Equal(["population", "density"], table.Names);
        Assert.Equal([1.0, 2.0], table.Weights);
        Assert.Equal([214_000.0, 5100], table.Values[AreaCode.Parse("E06000044")]);
    }

    [Fact]
    public void Parse_NotANumber_ThrowsNamingLineAndColumn()
    {
        var e = Assert.Throws<AssessmentConfigurationException>(() => AreaCharacteristics.Parse("area_code,x\nE06000044,abc\n", "c.csv"));
        Assert.Contains("line 2, x", e.Message, StringComparison.Ordinal);
    }
}
