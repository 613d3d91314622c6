using CommunitySafety.Assessment.Matrix;
using CommunitySafety.Crime;

namespace CommunitySafety.Assessment.Tests.Matrix;

public class PartnershipScoresTests
{
    [Fact]
    public void Parse_ScoresAndEvidence_ReadsEachCriterion()
    {
        const string csv = """
            crime_type,publicConcern,publicConcern_evidence,drugAlcoholLink
            Violence and sexual offences,5,"Residents' survey 2023: 41% very worried",4
            Drugs,,,5
            """;

        var scores = PartnershipScores.Parse(csv, "p.csv", MatrixDefinition.Default);

        Assert.Equal(new PartnershipScore(5, "Residents' survey 2023: 41% very worried"), scores.For(CrimeType.ViolenceAndSexualOffences, "publicConcern"));
        Assert.Equal(5, scores.For(CrimeType.Drugs, "drugAlcoholLink")!.Score);
        Assert.Null(scores.For(CrimeType.Drugs, "publicConcern"));
        Assert.Equal(3, scores.Count);
    }

    [Fact]
    public void Parse_ScoreOutsideScale_ThrowsNamingLineAndColumn()
    {
        var e = Assert.Throws<AssessmentConfigurationException>(
            () => PartnershipScores.Parse("crime_type,publicConcern\nBurglary,6\n", "p.csv", MatrixDefinition.Default));
        Assert.Contains("line 2, publicconcern", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ColumnThatIsNotAPartnershipCriterion_Throws()
    {
        var e = Assert.Throws<AssessmentConfigurationException>(
            () => PartnershipScores.Parse("crime_type,volume\nBurglary,3\n", "p.csv", MatrixDefinition.Default));
        Assert.Contains("'volume'", e.Message, StringComparison.Ordinal);
    }
}
