namespace CommunitySafety.Cli.Infrastructure;

/// <summary>
/// Everything a command may touch outside itself: where data goes (<see cref="Out"/>), where messages go
/// (<see cref="Error"/>), the clock, and the working folder. Tests create one over string writers.
/// </summary>
/// <remarks>
/// Data (tables, CSV, JSON) goes to <see cref="Out"/>; human messages, progress and errors go to
/// <see cref="Error"/>, so <c>csp counts --format csv &gt; file.csv</c> gives a clean file.
/// </remarks>
public sealed class CliContext
{
    /// <summary>Creates a context.</summary>
    public CliContext(TextWriter output, TextWriter error, bool isInteractive = false, TimeProvider? time = null, string? workingDirectory = null)
    {
        Out = output;
        Error = error;
        IsInteractive = isInteractive;
        Time = time ?? TimeProvider.System;
        WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory();
    }

    /// <summary>Standard output: the command's data.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error: messages, progress, errors.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether a person is watching a terminal (progress bars are drawn only then).</summary>
    public bool IsInteractive { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The folder relative paths are resolved against.</summary>
    public string WorkingDirectory { get; }

    /// <summary>A full path for <paramref name="path"/>, relative to <see cref="WorkingDirectory"/>.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>The context of the real process.</summary>
    public static CliContext ForConsole() =>
        new(Console.Out, Console.Error, isInteractive: !Console.IsErrorRedirected);

    /// <summary>Writes a line of human text to <see cref="Error"/>.</summary>
    public void Say(string message) => Error.WriteLine(message);
}
