using System.Globalization;
using CommunitySafety.Assessment.Harm;
using CommunitySafety.Crime;
using CommunitySafety.Tests;
using Microsoft.VisualBasic.FileIO;

namespace CommunitySafety.Assessment.Tests.Harm;

/// <summary>The default harm weights are reproducible from the shipped ONS Crime Severity Score file and the subgroup volumes.</summary>
public class CrimeSeverityDerivationTests
{
    internal static string Defaults => Path.Combine(RepositoryFolders.Root, "src", "CommunitySafety.Assessment", "Defaults");

    /// <summary>Reads a shipped CSV (after its # comment lines) independently of the product's reader.</summary>
    internal static List<Dictionary<string, string>> ReadCsv(string fileName)
    {
        var lines = File.ReadAllLines(Path.Combine(Defaults, fileName)).Where(l => !l.StartsWith('#'));
        using var parser = new TextFieldParser(new StringReader(string.Join('\n', lines))) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (parser.ReadFields() is { } row)
        {
            rows.Add(header.Select((h, i) => (h, row[i])).ToDictionary(p => p.h, p => p.Item2));
        }

        return rows;
    }

    /// <summary>The rule of docs/methodology.md, written out again: median per subgroup, weighted by the subgroup's offences.</summary>
    private static Dictionary<string, double> RecomputeFromShippedFiles()
    {
        var weights = ReadCsv("ons-css-weights-by-ho-code.csv");
        var volumes = ReadCsv("prc-subgroup-counts-2024-25.csv")
            .ToDictionary(r => (r["policeuk_category"], r["prc_subgroup"]), r => long.Parse(r["offences_2024_25"], CultureInfo.InvariantCulture));
        var result = new Dictionary<string, double>();
        foreach (var category in weights.GroupBy(w => w["policeuk_category"]))
        {
            double sum = 0;
            long n = 0;
            foreach (var subgroup in category.GroupBy(w => w["prc_subgroup"]))
            {
                var sorted = subgroup.Select(w => double.Parse(w["css_weight"], CultureInfo.InvariantCulture)).Order().ToArray();
                var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
                var offences = volumes[(category.Key, subgroup.Key)];
                sum += offences * median;
                n += offences;
            }

            result[category.Key] = sum / n;
        }

        return result;
    }

    [Fact]
    public void Default_HarmWeightsFile_IsTheDerivationFromTheShippedFilesTo2Decimals()
    {
        var expected = RecomputeFromShippedFiles();

        Assert.Equal(13, expected.Count);
        foreach (var (category, weight) in expected)
        {
            Assert.True(CrimeType.TryFind(category, out var type), category);
            Assert.Equal(Math.Round(weight, 2), HarmWeights.Default.For(type)!.Weight, 9);
        }

        Assert.Equal(0, HarmWeights.Default.For(CrimeType.AntiSocialBehaviour)!.Weight);
    }

    [Fact]
    public void Derive_EqualsTheIndependentRecomputation()
    {
        var expected = RecomputeFromShippedFiles();

        var derived = CrimeSeverityDerivation.Derive();

        Assert.Equal(expected.Count, derived.Count);
        foreach (var d in derived)
        {
            Assert.Equal(expected[d.CrimeType.Name], d.Weight, 9);
        }

        var violence = derived.Single(d => d.CrimeType == CrimeType.ViolenceAndSexualOffences);
        Assert.Equal(7, violence.Subgroups.Count);
        Assert.Equal(56, violence.Subgroups.Sum(s => s.Codes));
        Assert.Equal(7973.393423, violence.Subgroups.Single(s => s.Subgroup == "Homicide").MedianWeight, 6);
    }

    [Fact]
    public void Derive_CriminalDamageAndArson_MatchesTheWorkedExample()
    {
        // Arson: 826.1900614 and 186.6682183 (median their mean), 22,837 offences; criminal damage: median 5.39670789, 432,167.
        var arson = (826.1900614 + 186.6682183) / 2;
        var expected = ((22_837 * arson) + (432_167 * 5.39670789)) / (22_837 + 432_167);

        var derived = CrimeSeverityDerivation.Derive().Single(d => d.CrimeType == CrimeType.CriminalDamageAndArson);

        Assert.Equal(expected, derived.Weight, 9);
        Assert.Equal(30.54, Math.Round(derived.Weight, 2));
    }

    [Fact]
    public void Derive_SubgroupWithoutVolume_IsAnErrorNamingIt()
    {
        var weights = OffenceSeverityWeights.Parse(
            "ho_code,offence,css_code,css_weight,policeuk_category,prc_subgroup\n46,Shoplifting,46,11.8,Shoplifting,Shoplifting\n44,Bicycle,44,15,Bicycle theft,Bicycle theft\n",
            "w.csv");
        var volumes = CrimeSeverityDerivation.ParseVolumes("policeuk_category,prc_subgroup,offences_2024_25\nShoplifting,Shoplifting,100\n", "v.csv");

        var e = Assert.Throws<AssessmentConfigurationException>(() => CrimeSeverityDerivation.Derive(weights, volumes));

        Assert.Contains("Bicycle theft", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8N", 189.1538871, "Assault with injury", "Violence and sexual offences")]
    [InlineData("008n", 189.1538871, "Assault with injury", "Violence and sexual offences")]
    [InlineData(" 105A ", 13.51054152, "Assault without injury", "Violence and sexual offences")]
    [InlineData("1", 7973.393423, "Murder", "Violence and sexual offences")]
    [InlineData("4.10", 7973.393423, "Corporate manslaughter", "Violence and sexual offences")]
    [InlineData("92E", 1.770623478, "Possession of controlled drugs (Cannabis)", "Drugs")]
    [InlineData("28A", 465.3814732, "Burglary in a dwelling(outcome only)", "Burglary")]
    [InlineData("28c", 465.3814732, "Burglary in a dwelling(outcome only)", "Burglary")]
    public void OffenceWeights_ForHomeOfficeCode_IsTheCssWeight(string code, double weight, string offence, string category)
    {
        var found = OffenceSeverityWeights.Default.For(code);

        Assert.NotNull(found);
        Assert.Equal(weight, found.Weight, 9);
        Assert.Equal(category, found.CrimeType.Name);
        if (code.Trim() != "28c")
        {
            Assert.Equal(offence, found.Offence);
        }
    }

    [Fact]
    public void OffenceWeights_UnknownCode_IsNull()
    {
        Assert.Null(OffenceSeverityWeights.Default.For("999Z"));
        Assert.Equal(134, OffenceSeverityWeights.Default.Offences.Count);
    }

    [Fact]
    public void HarmOf_CountsByCode_SumsCountTimesWeightAndListsUnknownCodes()
    {
        var harm = OffenceSeverityWeights.Default.HarmOf([("8N", 10), ("105A", 100), ("046", 20), ("ZZ9", 3), ("8N", 2)]);

        var violence = (12 * 189.1538871) + (100 * 13.51054152);
        Assert.Equal(violence + (20 * 11.85553905), harm.TotalHarm, 9);
        Assert.Equal(violence, harm.ByCrimeType[CrimeType.ViolenceAndSexualOffences], 9);
        Assert.Equal(3, harm.Unmatched["ZZ9"]);
    }
}
