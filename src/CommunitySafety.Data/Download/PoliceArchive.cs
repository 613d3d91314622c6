using System.IO.Compression;
using System.Text.RegularExpressions;
using CommunitySafety.Data.Police;
using CommunitySafety.Periods;
using CommunitySafety.SafeReading;

namespace CommunitySafety.Data.Download;

/// <summary>One police.uk archive to fetch and the months wanted from it.</summary>
/// <param name="Month">The archive's month: <c>&lt;base&gt;/data/archive/&lt;month&gt;.zip</c> holds the 36 months up to it.</param>
/// <param name="First">The first month wanted from it.</param>
/// <param name="Last">The last month wanted from it.</param>
public sealed record ArchivePart(YearMonth Month, YearMonth First, YearMonth Last);

/// <summary>What was taken out of an archive.</summary>
/// <param name="Files">The files written, by month.</param>
/// <param name="Missing">Force-months wanted that the archive does not hold (e.g. "2024-03 greater-manchester street").</param>
public sealed record ArchiveExtract(IReadOnlyList<string> Files, IReadOnlyList<string> Missing);

/// <summary>
/// data.police.uk's bulk archive: each monthly archive (<c>/data/archive/YYYY-MM.zip</c>) holds every force's files for
/// the 36 months up to that month, laid out <c>YYYY-MM/YYYY-MM-&lt;force&gt;-&lt;street|outcomes|stop-and-search&gt;.csv</c>.
/// This class plans which archives cover a run of months and takes the wanted forces' files out of one, checking each
/// entry's CRC-32 as it is read (a damaged archive is refused, never half-used).
/// </summary>
public static partial class PoliceArchive
{
    /// <summary>The months one archive holds.</summary>
    public const int MonthsPerArchive = 36;

    /// <summary>The kinds of file in the archive.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["street", "outcomes", "stop-and-search"];

    /// <summary>The archive's address under <paramref name="baseUrl"/> (e.g. https://data.police.uk/).</summary>
    public static Uri Url(Uri baseUrl, YearMonth month)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new Uri(root, $"data/archive/{month}.zip");
    }

    /// <summary>The fewest archives that hold every month from <paramref name="first"/> to <paramref name="last"/>, latest first.</summary>
    public static IReadOnlyList<ArchivePart> Plan(YearMonth first, YearMonth last)
    {
        if (last < first)
        {
            throw new ArgumentException($"The last month {last} is before the first month {first}.", nameof(last));
        }

        var parts = new List<ArchivePart>();
        for (var end = last; end >= first; end = end.AddMonths(-MonthsPerArchive))
        {
            var start = end.AddMonths(-(MonthsPerArchive - 1));
            parts.Add(new ArchivePart(end, start < first ? first : start, end));
        }

        return parts;
    }

    /// <summary>
    /// Writes the archive's files for <paramref name="forces"/> (police.uk slugs; null for every force), months
    /// <paramref name="part"/>.First..Last and <paramref name="kinds"/> into <paramref name="folder"/> in the archive's layout.
    /// </summary>
    /// <exception cref="DownloadException">The archive is not a zip, or an entry is damaged or encrypted.</exception>
    public static ArchiveExtract Extract(string zipPath, ArchivePart part, IReadOnlySet<string>? forces, IReadOnlySet<string> kinds, string folder)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(kinds);
        var files = new List<string>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(zipPath);
        }
        catch (InvalidDataException e)
        {
            throw new DownloadException($"{Path.GetFileName(zipPath)} is not a readable zip archive ({e.Message}); delete it and download again.", DownloadFailure.Damaged, e);
        }

        using (zip)
        {
            foreach (var entry in zip.Entries)
            {
                var m = EntryName().Match(entry.FullName);
                if (!m.Success || !YearMonth.TryParse(m.Groups["month"].Value, null, out var month) || month < part.First || month > part.Last)
                {
                    continue;
                }

                var (slug, kind) = (m.Groups["force"].Value, m.Groups["kind"].Value);
                if ((forces is not null && !forces.Contains(slug)) || !kinds.Contains(kind))
                {
                    continue;
                }

                if (CheckedZipEntry.Unreadable(entry) is { } why)
                {
                    throw new DownloadException($"{Path.GetFileName(zipPath)}: {entry.FullName} cannot be read ({why}); delete the archive and download again.", DownloadFailure.Damaged);
                }

                var target = Path.Combine(folder, month.ToString(), Path.GetFileName(entry.FullName));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                try
                {
                    using var source = CheckedZipEntry.Open(entry);
                    using var output = File.Create(target);
                    source.CopyTo(output);
                }
                catch (InvalidDataException e)
                {
                    throw new DownloadException($"{Path.GetFileName(zipPath)}: {entry.FullName} is damaged ({e.Message}); delete the archive and download again.", DownloadFailure.Damaged, e);
                }

                files.Add(target);
                found.Add($"{month} {slug} {kind}");
            }
        }

        var missing = new List<string>();
        var wantedForces = forces ?? (IEnumerable<string>)PoliceForces.Known.Where(f => f.IsTerritorialEnglandAndWales).Select(f => f.Slug);
        for (var month = part.First; month <= part.Last; month = month.AddMonths(1))
        {
            foreach (var slug in wantedForces)
            {
                foreach (var kind in kinds.Where(k => k == "street"))
                {
                    if (!found.Contains($"{month} {slug} {kind}"))
                    {
                        missing.Add($"{month} {slug} {kind}");
                    }
                }
            }
        }

        return new ArchiveExtract([.. files.Order(StringComparer.Ordinal)], missing);
    }

    [GeneratedRegex(@"^(?:.*/)?(?<month>\d{4}-\d{2})/\k<month>-(?<force>[a-z0-9-]+?)-(?<kind>street|outcomes|stop-and-search)\.csv$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryName();
}
