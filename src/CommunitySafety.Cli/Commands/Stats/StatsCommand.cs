using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Commands.Stats;

/// <summary><c>csp stats</c>: the statistics engine applied to an analyst's own CSV file.</summary>
public sealed class StatsCommand : Command
{
    /// <summary>Creates the group with its subcommands.</summary>
    public StatsCommand(CliContext context)
        : base("stats", "Apply the statistics engine to your own CSV: rates and proportions with confidence intervals, benchmark comparison, change, trend markers, funnel limits and SPC. Nothing is read from or written to the store.")
    {
        Subcommands.Add(new StatsRatesCommand(context));
        Subcommands.Add(new StatsProportionsCommand(context));
        Subcommands.Add(new StatsCompareCommand(context));
        Subcommands.Add(new StatsChangeCommand(context));
        Subcommands.Add(new StatsTrendCommand(context));
        Subcommands.Add(new StatsFunnelCommand(context));
        Subcommands.Add(new StatsSpcCommand(context));
    }
}
