using System.Globalization;
using CommunitySafety.Assessment;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Hotspots;
using CommunitySafety.Hotspots.Methods;
using CommunitySafety.Hotspots.Output;
using CommunitySafety.Periods;
using CommunitySafety.Reports.Components;
using CommunitySafety.Reports.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunitySafety.Web.Features.Areas;

/// <summary>The strategic assessment of an area and year, or why there is none.</summary>
/// <param name="Result">The assessment; null when the store has no data for the area and year.</param>
/// <param name="Problem">Why there is no assessment, in words for people.</param>
/// <param name="MonthsWithData">How many of the year's 12 months the store has for the area.</param>
public sealed record AreaAssessment(AssessmentResult? Result, string? Problem, int MonthsWithData)
{
    /// <summary>True when the year has fewer than 12 months of data.</summary>
    public bool IsPartial => Result is not null && MonthsWithData < 12;
}

/// <summary>The hot spot map of an area and year (Getis-Ord Gi* on automatic square cells), or why there is none.</summary>
/// <param name="Svg">The map (SVG with title and description); null when there are no located records.</param>
/// <param name="Cells">The cells with counts and Gi* results, for GeoJSON and CSV.</param>
/// <param name="Records">Located records mapped.</param>
/// <param name="Problem">Why there is no map.</param>
public sealed record AreaHotspots(string? Svg, CellTable? Cells, int Records, string? Problem)
{
    /// <summary>The strongest hot spots by place (at most 10, strongest first), for the table beside the map.</summary>
    public IReadOnlyList<HotspotPlace> TopPlaces { get; init; } = [];

    /// <summary>The map's text alternative (its SVG description), for people who cannot see it.</summary>
    public string? Description => Svg is null ? null
        : System.Text.RegularExpressions.Regex.Match(Svg, "<desc id=\"map-desc\">(.*?)</desc>", System.Text.RegularExpressions.RegexOptions.Singleline) is { Success: true } m
            ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)
            : null;
}

/// <summary>One of the strongest hot spots, by place: where it is (the neighbourhood, LSOA, most of its records are in),
/// how many crimes were recorded in its cell, and how sure the test is, in words.</summary>
/// <param name="Rank">1 for the strongest.</param>
/// <param name="Place">The neighbourhood's name (e.g. "Luton 012A"), with how many others share the cell.</param>
/// <param name="Records">Crimes recorded in the cell over the year.</param>
/// <param name="Significance">How sure: 99% or 95%.</param>
public sealed record HotspotPlace(int Rank, string Place, int Records, HotspotSignificance Significance)
{
    /// <summary>How sure, in words.</summary>
    public string Confidence => Significance == HotspotSignificance.Hot99
        ? "Very likely (99% confidence this cluster is not chance)"
        : "Likely (95% confidence this cluster is not chance)";
}

/// <summary>
/// What the area pages, downloads and the assessment report read from the analytical store, asked of the use cases the
/// CLI and the API ask too: the assessment (<see cref="CommunitySafety.Assessment.AreaAssessment"/>) and the Gi* hot spot
/// map (<see cref="HotspotAnalysis"/>), with the reasons there are none in words for the page.
/// </summary>
public static class AreaAnalysis
{
    /// <summary>Parses "2024/25", or null when it is not a financial year.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The year, or null.</returns>
    public static FinancialYear? ParseYear(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return FinancialYear.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var year) ? year : null;
    }

    /// <summary>The strategic assessment of the area for the year against its default peers (its nearest ONS statistical neighbours).</summary>
    /// <param name="store">The analytical store.</param>
    /// <param name="area">The area (name or ONS code).</param>
    /// <param name="year">The financial year.</param>
    /// <param name="now">When the assessment is made.</param>
    /// <returns>The assessment, or the reason there is none.</returns>
    public static AreaAssessment Assess(AnalyticalStore store, string area, FinancialYear year, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(area);
        try
        {
            var assessed = CommunitySafety.Assessment.AreaAssessment.For(store, new AreaAssessmentRequest { Area = area.Trim(), Year = year, GeneratedAt = now });
            return new AreaAssessment(assessed.Assessment, null, assessed.MonthsWithData);
        }
        catch (AreaNotFoundException e)
        {
            return new AreaAssessment(null, e.Message, 0);
        }
        catch (ArgumentException e)
        {
            return new AreaAssessment(null, e.Message.Split(" (Parameter", 2)[0], 0);
        }
        catch (NoAssessmentDataException e)
        {
            return new AreaAssessment(null, $"The crime data has no records for {e.Area.Name} in {year}, so there is no strategic assessment for that year.", 0);
        }
    }

    /// <summary>The Gi* hot spot map of the area's located records in the year.</summary>
    /// <param name="store">The analytical store.</param>
    /// <param name="area">The area.</param>
    /// <param name="year">The financial year.</param>
    /// <returns>The map and cells, or the reason there are none (no located records, too small an area, or months whose
    /// records were not imported: <see cref="CountsOnlyMonthsException"/>).</returns>
    public static AreaHotspots Hotspots(AnalyticalStore store, ResolvedArea area, FinancialYear year)
    {
        ArgumentNullException.ThrowIfNull(area);
        var analysis = HotspotAnalysis.Run(store, new HotspotRequest
        {
            Area = area,
            Period = ReportingPeriod.OfFinancialYear(year),
            Options = new HotspotOptions { Method = HotspotMethod.GiStar },
        });
        if (!analysis.HasMap)
        {
            return analysis.Problem switch
            {
                HotspotProblem.NoLocatedRecords => new AreaHotspots(null, null, 0, $"There are no located crime records for {area.Name} in {year}, so there is no hot spot map."),
                HotspotProblem.GridNotPossible => new AreaHotspots(null, null, analysis.Records.Count, $"The located records for {area.Name} in {year} cover too small an area for a hot spot map."),
                _ => new AreaHotspots(null, null, 0, analysis.ProblemText),
            };
        }

        var svg = HotspotMap.RenderSvg(analysis.Grid, analysis.Layer, HotspotMapOptions.Default with
        {
            Title = $"Hot spots of all crime, {area.Name}, {year}",
            Description = $"{analysis.Records.Count:N0} located records; {area.BasisDescription}",
            Notes = analysis.Table.Notes,
        });
        return new AreaHotspots(svg, analysis.Table, analysis.Records.Count, null) { TopPlaces = TopPlaces(store, analysis) };
    }

    /// <summary>
    /// The hot spot cells (Gi* hot at 95% or 99%) with the highest z, at most 10, each named by the neighbourhood (LSOA)
    /// most of its records were recorded in.
    /// </summary>
    private static List<HotspotPlace> TopPlaces(AnalyticalStore store, HotspotAnalysisResult analysis)
    {
        var (gi, counts) = (analysis.GiStar!, analysis.Counts!);
        var hot = Enumerable.Range(0, gi.Significance.Count)
            .Where(i => gi.Significance[i] > HotspotSignificance.NotSignificant && counts[i] > 0)
            .OrderByDescending(i => gi.Z[i] ?? double.MinValue).ThenBy(i => i)
            .Take(10)
            .ToList();
        if (hot.Count == 0)
        {
            return [];
        }

        var resolver = new AreaResolver(store);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string NameOf(string code)
        {
            if (!names.TryGetValue(code, out var name))
            {
                name = resolver.TryResolve(code)?.Name ?? code;
                names[code] = name;
            }

            return name;
        }

        return [.. hot.Select((cell, rank) =>
        {
            var lsoas = analysis.LsoasOf(cell).Where(l => l.Code.Length > 0).ToList();
            var place = lsoas.Count == 0 ? "a place with no neighbourhood recorded"
                : lsoas.Count == 1 ? NameOf(lsoas[0].Code)
                : $"{NameOf(lsoas[0].Code)} and {lsoas.Count - 1} neighbouring {(lsoas.Count == 2 ? "area" : "areas")}";
            return new HotspotPlace(rank + 1, place, counts[cell], gi.Significance[cell]);
        })];
    }

    /// <summary>Renders report sections through the Reports library's <see cref="SectionView"/> component.</summary>
    /// <param name="sections">The sections and their numbers.</param>
    /// <returns>The HTML of each, in order.</returns>
    public static async Task<IReadOnlyList<string>> RenderSectionsAsync(IReadOnlyList<(ReportSection Section, string Number)> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        await using var renderer = new HtmlRenderer(new EmptyServices(), NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var html = new List<string>();
            foreach (var (section, number) in sections)
            {
                var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(SectionView.Section)] = section,
                    [nameof(SectionView.Number)] = number,
                });
                var output = await renderer.RenderComponentAsync<SectionView>(parameters);
                html.Add(output.ToHtmlString());
            }

            return (IReadOnlyList<string>)html;
        });
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
