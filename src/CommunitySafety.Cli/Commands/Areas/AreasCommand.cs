using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Queries;

namespace CommunitySafety.Cli.Commands.Areas;

/// <summary>
/// <c>csp areas</c>: lists the forces and areas the store holds records for, with how much of their time is covered.
/// By default an area is listed only when the force responsible for it has data in the store: a district next to an
/// imported force otherwise shows up with a handful of records from just over the boundary, which are not its crime.
/// <c>--all</c> lists those too.
/// </summary>
public sealed class AreasCommand : Command
{
    private readonly CliContext _context;
    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<string?> _out = CommonOptions.Out();
    private readonly Option<bool> _all = new("--all")
    {
        Description = "Also list areas whose only records are ones another force reported outside its own area (their own force has no data in the store).",
    };

    /// <summary>Creates the command.</summary>
    public AreasCommand(CliContext context)
        : base("areas", "List the police forces, local authorities, Community Safety Partnerships and police force areas in the store, with their records and months.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        Options.Add(_format);
        Options.Add(_out);
        Options.Add(_all);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        using var store = StoreAccess.OpenExisting(_context, parseResult);
        var areas = new AreaResolver(store).ListAreas();
        var all = parseResult.GetValue(_all);
        var counts = AllAreaCounts.Load(store);
        var lastMonth = areas.Select(a => a.LastMonth).Max();
        var table = new ResultTable(
            new ResultColumn("Name"),
            new ResultColumn("Code"),
            new ResultColumn("Type"),
            new ResultColumn("Part of"),
            new ResultColumn("Records", IsNumeric: true),
            new ResultColumn("First month"),
            new ResultColumn("Last month"),
            new ResultColumn("Coverage"));
        var stray = 0;
        foreach (var a in areas)
        {
            var coverage = Coverage(a, counts, lastMonth);
            if (coverage is null)
            {
                stray++;
                if (!all)
                {
                    continue;
                }
            }

            table.Add(a.Area.Name, a.Area.Code?.Value, a.Area.KindName, a.Parent, a.Records, a.FirstMonth?.ToString(), a.LastMonth?.ToString(),
                coverage ?? "only records reported by another force: its own force has no data here");
        }

        table.Notes.Add("Forces count every record they reported, located or not; other areas count records located in them by their LSOA.");
        table.Notes.Add("Coverage: the months for which every force responsible for the area has data (a month is counted only when complete), \"with gaps\" when months are missing between the first and the last.");
        if (stray > 0 && !all)
        {
            table.Notes.Add($"Left out: {stray} area(s) whose only records are ones another force reported outside its own area (the force responsible for them has no data in the store); --all lists them.");
        }

        table.Write(_context, parseResult.GetValue(_format), parseResult.GetValue(_out));
        return (int)ExitCode.Ok;
    }

    /// <summary>The area's coverage in words, or null when its responsible force has no data (its records are strays).</summary>
    private static string? Coverage(AreaSummary a, AllAreaCounts counts, Periods.YearMonth? lastMonth)
    {
        switch (a.Area.Kind)
        {
            case AreaKind.Force:
                return Months(a.MonthsLoaded ?? 0, a.FirstMonth, a.LastMonth);
            case AreaKind.EnglandAndWales when a.FirstMonth is { } first && a.LastMonth is { } last:
                var forces = counts.Coverage(a.Area, first, last);
                return forces.IsPartial ? $"partial: {forces.Text}" : "every force";
            case AreaKind.LocalAuthority or AreaKind.CommunitySafetyPartnership or AreaKind.PoliceForceArea when a.Area.Code is not null && lastMonth is { } end:
                IReadOnlyList<Periods.YearMonth>? covered;
                try
                {
                    covered = counts.CoveredMonths(a.Area, end);
                }
                catch (NotSupportedException)
                {
                    return null;
                }

                return covered is { Count: > 0 } ? Months(covered.Count, covered[0], covered[^1]) : null;
            default:
                return null;
        }
    }

    private static string Months(int months, Periods.YearMonth? first, Periods.YearMonth? last)
    {
        var span = first is { } f && last is { } l ? l.MonthsSince(f) + 1 : months;
        return months >= span ? $"{months} month{(months == 1 ? string.Empty : "s")}" : $"{months} of {span} months, with gaps";
    }
}
