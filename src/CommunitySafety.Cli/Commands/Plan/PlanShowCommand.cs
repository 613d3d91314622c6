using System.CommandLine;
using System.Globalization;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Monitoring.Model;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Cli.Commands.Plan;

/// <summary><c>csp plan show</c>: the plan's priorities, the strategies that deliver them, their frameworks and actions.</summary>
public sealed class PlanShowCommand : Command
{
    private readonly CliContext _context;
    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<string?> _out = CommonOptions.Out();

    /// <summary>Creates the command.</summary>
    public PlanShowCommand(CliContext context)
        : base("show", "Show the plan: each priority with the strategies that deliver it (owner, governance group, status), their monitoring frameworks and actions.")
    {
        _context = context;
        Options.Add(_format);
        Options.Add(_out);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var db = await MonitoringStoreAccess.OpenAsync(_context, parseResult, cancellationToken).ConfigureAwait(false);
        var plans = await db.Plans.AsNoTracking()
            .Include(p => p.Partnership)
            .Include(p => p.Priorities).ThenInclude(p => p.Strategies).ThenInclude(s => s.Frameworks).ThenInclude(f => f.Indicators)
            .Include(p => p.Strategies).ThenInclude(s => s.Actions)
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (plans.Count == 0)
        {
            throw MonitoringStoreAccess.NoPlan();
        }

        // People read the table: each priority's title once. Programs read CSV and JSON: every row complete.
        var format = parseResult.GetValue(_format);
        var repeat = format != OutputFormat.Table;
        var table = new ResultTable(
            new ResultColumn("Priority"),
            new ResultColumn("Priority title"),
            new ResultColumn("Strategy"),
            new ResultColumn("Owner"),
            new ResultColumn("Governance group"),
            new ResultColumn("Status"),
            new ResultColumn("Review date"),
            new ResultColumn("Frameworks"),
            new ResultColumn("Actions"));
        foreach (var plan in plans)
        {
            table.Title = plans.Count == 1 ? Describe(plan) : "Community safety plans";
            foreach (var priority in plan.Priorities.OrderBy(p => p.Order))
            {
                var label = priority.IsAdditional ? $"{priority.Code} (additional)" : priority.Code;
                if (priority.Strategies.Count == 0)
                {
                    table.Add(label, priority.Title, null, null, null, null, null, null, null);
                }

                var first = true;
                foreach (var strategy in priority.Strategies.OrderBy(s => s.Id))
                {
                    var actions = plan.Strategies.Single(s => s.Id == strategy.Id).Actions;
                    table.Add(
                        first || repeat ? label : null,
                        first || repeat ? priority.Title : null,
                        strategy.Name,
                        strategy.OwnerOrganisation,
                        strategy.GovernanceGroup,
                        Words(strategy.Status.ToString()),
                        strategy.ReviewDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        string.Join("; ", strategy.Frameworks.OrderBy(f => f.Code, StringComparer.Ordinal)
                            .Select(f => $"{f.Code}: {f.Name} ({Words(f.Frequency.ToString()).ToLowerInvariant()}, {f.Indicators.Count} indicators)")),
                        actions.Count == 0 ? null : string.Join(", ", actions.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Words(g.Key.ToString()).ToLowerInvariant()}")));
                    first = false;
                }
            }

            if (plans.Count > 1)
            {
                table.Notes.Add(Describe(plan));
            }
        }

        table.Notes.Add("Indicator values: 'csp indicators status'; templates for partners: 'csp indicators template <framework> --out file.xlsx'.");
        table.Write(_context, format, parseResult.GetValue(_out));
        return (int)ExitCode.Ok;
    }

    private static string Describe(CommunitySafetyPlan plan) =>
        $"{plan.Title} — {plan.Partnership?.Name} ({plan.Partnership?.AreaCode}), {plan.FirstYear} to {plan.LastYear}, {Words(plan.Status.ToString()).ToLowerInvariant()}";

    /// <summary>An enum name in words: RolledForward → "Rolled forward".</summary>
    internal static string Words(string name)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
