
namespace CommunitySafety.Data.Inputs;

/// <summary>One problem found in an input file.</summary>
/// <param name="File">The file (for a zip entry, <c>archive.zip!entry</c>).</param>
/// <param name="Line">The 1-based line number; 1 is the header; 0 when the problem is with the whole file.</param>
/// <param name="Field">The column concerned, or null when the problem is the whole line or file.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record ImportError(string File, int Line, string? Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() =>
        Field is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: {Field}: {Message}";
}

/// <summary>
/// Thrown when input is rejected: by default a file with any bad row is rejected whole, and this exception lists every
/// bad row of every rejected file. Files without errors in the same call were imported (see <see cref="Summary"/>).
/// </summary>
public sealed class ImportRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImportRejectedException(IReadOnlyList<ImportError> errors, ImportSummary? summary = null)
        : base(BuildMessage(errors))
    {
        Errors = errors;
        Summary = summary;
    }

    /// <summary>Every problem found (capped at <see cref="ImportLimits.MaxErrorsPerFile"/> per file).</summary>
    public IReadOnlyList<ImportError> Errors { get; }

    /// <summary>What was imported from the other inputs of the same call, if any.</summary>
    public ImportSummary? Summary { get; }

    /// <summary>The files that were rejected.</summary>
    public IReadOnlyList<string> RejectedFiles => [.. Errors.Select(e => e.File).Distinct()];

    /// <summary>Throws the exception for <paramref name="errors"/> when there are any: the file is rejected whole.</summary>
    internal static void ThrowIfAny(List<ImportError> errors)
    {
        if (errors.Count > 0)
        {
            throw new ImportRejectedException(errors);
        }
    }

    private static string BuildMessage(IReadOnlyList<ImportError> errors)
    {
        var files = errors.Select(e => e.File).Distinct().Count();
        var head = string.Join(Environment.NewLine, errors.Take(20).Select(e => "  " + e));
        var more = errors.Count > 20 ? $"{Environment.NewLine}  … and {errors.Count - 20} more" : string.Empty;
        return $"{errors.Count} problem(s) in {files} file(s); {(files == 1 ? "the file was" : "those files were")} not imported:{Environment.NewLine}{head}{more}";
    }
}

/// <summary>Limits that keep a badly broken file from exhausting memory.</summary>
public static class ImportLimits
{
    /// <summary>Errors kept per file; beyond this they are counted but not listed.</summary>
    public const int MaxErrorsPerFile = 10_000;
}
