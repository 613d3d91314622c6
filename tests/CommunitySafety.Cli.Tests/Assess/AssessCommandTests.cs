using System.Text.Json;
using CommunitySafety.Assessment;
using CommunitySafety.Assessment.Harm;
using CommunitySafety.Assessment.Peers;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Tests.Assess;

public class AssessCommandTests : IClassFixture<AssessCommandTests.DemoStore>
{
    private readonly DemoStore _demo;

    public AssessCommandTests(DemoStore demo) => _demo = demo;

    /// <summary>The demo store, built once by <c>csp demo</c> from the bundled samples.</summary>
    public sealed class DemoStore : IDisposable
    {
        public DemoStore()
        {
            Temp = new TempFolder();
            var result = CliRunner.RunAsync(Temp.Path, "demo", "--store", "demo.duckdb").GetAwaiter().GetResult();
            Assert.True(result.ExitCode == 0, result.ToString());
        }

        public TempFolder Temp { get; }

        public void Dispose() => Temp.Dispose();
    }

    private Task<CliResult> Run(params string[] args) => CliRunner.RunAsync(_demo.Temp.Path, ["--store", "demo.duckdb", .. args]);

    [Fact]
    public async Task Assess_Help_ListsEveryOption()
    {
        var result = await Run("assess", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--area", "--year", "--baseline", "--peers", "--nearest", "--characteristics", "--matrix", "--scores", "--harm", "--unreliable", "--previous", "--seed", "--format", "--out", "--neighbours", "--overdispersion" })
        {
            Assert.Contains(option, result.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Assess_LutonTable_PrintsKeyMessagesMatrixAndNotes()
    {
        var result = await Run("assess", "--area", "Luton", "--year", "2024/25", "--draws", "500");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Strategic assessment: Luton (E06000032), 2024/25", result.Out, StringComparison.Ordinal);
        Assert.Contains("Luton is not compared with similar areas: none of its 15 most similar areas as published by ONS", result.Out, StringComparison.Ordinal);
        Assert.Contains("Peer group: the 15 nearest statistical neighbours of Luton: ONS statistical nearest neighbours", result.Out, StringComparison.Ordinal);
        Assert.Contains("Barking and Dagenham (no crime data in the store for 2024/25; load Metropolitan Police Service's police.uk street files for 2024-04 to 2025-03)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Rates per 1,000 residents use the ONS mid-2024 population estimate", result.Out, StringComparison.Ordinal);
        Assert.Contains("Caveat: Harm is estimated from one average weight per crime category", result.Out, StringComparison.Ordinal);
        Assert.Contains("Priority matrix, 2024/25", result.Out, StringComparison.Ordinal);
        Assert.Contains("2023/24 is a partial year (4 of 12 months)", result.Out, StringComparison.Ordinal);
        Assert.Contains("England and Wales is not compared in 2024/25: the store holds police.uk data for 2 of 43 forces", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_Json_IsTheSavedResultAndFeedsNextYearsComparison()
    {
        var saved = _demo.Temp.File("luton-2024-25.json");
        var first = await Run("assess", "--area", "E06000032", "--year", "2024/25", "--draws", "300", "--format", "json", "--out", saved);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Wrote the assessment to", first.Error, StringComparison.Ordinal);

        var result = AssessmentResult.Load(saved);
        Assert.Equal("Luton", result.Area.Name);
        Assert.Equal(300, result.Methodology.Sensitivity.Draws);
        Assert.Equal(YearStatus.Complete, result.YearStatus);
        Assert.Equal(PublishedNeighbours.OnsSource, result.PeerGroup.Source);
        Assert.False(result.PeerGroup.IsCompared);
        Assert.Equal(2024, result.Provenance!.PopulationYear);
        Assert.False(string.IsNullOrEmpty(result.Provenance.PopulationSource));
        Assert.Null(result.Provenance.PopulationWarning);
        Assert.False(result.Provenance.IsNationalCompared);
        Assert.Equal(HarmWeights.DefaultSource, result.Harm.Source);
        Assert.Equal(HarmWeights.CategoryCaveat, result.Harm.Caveat);

        var second = await Run("assess", "--area", "Luton", "--year", "2024/25", "--draws", "300", "--previous", saved, "--format", "json");
        Assert.True(second.ExitCode == 0, second.ToString());
        var next = AssessmentResult.FromJson(second.Out, "stdout");
        Assert.True(next.ChangeSincePrevious!.TopPrioritiesUnchanged);
        Assert.Equal(result.Matrix.Rows.Select(r => r.Rank), next.Matrix.Rows.Select(r => r.Rank));
        Assert.Equal(result.Sensitivity.Rows, next.Sensitivity.Rows);
    }

    [Fact]
    public async Task Assess_Csv_IsTheMatrixWithOneRowPerCrimeType()
    {
        var result = await Run("assess", "--area", "Luton", "--year", "2024/25", "--draws", "100", "--format", "csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Rank,Crime type,Volume,Trend,Benchmarking,Public concern,Personal harm,Disproportionate impact,Drug/alcohol link,Total", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 14, lines.Length);
    }

    [Fact]
    public async Task Assess_PeersFile_UsesOnlyThoseAreas()
    {
        var peers = _demo.Temp.File("peers.csv");
        await File.WriteAllTextAsync(peers, "area_code,peer_code\nE06000032,E06000055\n");

        var result = await Run("assess", "--area", "Luton", "--year", "2024/25", "--draws", "100", "--peers", peers, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var r = AssessmentResult.FromJson(result.Out, "stdout");
        var member = Assert.Single(r.PeerGroup.Members);
        Assert.Equal("Bedford", member.Name);
        Assert.Equal("peer group file peers.csv", r.PeerGroup.Source);
        Assert.True(r.PeerGroup.IsCompared);
        Assert.NotNull(r.Benchmarks[0].PeerComparisonMethod);
        Assert.Equal(r.Benchmarks[0].PeerCount / r.Benchmarks[0].PeerPopulation * 1000, r.Benchmarks[0].PeerRate!.Value, 9);
    }

    [Fact]
    public async Task Assess_Nearest_ChoosesPeersByPopulationCharacteristics()
    {
        var result = await Run("assess", "--area", "Luton", "--year", "2024/25", "--draws", "100", "--nearest", "2", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var r = AssessmentResult.FromJson(result.Out, "stdout");
        Assert.Equal(2, r.PeerGroup.Members.Count);
        Assert.All(r.PeerGroup.Members, m => Assert.NotNull(m.Distance));
        Assert.StartsWith("2 nearest neighbours by standardised Euclidean distance", r.PeerGroup.Method, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_PortsmouthPartialYear_IsReportedAsPartial()
    {
        var result = await Run("assess", "--area", "Portsmouth", "--year", "2018/19", "--draws", "100", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var r = AssessmentResult.FromJson(result.Out, "stdout");
        Assert.Equal(YearStatus.Partial, r.YearStatus);
        Assert.Contains(r.KeyMessages, m => m.Text.StartsWith("Figures for 2018/19 cover 6 of 12 months", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ExitCode.UsageError, "assess", "--area", "Luton", "--year", "2024")]
    [InlineData(ExitCode.UsageError, "assess", "--area", "Luton", "--year", "2024/25", "--baseline", "2025/26")]
    [InlineData(ExitCode.UsageError, "assess", "--area", "Luton", "--year", "2024/25", "--peers", "p.csv", "--nearest", "5")]
    [InlineData(ExitCode.UsageError, "assess", "--area", "Luton", "--year", "2024/25", "--overdispersion", "loud")]
    [InlineData(ExitCode.UsageError, "assess", "--area", "Luton", "--year", "2024/25", "--neighbours", "0")]
    [InlineData(ExitCode.UsageError, "assess", "--area", "Bedfordshire", "--year", "2024/25")]
    [InlineData(ExitCode.NotFound, "assess", "--area", "Atlantis", "--year", "2024/25")]
    [InlineData(ExitCode.NotFound, "assess", "--area", "Luton", "--year", "2024/25", "--matrix", "missing.json")]
    [InlineData(ExitCode.NoData, "assess", "--area", "Luton", "--year", "2010/11")]
    public async Task Assess_BadRequest_ExitsWithTheNamedCode(ExitCode expected, params string[] args)
    {
        var result = await Run(args);

        Assert.True((int)expected == result.ExitCode, result.ToString());
        Assert.StartsWith("error:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_InvalidMatrix_ExitsInvalidInputNamingTheCriterion()
    {
        var matrix = _demo.Temp.File("bad-matrix.json");
        await File.WriteAllTextAsync(matrix, """{ "name": "x", "criteria": [ { "id": "v", "name": "V", "kind": "Volume", "bands": [] } ] }""");

        var result = await Run("assess", "--area", "Luton", "--year", "2024/25", "--matrix", matrix);

        Assert.Equal((int)ExitCode.InvalidInput, result.ExitCode);
        Assert.Contains("criterion 'v': a Volume criterion needs bands", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assess_PartnershipScores_AreUsedAndQuotedAsEvidence()
    {
        var scores = _demo.Temp.File("scores.csv");
        await File.WriteAllTextAsync(scores, "crime_type,publicConcern,publicConcern_evidence\nDrugs,5,\"Residents' survey 2024: top concern\"\n");

        var result = await Run("assess", "--area", "Luton", "--year", "2024/25", "--draws", "100", "--scores", scores, "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var r = AssessmentResult.FromJson(result.Out, "stdout");
        // A score for one crime type only: the criterion is not scored for any (it would rank the others on fewer
        // criteria), and the result says so, quoting the score and its evidence.
        var drugs = r.Matrix.Rows.Single(m => m.CrimeType == "Drugs").Scores.Single(s => s.CriterionId == "publicConcern");
        Assert.True(drugs.IsMissing);
        Assert.Equal(0, drugs.WeightedScore);
        Assert.Contains("Residents' survey 2024", drugs.Evidence, StringComparison.Ordinal);
        Assert.Contains("would score 5", drugs.Evidence, StringComparison.Ordinal);
        var concern = r.Matrix.Criteria.Single(c => c.Id == "publicConcern");
        Assert.False(concern.IsScored);
        Assert.StartsWith("the partnership scores file gives it for 1 of 14 crime types", concern.Reason, StringComparison.Ordinal);
        Assert.Single(r.Methodology.PartnershipScores);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
    }
}
