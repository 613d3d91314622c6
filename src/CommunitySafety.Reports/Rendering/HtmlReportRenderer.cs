using CommunitySafety.Reports.Components;
using CommunitySafety.Reports.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunitySafety.Reports.Rendering;

/// <summary>Renders a report to one self-contained HTML file (inline CSS and SVG) through the Razor components.</summary>
public static class HtmlReportRenderer
{
    /// <summary>The report as an HTML document.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The HTML, starting with the doctype.</returns>
    public static async Task<string> RenderAsync(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var renderer = new HtmlRenderer(EmptyServices.Instance, NullLoggerFactory.Instance);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ReportDocument.Report)] = report });
            var output = await renderer.RenderComponentAsync<ReportDocument>(parameters).ConfigureAwait(false);
            return output.ToHtmlString();
        }).ConfigureAwait(false);
        return "<!DOCTYPE html>\n" + html;
    }

    /// <summary>Writes the report's HTML to a file.</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The file.</param>
    /// <returns>A task.</returns>
    public static async Task WriteAsync(Report report, string path) =>
        await File.WriteAllTextAsync(path, await RenderAsync(report).ConfigureAwait(false)).ConfigureAwait(false);

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
