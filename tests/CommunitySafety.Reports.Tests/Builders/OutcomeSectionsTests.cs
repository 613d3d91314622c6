using CommunitySafety.Assessment.StopSearch;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Builders;
using CommunitySafety.Reports.Disclosure;
using CommunitySafety.Reports.Model;
using CommunitySafety.Statistics;

namespace CommunitySafety.Reports.Tests.Builders;

/// <summary>The stop-and-search section of the assessment report: plain sentences, provenance, and small counts in the published variant.</summary>
public sealed class OutcomeSectionsTests
{
    private static StopSearchResult Result()
    {
        var population = new EthnicityPopulation("E23000026", "Bedfordshire", "police force area (2024)",
            new Dictionary<string, double> { ["Asian"] = 116_909, ["Black"] = 39_601, ["Mixed"] = 27_091, ["White"] = 507_517, ["Other"] = 13_618 }, 704_736);
        (string Group, long N)[] counts = [("Asian", 597), ("Black", 494), ("Mixed", 183), ("White", 2_025), ("Other", 3)];
        var options = RateOptions.Default with { Multiplier = 1000 };
        var rows = counts.Select(c => new EthnicityRow(c.Group, c.N, population.ByGroup[c.Group], CrudeRate.Calculate(c.N, population.ByGroup[c.Group], options),
            c.Group == "White" ? null : RateRatio.Calculate(c.N, population.ByGroup[c.Group], 2_025, 507_517), null)).ToList();
        rows.Add(new EthnicityRow(EthnicGroups.NotStated, 909, null, null, null, null));
        return new StopSearchResult
        {
            Area = new ResolvedArea(AreaKind.Force, "Bedfordshire Police", null),
            Forces = ["Bedfordshire Police"],
            Year = FinancialYear.Parse("2023/24"),
            Months = [.. FinancialYear.Parse("2023/24").Months],
            Searches = 4_211,
            FindRate = Proportion.Calculate(955, 4_211),
            ActionRate = Proportion.Calculate(1_000, 4_211),
            ByObject = [new StopSearchShare("Controlled drugs", Proportion.Calculate(3_006, 4_211))],
            Population = population,
            Ethnicity = [new EthnicityRates(EthnicityDefinition.SelfDefined, rows, "Self-defined: the person's own answer.")],
            Provenance = ["Period: 2023/24 (April 2023 to March 2024); 12 of 12 months imported.", "Populations: ONS Census 2021 usual residents by ethnic group (TS021)."],
            Summary = ["Bedfordshire Police carried out 4,211 stop and searches in 2023/24."],
        };
    }

    private static ReportTable Table(bool published)
    {
        var section = OutcomeSections.Build(null, Result(), published, SmallCountSuppression.DefaultThreshold).Single();
        Assert.Equal("Stop and search", section.Heading);
        return section.Blocks.OfType<TableBlock>().Single().Table;
    }

    [Fact]
    public void Internal_ShowsEveryCountRateAndRatio_WithTheProvenanceUnderTheTable()
    {
        var table = Table(published: false);

        var black = table.Rows.Single(r => r.Cells[0].Text == "Black (self-defined)");
        Assert.Equal(["494", "39,601", "12.5", "3.1 (2.8–3.5)"], black.Cells.Skip(1).Take(4).Select(c => c.Text));
        Assert.Equal("3", table.Rows.Single(r => r.Cells[0].Text == "Other (self-defined)").Cells[1].Text);
        Assert.Equal("1 (reference)", table.Rows.Single(r => r.Cells[0].Text == "White (self-defined)").Cells[4].Text);
        Assert.Contains(table.Notes, n => n.StartsWith("Populations: ONS Census 2021", StringComparison.Ordinal));
        Assert.Contains(table.Notes, n => n.StartsWith("Period: 2023/24", StringComparison.Ordinal));
    }

    [Fact]
    public void Published_SuppressesTheSmallCountAndOneMoreSoItCannotBeWorkedOutFromTheTotal()
    {
        var table = Table(published: true);

        var other = table.Rows.Single(r => r.Cells[0].Text == "Other (self-defined)");
        Assert.Equal(SmallCountSuppression.Symbol, other.Cells[1].Text);
        Assert.Equal("–", other.Cells[3].Text);
        Assert.Equal("–", other.Cells[4].Text);
        // Secondary suppression: the next smallest count is hidden too.
        Assert.Equal(SmallCountSuppression.Symbol, table.Rows.Single(r => r.Cells[0].Text == "Mixed (self-defined)").Cells[1].Text);
        Assert.Equal("494", table.Rows.Single(r => r.Cells[0].Text == "Black (self-defined)").Cells[1].Text);
        Assert.Contains(table.Notes, n => n == SmallCountSuppression.Note(SmallCountSuppression.DefaultThreshold));
    }
}
