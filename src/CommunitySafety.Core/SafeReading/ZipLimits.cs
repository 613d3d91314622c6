using System.IO.Compression;

namespace CommunitySafety.SafeReading;

/// <summary>
/// Checks a zip archive against the <see cref="InputLimits"/> before any entry is read (entry count, expanded size,
/// compression ratio, entry names that would leave a folder).
/// </summary>
/// <remarks>An entry whose headers understate its size cannot expand beyond them: .NET's <see cref="ZipArchiveEntry.Open"/>
/// stops at the declared size, so the importer sees a file cut short there.</remarks>
public static class ZipLimits
{
    /// <summary>The first reason to refuse the archive, or null when it is within the limits.</summary>
    /// <param name="archive">An archive opened for reading.</param>
    /// <param name="maxEntries">The most entries allowed.</param>
    /// <param name="maxExpandedBytes">The most all entries may expand to.</param>
    /// <param name="maxRatio">The highest compression ratio allowed for an entry over <see cref="InputLimits.CompressionRatioFloorBytes"/>.</param>
    /// <returns>A sentence saying what is wrong, or null.</returns>
    public static string? Problem(ZipArchive archive, int maxEntries = InputLimits.MaxZipEntries, long maxExpandedBytes = InputLimits.MaxZipExpandedBytes,
        int maxRatio = InputLimits.MaxCompressionRatio)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var entries = archive.Entries;
        if (entries.Count > maxEntries)
        {
            return $"the archive has {entries.Count:N0} entries; the limit is {maxEntries:N0}.";
        }

        long total = 0;
        foreach (var e in entries)
        {
            if (IsUnsafeName(e.FullName))
            {
                return $"entry '{e.FullName}' has a path that leaves the archive's folder (an absolute path or '..'): the archive is refused.";
            }

            total += e.Length;
            if (total > maxExpandedBytes)
            {
                return $"the archive expands to more than {maxExpandedBytes:N0} bytes; the limit is {maxExpandedBytes:N0}.";
            }

            if (e.Length > InputLimits.CompressionRatioFloorBytes && e.Length / Math.Max(1, e.CompressedLength) > maxRatio)
            {
                return $"entry '{e.FullName}' expands {e.Length / Math.Max(1, e.CompressedLength):N0} to 1 ({e.CompressedLength:N0} bytes to {e.Length:N0}); " +
                    $"the limit is {maxRatio} to 1 (a zip bomb?).";
            }
        }

        return null;
    }

    /// <summary>Whether a zip entry name is absolute, has a drive, or climbs out with "..".</summary>
    /// <param name="name">The entry's full name.</param>
    /// <returns>True when extracting it as named could write outside the target folder.</returns>
    public static bool IsUnsafeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name[0] is '/' or '\\' || (name.Length > 1 && name[1] == ':'))
        {
            return true;
        }

        return name.Split('/', '\\').Any(part => part == "..");
    }
}
