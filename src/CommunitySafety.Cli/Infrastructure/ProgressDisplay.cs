using CommunitySafety.Data.Inputs;
using Spectre.Console;

namespace CommunitySafety.Cli.Infrastructure;

/// <summary>
/// Shows import progress on standard error: a bar when a person is watching, a line per file otherwise.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/>, giving it an <see cref="IProgress{T}"/> that drives the display.</summary>
    public static T Run<T>(CliContext context, string description, Func<IProgress<ImportProgress>, T> work)
    {
        if (!context.IsInteractive)
        {
            var lines = new FileLines(context.Error);
            return work(lines);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), maxValue: 1.0);
                var result = work(new BarProgress(task));
                task.Value = task.MaxValue;
                return result;
            });
    }

    private sealed class BarProgress(ProgressTask task) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            task.Value = value.Fraction;
            task.Description = Markup.Escape($"{Path.GetFileName(value.File)} ({value.FileIndex + 1}/{value.FileCount}, {value.Rows:N0} rows)");
        }
    }

    // Without a terminal (CI logs, redirected output): a line at each tenth of the work, not one per file.
    private sealed class FileLines(TextWriter error) : IProgress<ImportProgress>
    {
        private int _lastTenth = -1;

        public void Report(ImportProgress value)
        {
            var tenth = (int)(value.Fraction * 10);
            if (tenth <= _lastTenth)
            {
                return;
            }

            _lastTenth = tenth;
            error.WriteLine($"  {tenth * 10,3}%  file {value.FileIndex + 1} of {value.FileCount}, {value.Rows:N0} rows: {Path.GetFileName(value.File)}");
        }
    }
}
