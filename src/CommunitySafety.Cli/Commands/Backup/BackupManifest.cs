using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Commands.Backup;

/// <summary>
/// <c>manifest.json</c> of a backup folder: what each store held (every table's row count) and the SHA-256 of every
/// file, so that <c>csp restore</c> can check the files before it touches anything and the stores after.
/// </summary>
public sealed class BackupManifest
{
    /// <summary>The manifest's file name in a backup folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The format this version writes and reads.</summary>
    public const string CurrentFormat = "csp-backup/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The format, <see cref="CurrentFormat"/>.</summary>
    public string Format { get; init; } = CurrentFormat;

    /// <summary>When the backup was made (UTC).</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>The version of csp that made it.</summary>
    public string Software { get; init; } = "";

    /// <summary>The analytical store's part, when backed up.</summary>
    public StorePart? Analytical { get; set; }

    /// <summary>The application store's part, when backed up.</summary>
    public StorePart? Application { get; set; }

    /// <summary>SHA-256 (hex) of every file in the folder but the manifest, by path relative to the folder ('/' separated).</summary>
    public SortedDictionary<string, string> Files { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Records the SHA-256 of every file under <paramref name="folder"/> except the manifest.</summary>
    public void HashFiles(string folder)
    {
        Files.Clear();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (relative != FileName)
            {
                Files[relative] = Sha256(file);
            }
        }
    }

    /// <summary>Writes the manifest into <paramref name="folder"/>.</summary>
    public void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json));

    /// <summary>Reads the manifest of the backup in <paramref name="folder"/>.</summary>
    /// <exception cref="CliException">There is no manifest, or it is not one this version reads.</exception>
    public static BackupManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new CliException(ExitCode.NotFound, $"{folder} is not a csp backup: it has no {FileName}.");
        }

        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new CliException(ExitCode.VerificationFailed, $"{path}: not a valid manifest ({e.Message}).", e);
        }

        if (manifest is null || manifest.Format != CurrentFormat)
        {
            throw new CliException(ExitCode.VerificationFailed, $"{path}: format '{manifest?.Format}' is not '{CurrentFormat}', the one this version of csp restores.");
        }

        return manifest;
    }

    /// <summary>
    /// Checks every file the manifest lists against its SHA-256, and that the folder holds no other files.
    /// </summary>
    /// <returns>How many files were checked.</returns>
    /// <exception cref="CliException">A file is missing, changed or unexpected; nothing has been restored.</exception>
    public int Verify(string folder)
    {
        var problems = new List<string>();
        foreach (var (relative, hash) in Files)
        {
            var file = Path.Combine(folder, relative);
            if (!File.Exists(file))
            {
                problems.Add($"{relative} is missing");
            }
            else if (!string.Equals(Sha256(file), hash, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{relative} has changed (its SHA-256 differs from the manifest)");
            }
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (relative != FileName && !Files.ContainsKey(relative))
            {
                problems.Add($"{relative} is not in the manifest");
            }
        }

        if (problems.Count > 0)
        {
            throw new CliException(ExitCode.VerificationFailed,
                $"The backup in {folder} does not match its {FileName}: {string.Join("; ", problems)}. Nothing was restored.");
        }

        return Files.Count;
    }

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

/// <summary>One store in a backup.</summary>
public sealed class StorePart
{
    /// <summary>The folder (analytical) or file (application) in the backup, relative to it.</summary>
    public string Path { get; init; } = "";

    /// <summary>What it was: <c>duckdb</c>, <c>sqlite</c> or <c>postgresql</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Where it came from (a file, or a connection string without its password).</summary>
    public string Source { get; init; } = "";

    /// <summary>Every table's row count when the backup was made, by table name.</summary>
    public SortedDictionary<string, long> Tables { get; init; } = new(StringComparer.Ordinal);
}
