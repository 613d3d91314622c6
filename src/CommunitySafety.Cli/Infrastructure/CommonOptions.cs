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

    /// <summary>
    /// Accepts only <paramref name="names"/> (in any case) for <paramref name="option"/>; anything else is a usage error
    /// "&lt;option&gt; must be one of a, b, c; 'x' is not.", listing the names in the order given.
    /// </summary>
    public static void AcceptOneOf(Option<string> option, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(option);
        string[] allowed = [.. names];
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } v && !allowed.Contains(v, StringComparer.OrdinalIgnoreCase))
            {
                r.AddError($"{option.Name} must be one of {string.Join(", ", allowed)}; '{v}' is not.");
            }
        });
    }

    /// <summary>Creates the <c>--crime-type</c> option: police.uk crime types, repeated for several; read by <see cref="CrimeTypesOf"/>.</summary>
    public static Option<string[]> CrimeTypes(string example = "Violence and sexual offences") => new("--crime-type")
    {
        Description = $"Only these crime types (police.uk names, e.g. '{example}'); repeat for several. Default: all of them.",
        HelpName = "crime type",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>
    /// The crime types given to <paramref name="option"/> (empty when none), each a current police.uk type that
    /// <paramref name="allowed"/> accepts; a name that is not one is a usage error saying so, with the nearest names and
    /// the list of those allowed.
    /// </summary>
    /// <exception cref="CliException">A name that is not an allowed crime type.</exception>
    public static List<Crime.CrimeType> CrimeTypesOf(ParseResult parseResult, Option<string[]> option, Func<Crime.CrimeType, bool>? allowed = null, string what = "a police.uk crime type")
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(option);
        var known = Crime.CrimeType.Current.Where(c => allowed?.Invoke(c) ?? true).Select(c => c.Name).ToList();
        return [.. (parseResult.GetValue(option) ?? []).Select(t =>
            Crime.CrimeType.TryFind(t, out var type) && (allowed?.Invoke(type) ?? true)
                ? type
                : throw new CliException(ExitCode.UsageError, $"{option.Name}: '{t}' is not {what}.{Naming.DidYouMean.Suggest(t, known)} Known types: {string.Join(", ", known)}."))];
    }

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
