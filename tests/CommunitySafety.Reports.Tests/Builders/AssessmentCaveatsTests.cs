using CommunitySafety.Assessment;
using CommunitySafety.Assessment.Harm;
using CommunitySafety.Reports.Model;
using CommunitySafety.Statistics;
using CommunitySafety.Reports.Builders;

namespace CommunitySafety.Reports.Tests.Builders;

/// <summary>The assessment report carries the sources and caveats of its numbers: population, peers, national comparator, harm, overdispersion.</summary>
public sealed class AssessmentCaveatsTests
{
    private static readonly DataProvenance Provenance = new(
        2015,
        "sum of 121 LSOA estimates (mid-2015)",
        "The newest population estimate in the store for Luton is mid-2015, 9 years before 2024/25: rates may be out by as much as the population has changed since.",
        "England and Wales is not compared in 2024/25: the store holds police.uk data for 2 of 43 forces (Bedfordshire Police, Hampshire Constabulary).")
    {
        NationalCoverage = "2 of 43 forces",
    };

    private static Report Build() => AssessmentReportBuilder.Build(TestReports.Assessment with { Provenance = Provenance });

    private static IEnumerable<string> Texts(ReportSection section) => section.Blocks.SelectMany(b => b switch
    {
        Paragraph p => [p.Text],
        Callout c => [c.Text],
        BulletList l => l.Items,
        TableBlock t => t.Table.Notes,
        _ => [],
    });

    [Fact]
    public void KeyMessages_ListPopulationNationalCoveragePeersAndHarmCaveat()
    {
        var summary = Build().Sections.Single(s => s.Heading == "Key messages");
        var lists = summary.Blocks.OfType<BulletList>().ToArray();

        var sources = lists[1].Items;
        Assert.Equal(
            "Rates per 1,000 residents use the ONS mid-2015 population estimate (sum of 121 LSOA estimates (mid-2015)). " + Provenance.PopulationWarning,
            sources[0]);
        Assert.Equal(Provenance.NationalComparator, sources[1]);
        Assert.StartsWith("Similar areas: constructed peer group for tests. Compared with 6 of 6.", sources[2], StringComparison.Ordinal);
        Assert.Equal($"Harm: {HarmWeights.DefaultSource}. {HarmWeights.CategoryCaveat}", sources[3]);
        var notScored = TestReports.Assessment.Matrix.NotScored;
        Assert.NotEmpty(notScored);
        Assert.Contains(TestReports.Assessment.Matrix.Basis, sources);
        Assert.All(notScored, c => Assert.Contains(c.Text, sources));
    }

    [Fact]
    public void ScoringMatrix_NamesOnlyTheCriteriaItScored_AndTheTiesInItsTopPlaces()
    {
        var matrix = TestReports.Assessment.Matrix;
        var text = Texts(Build().Sections.Single(s => s.Heading == "Scoring matrix")).First(t => t.StartsWith("The scoring matrix of", StringComparison.Ordinal));

        Assert.Contains(matrix.Basis, text, StringComparison.Ordinal);
        Assert.All(matrix.NotScored, c => Assert.DoesNotContain($"ranks each crime type on {c.Name.ToLowerInvariant()}", text, StringComparison.Ordinal));
        Assert.Contains(matrix.TopPriorities.Count > matrix.TopN
            ? $"Equal totals put {matrix.TopPriorities.Count} crime types in the top {matrix.TopN} places: "
            : $"The {matrix.TopN} highest-scoring crime types are: ", text, StringComparison.Ordinal);
        Assert.Contains(string.Join(", ", matrix.TopPriorities), text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyMessages_ANoteAlreadyInTheSources_IsNotRepeated()
    {
        var report = AssessmentReportBuilder.Build(TestReports.Assessment with { Provenance = Provenance, Notes = [Provenance.NationalComparator, "Another note."] });

        var callouts = report.Sections.Single(s => s.Heading == "Key messages").Blocks.OfType<Callout>().Select(c => c.Text).ToArray();

        Assert.Equal(["Another note."], callouts);
    }

    [Fact]
    public void Harm_SaysTheWeightsAreCategoryAveragesAndNamesTheirSource()
    {
        var harm = Build().Sections.Single(s => s.Heading == "Harm");

        Assert.Contains(HarmWeights.CategoryCaveat, Texts(harm));
        Assert.Contains($"Harm weights: {HarmWeights.DefaultSource}.", Texts(harm));
    }

    [Fact]
    public void Benchmarking_ShowsTheComparisonWithAndWithoutTheAllowanceAndNamesTheMethod()
    {
        var assessment = TestReports.Assessment;
        var benchmarking = Build().Sections.Single(s => s.Heading == "Benchmarking");
        var table = benchmarking.Blocks.OfType<TableBlock>().Single(t => t.Table.Caption.StartsWith("Benchmarking", StringComparison.Ordinal)).Table;

        Assert.Equal("Compared with peers, no allowance", table.Columns[5].Header);
        Assert.Equal(assessment.Benchmarks[0].VsPeersUnadjusted.ToLabel(), table.Rows[0].Cells[5].Text);
        Assert.Contains($"Compared with peers (all recorded crime): {assessment.Benchmarks[0].PeerComparisonMethod}.", table.Notes);
        Assert.Contains(Provenance.NationalComparator, Texts(benchmarking));
        Assert.Contains("Spiegelhalter 2005", assessment.Benchmarks[0].PeerComparisonMethod, StringComparison.Ordinal);
    }

    [Fact]
    public void Benchmarking_NoPeersWithData_SaysSoAndWhatToLoad()
    {
        var a = TestReports.Assessment;
        var group = a.PeerGroup with
        {
            NotComparedReason = "Not compared with similar areas: none of the 15 peers has a complete year of crime data and a population in the store for 2024/25.",
            MissingData = "15 of the 15 peers have no complete crime data in the store for 2024/25: … import the police.uk street files …",
        };

        var benchmarking = AssessmentReportBuilder.Build(a with { PeerGroup = group }).Sections.Single(s => s.Heading == "Benchmarking");

        Assert.Contains(group.NotComparedReason, Texts(benchmarking));
        Assert.Contains(group.MissingData, Texts(benchmarking));
    }
}
