using System.CommandLine;

namespace CommunitySafety.Cli.Infrastructure;

/// <summary>Options shared by several commands, defined once so they read the same everywhere.</summary>
public static class CommonOptions
{
    /// <summary>The default analytical store, relative to the working folder.</summary>
    public const string DefaultStorePath = "data/csp.duckdb";

    /// <summary>
    /// <c>--store</c>: the DuckDB analytical store file, declared by each command (or command group) that reads or writes
    /// it, and only those: <c>stats</c>, <c>generate</c>, <c>plan</c>, <c>indicators</c> and <c>report progress</c> do not
    /// offer it.
    /// </summary>
    public static Option<string?> Store { get; } = new("--store")
    {
        Description = $"The analytical store (a DuckDB file; default: ./{DefaultStorePath}).",
        Recursive = true,
        HelpName = "file",
    };

    /// <summary>
    /// <c>csp --store &lt;file&gt; &lt;command&gt;</c>: the same option written before the command, as scripts often do. Hidden
    /// (each command that uses the store lists <see cref="Store"/>); a command that never opens the store ignores it.
    /// </summary>
    public static Option<string?> StoreBeforeCommand { get; } = new("--store")
    {
        Description = "The analytical store (a DuckDB file), for the command that follows.",
        Hidden = true,
        HelpName = "file",
    };

    /// <summary>The store the command line names, after the command or before it; null when neither does.</summary>
    public static string? StoreValue(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return Value(parseResult, Store) ?? Value(parseResult, StoreBeforeCommand);

        static string? Value(ParseResult parseResult, Option<string?> option) =>
            parseResult.GetResult(option) is { } result ? result.GetValueOrDefault<string?>() : null;
    }

    /// <summary>
    /// <c>--verbose</c>: after an error's one sentence, also print the exception behind it with its stack trace (for
    /// reporting a bug). Applies to every command.
    /// </summary>
    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "After an error's message, also print the technical details behind it (the .NET exception and stack trace).",
        Recursive = true,
    };

    /// <summary>Creates a <c>--format</c> option for commands that print data.</summary>
    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "How to print the result: table (for people), csv or json (for other programs).",
        DefaultValueFactory = _ => OutputFormat.Table,
        HelpName = "table|csv|json",
    };

    /// <summary>Creates an <c>--out</c> option: write the data to a file instead of standard output.</summary>
    public static Option<string?> Out() => new("--out")
    {
        Description = "Write the result to this file instead of standard output.",
        HelpName = "file",
    };
}

/// <summary>Output formats for data-printing commands.</summary>
public enum OutputFormat
{
    /// <summary>An aligned table for people.</summary>
    Table,

    /// <summary>Comma-separated values with a header row.</summary>
    Csv,

    /// <summary>A JSON array of objects.</summary>
    Json,
}
