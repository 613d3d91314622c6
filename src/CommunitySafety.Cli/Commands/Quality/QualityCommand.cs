using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Quality;
using CommunitySafety.Periods;

namespace CommunitySafety.Cli.Commands.Quality;

/// <summary>
/// <c>csp quality</c>: the data-quality flags of the store's street-level crime — each force-month judged against the
/// force's own history (see <see cref="QualityChecker"/>) — and <c>csp quality acknowledge</c> to record why one can stand.
/// </summary>
public sealed class QualityCommand : Command
{
    private readonly CliContext _context;
    private readonly Option<OutputFormat> _format = CommonOptions.Format();
    private readonly Option<string?> _out = CommonOptions.Out();

    private readonly Option<string?> _force = new("--force")
    {
        Description = "Only this force (its name, e.g. 'Bedfordshire Police', or key, e.g. bedfordshire).",
        HelpName = "name",
    };

    private readonly Option<bool> _open = new("--open")
    {
        Description = "Only flags nobody has acknowledged yet.",
    };

    /// <summary>Creates the command.</summary>
    public QualityCommand(CliContext context)
        : base("quality", "Check the store's street-level crime for suspicious but valid data: a crime type's count far outside the force's usual range, " +
                          "a month with no records without a location (or a sudden change in their share), missing and republished months. " +
                          "Each force-month is judged against the same force's previous 12 to 24 months (docs/bad-input.md).")
    {
        Options.Add(CommonOptions.Store); // recursive: also for the subcommands
        _context = context;
        Options.Add(_format);
        Options.Add(_out);
        Options.Add(_force);
        Options.Add(_open);
        Subcommands.Add(new QualityAcknowledgeCommand(context));
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        using var store = StoreAccess.OpenExisting(_context, parseResult);
        var flags = new QualityChecker(store).Check();
        if (parseResult.GetValue(_force) is { } force)
        {
            flags = [.. flags.Where(f => f.Force.Equals(force, StringComparison.OrdinalIgnoreCase) || f.ForceSlug.Equals(force, StringComparison.OrdinalIgnoreCase))];
        }

        if (parseResult.GetValue(_open))
        {
            flags = [.. flags.Where(f => f.Acknowledged is null)];
        }

        var table = Table(flags);
        table.Notes.Add(flags.Count == 0
            ? "No data-quality flags: every force-month scored is within its force's usual range."
            : $"{flags.Count:N0} flag(s), {flags.Count(f => f.Acknowledged is null):N0} not acknowledged. A flag is a month to check, not an error: " +
              "acknowledge one that can stand with 'csp quality acknowledge <id> --reason \"...\"'.");
        table.Notes.Add(Method);
        table.Write(_context, parseResult.GetValue(_format), parseResult.GetValue(_out));
        return (int)ExitCode.Ok;
    }

    /// <summary>The method in one note, for every output that shows flags.</summary>
    public const string Method =
        "Method: each force-month against the same force's previous 12-24 months; modified z-score (Iglewicz and Hoaglin) on log counts by crime type " +
        "and on the share of records without a location, flagged beyond ±3.5 (and a change of at least 10 records or 2 percentage points).";

    /// <summary>The flags as a table: one row each.</summary>
    public static ResultTable Table(IReadOnlyList<QualityFlag> flags)
    {
        var table = new ResultTable(
            new ResultColumn("Id"),
            new ResultColumn("Force"),
            new ResultColumn("Month"),
            new ResultColumn("Check"),
            new ResultColumn("Subject"),
            new ResultColumn("Value", IsNumeric: true, Format: "0.###"),
            new ResultColumn("Usual", IsNumeric: true, Format: "0.###"),
            new ResultColumn("Score", IsNumeric: true, Format: "0.0"),
            new ResultColumn("Detail"),
            new ResultColumn("Acknowledged"));
        foreach (var f in flags)
        {
            table.Add(f.Id, f.Force, f.Month == f.LastMonth ? f.Month.ToString() : $"{f.Month} to {f.LastMonth}", QualityFlag.CheckKey(f.Check), f.Subject, f.Value, f.Usual, f.Score, f.Detail,
                f.Acknowledged is { } a ? $"{a.At:yyyy-MM-dd HH:mm} UTC by {a.By}: {a.Reason}" : null);
        }

        table.Title = "Data-quality flags";
        return table;
    }

    /// <summary>
    /// The notes to print beside figures that use <paramref name="flags"/>' months (counts, rates, trends): one line per
    /// open flag (at most five, then how many more), or nothing when there are none.
    /// </summary>
    public static IEnumerable<string> NotesFor(IReadOnlyList<QualityFlag> flags)
    {
        var open = flags.Where(f => f.Acknowledged is null).ToList();
        foreach (var f in open.Take(5))
        {
            yield return $"Data-quality flag on a month used here: {f.Force} {f.Month} — {f.Detail} (csp quality; id {f.Id})";
        }

        if (open.Count > 5)
        {
            yield return $"… and {open.Count - 5:N0} more data-quality flag(s) on months used here: see csp quality.";
        }

        var acknowledged = flags.Count - open.Count;
        if (acknowledged > 0)
        {
            yield return $"{acknowledged:N0} acknowledged data-quality flag(s) on months used here (csp quality shows the reasons).";
        }
    }

    /// <summary>The flags of the forces named in <paramref name="forceNames"/> in the months from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static IReadOnlyList<QualityFlag> For(Data.Store.AnalyticalStore store, IReadOnlyCollection<string> forceNames, YearMonth from, YearMonth to) =>
        new QualityChecker(store).Check(forceNames, (from, to));
}

/// <summary><c>csp quality acknowledge &lt;id&gt; --reason "..."</c>: records why a flag can stand, with who and when.</summary>
public sealed class QualityAcknowledgeCommand : Command
{
    private readonly CliContext _context;

    private readonly Argument<string> _id = new("id")
    {
        Description = "The flag's id, as csp quality prints it (force/yyyy-MM/check[/subject]).",
    };

    private readonly Option<string> _reason = new("--reason")
    {
        Description = "Why the flag can stand (e.g. 'a real rise: Operation X ran this month'). Required.",
        Required = true,
        HelpName = "text",
    };

    private readonly Option<string?> _by = new("--by")
    {
        Description = "Who acknowledges it (default: the user running the command).",
        HelpName = "name",
    };

    /// <summary>Creates the command.</summary>
    public QualityAcknowledgeCommand(CliContext context)
        : base("acknowledge", "Record that a data-quality flag has been checked and can stand, with the reason, who and when. The flag stays listed, marked as acknowledged.")
    {
        _context = context;
        Arguments.Add(_id);
        Options.Add(_reason);
        Options.Add(_by);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var id = parseResult.GetValue(_id)!.Trim();
        var reason = parseResult.GetValue(_reason) ?? string.Empty;
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new CliException(ExitCode.UsageError, "--reason must say why the flag can stand.");
        }

        var by = parseResult.GetValue(_by) is { Length: > 0 } b ? b : Environment.UserName;
        var flag = StoreAccess.Write(_context, parseResult, store =>
        {
            var found = new QualityChecker(store).Check().FirstOrDefault(f => f.Id.Equals(id, StringComparison.OrdinalIgnoreCase))
                ?? throw new CliException(ExitCode.NotFound, $"No data-quality flag has the id '{id}': run 'csp quality' to list them.");
            QualityStore.Acknowledge(store, found.Id, reason, by, _context.Time.GetUtcNow().UtcDateTime);
            return found;
        });
        _context.Say($"Acknowledged {flag.Id} ({flag.Force} {flag.Month}, {QualityFlag.CheckKey(flag.Check)}{(flag.Subject.Length > 0 ? ": " + flag.Subject : string.Empty)}) by {by}: {reason.Trim()}");
        return (int)ExitCode.Ok;
    }
}
