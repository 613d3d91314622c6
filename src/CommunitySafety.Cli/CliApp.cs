using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Import;

namespace CommunitySafety.Cli;

/// <summary>The <c>csp</c> command line: builds the command tree and runs it with one error policy.</summary>
public static class CliApp
{
    /// <summary>Builds the command tree. Each top-level command is one line here.</summary>
    public static RootCommand BuildCommand(CliContext context)
    {
        var root = new RootCommand(
            "csp — evidence for Community Safety Partnerships: import police.uk crime data and ONS population, " +
            "count crime and compute rates with confidence intervals, and produce the partnership's reports.");
        root.Options.Add(CommonOptions.Store);

        // One line per top-level command. Each command is a class in Commands/ (a folder per group) whose
        // constructor takes the CliContext, declares its options and sets its action.
        root.Subcommands.Add(new Commands.Import.ImportCommand(context));
        root.Subcommands.Add(new Commands.Areas.AreasCommand(context));
        root.Subcommands.Add(new Commands.Counts.CountsCommand(context));
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
                context.Error.WriteLine($"error: {error.Message}");
            }

            context.Error.WriteLine("Run 'csp --help' (or 'csp <command> --help') to see the options.");
            return (int)ExitCode.UsageError;
        }

        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException e)
        {
            context.Error.WriteLine($"error: {e.Message}");
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
    }
}
