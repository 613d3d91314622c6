using System.CommandLine;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Cli.Infrastructure;

/// <summary>Opens the analytical store named by <c>--store</c>.</summary>
public static class StoreAccess
{
    /// <summary>Opens (creating when missing) the store the command line names.</summary>
    public static AnalyticalStore Open(CliContext context, ParseResult parseResult)
    {
        var path = context.ResolvePath(parseResult.GetValue(CommonOptions.Store) ?? CommonOptions.DefaultStorePath);
        return AnalyticalStore.Open(path);
    }

    /// <summary>Opens the store for reading: it must already exist.</summary>
    /// <exception cref="CliException">There is no store at that path.</exception>
    public static AnalyticalStore OpenExisting(CliContext context, ParseResult parseResult)
    {
        var path = context.ResolvePath(parseResult.GetValue(CommonOptions.Store) ?? CommonOptions.DefaultStorePath);
        if (!File.Exists(path))
        {
            throw new CliException(ExitCode.NoData, $"There is no analytical store at {path}. Run 'csp demo' or 'csp import police <files>' first, or name one with --store.");
        }

        return AnalyticalStore.Open(path);
    }
}
