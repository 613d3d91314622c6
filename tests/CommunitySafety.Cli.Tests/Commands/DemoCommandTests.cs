using System.Diagnostics;
using System.Text.Json;
using CommunitySafety.Cli.Commands.Demo;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Reports.Rendering;
using CommunitySafety.Tests;

namespace CommunitySafety.Cli.Tests.Commands;

public class DemoCommandTests
{
    [Fact]
    public async Task Demo_BuildsStoreWhoseLutonCountsMatchTheRawSampleFiles()
    {
        using var temp = new TempFolder();
        var demo = await CliRunner.RunAsync(temp.Path, "demo");
        Assert.True(demo.ExitCode == 0, demo.ToString());
        Assert.True(File.Exists(Path.Combine(temp.Path, CommonOptions.DefaultStorePath)));
        Assert.Contains("Luton", demo.Out, StringComparison.Ordinal);
        Assert.Contains("of 12 months", demo.Out, StringComparison.Ordinal);

        var zips = Directory.GetFiles(Path.Combine(DemoCommand.DefaultSamplesFolder(), "police"), "*.zip");
        var expected = RawPoliceFile.ReadStreetRowsFromZips(zips, "2024-04", "2025-03")
            .Count(r => r["LSOA name"].StartsWith("Luton ", StringComparison.Ordinal) && r["Crime type"] != "Anti-social behaviour");

        var counts = await CliRunner.RunAsync(temp.Path, "counts", "--area", "Luton", "--by", "total", "--period", "2024/25", "--format", "json");
        Assert.True(counts.ExitCode == 0, counts.ToString());
        using var json = JsonDocument.Parse(counts.Out);
        Assert.Equal(expected, json.RootElement[0].GetProperty("Count").GetInt64());
        Assert.Equal("12 of 12 months", json.RootElement[0].GetProperty("Months with data").GetString());

        // The rate is on ONS's mid-2024 estimate for Luton (239,090, read from the shipped MYE2 file), and says so.
        var mye = File.ReadLines(Path.Combine(DemoCommand.DefaultSamplesFolder(), "population", "mye24tablesew_MYE2_persons.csv"))
            .Single(l => l.StartsWith("E06000032,", StringComparison.Ordinal)).Split(',');
        var population = double.Parse(mye[3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(239090, population);
        Assert.Equal(expected / population * 1000, json.RootElement[0].GetProperty("Rate per 1,000").GetDouble(), 9);
        Assert.Contains("Population: 239,090, ONS mid-2024 population estimates (MYE2), Local Authority, OGL v3", counts.Error, StringComparison.Ordinal);
        Assert.Contains("Luton: Population: 239,090, ONS mid-2024 population estimates (MYE2)", demo.Error + demo.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("mid-2015", demo.Error + demo.Out, StringComparison.Ordinal);
        // Crime by deprivation decile, from the IoD 2025 and Census 2021 samples.
        Assert.Contains("Luton by deprivation decile of the LSOA, 2024/25", demo.Out, StringComparison.Ordinal);
        Assert.Contains("English Indices of Deprivation 2025 (MHCLG), IMD decile, LSOA 2021", demo.Error + demo.Out, StringComparison.Ordinal);
        // Crime outcomes for Luton and its force's stop and search (the latest complete year, 2023/24), with their sources.
        Assert.Contains("Luton: crime outcomes, 2024/25", demo.Out, StringComparison.Ordinal);
        Assert.Contains("Bedfordshire Police: stop and search by ethnic group, 2023/24, the latest complete year imported", demo.Out, StringComparison.Ordinal);
        Assert.Contains("ONS Census 2021 usual residents by ethnic group (TS021)", demo.Out, StringComparison.Ordinal);

        // The place analyses for Luton: deprivation with concentration, repeat places, anti-social behaviour, a ward profile.
        Assert.Contains("The most deprived 10% of Luton's LSOAs", demo.Out, StringComparison.Ordinal);
        Assert.Contains("Luton: places with the most all crime (anti-social behaviour not included)", demo.Out, StringComparison.Ordinal);
        Assert.Contains("Luton: anti-social behaviour (its own strand, not crime)", demo.Out, StringComparison.Ordinal);
        Assert.Contains("Ward profile, South (Luton)", demo.Error + demo.Out, StringComparison.Ordinal);

        // The progress report is Luton's 2024/25, every section filled: the overall crime chart, the scoring matrix with
        // why there is no previous assessment, and the police-recorded indicators counted from the same store.
        var progress = await File.ReadAllTextAsync(Path.Combine(temp.Path, "out", "progress-report.html"));
        Assert.DoesNotContain("No strategic assessment of", progress, StringComparison.Ordinal);
        Assert.Contains("progress report 2024/25", progress, StringComparison.Ordinal);
        Assert.Contains("Recorded crime in Luton", progress, StringComparison.Ordinal);
        Assert.Contains("This is the first strategic assessment made from these data", progress, StringComparison.Ordinal);
        Assert.Contains("Violence and sexual offences recorded by police (police.uk)", progress, StringComparison.Ordinal);
        Assert.Contains("Possession of weapons offences recorded by police (police.uk)", progress, StringComparison.Ordinal);
        // A year-end report states the year's total (its quarters summed), judged against the previous year's.
        var violence = RawPoliceFile.ReadStreetRowsFromZips(zips, "2024-04", "2025-03")
            .Count(r => r["LSOA name"].StartsWith("Luton ", StringComparison.Ordinal) && r["Crime type"] == "Violence and sexual offences");
        Assert.Contains(violence.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), progress, StringComparison.Ordinal);

        // Both reports show the Gi* hot spot map of violence (Luton's top-ranked crime type) with its data table.
        var assessment = await File.ReadAllTextAsync(Path.Combine(temp.Path, "out", "strategic-assessment.html"));
        Assert.Contains("Outcomes of crimes recorded in Luton, 2024/25", assessment, StringComparison.Ordinal);
        Assert.Contains("Stop and search by ethnic group, Bedfordshire Police, 2023/24", assessment, StringComparison.Ordinal);
        Assert.Contains("Crime and deprivation", assessment, StringComparison.Ordinal);
        Assert.Contains("Places with repeat crime", assessment, StringComparison.Ordinal);
        Assert.Contains("Crime rate by deprivation decile, Luton, April 2024 to March 2025", assessment, StringComparison.Ordinal);
        foreach (var html in new[] { progress, assessment })
        {
            Assert.Contains("class=\"csp-figure csp-map\"", html, StringComparison.Ordinal);
            Assert.Contains("Violence and sexual offences in Luton, 2024/25: ", html, StringComparison.Ordinal);
            Assert.Contains("Data for the map", html, StringComparison.Ordinal);

            // A board member's reading: no method names or LSOA codes before the appendices.
            var body = BodyText(html);
            var jargon = CommunitySafety.Reports.Narrative.Glossary.BodyJargon.Where(t => body.Contains(t, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(jargon.Count == 0, "Jargon in a demo report's body: " + string.Join(", ", jargon));
            Assert.DoesNotMatch(@"\b[EW]01\d{6}\b", body);
        }

        // The printed progress report: at most 15 A4 body pages before its appendices (the reference report has 13),
        // the hot spot map clipped to Luton with its ward outlines.
        var pdf = Path.Combine(temp.Path, "out", "progress-report.pdf");
        Assert.True(File.Exists(pdf), "Chromium is required at " + PdfReportRenderer.ChromiumPath);
        var pages = PdfPages(pdf);
        var firstAppendix = Array.FindIndex(pages, p => p.Contains("Appendix 1 –", StringComparison.Ordinal));
        Assert.InRange(firstAppendix, 5, 15);
        Assert.Matches("id=\"map[^\"]*-outlines\"", progress);
        Assert.Contains("The grid is clipped to the Luton boundary", progress, StringComparison.Ordinal);

        // The README's examples run as written against the demo's store (the README is tested, like the code).
        var examples = ReadmeExamples();
        Assert.True(examples.Count >= 4, $"only {examples.Count} csp examples found in the README");
        foreach (var example in examples)
        {
            var run = await CliRunner.RunAsync(temp.Path, example);
            Assert.True(run.ExitCode == 0, $"README example 'csp {string.Join(' ', example)}' failed: {run}");
        }
    }

    /// <summary>
    /// The <c>csp …</c> lines of the README's shell code blocks that read the demo's store, split as a shell would
    /// (quotes, trailing comments); those that build a store, serve, download or install are run by their own tests.
    /// </summary>
    private static List<string[]> ReadmeExamples()
    {
        var examples = new List<string[]>();
        var inShell = false;
        foreach (var line in File.ReadLines(Path.Combine(RepositoryFolders.Root, "README.md")))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = !inShell && line.Trim() is "```sh" or "```bash";
                continue;
            }

            if (!inShell || !line.StartsWith("csp ", StringComparison.Ordinal))
            {
                continue;
            }

            var words = ShellWords(line);
            if (words.Count > 0 && words[0] is not ("demo" or "serve" or "download" or "import" or "backup" or "restore" or "generate"))
            {
                examples.Add([.. words]);
            }
        }

        return examples;
    }

    private static List<string> ShellWords(string line)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        char? quote = null;
        var started = false;
        foreach (var c in line.AsSpan(4))
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                started = true;
            }
            else if (c == '#' && !started && current.Length == 0)
            {
                break; // a comment
            }
            else if (char.IsWhiteSpace(c))
            {
                if (started || current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    started = false;
                }
            }
            else
            {
                current.Append(c);
                started = true;
            }
        }

        if (started || current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>The text before the first appendix, without the stylesheet and the collapsed chart data (an appendix in print).</summary>
    private static string BodyText(string html)
    {
        var end = html.IndexOf("id=\"s-appendix-1\"", StringComparison.Ordinal);
        var body = end > 0 ? html[..end] : html;
        body = System.Text.RegularExpressions.Regex.Replace(body, "<style>.*?</style>|<details.*?</details>", " ", System.Text.RegularExpressions.RegexOptions.Singleline);
        return System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(body, "<[^>]+>", " "));
    }

    private static string[] PdfPages(string pdf)
    {
        var psi = new ProcessStartInfo("pdftotext", ["-layout", pdf, "-"]) { RedirectStandardOutput = true };
        using var process = Process.Start(psi)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text.Split('\f');
    }

    [Fact]
    public async Task Demo_WithoutChromium_WritesHtmlAndWordSaysHowToGetPdfAndSucceeds()
    {
        // A fresh machine with only the .NET SDK: the Quick start's first command must still succeed. Run as its own
        // process (csp.dll beside the tests, with its samples), so that hiding Chromium touches no other test.
        using var temp = new TempFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "csp.dll"));
        start.ArgumentList.Add("demo");
        start.Environment[PdfReportRenderer.ChromiumVariable] = temp.File("no-chromium-here");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var said = await output + await error;

        Assert.True(process.ExitCode == 0, said);
        foreach (var name in new[] { "progress-report", "strategic-assessment" })
        {
            Assert.True(File.Exists(Path.Combine(temp.Path, "out", name + ".html")), said);
            Assert.True(File.Exists(Path.Combine(temp.Path, "out", name + ".docx")), said);
            Assert.False(File.Exists(Path.Combine(temp.Path, "out", name + ".pdf")), said);
        }

        Assert.Contains("Wrote both reports in HTML and Word", said, StringComparison.Ordinal);
        Assert.Contains($"PDF skipped: Chromium is needed to print PDF reports but is not at {temp.File("no-chromium-here")}", said, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_ExistingStoreNotMadeByDemo_IsLeftAlone()
    {
        using var temp = new TempFolder();
        var import = await CliRunner.RunAsync(temp.Path, "import", "police", RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv"));
        Assert.Equal(0, import.ExitCode);
        var store = Path.Combine(temp.Path, CommonOptions.DefaultStorePath);
        var before = File.GetLastWriteTimeUtc(store);

        var demo = await CliRunner.RunAsync(temp.Path, "demo");
        Assert.Equal((int)ExitCode.UsageError, demo.ExitCode);
        Assert.Contains("--replace", demo.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.GetLastWriteTimeUtc(store));
    }

    [Fact]
    public async Task Demo_ExistingSnapshotStoreNotMadeByDemo_IsLeftAlone()
    {
        // A store that publishes snapshots has no file at its own path, only the pointer and the snapshots folder.
        using var temp = new TempFolder();
        var import = await CliRunner.RunAsync(temp.Path, "import", "police", "--snapshot", RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv"));
        Assert.True(import.ExitCode == 0, import.ToString());
        var store = Path.Combine(temp.Path, CommonOptions.DefaultStorePath);
        var pointer = CommunitySafety.Data.Store.StoreSnapshots.PointerPath(store);
        Assert.True(File.Exists(pointer));
        var published = await File.ReadAllTextAsync(pointer);

        var demo = await CliRunner.RunAsync(temp.Path, "demo");
        Assert.Equal((int)ExitCode.UsageError, demo.ExitCode);
        Assert.Contains("--replace", demo.Error, StringComparison.Ordinal);
        Assert.Equal(published, await File.ReadAllTextAsync(pointer));
    }
}
