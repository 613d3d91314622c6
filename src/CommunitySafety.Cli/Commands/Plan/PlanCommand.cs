using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Commands.Plan;

/// <summary><c>csp plan</c>: the community safety plan in the monitoring store.</summary>
public sealed class PlanCommand : Command
{
    /// <summary>Creates the group with its subcommands.</summary>
    public PlanCommand(CliContext context)
        : base("plan", "The community safety plan: priorities, strategies, monitoring frameworks and actions.")
    {
        Options.Add(MonitoringStoreAccess.Provider());
        Options.Add(MonitoringStoreAccess.Database());
        Subcommands.Add(new PlanShowCommand(context));
    }
}

/// <summary><c>csp indicators</c>: indicator values of the monitoring frameworks.</summary>
public sealed class IndicatorsCommand : Command
{
    /// <summary>Creates the group with its subcommands.</summary>
    public IndicatorsCommand(CliContext context)
        : base("indicators", "Indicators of the monitoring frameworks: import values, judge them, make templates for partners, export.")
    {
        Options.Add(MonitoringStoreAccess.Provider());
        Options.Add(MonitoringStoreAccess.Database());
        Subcommands.Add(new IndicatorsImportCommand(context));
        Subcommands.Add(new IndicatorsStatusCommand(context));
        Subcommands.Add(new IndicatorsTemplateCommand(context));
        Subcommands.Add(new IndicatorsExportCommand(context));
    }
}
