namespace CommunitySafety.Data.Inputs;

/// <summary>How far an import has got, for a progress bar.</summary>
/// <param name="File">The file being read.</param>
/// <param name="FileIndex">0-based index of that file among <paramref name="FileCount"/>.</param>
/// <param name="FileCount">How many files the import reads.</param>
/// <param name="BytesRead">Bytes read so far, all files together (uncompressed for zip entries).</param>
/// <param name="TotalBytes">Bytes to read, all files together.</param>
/// <param name="Rows">Rows read so far, all files together.</param>
public readonly record struct ImportProgress(string File, int FileIndex, int FileCount, long BytesRead, long TotalBytes, long Rows)
{
    /// <summary>The fraction done, 0–1.</summary>
    public double Fraction => TotalBytes <= 0 ? 0 : Math.Clamp((double)BytesRead / TotalBytes, 0, 1);
}
