using System.CommandLine;
using System.Security.Cryptography;
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

    private readonly Option<string?> _database = new("--database")
    {
        Description = "The monitoring store: sqlite (default) or postgresql (then give --connection, or Store__ConnectionString in the environment).",
        HelpName = "sqlite|postgresql",
    };

    private readonly Option<string?> _connection = new("--connection")
    {
        Description = "The monitoring store's connection string (default: Data Source=data/csp-monitoring.db).",
        HelpName = "text",
    };

    private readonly Option<bool> _demo = new("--demo")
    {
        Description = "Add the example plan and one account per role (password printed on start) to try the app.",
    };

    /// <summary>Creates the command.</summary>
    public ServeCommand(CliContext context)
        : base("serve", "Run the web application: dashboard, indicator pages, partner data entry, reports, administration and the public view.")
    {
        _context = context;
        Options.Add(_urls);
        Options.Add(_database);
        Options.Add(_connection);
        Options.Add(_demo);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var args = new List<string>
        {
            "--urls", parseResult.GetValue(_urls)!,
            "--Store:Analytical", _context.ResolvePath(parseResult.GetValue(CommonOptions.Store) ?? CommonOptions.DefaultStorePath),
        };
        if (parseResult.GetValue(_database) is { } database)
        {
            args.AddRange(["--Store:Provider", database]);
        }

        if (parseResult.GetValue(_connection) is { } connection)
        {
            args.AddRange(["--Store:ConnectionString", connection]);
        }
        else if (parseResult.GetValue(_database) is null or "sqlite")
        {
            args.AddRange(["--Store:ConnectionString", $"Data Source={_context.ResolvePath("data/csp-monitoring.db")}"]);
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
