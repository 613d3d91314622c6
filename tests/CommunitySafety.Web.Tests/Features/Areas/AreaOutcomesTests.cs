using System.Net;
using CommunitySafety.Tests;
using CommunitySafety.Web.Infrastructure.Security;
using Microsoft.VisualBasic.FileIO;

namespace CommunitySafety.Web.Tests.Features.Areas;

/// <summary>The area page's crime outcomes and stop-and-search sections over the fixtures' store (January 2024 only).</summary>
public sealed class AreaOutcomesTests(AreaStoreWebFactory factory) : IClassFixture<AreaStoreWebFactory>
{
    private const string Luton = "E06000032";

    private static (int Crimes, int UnableToProsecute) RawLuton()
    {
        var path = Path.Combine(RepositoryFolders.Fixtures, "police", "bedfordshire", "2024-01-bedfordshire-street.csv");
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        int name = Array.IndexOf(header, "LSOA name"), type = Array.IndexOf(header, "Crime type"), outcome = Array.IndexOf(header, "Last outcome category");
        int crimes = 0, unable = 0;
        while (parser.ReadFields() is { } row)
        {
            if (row[name].StartsWith("Luton ", StringComparison.Ordinal) && row[type] != "Anti-social behaviour")
            {
                crimes++;
                unable += row[outcome] == "Unable to prosecute suspect" ? 1 : 0;
            }
        }

        return (crimes, unable);
    }

    [Fact]
    public async Task AreaPage_ShowsOutcomeSharesCountedFromTheRecords_WithTheirProvenance_AndSaysWhyStopSearchIsMissing()
    {
        using var response = await factory.ClientAs(Roles.BoardMember).GetAsync(new Uri($"/areas?area={Luton}&year=2023%2F24", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var (crimes, unable) = RawLuton();

        Assert.Contains("Crime outcomes, 2023/24", html, StringComparison.Ordinal);
        Assert.Contains($"Of {crimes:N0} crimes recorded in Luton in Jan 2024", html, StringComparison.Ordinal);
        var table = html[html.IndexOf("id=\"outcomes-table\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("(1 of 12 months)", table, StringComparison.Ordinal);
        Assert.Contains($">{unable:N0}</td>", table, StringComparison.Ordinal);
        Assert.Contains($"{(double)unable / crimes * 100:N1}%", table, StringComparison.Ordinal);
        // No earlier year is imported: the comparison says so instead of showing a change.
        Assert.Contains("No comparison with 2022/23", html, StringComparison.Ordinal);
        Assert.Contains("as published in January 2024", html, StringComparison.Ordinal);
        Assert.Contains("Open Government Licence v3.0", html, StringComparison.Ordinal);
        Assert.Contains("id=\"outcomes-maturity\"", html, StringComparison.Ordinal);
        Assert.Contains("nearest neighbours", html, StringComparison.Ordinal);

        Assert.Contains("id=\"stop-search-none\"", html, StringComparison.Ordinal);
        Assert.Contains("No stop-and-search files of 2023/24 are imported for Bedfordshire Police", html, StringComparison.Ordinal);
    }
}
