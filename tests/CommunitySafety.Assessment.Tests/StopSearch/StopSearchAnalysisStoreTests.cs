using System.IO.Compression;
using CommunitySafety.Assessment.StopSearch;
using CommunitySafety.Assessment.Tests.Store;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;
using Microsoft.VisualBasic.FileIO;

namespace CommunitySafety.Assessment.Tests.StopSearch;

/// <summary>Stop and search on the shipped Bedfordshire files, against counts made straight from the raw CSVs.</summary>
[Collection(nameof(SampleStoreCollection))]
public class StopSearchAnalysisStoreTests(SampleStore samples)
{
    private const string Archive = "bedfordshire-outcomes-stop-search-2021-2024.zip";

    // The test's own reading of the police.uk categories (not the product's EthnicGroups).
    private static readonly Dictionary<string, string> SelfDefinedPrefix = new(StringComparer.Ordinal)
    {
        ["White - "] = "White",
        ["Asian/Asian British - "] = "Asian",
        ["Black/African/Caribbean/Black British - "] = "Black",
        ["Mixed/Multiple ethnic groups - "] = "Mixed",
        ["Other ethnic group - "] = "Other",
    };

    private List<Dictionary<string, string>> Raw(params string[] months)
    {
        var rows = new List<Dictionary<string, string>>();
        using var zip = ZipFile.OpenRead(Path.Combine(samples.Samples, "police", Archive));
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith("-stop-and-search.csv", StringComparison.Ordinal) && months.Contains(e.Name[..7])))
        {
            using var parser = new TextFieldParser(entry.Open()) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!;
            while (parser.ReadFields() is { } row)
            {
                rows.Add(header.Select((h, i) => (h, row[i])).ToDictionary(x => x.h, x => x.Item2, StringComparer.Ordinal));
            }
        }

        return rows;
    }

    private static string SelfGroup(string text)
    {
        if (text.Length == 0 || text == "Other ethnic group - Not stated")
        {
            return "none";
        }

        return SelfDefinedPrefix.Single(p => text.StartsWith(p.Key, StringComparison.Ordinal)).Value;
    }

    private static string[] Year2023To24 => [.. FinancialYear.Parse("2023/24").Months.Select(m => m.ToString())];

    [Fact]
    public void Records_July2023_CountsByEthnicityEqualTheRawFile()
    {
        var raw = Raw("2023-07");
        var query = new StopSearchRecordsQuery(samples.Store);
        var records = query.For(["Bedfordshire Police"], new YearMonth(2023, 7), new YearMonth(2023, 7));

        Assert.Equal(raw.Count, records.Total);
        Assert.Equal(471, raw.Count);
        var officer = raw.GroupBy(r => r["Officer-defined ethnicity"]).ToDictionary(g => g.Key, g => (long)g.Count());
        var officerStore = records.Cells.GroupBy(c => c.OfficerDefinedEthnicity).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        Assert.Equal(officer.OrderBy(k => k.Key, StringComparer.Ordinal), officerStore.OrderBy(k => k.Key, StringComparer.Ordinal));
        var self = raw.GroupBy(r => SelfGroup(r["Self-defined ethnicity"])).ToDictionary(g => g.Key, g => (long)g.Count());
        var selfStore = records.Cells.GroupBy(c => EthnicGroups.Of(c.SelfDefinedEthnicity) == EthnicGroups.NotStated ? "none" : EthnicGroups.Of(c.SelfDefinedEthnicity))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        Assert.Equal(self.OrderBy(k => k.Key, StringComparer.Ordinal), selfStore.OrderBy(k => k.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void For_Bedfordshire2023To24_RatesAndRatiosAreOnTheRawCountsAndCensusPopulations()
    {
        var raw = Raw(Year2023To24);
        var result = new StopSearchAnalysis(samples.Store).For(new StopSearchRequest
        {
            Area = new AreaResolver(samples.Store).Resolve("Luton"),
            Year = FinancialYear.Parse("2023/24"),
        });

        Assert.Equal(["Bedfordshire Police"], result.Forces);
        Assert.Equal(12, result.Months.Count);
        Assert.Equal(raw.Count, result.Searches);
        Assert.Equal(raw.Count(r => r["Outcome linked to object of search"] == "True"), result.FindRate.Numerator);
        Assert.Equal(raw.Count(r => r["Legislation"] == "Misuse of Drugs Act 1971 (section 23)"), result.ByLegislation.Single(l => l.Label == "Misuse of Drugs Act 1971 (section 23)").Share.Numerator);
        Assert.Equal(raw.Count(r => r["Outcome"] == "Arrest"), result.ByOutcome.Single(l => l.Label == "Arrest").Share.Numerator);

        // Census 2021, Bedfordshire police force area = Bedford + Central Bedfordshire + Luton (ONS TS021, broad groups).
        Assert.Equal(704_736, result.Population!.Total);
        Assert.Equal(39_601, result.Population.ByGroup["Black"]);
        Assert.Equal(507_517, result.Population.ByGroup["White"]);
        var self = result.Ethnicity.Single(e => e.Definition == EthnicityDefinition.SelfDefined);
        long black = raw.Count(r => SelfGroup(r["Self-defined ethnicity"]) == "Black"), white = raw.Count(r => SelfGroup(r["Self-defined ethnicity"]) == "White");
        var blackRow = self.Rows.Single(r => r.Group == "Black");
        Assert.Equal(black, blackRow.Searches);
        Assert.Equal(black / 39_601.0 * 1000, blackRow.Rate!.Value.Value!.Value, 10);
        Assert.Equal(RateRatio.Calculate(black, 39_601, white, 507_517), blackRow.Ratio);
        Assert.Equal(12.2, blackRow.Published);
        Assert.Equal(raw.Count(r => SelfGroup(r["Self-defined ethnicity"]) == "none"), self.Rows.Single(r => r.Group == EthnicGroups.NotStated).Searches);

        var officer = result.Ethnicity.Single(e => e.Definition == EthnicityDefinition.OfficerDefined);
        Assert.Equal(raw.Count(r => r["Officer-defined ethnicity"] == "Black"), officer.Rows.Single(r => r.Group == "Black").Searches);
        Assert.Null(officer.Rows.Single(r => r.Group == "Mixed").Rate);
        Assert.Contains("not Mixed", officer.Note, StringComparison.Ordinal);
        Assert.Contains(result.Provenance, p => p.Contains("Census 2021", StringComparison.Ordinal) && p.Contains("704,736", StringComparison.Ordinal));
        Assert.Contains(result.Provenance, p => p.Contains("Luton's figures are its force's", StringComparison.Ordinal));
    }

    [Fact]
    public void ComparisonDoc_PoliceUkColumns_AreWhatTheAnalysisGives()
    {
        // docs/stop-search-comparison.md compares these figures with the Home Office's: keep the document true.
        var doc = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(samples.Samples)!, "docs", "stop-search-comparison.md"));
        var result = new StopSearchAnalysis(samples.Store).For(new StopSearchRequest
        {
            Area = new AreaResolver(samples.Store).Resolve("Bedfordshire Police"),
            Year = FinancialYear.Parse("2023/24"),
        });
        var gb = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
        foreach (var row in result.Ethnicity.Single(e => e.Definition == EthnicityDefinition.SelfDefined).Rows.Where(r => r.Population is not null))
        {
            var ratio = row.Ratio is { } rr ? $"{rr.Ratio!.Value.ToString("0.00", gb)} ({rr.Lower95!.Value.ToString("0.00", gb)} to {rr.Upper95!.Value.ToString("0.00", gb)})" : "1 (reference)";
            var expected = $"| {row.Group} | {row.Population!.Value.ToString("N0", gb)} | {row.Searches.ToString("N0", gb)} | {row.Rate!.Value.Value!.Value.ToString("0.0", gb)} | {row.Published!.Value.ToString("0.0", gb)} | {ratio} |";
            Assert.Contains(doc, line => line.StartsWith(expected, StringComparison.Ordinal));
        }

        Assert.Contains(doc, line => line.StartsWith($"| All | 704,736 | {result.Searches.ToString("N0", gb)} |", StringComparison.Ordinal));
    }

    [Fact]
    public void For_APartialYear_GivesRatiosButNoRatesPer1000()
    {
        var result = new StopSearchAnalysis(samples.Store).For(new StopSearchRequest
        {
            Area = new AreaResolver(samples.Store).Resolve("Bedfordshire Police"),
            Year = FinancialYear.Parse("2024/25"),
        });

        Assert.Single(result.Months);
        var black = result.Ethnicity[0].Rows.Single(r => r.Group == "Black");
        Assert.Null(black.Rate);
        Assert.NotNull(black.Ratio);
        Assert.Contains(result.Provenance, p => p.Contains("Only 1 of 12 months are imported, so no rates per 1,000", StringComparison.Ordinal));
    }

    [Fact]
    public void For_AYearWithNoFiles_SaysWhatToImport()
    {
        var result = new StopSearchAnalysis(samples.Store).For(new StopSearchRequest
        {
            Area = new AreaResolver(samples.Store).Resolve("Bedfordshire Police"),
            Year = FinancialYear.Parse("2019/20"),
        });

        Assert.StartsWith("No stop-and-search files of 2019/20 are imported for Bedfordshire Police", result.NotAvailable, StringComparison.Ordinal);
    }
}
