using System.Text.Json;

namespace CommunitySafety.Cli.Tests.Commands;

/// <summary><c>csp import population|lookup|deprivation</c> on the real ONS and MHCLG files of tests/fixtures.</summary>
public class ImportReferenceDataCommandTests
{
    private static async Task<CliResult> Ok(string folder, params string[] args)
    {
        var result = await CliRunner.RunAsync(folder, args);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    [Fact]
    public async Task Import_2024GeographyPopulationAndDeprivation_CountsSayTheirPopulation()
    {
        using var temp = new TempFolder();
        await Ok(temp.Path, "import", "police", RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv"));
        var lookup = await Ok(temp.Path, "import", "lookup", RawPoliceFile.Fixture("lookups/lookup_lsoa21_ward24_ltla24_slice.csv"));
        await Ok(temp.Path, "import", "lookup", RawPoliceFile.Fixture("lookups/lookup_ltla24_csp24_pfa24.csv"));
        var population = await Ok(temp.Path, "import", "population", RawPoliceFile.Fixture("population/mye23tablesew_MYE2_persons.csv"));
        var deprivation = await Ok(temp.Path, "import", "deprivation", RawPoliceFile.Fixture("deprivation/imd2025_england_lsoa21_slice.csv"));

        Assert.Contains("lsoa21_code, ward24_code, ltla24_code", lookup.Out, StringComparison.Ordinal);
        Assert.Contains("mid-2023", population.Out, StringComparison.Ordinal);
        Assert.Contains("ONS mid-2023 population estimates (MYE2), Local Authority, OGL v3", population.Out, StringComparison.Ordinal);
        Assert.Contains("English Indices of Deprivation 2025 (MHCLG) for 776 LSOAs", deprivation.Out, StringComparison.Ordinal);

        // January 2024 is in 2023/24: mid-2023, the period's own year.
        var counts = await Ok(temp.Path, "counts", "--area", "Luton", "--period", "2024-01", "--format", "json");
        using var json = JsonDocument.Parse(counts.Out);
        var luton = File.ReadLines(RawPoliceFile.Fixture("population/mye23tablesew_MYE2_persons.csv")).Single(l => l.StartsWith("E06000032,", StringComparison.Ordinal));
        Assert.StartsWith("E06000032,Luton,Unitary Authority,\"231,028\"", luton, StringComparison.Ordinal);
        Assert.Equal(json.RootElement[0].GetProperty("Count").GetInt64() / 231028.0 * 1000, json.RootElement[0].GetProperty("Rate per 1,000").GetDouble(), 9);
        Assert.Contains("Population: 231,028, ONS mid-2023 population estimates (MYE2), Local Authority, OGL v3", counts.Error, StringComparison.Ordinal);

        // England and Wales from one force: the coverage is stated.
        var national = await Ok(temp.Path, "counts", "--area", "England and Wales", "--period", "2024-01");
        Assert.Contains("England and Wales: 1 of 43 forces loaded (Bedfordshire Police)", national.Out + national.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportDeprivation_BadDecile_NamesFileLineAndField_ExitsWithBadData()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "imd2025_lsoa21.csv");
        await File.WriteAllTextAsync(path, "lsoa21_code,IMD_decile\nE01015658,3\nE01015659,0\n");

        var result = await CliRunner.RunAsync(temp.Path, "import", "deprivation", path);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("imd2025_lsoa21.csv:3", result.Error, StringComparison.Ordinal);
        Assert.Contains("IMD_decile", result.Error, StringComparison.Ordinal);
    }
}
