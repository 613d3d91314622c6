using System.CommandLine;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Download;
using Spectre.Console;

namespace CommunitySafety.Cli.Commands.Download;

/// <summary><c>csp download</c>: fetches public data (police.uk crime, ONS population) and imports it.</summary>
public sealed class DownloadCommand : Command
{
    /// <summary>Creates the group with its subcommands.</summary>
    public DownloadCommand(CliContext context)
        : base("download", "Fetch public data and import it: police.uk crime files, ONS population estimates. Interrupted downloads resume where they stopped.")
    {
        Options.Add(CommonOptions.Store);
        Subcommands.Add(new DownloadPoliceCommand(context));
        Subcommands.Add(new DownloadPopulationCommand(context));
    }

    /// <summary>Where downloads are kept: <c>downloads/</c> beside the store.</summary>
    internal static string Folder(CliContext context, ParseResult parseResult) =>
        Path.Combine(Path.GetDirectoryName(StoreAccess.PathOf(context, parseResult))!, "downloads");

    /// <summary>Runs a download with a progress bar (or a line at each tenth without a terminal), turning its failure into an exit code.</summary>
    internal static long Fetch(CliContext context, ResumableDownload download, Uri url, string path)
    {
        var name = Path.GetFileName(path);
        try
        {
            if (!context.IsInteractive)
            {
                context.Say($"Downloading {url} …");
                return download.FetchAsync(url, path, new Lines(context.Error, name)).GetAwaiter().GetResult();
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
            return console.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask(Markup.Escape($"Downloading {name}"), maxValue: 1);
                    var bytes = download.FetchAsync(url, path, new Bar(task)).GetAwaiter().GetResult();
                    task.Value = task.MaxValue;
                    return bytes;
                });
        }
        catch (DownloadException e)
        {
            throw new CliException(e.Failure == DownloadFailure.NotPublished ? ExitCode.NotFound : ExitCode.DownloadFailed, e.Message, e);
        }
    }

    /// <summary>An HTTP client for downloads, naming the tool to the server.</summary>
    internal static HttpClient Client()
    {
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan }; // ResumableDownload bounds silence itself
        http.DefaultRequestHeaders.UserAgent.ParseAdd("CommunitySafety-csp/1.0");
        return http;
    }

    private sealed class Bar(ProgressTask task) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value)
        {
            if (value.Total is { } total && total > 0)
            {
                task.MaxValue = total;
            }

            task.Value = value.Bytes;
        }
    }

    // Without a terminal (scheduled jobs, CI logs): a line at each tenth of the file.
    private sealed class Lines(TextWriter error, string name) : IProgress<DownloadProgress>
    {
        private int _lastTenth = -1;

        public void Report(DownloadProgress value)
        {
            var tenth = (int)(value.Fraction * 10);
            if (tenth <= _lastTenth)
            {
                return;
            }

            _lastTenth = tenth;
            error.WriteLine($"  {tenth * 10,3}%  {value.Bytes:N0} bytes of {name}");
        }
    }
}
