namespace CommunitySafety.SafeReading;

/// <summary>
/// Thrown while reading an input that breaks one of the <see cref="InputLimits"/> or cannot be read as text. Importers
/// catch it and report it in their own error type (file, line, field), so it never reaches a caller.
/// </summary>
public sealed class MalformedInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="line">The 1-based line where the problem starts; 0 when it is the whole file's.</param>
    /// <param name="message">What is wrong, in plain words.</param>
    public MalformedInputException(int line, string message)
        : base(message)
    {
        Line = line;
    }

    /// <summary>The 1-based line where the problem starts; 0 when it is the whole file's.</summary>
    public int Line { get; }
}
