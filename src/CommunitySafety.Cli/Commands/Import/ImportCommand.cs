using CommunitySafety.Cli.Infrastructure;
using System.CommandLine;

namespace CommunitySafety.Cli.Commands.Import;

/// <summary><c>csp import</c>: the group of import commands.</summary>
public sealed class ImportCommand : Command
{
    /// <summary>Creates the group with its subcommands.</summary>
    public ImportCommand(CliContext context)
        : base("import", "Import data into the analytical store: police.uk files, ONS population estimates, ONS lookups, indices of deprivation.")
    {
        Options.Add(CommonOptions.Store);
        Options.Add(Infrastructure.StoreAccess.Snapshot);
        Subcommands.Add(new ImportPoliceCommand(context));
        Subcommands.Add(new ImportPopulationCommand(context));
        Subcommands.Add(new ImportLookupCommand(context));
        Subcommands.Add(new ImportDeprivationCommand(context));
    }
}
