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

    public const string StreetHeader = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";
}
