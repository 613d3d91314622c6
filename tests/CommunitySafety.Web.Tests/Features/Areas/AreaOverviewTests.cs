using System.Net;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Store;
using CommunitySafety.Tests;
using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CommunitySafety.Web.Tests.Features.Areas;

/// <summary>
/// The app over a small analytical store built from the repository's fixtures (police.uk January 2024 for Bedfordshire
/// and part of Hampshire, the ONS lookups, mid-2015 LSOA population) by the Data importers, as <c>csp import</c> does.
/// </summary>
public sealed class AreaStoreWebFactory : SqliteWebFactory
{
    private readonly string _storeFolder = Path.Combine(Path.GetTempPath(), "csp-web-tests", "store-" + Guid.NewGuid().ToString("N"));

    public string StorePath => Path.Combine(_storeFolder, "csp.duckdb");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Directory.CreateDirectory(_storeFolder);
        BuildStore(StorePath);
    }

    /// <summary>Builds the fixtures' analytical store at <paramref name="path"/> (also used by the browser tests).</summary>
    public static void BuildStore(string path)
    {
        var fixtures = RepositoryFolders.Fixtures;
        using var store = AnalyticalStore.Open(path);
        new LookupImporter(store).Import(Path.Combine(fixtures, "lookups", "LAD17_CSP17_PFA17_lookup.csv"));
        new LookupImporter(store).Import(Path.Combine(fixtures, "lookups", "LSOA11_WD20_LAD20_lookup_slice.csv"));
        new PopulationImporter(store).Import(Path.Combine(fixtures, "population", "LSOA_population_mid2015_slice.csv"));
        new PoliceImporter(store).Import(
        [
            Path.Combine(fixtures, "police", "bedfordshire", "2024-01-bedfordshire-street.csv"),
            Path.Combine(fixtures, "police", "hampshire", "2024-01-hampshire-street.csv"),
        ]);
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

/// <summary>The area crime overview's strategic assessment and hot spot map, their downloads, and the assessment report.</summary>
public sealed class AreaOverviewTests(AreaStoreWebFactory factory) : IClassFixture<AreaStoreWebFactory>
{
    private const string Luton = "E06000032";
    private const string Year = "2023%2F24";

    [Fact]
    public async Task AreaPage_ForAnAreaWithData_ShowsMatrixSensitivityBenchmarkingKeyMessagesAndTheMap()
    {
        using var response = await factory.ClientAs(Roles.BoardMember).GetAsync(new Uri($"/areas?area={Luton}&year={Year}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("Strategic assessment, 2023/24", html, StringComparison.Ordinal);
        Assert.Contains("Key messages", html, StringComparison.Ordinal);
        Assert.Contains("Benchmarking", html, StringComparison.Ordinal);
        Assert.Contains("Scoring matrix 2023/24: criterion scores", html, StringComparison.Ordinal);
        Assert.Contains("Sensitivity of the ranking", html, StringComparison.Ordinal);
        Assert.Contains("Share of draws in top", html, StringComparison.Ordinal);
        Assert.Contains("class=\"csp-table\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"csp-num\">4.</span> Sensitivity of the ranking", html, StringComparison.Ordinal);

        // One month of the year: the page says the figures are partial.
        Assert.Contains("id=\"assessment-partial\"", html, StringComparison.Ordinal);
        Assert.Contains("only 1 of the 12 months", html, StringComparison.Ordinal);

        // The map inline, with its text alternative, and the cells to download.
        var map = html[html.IndexOf("id=\"hotspot-map\"", StringComparison.Ordinal)..];
        Assert.StartsWith("id=\"hotspot-map\"><svg", map, StringComparison.Ordinal);
        Assert.Contains("<desc id=\"map-desc\">", map, StringComparison.Ordinal);
        Assert.Contains("id=\"hotspot-map-text\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/areas/hotspots.geojson?area={Luton}&amp;year={Year}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/areas/hotspots.csv?area={Luton}&amp;year={Year}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AreaPage_NamesThePopulationBehindItsRates_AndWarnsWhenItIsStale()
    {
        // The fixtures hold only the mid-2015 LSOA estimates: the 12 months to January 2024 (mid-year 2023) are rated
        // on them, and the page says so, with the warning that they are eight years old.
        using var response = await factory.ClientAs(Roles.BoardMember).GetAsync(new Uri($"/areas?area={Luton}&year={Year}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        var source = html[html.IndexOf("id=\"population-source\"", StringComparison.Ordinal)..];
        source = source[..source.IndexOf("</p>", StringComparison.Ordinal)];
        Assert.Contains("Rates per 1,000 residents: Population: ", source, StringComparison.Ordinal);
        Assert.Contains("mid-2015", source, StringComparison.Ordinal);
        Assert.Contains("id=\"population-stale\"", html, StringComparison.Ordinal);
        Assert.Contains("the population is mid-2015, 8 years from the period", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AreaPage_StalePopulationWarning_IsInTheWarningBox_NotRepeatedInTheSourceLine()
    {
        using var response = await factory.ClientAs(Roles.BoardMember).GetAsync(new Uri($"/areas?area={Luton}&year={Year}", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        var source = html[html.IndexOf("id=\"population-source\"", StringComparison.Ordinal)..];
        source = source[..source.IndexOf("</p>", StringComparison.Ordinal)];
        Assert.DoesNotContain("years from the period", source, StringComparison.Ordinal);
        var box = html[html.IndexOf("id=\"population-stale\"", StringComparison.Ordinal)..];
        box = box[..box.IndexOf("</div>", StringComparison.Ordinal)];
        Assert.Contains("the population is mid-2015, 8 years from the period", box, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AreaPage_ForAYearWithoutData_SaysSoTheGovUkWay_NotAnError()
    {
        using var response = await factory.ClientAs(Roles.Contributor).GetAsync(new Uri($"/areas?area={Luton}&year=2020%2F21", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"assessment-missing\"", html, StringComparison.Ordinal);
        Assert.Contains("no records for Luton in 2020/21", html, StringComparison.Ordinal);
        Assert.Contains("id=\"hotspots-missing\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"hotspot-map\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AreaPage_ForAnUnknownArea_AsksToChooseOne()
    {
        using var response = await factory.ClientAs(Roles.Analyst).GetAsync(new Uri("/areas?area=E06999999&year=2023%2F24", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Choose an area from the list", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HotspotCells_DownloadAsGeoJsonAndCsv_WithCountsAndGiStar()
    {
        var client = factory.ClientAs(Roles.Contributor);
        using var geojson = await client.GetAsync(new Uri($"/areas/hotspots.geojson?area={Luton}&year={Year}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, geojson.StatusCode);
        Assert.Equal("application/geo+json", geojson.Content.Headers.ContentType?.MediaType);
        var json = await geojson.Content.ReadAsStringAsync();
        Assert.Contains("FeatureCollection", json, StringComparison.Ordinal);
        Assert.Contains("\"count\"", json, StringComparison.Ordinal);

        using var csv = await client.GetAsync(new Uri($"/areas/hotspots.csv?area={Luton}&year={Year}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var header = (await csv.Content.ReadAsStringAsync()).Split('\n')[0];
        Assert.Contains("count", header, StringComparison.Ordinal);

        using var none = await client.GetAsync(new Uri($"/areas/hotspots.csv?area={Luton}&year=2020%2F21", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        using var anonymous = await factory.ClientAs(null).GetAsync(new Uri($"/areas/hotspots.csv?area={Luton}&year={Year}", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task AssessmentReport_FromTheReportBuilder_AsHtmlWordAndPdf()
    {
        var client = factory.ClientAs(Roles.Analyst);
        var builder = await client.GetStringAsync(new Uri($"/reports?report=assessment&area={Luton}", UriKind.Relative));
        Assert.Contains($"href=\"/reports/assessment.docx?area={Luton}&amp;year={Year}&amp;variant=internal\"", builder, StringComparison.Ordinal);
        Assert.Contains("Luton", builder, StringComparison.Ordinal);

        using var html = await client.GetAsync(new Uri($"/reports/assessment.html?area={Luton}&year={Year}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var text = await html.Content.ReadAsStringAsync();
        Assert.Contains("Scoring matrix", text, StringComparison.Ordinal);
        Assert.Contains("Sensitivity of the ranking", text, StringComparison.Ordinal);
        // The same sections as csp report assessment: the place analyses in the internal report.
        Assert.Contains("Places with repeat crime", text, StringComparison.Ordinal);

        using var docx = await client.GetAsync(new Uri($"/reports/assessment.docx?area={Luton}&year={Year}&variant=published", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);

        using var pdf = await client.GetAsync(new Uri($"/reports/assessment.pdf?area={Luton}&year={Year}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]), StringComparison.Ordinal);

        using var none = await client.GetAsync(new Uri($"/reports/assessment.html?area={Luton}&year=2020%2F21", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        using var board = await factory.ClientAs(Roles.BoardMember).GetAsync(new Uri($"/reports/assessment.html?area={Luton}&year={Year}", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, board.StatusCode);
    }

    [Fact]
    public async Task TheAreaPage_IsMadeOncePerStoreVersion_AndAgainAfterAnImport()
    {
        var cache = factory.Services.GetRequiredService<Web.Features.Areas.AreaPageCache>();
        var client = factory.ClientAs(Roles.Analyst);
        var url = new Uri($"/areas?area={Luton}&year={Year}", UriKind.Relative);
        var first = MainContent(await client.GetStringAsync(url));
        var made = cache.Made;
        var second = MainContent(await client.GetStringAsync(url));
        Assert.Equal(first, second);
        Assert.Equal(made, cache.Made);
        Assert.Contains("Luton", second, StringComparison.Ordinal);

        // An import writes the store: its version changes, and the next request makes the page again.
        using (var store = AnalyticalStore.Open(factory.StorePath))
        {
            new LookupImporter(store).Import(Path.Combine(RepositoryFolders.Fixtures, "lookups", "LAD17_CSP17_PFA17_lookup.csv"));
        }

        var third = MainContent(await client.GetStringAsync(url));
        Assert.Equal(made + 1, cache.Made);
        Assert.Equal(first, third);
    }

    [Fact]
    public async Task TheReportBuilder_ShowsOneKindOfReportAtATime_AndOnlyAreasWithRecords()
    {
        var client = factory.ClientAs(Roles.Analyst);
        var progress = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/reports", UriKind.Relative)));
        Assert.NotNull(progress.QuerySelector("#period"));
        Assert.Null(progress.QuerySelector("#area"));
        Assert.Null(progress.QuerySelector("#year"));
        Assert.Contains("/reports/progress.pdf", progress.QuerySelector("#report-pdf")!.GetAttribute("href"), StringComparison.Ordinal);

        var assessment = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/reports?report=assessment", UriKind.Relative)));
        Assert.Null(assessment.QuerySelector("#period"));
        var options = assessment.QuerySelectorAll("#area option").ToList();
        Assert.Equal("Choose an area", options[0].TextContent);
        Assert.True(options[0].HasAttribute("selected"));
        Assert.DoesNotContain(options, o => o.TextContent.Contains("England and Wales", StringComparison.Ordinal));
        var groups = assessment.QuerySelectorAll("#area optgroup").Select(g => g.GetAttribute("label")).ToList();
        Assert.Equal(["Community safety partnerships", "Local authorities", "Police force areas"], groups);
        Assert.Contains(options, o => o.GetAttribute("value") == Luton && o.TextContent.StartsWith("Luton (", StringComparison.Ordinal));
        Assert.NotNull(assessment.QuerySelector("#report-choose"));

        // Every area listed has records: its assessment can be built.
        using var scope = factory.Services.CreateScope();
        using var store = AnalyticalStore.OpenReadOnly(factory.StorePath);
        var withRecords = new CommunitySafety.Data.Queries.AreaResolver(store).ListAreas().Where(a => a.Records > 0 && a.Area.Code is not null)
            .Select(a => a.Area.Code!.ToString()).ToHashSet();
        Assert.All(options.Skip(1), o => Assert.Contains(o.GetAttribute("value"), withRecords));
        Assert.True(options.Count - 1 < 60, $"{options.Count - 1} areas listed");
    }

    private static string MainContent(string html) =>
        html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
}
