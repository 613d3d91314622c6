using System.Net;
using CommunitySafety.Data.Deprivation;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Store;
using CommunitySafety.Tests;
using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;

namespace CommunitySafety.Web.Tests.Features.Areas;

/// <summary>The app over a store built from the shipped samples (as <c>csp demo</c> imports them): Bedfordshire 2023-12 … 2025-12, Census 2021 LSOA populations, IoD 2019 and 2025, the 2024 lookups.</summary>
public sealed class SamplesStoreWebFactory : SqliteWebFactory
{
    private readonly string _storeFolder = Path.Combine(Path.GetTempPath(), "csp-web-tests", "samples-" + Guid.NewGuid().ToString("N"));

    private string StorePath => Path.Combine(_storeFolder, "csp.duckdb");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(_storeFolder);
        var samples = RepositoryFolders.Samples;
        using var store = AnalyticalStore.Open(StorePath);
        foreach (var lookup in new[] { "lookup_lsoa11_lsoa21_ltla22_bedfordshire_hampshire.csv", "lookup_lsoa21_ward24_ltla24_bedfordshire_hampshire.csv", "lookup_ltla24_csp24_pfa24.csv", "lookup_ltla_ltla.csv" })
        {
            new LookupImporter(store).Import(Path.Combine(samples, "lookups", lookup));
        }

        new PopulationImporter(store).Import(Path.Combine(samples, "population", "census2021_lsoa21_usual_residents_6age_bedfordshire_hampshire.csv"));
        new PopulationImporter(store).Import(Path.Combine(samples, "population", "mye24tablesew_MYE2_persons.csv"));
        foreach (var index in Directory.EnumerateFiles(Path.Combine(samples, "deprivation"), "*.csv"))
        {
            new DeprivationImporter(store).Import(index);
        }

        new PoliceImporter(store).Import([Path.Combine(samples, "police", "bedfordshire-2018-2025.zip")]);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Store:Analytical", StorePath);
    }

    protected override async Task DropDatabaseAsync()
    {
        await base.DropDatabaseAsync();
        if (Directory.Exists(_storeFolder))
        {
            Directory.Delete(_storeFolder, recursive: true);
        }
    }
}

/// <summary>The area page's place sections and the ward and neighbourhood profile page.</summary>
public sealed class PlacesPagesTests(SamplesStoreWebFactory factory) : IClassFixture<SamplesStoreWebFactory>
{
    [Fact]
    public async Task AreaPage_ShowsDeprivationRepeatPlacesAndAsbWithTheirSources_AndKeepsAsbOutOfTheCrimeTotal()
    {
        using var response = await factory.ClientAs(Roles.BoardMember).GetAsync(new Uri("/areas?area=E06000032&year=2024%2F25", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("id=\"places-sections\"", html, StringComparison.Ordinal);
        Assert.Contains("Crime and deprivation", html, StringComparison.Ordinal);
        Assert.Contains("English Indices of Deprivation 2025 (MHCLG), IMD decile, LSOA 2021", html, StringComparison.Ordinal);
        Assert.Contains("Census 2021 usual residents", html, StringComparison.Ordinal);
        Assert.Contains("Places with repeat crime", html, StringComparison.Ordinal);
        Assert.Contains("not an address", html, StringComparison.Ordinal);
        Assert.Contains("incidents of anti-social behaviour, which are not crimes and not in that total", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/areas/profile\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfilePage_ForAWard_ShowsTheProfile_AndDownloadsWord()
    {
        var client = factory.ClientAs(Roles.BoardMember);
        using var page = await client.GetAsync(new Uri("/areas/profile?ward=E05014750", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("South (Luton), January 2025 to December 2025", html, StringComparison.Ordinal);
        Assert.Contains("the sum of its 6 LSOAs' figures", html, StringComparison.Ordinal);
        Assert.Contains("Last outcome", html, StringComparison.Ordinal);

        using var word = await client.GetAsync(new Uri("/areas/profile?handler=download&format=docx&ward=E05014750", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        var bytes = await word.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
    }

    [Fact]
    public async Task ProfilePage_BadLsoaCode_SaysWhich()
    {
        using var page = await factory.ClientAs(Roles.BoardMember).GetAsync(new Uri("/areas/profile?lsoas=E01015792%2C+Luton21H&name=Hub", UriKind.Relative));
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("'Luton21H' is not an LSOA code", html, StringComparison.Ordinal);
    }
}
