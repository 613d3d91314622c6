using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Commands.Stats;

/// <summary>
/// A <c>csp stats</c> command that reads a CSV (<c>--in</c>), adds columns to its rows and prints or saves the result
/// (<c>--out</c>, <c>--format</c>): the three options and the reading and writing, declared once. Each command adds the
/// options to its list in its own order.
/// </summary>
public abstract class CsvStatsCommand : Command
{
    /// <summary>Creates the command.</summary>
    private protected CsvStatsCommand(string name, string description, CliContext context)
        : base(name, description) => Context = context;

    /// <summary>Where output, messages and relative paths go.</summary>
    private protected CliContext Context { get; }

    /// <summary><c>--in</c>: the CSV to read.</summary>
    private protected Option<string> InputOption { get; } = StatsOptions.In();

    /// <summary><c>--out</c>: the file to write (default: standard output).</summary>
    private protected Option<string?> OutOption { get; } = CommonOptions.Out();

    /// <summary><c>--format</c>: how to print the result.</summary>
    private protected Option<OutputFormat> FormatOption { get; } = StatsOptions.Format();

    /// <summary>The CSV <c>--in</c> names.</summary>
    private protected StatsInput ReadInput(ParseResult parseResult) => StatsInput.Read(Context, parseResult.GetValue(InputOption)!);

    /// <summary>Prints or saves <paramref name="table"/> as <c>--format</c> and <c>--out</c> say.</summary>
    private protected void Write(ResultTable table, ParseResult parseResult) =>
        table.Write(Context, parseResult.GetValue(FormatOption), parseResult.GetValue(OutOption));
}
