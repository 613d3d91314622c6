using System.CommandLine;
using System.Text.RegularExpressions;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Tests.Infrastructure;

/// <summary>
/// One grammar for the whole tool, checked by walking every command's <c>--help</c>: option names in lower-case
/// kebab case, every option described, placeholders in lower case, a default stated once, the same option name for
/// the same thing, and an invalid choice answered with the choices.
/// </summary>
public sealed partial class CliGrammarTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Names that mean a thing another option already names (the name to use instead).</summary>
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["--database"] = "--monitoring-provider",
        ["--connection"] = "--monitoring-db",
        ["--crime-types"] = "--crime-type",
        ["--offence"] = "--crime-type",
        ["--output"] = "--out",
        ["--fy"] = "--year",
        ["--db"] = "--store",
    };

    private static IEnumerable<(string Path, Command Command)> Commands(Command command, string path)
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands)
        {
            foreach (var found in Commands(sub, $"{path} {sub.Name}".Trim()))
            {
                yield return found;
            }
        }
    }

    private static List<(string Path, Command Command)> All()
    {
        using var writer = new StringWriter();
        var root = CliApp.BuildCommand(new CliContext(writer, writer));
        return [.. Commands(root, string.Empty)];
    }

    [Fact]
    public void EveryOption_IsLowerKebabCase_Described_AndNotASynonym()
    {
        var problems = new List<string>();
        foreach (var (path, command) in All())
        {
            foreach (var option in command.Options.Where(o => o.Name is not ("--help" or "--version")))
            {
                if (!KebabCase().IsMatch(option.Name))
                {
                    problems.Add($"csp {path} {option.Name}: not lower-case kebab-case");
                }

                if (string.IsNullOrWhiteSpace(option.Description))
                {
                    problems.Add($"csp {path} {option.Name}: no description");
                }

                if (option.Name == "--type" && !path.StartsWith("stats", StringComparison.Ordinal))
                {
                    problems.Add($"csp {path} --type: a crime type is --crime-type everywhere (--type is the kind of figures in csp stats)");
                }

                if (Synonyms.TryGetValue(option.Name, out var instead))
                {
                    problems.Add($"csp {path} {option.Name}: say {instead}, as the other commands do");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Store_IsOfferedOnlyByCommandsThatReadOrWriteIt()
    {
        // Commands that never open the analytical store: --store there would do nothing.
        string[] without = ["stats", "generate", "plan", "indicators", "report progress"];
        foreach (var (path, command) in All().Where(c => c.Command.Subcommands.Count == 0))
        {
            var offers = command.Parents.OfType<Command>().Append(command).SelectMany(AncestorsAndSelf).Any(c => c.Options.Contains(CommonOptions.Store));
            var needs = !without.Any(w => path == w || path.StartsWith(w + " ", StringComparison.Ordinal));
            Assert.True(offers == needs, $"csp {path}: {(offers ? "offers --store but never opens the store" : "opens the store but does not offer --store")}");
        }
    }

    private static IEnumerable<Command> AncestorsAndSelf(Command command)
    {
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return c;
        }
    }

    [Fact]
    public async Task EveryCommandsHelp_ShowsLowerCasePlaceholders_AndEachDefaultOnce()
    {
        var problems = new List<string>();
        var commands = All();
        Assert.True(commands.Count > 30, $"only {commands.Count} commands found");
        foreach (var (path, _) in commands)
        {
            var help = await CliRunner.RunAsync(_temp.Path, [.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
            Assert.True(help.ExitCode == 0, help.ToString());
            foreach (var line in help.Out.Split('\n').Select(l => l.TrimEnd()))
            {
                var trimmed = line.TrimStart();
                if (!trimmed.StartsWith("--", StringComparison.Ordinal) && !trimmed.StartsWith("-?", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match placeholder in Placeholder().Matches(trimmed.Split("  ")[0]))
                {
                    if (placeholder.Value.Any(char.IsUpper))
                    {
                        problems.Add($"csp {path}: placeholder {placeholder.Value} is not lower case: {trimmed}");
                    }
                }

                if (DefaultShown().Match(trimmed) is { Success: true } shown && Regex.IsMatch(shown.Groups[1].Value, "^[A-Z][A-Za-z]*$")) // a choice written as its .NET name
                {
                    problems.Add($"csp {path}: the default is not written as typed: {trimmed}");
                }

                if (Regex.Matches(trimmed, @"\bdefault\b", RegexOptions.IgnoreCase).Count > 1)
                {
                    problems.Add($"csp {path}: the default is stated twice: {trimmed}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task EveryChoiceOption_AnswersAWrongValueWithItsChoices_InLowerCase()
    {
        var checkedOptions = 0;
        foreach (var (path, command) in All())
        {
            foreach (var option in command.Options)
            {
                var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
                if (!type.IsEnum)
                {
                    continue;
                }

                // With an area where the command takes one, so that only the wrong choice is wrong.
                string[] area = command.Options.Any(o => o.Name == "--area") ? ["--area", "Luton"]
                    : command.Options.Any(o => o.Name == "--ward") ? ["--ward", "South, Luton"] : [];
                var result = await CliRunner.RunAsync(_temp.Path, [.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), option.Name, "xml", .. area]);

                checkedOptions++;
                Assert.Equal((int)ExitCode.UsageError, result.ExitCode);
                var choices = Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToList();
                Assert.Contains($"error: {option.Name} 'xml' is not one of the choices: {string.Join(", ", choices[..^1])} or {choices[^1]}.", result.Error, StringComparison.Ordinal);
                Assert.DoesNotContain("CommunitySafety.", result.Error, StringComparison.Ordinal);
            }
        }

        Assert.True(checkedOptions >= 5, $"only {checkedOptions} choice options found");
    }

    [Fact]
    public async Task MistypedArea_IsAnsweredWithTheNearestNames()
    {
        var store = _temp.File("csp.duckdb");
        var import = await CliRunner.RunAsync(_temp.Path, "import", "lookup", RawPoliceFile.Fixture("lookups/LAD17_CSP17_PFA17_lookup.csv"), "--store", store);
        Assert.True(import.ExitCode == 0, import.ToString());
        var police = await CliRunner.RunAsync(_temp.Path, "import", "police", RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv"), "--store", store);
        Assert.True(police.ExitCode == 0, police.ToString());

        var result = await CliRunner.RunAsync(_temp.Path, "counts", "--area", "Lutn", "--period", "2024-01", "--store", store);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("No area or force called 'Lutn'. Did you mean: Luton?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MistypedCrimeType_IsAnsweredWithTheNearestType()
    {
        var result = await CliRunner.RunAsync(_temp.Path, "counts", "--area", "Luton", "--crime-type", "Shoplifing", "--store", _temp.File("none.duckdb"));

        Assert.Equal((int)ExitCode.UsageError, result.ExitCode);
        Assert.Contains("--crime-type: 'Shoplifing' is not a police.uk crime type. Did you mean 'Shoplifting'?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingSavedAssessment_IsNamedWithWhatTheOptionTakes()
    {
        var result = await CliRunner.RunAsync(_temp.Path, "report", "assessment", "--from", "missing.json", "--out", "report.html");

        Assert.Equal((int)ExitCode.NotFound, result.ExitCode);
        Assert.Contains($"error: {_temp.File("missing.json")}: no such file. --from takes an assessment saved by 'csp assess", result.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex("^--[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"\[default: ([^\]]*)\]")]
    private static partial Regex DefaultShown();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Placeholder();
}
