using System.Globalization;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Commands.Backup;

/// <summary>Compares the row counts a backup recorded with those found.</summary>
public static class BackupCounts
{
    /// <summary>Throws when any table's count differs, or a table is missing or extra, naming each one.</summary>
    /// <exception cref="CliException">With <see cref="ExitCode.VerificationFailed"/>.</exception>
    public static void Compare(string what, IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> found)
    {
        var problems = expected
            .Where(e => !found.TryGetValue(e.Key, out var n) || n != e.Value)
            .Select(e => $"{e.Key}: {e.Value.ToString("N0", CultureInfo.InvariantCulture)} rows in the backup, " +
                         (found.TryGetValue(e.Key, out var n) ? n.ToString("N0", CultureInfo.InvariantCulture) : "no such table"))
            .Concat(found.Keys.Except(expected.Keys).Select(k => $"{k}: a table the backup does not have"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new CliException(ExitCode.VerificationFailed, $"The {what} does not match the backup's manifest: {string.Join("; ", problems)}.");
        }
    }
}
