using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Inputs;

namespace CommunitySafety.Cli;

/// <summary>The <c>csp</c> command line: builds the command tree and runs it with one error policy.</summary>
public static partial class CliApp
{
    /// <summary>Builds the command tree. Each top-level command is one line here.</summary>
    public static RootCommand BuildCommand(CliContext context)
    {
        var root = new RootCommand(
            "csp — evidence for Community Safety Partnerships: import police.uk crime data and ONS population, " +
            "count crime and compute rates with confidence intervals, and produce the partnership's reports.");
        root.Options.Add(CommonOptions.Verbose);
        root.Options.Add(CommonOptions.StoreBeforeCommand);

        // One line per top-level command. Each command is a class in Commands/ (a folder per group) whose
        // constructor takes the CliContext, declares its options and sets its action.
        root.Subcommands.Add(new Commands.Import.ImportCommand(context));
        root.Subcommands.Add(new Commands.Download.DownloadCommand(context));
        root.Subcommands.Add(new Commands.Areas.AreasCommand(context));
        root.Subcommands.Add(new Commands.Counts.CountsCommand(context));
        root.Subcommands.Add(new Commands.Outcomes.OutcomesCommand(context));
        root.Subcommands.Add(new Commands.StopSearch.StopSearchCommand(context));
        root.Subcommands.Add(new Commands.Assess.AssessCommand(context));
        root.Subcommands.Add(new Commands.Stats.StatsCommand(context));
        root.Subcommands.Add(new Commands.Hotspots.HotspotsCommand(context));
        root.Subcommands.Add(new Commands.Deprivation.DeprivationCommand(context));
        root.Subcommands.Add(new Commands.Places.PlacesCommand(context));
        root.Subcommands.Add(new Commands.Places.AsbCommand(context));
        root.Subcommands.Add(new Commands.Places.ProfileCommand(context));
        root.Subcommands.Add(new Commands.Demo.DemoCommand(context));
        root.Subcommands.Add(new Commands.Report.ReportCommand(context));
        root.Subcommands.Add(new Commands.Generate.GenerateCommand(context));
        root.Subcommands.Add(new Commands.Plan.PlanCommand(context));
        root.Subcommands.Add(new Commands.Plan.IndicatorsCommand(context));
        root.Subcommands.Add(new Commands.Serve.ServeCommand(context));
        root.Subcommands.Add(new Commands.Backup.BackupCommand(context));
        root.Subcommands.Add(new Commands.Backup.RestoreCommand(context));
        root.Subcommands.Add(new Commands.Quality.QualityCommand(context));
        return root;
    }

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = BuildCommand(context);
        var parsed = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
        };

        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                context.Error.WriteLine($"error: {Describe(error)}");
            }

            context.Error.WriteLine("Run 'csp --help' (or 'csp <command> --help') to see the options.");
            return (int)ExitCode.UsageError;
        }

        if (parsed.Action is System.CommandLine.Help.HelpAction)
        {
            // Help states a choice's default as typed (csv), not as the .NET enum member (Csv).
            using var help = new StringWriter();
            var status = await parsed.InvokeAsync(new InvocationConfiguration { Output = help, Error = context.Error }, cancellationToken).ConfigureAwait(false);
            context.Out.Write(EnumDefault().Replace(help.ToString(), m => $"[default: {m.Groups[1].Value.ToLowerInvariant()}]"));
            return status;
        }

        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            Details(e.InnerException);
            return (int)e.ExitCode;
        }
        catch (ImportRejectedException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return (int)ExitCode.InvalidInput;
        }
        catch (CommunitySafety.Data.Store.StoreBusyException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return (int)ExitCode.StoreBusy;
        }
        catch (FileNotFoundException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
            return (int)ExitCode.NotFound;
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("Cancelled.");
            return (int)ExitCode.Cancelled;
        }
        catch (Exception e)
        {
            // Never a stack trace for the user: a fault of the machine in one sentence with its own exit code, anything
            // else as what failed; --verbose adds the exception.
            var fault = EnvironmentFault.Describe(e, StorePath());
            context.Error.WriteLine(fault is not null
                ? $"error: {fault.Message}"
                : $"error: {e.Message} (an unexpected {e.GetType().Name}; run the command again with --verbose for the details, and report it if it persists)");
            Details(e);
            return (int)(fault?.ExitCode ?? ExitCode.Failure);
        }

        string? StorePath()
        {
            try
            {
                return context.ResolvePath(CommonOptions.StoreValue(parsed) ?? CommonOptions.DefaultStorePath);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                return null;
            }
        }

        void Details(Exception? e)
        {
            if (e is not null && parsed.GetValue(CommonOptions.Verbose))
            {
                context.Error.WriteLine();
                context.Error.WriteLine(e.ToString());
            }
        }
    }

    /// <summary>
    /// A parse error in the user's words: a value that is not one of an option's choices names the choices as they are
    /// typed (lower case), not the .NET type it failed to convert to.
    /// </summary>
    private static string Describe(System.CommandLine.Parsing.ParseError error)
    {
        if (error.SymbolResult is System.CommandLine.Parsing.OptionResult { Option: var option } result
            && (Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType) is { IsEnum: true } type
            && result.Tokens.Select(t => t.Value).FirstOrDefault(v => !Enum.TryParse(type, v, ignoreCase: true, out _)) is { } given)
        {
            var choices = Enum.GetNames(type).Select(n => n.ToLowerInvariant()).ToList();
            return $"{option.Name} '{given}' is not one of the choices: {string.Join(", ", choices[..^1])} or {choices[^1]}.";
        }

        return error.Message;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\[default: ([A-Z][A-Za-z]*)\]")]
    private static partial System.Text.RegularExpressions.Regex EnumDefault();
}
