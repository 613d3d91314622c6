namespace CommunitySafety.Cli.Infrastructure;

/// <summary>
/// A problem the user can fix, with the exit code that says what kind it is.
/// The top-level handler prints the message (no stack trace) and exits with the code.
/// </summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliException(ExitCode exitCode, string message)
        : base(message) => ExitCode = exitCode;

    /// <summary>Creates the exception wrapping the original cause.</summary>
    public CliException(ExitCode exitCode, string message, Exception innerException)
        : base(message, innerException) => ExitCode = exitCode;

    /// <summary>The exit code to use.</summary>
    public ExitCode ExitCode { get; }
}
