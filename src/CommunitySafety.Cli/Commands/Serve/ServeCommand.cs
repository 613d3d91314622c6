using System.CommandLine;
using System.Security.Cryptography;
using CommunitySafety.Cli.Commands.Plan;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Web;
using Microsoft.Extensions.Hosting;

namespace CommunitySafety.Cli.Commands.Serve;

/// <summary>
/// <c>csp serve</c>: runs the web application over the monitoring store (embedded SQLite by default, PostgreSQL by
/// configuration) and the analytical store given by <c>--store</c>.
/// </summary>
public sealed class ServeCommand : Command
{
    private readonly CliContext _context;

    private readonly Option<string> _urls = new("--urls")
    {
        Description = "Where to listen.",
        DefaultValueFactory = _ => "http://127.0.0.1:5000",
        HelpName = "url",
    };

    // The same options, with the same names and environment variables, as the plan and indicators commands.
    private readonly Option<string?> _provider = MonitoringStoreAccess.Provider();
    private readonly Option<string?> _database = MonitoringStoreAccess.Database();

    private readonly Option<bool> _demo = new("--demo")
    {
        Description = "Add the example plan and one account per role (password printed on start) to try the app.",
    };

    /// <summary>Creates the command.</summary>
    public ServeCommand(CliContext context)
        : base("serve", "Run the web application: dashboard, indicator pages, partner data entry, reports, administration and the public view.")
    {
        Options.Add(CommonOptions.Store);
        _context = context;
        Options.Add(_urls);
        Options.Add(_provider);
        Options.Add(_database);
        Options.Add(_demo);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var args = new List<string>
        {
            "--urls", parseResult.GetValue(_urls)!,
            "--Store:Analytical", _context.ResolvePath(CommonOptions.StoreValue(parseResult) ?? CommonOptions.DefaultStorePath),
        };
        var provider = parseResult.GetValue(_provider) ?? Environment.GetEnvironmentVariable(MonitoringStoreAccess.ProviderVariable);
        var database = parseResult.GetValue(_database) ?? Environment.GetEnvironmentVariable(MonitoringStoreAccess.DatabaseVariable);
        if (provider is not null)
        {
            args.AddRange(["--Store:Provider", provider]);
        }

        // PostgreSQL named without a connection string: the web app takes it from its own configuration
        // (Store__ConnectionString in the environment, appsettings), as a deployment sets it.
        if (database is not null || provider is null || provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            args.AddRange(["--Store:ConnectionString", MonitoringStoreAccess.Resolve(_context, parseResult).ConnectionString]);
        }

        if (parseResult.GetValue(_demo))
        {
            var password = "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
            args.AddRange(["--Demo:Seed", "true", "--Demo:Password", password]);
            _context.Say($"Demo accounts (password {password}): admin@example.org, analyst@example.org, contributor@example.org (Refuge), board@example.org, public@example.org");
        }

        _context.Say($"Serving on {parseResult.GetValue(_urls)} (Ctrl+C to stop)");
        var app = WebApp.Create([.. args]);
        await app.StartAsync(cancellationToken);
        await app.WaitForShutdownAsync(cancellationToken);
        return (int)ExitCode.Ok;
    }
}
