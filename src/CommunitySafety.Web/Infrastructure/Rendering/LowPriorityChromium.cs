using CommunitySafety.Reports.Rendering;

namespace CommunitySafety.Web.Infrastructure.Rendering;

/// <summary>
/// The Chromium the web app prints PDFs with, started at a low CPU priority (<c>nice</c>, <c>Reports:ChromiumNice</c>,
/// default 19, 0 for none) so that printing a report — seconds of CPU on every core — gives way to the pages people are
/// waiting for. It is a small script in a private temporary folder that runs <c>nice -n N chromium "$@"</c> (the same
/// process, so Playwright's pipe to it is kept); without <c>nice</c> or a Chromium the browser is used as it is.
/// </summary>
public sealed class LowPriorityChromium
{
    private readonly Lazy<string> _path;

    /// <summary>Creates it.</summary>
    /// <param name="niceness">The niceness, 1 to 19; 0 or less: Chromium as it is.</param>
    public LowPriorityChromium(int niceness) => _path = new Lazy<string>(() => Wrap(Math.Min(19, niceness)));

    /// <summary>The executable to launch: the script, or Chromium itself.</summary>
    public string ExecutablePath => _path.Value;

    private static string Wrap(int niceness)
    {
        var chromium = PdfReportRenderer.FindChromium() ?? PdfReportRenderer.ChromiumPath;
        var nice = new[] { "/usr/bin/nice", "/bin/nice" }.FirstOrDefault(File.Exists);
        if (niceness <= 0 || nice is null || !File.Exists(chromium) || OperatingSystem.IsWindows())
        {
            return chromium;
        }

        var folder = Directory.CreateTempSubdirectory("csp-chromium-");
        var script = Path.Combine(folder.FullName, "chromium");
        File.WriteAllText(script, $"#!/bin/sh\nexec {nice} -n {niceness} '{chromium.Replace("'", "'\\''", StringComparison.Ordinal)}' \"$@\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }
}
