using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Queries;

namespace CommunitySafety.Cli.Commands.Areas;

/// <summary><c>csp areas</c>: lists the forces and areas the store holds records for.</summary>
public sealed class AreasCommand : Command
{
    private readonly CliContext _context;
    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<string?> _out = CommonOptions.Out();

    /// <summary>Creates the command.</summary>
    public AreasCommand(CliContext context)
        : base("areas", "List the police forces, local authorities, Community Safety Partnerships and police force areas in the store, with their records and months.")
    {
        _context = context;
        Options.Add(_format);
        Options.Add(_out);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        using var store = StoreAccess.OpenExisting(_context, parseResult);
        var areas = new AreaResolver(store).ListAreas();
        var table = new ResultTable(
            new ResultColumn("Name"),
            new ResultColumn("Code"),
            new ResultColumn("Type"),
            new ResultColumn("Part of"),
            new ResultColumn("Records", IsNumeric: true),
            new ResultColumn("First month"),
            new ResultColumn("Last month"));
        foreach (var a in areas)
        {
            table.Add(a.Area.Name, a.Area.Code?.Value, a.Area.KindName, a.Parent, a.Records, a.FirstMonth?.ToString(), a.LastMonth?.ToString());
        }

        table.Notes.Add("Forces count every record they reported, located or not; other areas count records located in them by their LSOA.");
        table.Write(_context, parseResult.GetValue(_format), parseResult.GetValue(_out));
        return (int)ExitCode.Ok;
    }
}
