using System.Globalization;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Store;
using CommunitySafety.Periods;

namespace CommunitySafety.Cli.Infrastructure;

/// <summary>
/// Reading what a command line names (a file, an area, a period, a financial year) the same way in every command, with
/// the same exit code and the same one-sentence error when it is not right.
/// </summary>
public static class CommandInputs
{
    /// <summary>The full path of an input file; exits with NotFound ("&lt;path&gt;: no such file.") when there is none.</summary>
    public static string ExistingFile(CliContext context, string file)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.ResolvePath(file);
        if (!File.Exists(path))
        {
            throw new CliException(ExitCode.NotFound, $"{path}: no such file.");
        }

        return path;
    }

    /// <summary>Resolves an area or force by name or code; exits with NotFound (the resolver's message) when there is none.</summary>
    public static ResolvedArea ResolveArea(AnalyticalStore store, string text)
    {
        try
        {
            return new AreaResolver(store).Resolve(text);
        }
        catch (AreaNotFoundException e)
        {
            throw new CliException(ExitCode.NotFound, e.Message, e);
        }
    }

    /// <summary>
    /// The value <paramref name="parse"/> makes of <paramref name="text"/>, null when no text was given; exits with
    /// UsageError ("&lt;option&gt;: &lt;why&gt;") when it throws a <see cref="FormatException"/>.
    /// </summary>
    public static T? Parse<T>(string? text, string option, Func<string, T> parse)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (text is null)
        {
            return null;
        }

        try
        {
            return parse(text);
        }
        catch (FormatException e)
        {
            throw new CliException(ExitCode.UsageError, $"{option}: {e.Message}", e);
        }
    }

    /// <summary>The months of a <c>--period</c> given as text (<see cref="ReportingPeriod.Parse(string)"/>); exits with UsageError on bad text.</summary>
    public static (YearMonth First, YearMonth Last) PeriodMonths(string text)
    {
        var period = Parse(text, "--period", s => ReportingPeriod.Parse(s))!.Value;
        return (period.FirstMonth, period.LastMonth);
    }

    /// <summary>
    /// The financial year <c>--year</c> names; exits with UsageError ("--year: '…' is not a financial year; write it as
    /// <paramref name="example"/>.") when it is not one.
    /// </summary>
    public static FinancialYear FinancialYearOf(string? text, string example)
    {
        if (!FinancialYear.TryParse(text, CultureInfo.InvariantCulture, out var year))
        {
            throw new CliException(ExitCode.UsageError, $"--year: '{text}' is not a financial year; write it as {example}.");
        }

        return year;
    }
}
