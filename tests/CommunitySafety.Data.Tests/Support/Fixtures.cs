using CommunitySafety.Tests;

namespace CommunitySafety.Data.Tests.Support;

/// <summary>Paths of the real files copied into tests/fixtures (see its README).</summary>
public static class Fixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "fixtures");

    public static string BedfordshireStreet => Path.Combine(Root, "police", "bedfordshire", "2024-01-bedfordshire-street.csv");

    public static string HampshireStreet => Path.Combine(Root, "police", "hampshire", "2024-01-hampshire-street.csv");

    public static string CityOfLondonOutcomes => Path.Combine(Root, "police", "outcomes", "2016-01-city-of-london-outcomes.csv");

    public static string BedfordshireStopAndSearch => Path.Combine(Root, "police", "stop-and-search", "2018-03-bedfordshire-stop-and-search.csv");

    public static string LadCspPfaLookup => Path.Combine(Root, "lookups", "LAD17_CSP17_PFA17_lookup.csv");

    public static string LsoaLadLookup => Path.Combine(Root, "lookups", "LSOA11_WD20_LAD20_lookup_slice.csv");

    public static string LsoaPopulation => Path.Combine(Root, "population", "LSOA_population_mid2015_slice.csv");

    public static string Lsoa21WardLadLookup => Path.Combine(Root, "lookups", "lookup_lsoa21_ward24_ltla24_slice.csv");

    public static string Lsoa11Lsoa21Lookup => Path.Combine(Root, "lookups", "lookup_lsoa11_lsoa21_ltla22_slice.csv");

    public static string LadCspPfa2024Lookup => Path.Combine(Root, "lookups", "lookup_ltla24_csp24_pfa24.csv");

    public static string DistrictHistory => Path.Combine(Root, "lookups", "lookup_ltla_ltla.csv");

    public static string Imd2025 => Path.Combine(Root, "deprivation", "imd2025_england_lsoa21_slice.csv");

    public static string Imd2019 => Path.Combine(Root, "deprivation", "imd2019_england_lsoa11_slice.csv");

    public static string Census2021Lsoa => Path.Combine(Root, "population", "census2021_lsoa21_usual_residents_6age_slice.csv");

    public static string Sape2020Lsoa11 => Path.Combine(Root, "population", "sape_mid2020_lsoa11_sya_persons_slice.csv");

    public static string Mye2Mid2020To2022 => Path.Combine(Root, "population", "ons_mye2_lad_sya_mid2020_2022_slice.csv");

    public static string Mye2Mid2023 => Path.Combine(Root, "population", "mye23tablesew_MYE2_persons.csv");

    public static string Mye2Mid2024 => Path.Combine(Root, "population", "mye24tablesew_MYE2_persons.csv");

    public static string Mye2Workbook2021 => Path.Combine(Root, "population", "ukpopestimatesmid2021on2021geographyfinal.xlsx");

    /// <summary>The repository's samples/ folder (the demo's real data), found above the test binaries.</summary>
    public static string Samples => RepositoryFolders.Samples;

    public const string StreetHeader = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";
}
