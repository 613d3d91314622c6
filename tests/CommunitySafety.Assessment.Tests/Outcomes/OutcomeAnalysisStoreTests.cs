using System.IO.Compression;
using CommunitySafety.Assessment.Outcomes;
using CommunitySafety.Assessment.Tests.Store;
using CommunitySafety.Crime;
using CommunitySafety.Data.Queries;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;
using Microsoft.VisualBasic.FileIO;

namespace CommunitySafety.Assessment.Tests.Outcomes;

/// <summary>Outcomes on the shipped Bedfordshire street files, against counts made straight from the raw CSVs.</summary>
[Collection(nameof(SampleStoreCollection))]
public class OutcomeAnalysisStoreTests(SampleStore samples)
{
    private const string Archive = "bedfordshire-2018-2025.zip";

    /// <summary>Rows of the archive's street files in the months given whose LSOA name is "Luton nnnX": (month, crime type, last outcome).</summary>
    private List<(string Month, string Type, string Outcome)> RawLuton(string first, string last)
    {
        var rows = new List<(string, string, string)>();
        using var zip = ZipFile.OpenRead(Path.Combine(samples.Samples, "police", Archive));
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith("-street.csv", StringComparison.Ordinal)))
        {
            var month = entry.Name[..7];
            if (string.CompareOrdinal(month, first) < 0 || string.CompareOrdinal(month, last) > 0)
            {
                continue;
            }

            using var parser = new TextFieldParser(entry.Open()) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!;
            int name = Array.IndexOf(header, "LSOA name"), type = Array.IndexOf(header, "Crime type"), outcome = Array.IndexOf(header, "Last outcome category");
            while (parser.ReadFields() is { } row)
            {
                if (row[name].StartsWith("Luton ", StringComparison.Ordinal))
                {
                    rows.Add((month, row[type], row[outcome]));
                }
            }
        }

        return rows;
    }

    private OutcomeResult Analyse(string year, params CrimeType[] types) =>
        new OutcomeAnalysis(samples.Store).For(new OutcomeRequest
        {
            Area = new AreaResolver(samples.Store).Resolve("Luton"),
            Year = FinancialYear.Parse(year),
            CrimeTypes = types,
            Peers = false,
        });

    [Fact]
    public void For_Luton2024To25_SharesEqualAnIndependentCountOfTheRawStreetFiles()
    {
        var raw = RawLuton("2024-04", "2025-03").Where(r => r.Type != "Anti-social behaviour").ToList();
        var byCategory = raw.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => (long)g.Count());

        var result = Analyse("2024/25");

        var current = result.Current!;
        Assert.Equal(12, current.Months.Count);
        Assert.Equal(raw.Count, current.Crimes);
        // Every police.uk category lands in exactly one group, with the raw file's count.
        var listed = current.Shares.SelectMany(s => s.Categories).ToDictionary(c => c.Category, c => c.Count);
        Assert.Equal(byCategory.OrderBy(k => k.Key, StringComparer.Ordinal), listed.OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.Equal(raw.Count, current.Shares.Sum(s => s.Share.Numerator));

        // Charged or summonsed: every court category and "Suspect charged as part of another case".
        string[] charged = ["Court result unavailable", "Awaiting court outcome", "Suspect charged as part of another case", "Offender fined", "Offender sent to prison", "Defendant found not guilty"];
        var chargedRaw = raw.Count(r => charged.Contains(r.Outcome));
        var share = current.Of(OutcomeGroups.Charged).Share;
        Assert.Equal(chargedRaw, share.Numerator);
        var expected = Proportion.Calculate(chargedRaw, raw.Count);
        Assert.Equal(expected.Lower95, share.Lower95);
        Assert.Equal(expected.Upper95, share.Upper95);
        Assert.Equal(raw.Count(r => r.Outcome == "Investigation complete; no suspect identified"), current.Of(OutcomeGroups.NoSuspect).Share.Numerator);
        Assert.Equal(raw.Count(r => r.Outcome == "Unable to prosecute suspect"), current.Of(OutcomeGroups.UnableToProsecute).Share.Numerator);
        Assert.Equal(raw.Count(r => r.Outcome is "Local resolution" or "Offender given a caution"), current.Of(OutcomeGroups.OutOfCourt).Share.Numerator);
        Assert.Empty(result.UnknownCategories);
        Assert.Contains(result.Provenance, p => p.Contains("as published in December 2025", StringComparison.Ordinal));
        Assert.Contains(result.Provenance, p => p.Contains("12 of 12 months", StringComparison.Ordinal));
    }

    [Fact]
    public void For_Luton2024To25_ComparesOnlyTheMonthsBothYearsHave_LikeWithLike_AndSaysSo()
    {
        var result = Analyse("2024/25", CrimeType.ViolenceAndSexualOffences);
        var raw = RawLuton("2023-12", "2025-03").Where(r => r.Type == "Violence and sexual offences").ToList();

        var cmp = result.Comparison!;
        Assert.Equal([new YearMonth(2024, 12), new YearMonth(2025, 1), new YearMonth(2025, 2), new YearMonth(2025, 3)], cmp.Later.Months);
        Assert.Equal([new YearMonth(2023, 12), new YearMonth(2024, 1), new YearMonth(2024, 2), new YearMonth(2024, 3)], cmp.Earlier.Months);
        string[] earlierMonths = ["2023-12", "2024-01", "2024-02", "2024-03"], laterMonths = ["2024-12", "2025-01", "2025-02", "2025-03"];
        var earlier = raw.Where(r => earlierMonths.Contains(r.Month)).ToList();
        var later = raw.Where(r => laterMonths.Contains(r.Month)).ToList();
        Assert.Equal(earlier.Count, cmp.Earlier.Crimes);
        Assert.Equal(later.Count, cmp.Later.Crimes);
        var change = cmp.Changes.Single(c => c.Group == OutcomeGroups.NoSuspect).Change;
        var expected = PeriodChange.ForProportions(
            earlier.Count(r => r.Outcome == "Investigation complete; no suspect identified"), earlier.Count,
            later.Count(r => r.Outcome == "Investigation complete; no suspect identified"), later.Count);
        Assert.Equal(expected, change);
        Assert.StartsWith("Compared over the 4 month(s) both years have imported (Dec 2024–Mar 2025 against Dec 2023–Mar 2024). Like with like: outcomes were taken from December 2025",
            cmp.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void For_ARecentYear_LeavesOutMonthsWhoseOutcomesAreStillOpen()
    {
        // 2025/26 has April–December 2025; outcomes are as at December 2025, and the latest months are still largely open.
        var result = Analyse("2025/26");

        Assert.NotNull(result.MatureAgeMonths);
        var open = result.Maturity.Single(m => m.Month == new YearMonth(2025, 12));
        Assert.Equal(0, open.AgeMonths);
        Assert.True(open.Open.Value > 20, $"December 2025 is {open.Open.Value}% open");
        var cmp = result.Comparison!;
        Assert.All(cmp.Later.Months, m => Assert.True(new YearMonth(2025, 12).MonthsSince(m) >= result.MatureAgeMonths));
        Assert.DoesNotContain(new YearMonth(2025, 12), cmp.Later.Months);
        Assert.Contains("more recent month(s) of 2025/26 are left out because their outcomes are not yet complete", cmp.Basis, StringComparison.Ordinal);
        Assert.Contains(result.Summary, s => s.Contains("still under investigation when the data was published", StringComparison.Ordinal));
    }

    [Fact]
    public void For_Luton_PeersWithoutImportedRecordsAreListedWithTheReason()
    {
        var result = new OutcomeAnalysis(samples.Store).For(new OutcomeRequest
        {
            Area = new AreaResolver(samples.Store).Resolve("Luton"),
            Year = FinancialYear.Parse("2024/25"),
        });

        Assert.NotEmpty(result.Peers);
        Assert.All(result.Peers, p => Assert.True(p.Shares is not null || p.NotAvailable is { Length: > 0 }));
        Assert.Contains("nearest neighbours", result.PeerNote, StringComparison.Ordinal);
    }

    [Fact]
    public void For_AntiSocialBehaviour_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Analyse("2024/25", CrimeType.AntiSocialBehaviour));
    }
}

/// <summary>Time to a first outcome, against the raw street and outcomes files.</summary>
[Collection(nameof(SampleStoreCollection))]
public class OutcomeTimingStoreTests(SampleStore samples)
{
    [Fact]
    public void For_Luton_December2023CrimesWithAFirstOutcomeWithinEachMonth_EqualTheRawFiles()
    {
        // Luton's crimes of December 2023 (street file) and the first outcomes-file month listing each Crime ID.
        var crimes = new List<string>();
        using (var zip = ZipFile.OpenRead(Path.Combine(samples.Samples, "police", "bedfordshire-2018-2025.zip")))
        {
            using var parser = new TextFieldParser(zip.Entries.Single(e => e.Name == "2023-12-bedfordshire-street.csv").Open()) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
            parser.SetDelimiters(",");
            var header = parser.ReadFields()!;
            int id = Array.IndexOf(header, "Crime ID"), name = Array.IndexOf(header, "LSOA name"), type = Array.IndexOf(header, "Crime type");
            while (parser.ReadFields() is { } row)
            {
                if (row[name].StartsWith("Luton ", StringComparison.Ordinal) && row[type] != "Anti-social behaviour" && row[id].Length > 0)
                {
                    crimes.Add(row[id]);
                }
            }
        }

        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var zip = ZipFile.OpenRead(Path.Combine(samples.Samples, "police", "bedfordshire-outcomes-stop-search-2021-2024.zip")))
        {
            foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith("-outcomes.csv", StringComparison.Ordinal)).OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                using var parser = new TextFieldParser(entry.Open()) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
                parser.SetDelimiters(",");
                var id = Array.IndexOf(parser.ReadFields()!, "Crime ID");
                while (parser.ReadFields() is { } row)
                {
                    first.TryAdd(row[id], entry.Name[..7]);
                }
            }
        }

        var result = new OutcomeAnalysis(samples.Store).For(new OutcomeRequest
        {
            Area = new AreaResolver(samples.Store).Resolve("Luton"),
            Year = FinancialYear.Parse("2023/24"),
            Peers = false,
        });

        var december = result.Timing.Single(t => t.Month == new YearMonth(2023, 12));
        Assert.Equal(crimes.Count, december.Crimes);
        string[] months = ["2023-12", "2024-01", "2024-02", "2024-03", "2024-04"];
        Assert.Equal(months.Length, december.WithOutcomeByAge.Count);
        for (var k = 0; k < months.Length; k++)
        {
            var within = crimes.Count(c => first.TryGetValue(c, out var m) && string.CompareOrdinal(m, months[k]) <= 0);
            Assert.Equal(within, december.WithOutcomeByAge[k].Numerator);
        }

        // April 2024's crimes have only the April file: one age, so they are compared with December's at age 0 only.
        Assert.Single(result.Timing.Single(t => t.Month == new YearMonth(2024, 4)).WithOutcomeByAge);
        Assert.StartsWith("Time to a first outcome, from the police.uk outcomes files (Dec 2023–Apr 2024)", result.TimingNote, StringComparison.Ordinal);
    }
}
