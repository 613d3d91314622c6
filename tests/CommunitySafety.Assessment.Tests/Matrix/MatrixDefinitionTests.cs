using CommunitySafety.Assessment.Matrix;

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
        Assert.Equal(["publicConcern", "drugAlcoholLink"], matrix.Criteria.Where(c => c.Kind == CriterionKind.Partnership).Select(c => c.Id));
        Assert.Equal(CriterionKind.Deprivation, matrix.Criteria.Single(c => c.Id == "disproportionateImpact").Kind);
        Assert.Equal(TrendAgainst.Rolling12Months, matrix.Criteria.Single(c => c.Id == "trend").TrendAgainst);
        Assert.All(matrix.Criteria, c => Assert.Null(c.MissingScore));
        Assert.Equal(3, matrix.MiddleScore);
        Assert.Equal(7, matrix.TotalWeight);
    }

    [Fact]
    public void Parse_MissingScore_ThrowsSayingCriteriaWithoutEvidenceAreNotScored()
    {
        const string json = """
            { "name": "x", "criteria": [ { "id": "publicConcern", "name": "Public concern", "kind": "Partnership", "missingScore": 3 } ] }
            """;

        var e = Assert.Throws<AssessmentConfigurationException>(() => MatrixDefinition.Parse(json, "m.json"));

        Assert.Contains("criterion 'publicConcern'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'missingScore' is no longer supported", e.Message, StringComparison.Ordinal);
        Assert.Contains("not scored", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeprivationWithoutBands_Throws()
    {
        const string json = """
            { "name": "x", "criteria": [ { "id": "disproportionateImpact", "name": "Disproportionate impact", "kind": "Deprivation" } ] }
            """;

        var e = Assert.Throws<AssessmentConfigurationException>(() => MatrixDefinition.Parse(json, "m.json"));

        Assert.Contains("a Deprivation criterion needs bands", e.Message, StringComparison.Ordinal);
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
