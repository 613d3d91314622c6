namespace CommunitySafety.Assessment;

/// <summary>
/// A configuration file of the assessment (matrix, harm weights, peer groups, partnership scores, unreliable
/// years, characteristics) has content that cannot be used. The message names the file and what is wrong.
/// </summary>
public sealed class AssessmentConfigurationException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/> (a file path or a default's name).</summary>
    public AssessmentConfigurationException(string source, string problem)
        : base($"{source}: {problem}") => Source = source;

    /// <summary>Creates the exception wrapping the original cause.</summary>
    public AssessmentConfigurationException(string source, string problem, Exception innerException)
        : base($"{source}: {problem}", innerException) => Source = source;

    /// <summary>The file (or default) the problem is in.</summary>
    public new string Source { get; }
}
