namespace CommunitySafety.Assessment.Tests.Matrix;

public class MatrixDefinitionTests
{
    [Fact]
    public void Default_Loads_TheSevenCriteriaOfTheReport()
    {
        var matrix = MatrixDefinition.Default;

        Assert.Equal(
            ["volume", "trend", "benchmarking", "publicConcern", "personalHarm", "disproportionateImpact", "drugAlcoholLink"],
            matrix.Criteria.Select(c => c.Id));
        Assert.Equal(3, matrix.Criteria.Count(c => c.Kind == CriterionKind.Partnership));
        Assert.Equal(3, matrix.MiddleScore);
        Assert.Equal(7, matrix.TotalWeight);
    }

    [Fact]
    public void Parse_BandsOutOfOrder_ThrowsNamingTheCriterion()
    {
        const string json = """
            { "name": "x", "criteria": [ { "id": "volume", "name": "Volume", "kind": "Volume",
              "bands": [ { "from": null, "score": 1 }, { "from": 10, "score": 3 }, { "from": 5, "score": 5 } ] } ] }
            """;

        var e = Assert.Throws<AssessmentConfigurationException>(() => MatrixDefinition.Parse(json, "m.json"));

        Assert.Contains("m.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("criterion 'volume'", e.Message, StringComparison.Ordinal);
        Assert.Contains("increasing order", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ScoreOutsideScale_Throws()
    {
        const string json = """
            { "name": "x", "minScore": 1, "maxScore": 3, "criteria": [ { "id": "b", "name": "B", "kind": "Benchmark",
              "outcomes": { "Better": 1, "Similar": 2, "Worse": 4 } } ] }
            """;

        var e = Assert.Throws<AssessmentConfigurationException>(() => MatrixDefinition.Parse(json, "m.json"));

        Assert.Contains("outside the scale 1–3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_ThrowsConfigurationError()
    {
        var e = Assert.Throws<AssessmentConfigurationException>(() => MatrixDefinition.Parse("{ nope", "m.json"));
        Assert.StartsWith("m.json:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateIds_Throws()
    {
        const string json = """
            { "name": "x", "criteria": [ { "id": "a", "name": "A", "kind": "Partnership" }, { "id": "A", "name": "A2", "kind": "Partnership" } ] }
            """;

        Assert.Throws<AssessmentConfigurationException>(() => MatrixDefinition.Parse(json, "m.json"));
    }
}
