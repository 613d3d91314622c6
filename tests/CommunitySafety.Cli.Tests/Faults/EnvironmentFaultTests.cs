using System.Diagnostics;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using CommunitySafety.Cli.Infrastructure;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Cli.Tests.Faults;

/// <summary>
/// Faults of the machine, not of the input, made for real: a full disk (a 300 KB tmpfs), a read-only mount (a tmpfs
/// remounted read-only), permissions (the import run as the unprivileged user <c>nobody</c>), a damaged store. Each gives
/// one sentence and its own exit code (docs/bad-input.md), never a .NET stack trace unless --verbose asks for it.
/// </summary>
/// <remarks>
/// Mounting and changing user need root: those tests are skipped, saying so, when the tests do not run as root (CI runs
/// as root, so they run there).
/// </remarks>
[UnsupportedOSPlatform("windows")]
public sealed class EnvironmentFaultTests
{
    private static readonly string Bedfordshire = RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv");

    private static void NoStackTrace(CliResult result) =>
        Assert.False(result.Error.Contains("   at ", StringComparison.Ordinal) || result.Error.Contains("Exception", StringComparison.Ordinal), result.ToString());

    private static long Rows(string store)
    {
        using var s = AnalyticalStore.OpenReadOnly(store);
        return s.TableCounts()["crime"];
    }

    [RootFact]
    public async Task DiskFull_OneSentenceWithFolderAndFreeSpace_ExitDiskFull_ThenReimportIsExact()
    {
        using var temp = new TempFolder();
        using var disk = Tmpfs.Mount(temp.File("small"), "size=300k");
        var store = Path.Combine(disk.Path, "csp.duckdb");

        var full = await CliRunner.RunAsync(temp.Path, "--store", store, "import", "police", Bedfordshire);

        Assert.True(full.ExitCode == (int)ExitCode.DiskFull, full.ToString());
        Assert.Contains($"error: The disk is full: writing to {disk.Path} failed with ", full.Error, StringComparison.Ordinal);
        Assert.Matches(@"failed with [0-9.]+ KB free\.", full.Error);
        Assert.Contains("a re-import replaces what it finds and never double-counts", full.Error, StringComparison.Ordinal);
        NoStackTrace(full);

        disk.Remount("size=20m");
        var again = await CliRunner.RunAsync(temp.Path, "--store", store, "import", "police", Bedfordshire);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(4903, Rows(store));
    }

    [RootFact]
    public async Task ReadOnlyFileSystem_SaidAsSuch_NotABusyStore_ExitReadOnly_StoreStillReadable()
    {
        using var temp = new TempFolder();
        using var disk = Tmpfs.Mount(temp.File("ro"), "size=20m");
        var store = Path.Combine(disk.Path, "csp.duckdb");
        Assert.Equal(0, (await CliRunner.RunAsync(temp.Path, "--store", store, "import", "police", Bedfordshire)).ExitCode);
        disk.Remount("ro");

        var result = await CliRunner.RunAsync(temp.Path, "--store", store, "import", "police", Bedfordshire);

        Assert.True(result.ExitCode == (int)ExitCode.ReadOnlyFileSystem, result.ToString());
        Assert.Contains($"error: The store {store} cannot be written: it is on a read-only file system (mounted at {disk.Path})", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("another import", result.Error, StringComparison.Ordinal);
        NoStackTrace(result);
        Assert.Equal(0, (await CliRunner.RunAsync(temp.Path, "--store", store, "areas")).ExitCode);
        Assert.Equal(4903, Rows(store));
    }

    [NobodyFact]
    public void PermissionDenied_StoreFolder_NamesPathAndAccess_ExitPermissionDenied()
    {
        using var temp = new TempFolder();
        var folder = Directory.CreateDirectory(temp.File("private")).FullName;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var input = Readable(temp);

        var (code, error) = Nobody.Run("import", "police", input, "--store", Path.Combine(folder, "csp.duckdb"));

        Assert.True(code == (int)ExitCode.PermissionDenied, error);
        Assert.Contains($"error: Permission denied: the user nobody cannot open the folder {folder} (no read or search permission)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [NobodyFact]
    public void PermissionDenied_StoreFile_NamesTheFileAndWrite_StoreUnchanged()
    {
        using var temp = new TempFolder();
        var folder = OpenFolder(temp);
        var store = Path.Combine(folder, "csp.duckdb");
        var input = Readable(temp);
        Assert.Equal(0, CliRunner.RunAsync(temp.Path, "--store", store, "import", "police", Bedfordshire).GetAwaiter().GetResult().ExitCode);
        File.SetUnixFileMode(store, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var before = File.ReadAllBytes(store);

        var (code, error) = Nobody.Run("import", "police", input, "--store", store);

        Assert.True(code == (int)ExitCode.PermissionDenied, error);
        // The store's lock file, left by the import as root, is the first file it cannot write.
        Assert.Matches($@"error: Permission denied: the user nobody cannot write to the file {Regex.Escape(store)}(\.lock)? \(no write permission\)\. Nothing was changed\.", error);
        Assert.Equal(before, File.ReadAllBytes(store));
    }

    [NobodyFact]
    public void PermissionDenied_UnreadableInput_RejectedNamingTheFile()
    {
        using var temp = new TempFolder();
        var folder = OpenFolder(temp);
        var secret = temp.File("2024-01-bedfordshire-street.csv");
        File.Copy(Bedfordshire, secret);
        File.SetUnixFileMode(secret, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var (code, error) = Nobody.Run("import", "police", secret, "--store", Path.Combine(folder, "csp.duckdb"));

        Assert.True(code == (int)ExitCode.InvalidInput, error);
        Assert.Contains($"{secret}:0: the file cannot be read: permission denied (the user nobody has no read permission on it).", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TruncatedStore_SaidDamaged_ExitDamagedStore_FileUntouched()
    {
        using var temp = new TempFolder();
        var store = temp.File("csp.duckdb");
        Assert.Equal(0, (await CliRunner.RunAsync(temp.Path, "--store", store, "import", "police", Bedfordshire)).ExitCode);
        var cut = temp.File("cut.duckdb");
        File.WriteAllBytes(cut, File.ReadAllBytes(store)[..20000]);

        var result = await CliRunner.RunAsync(temp.Path, "--store", cut, "import", "police", Bedfordshire);

        Assert.True(result.ExitCode == (int)ExitCode.DamagedStore, result.ToString());
        Assert.Contains($"error: The analytical store {cut} is damaged: it starts like a DuckDB database but DuckDB cannot read it (20,000 bytes;", result.Error, StringComparison.Ordinal);
        NoStackTrace(result);
        Assert.Equal(20000, new FileInfo(cut).Length);
    }

    [Fact]
    public async Task Verbose_AddsTheExceptionAfterTheSentence()
    {
        using var temp = new TempFolder();
        var cut = temp.File("cut.duckdb");
        File.WriteAllBytes(cut, [.. new byte[8], .. "DUCK"u8.ToArray(), .. new byte[5000]]);

        var plain = await CliRunner.RunAsync(temp.Path, "--store", cut, "areas");
        var verbose = await CliRunner.RunAsync(temp.Path, "--store", cut, "--verbose", "areas");

        Assert.Equal(((int)ExitCode.DamagedStore, (int)ExitCode.DamagedStore), (plain.ExitCode, verbose.ExitCode));
        NoStackTrace(plain);
        Assert.StartsWith(plain.Error.TrimEnd(), verbose.Error, StringComparison.Ordinal);
        Assert.Contains("StoreDamagedException", verbose.Error, StringComparison.Ordinal);
        Assert.Contains("   at ", verbose.Error, StringComparison.Ordinal);
    }

    /// <summary>A copy of the Bedfordshire fixture that <c>nobody</c> can read.</summary>
    private static string Readable(TempFolder temp)
    {
        var path = temp.File("2024-01-bedfordshire-street.csv");
        File.Copy(Bedfordshire, path, overwrite: true);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        OpenUp(temp.Path);
        return path;
    }

    /// <summary>A folder everyone may write in (like /tmp, with the sticky bit).</summary>
    private static string OpenFolder(TempFolder temp)
    {
        var folder = Directory.CreateDirectory(temp.File("open")).FullName;
        File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("1777", 8));
        OpenUp(temp.Path);
        return folder;
    }

    /// <summary>Lets everyone reach <paramref name="folder"/> (search permission on it and its parents under /tmp).</summary>
    private static void OpenUp(string folder)
    {
        for (var d = new DirectoryInfo(folder); d is not null && d.FullName.StartsWith(Path.GetTempPath(), StringComparison.Ordinal); d = d.Parent)
        {
            d.UnixFileMode |= UnixFileMode.OtherExecute | UnixFileMode.OtherRead;
        }
    }
}

/// <summary>A test that mounts file systems: skipped, saying why, unless the tests run as root.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            Skip = "Needs root on Linux (it mounts a small tmpfs to fill, or remounts one read-only); CI runs the tests as root.";
        }
        else if (MountRefused.Value is { } why)
        {
            Skip = why;
        }
    }

    /// <summary>
    /// Why this machine will not mount a tmpfs even for root (a container without the capability), found by trying once;
    /// null when it will.
    /// </summary>
    private static readonly Lazy<string?> MountRefused = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "csp-mount-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        try
        {
            using var mount = Process.Start(new ProcessStartInfo("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", path]) { RedirectStandardError = true })!;
            var error = mount.StandardError.ReadToEnd();
            mount.WaitForExit();
            if (mount.ExitCode != 0)
            {
                return $"Root here may not mount a tmpfs ({error.Trim()}), so the full-disk and read-only faults cannot be made.";
            }

            using var umount = Process.Start("umount", [path]);
            umount.WaitForExit();
            return null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"No mount command here ({e.Message}).";
        }
        finally
        {
            try
            {
                Directory.Delete(path);
            }
            catch (IOException)
            {
                // Still mounted: left for the OS.
            }
        }
    });
}

/// <summary>A test that runs <c>csp</c> as the unprivileged user <c>nobody</c>: skipped, saying why, when it cannot.</summary>
public sealed class NobodyFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public NobodyFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            Skip = "Needs root on Linux (it runs csp as the user nobody with setpriv); CI runs the tests as root. As any other user, chmod 000 does not stop the owner's own tests.";
        }
        else if (Nobody.Unreachable() is { } why)
        {
            Skip = why;
        }
    }
}

/// <summary>Runs the built <c>csp</c> as the user <c>nobody</c> (setpriv), as a scheduled job under a service account would.</summary>
[UnsupportedOSPlatform("windows")]
internal static class Nobody
{
    private static string App => Path.Combine(AppContext.BaseDirectory, "csp");

    /// <summary>Why <c>nobody</c> cannot run the built <c>csp</c> (a folder on the way it cannot search), or null.</summary>
    public static string? Unreachable()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (!d.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return $"The user nobody cannot reach the built csp: {d.FullName} has no search permission for other users.";
            }
        }

        return File.Exists(App) ? null : $"No built csp at {App}.";
    }

    public static (int ExitCode, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo("setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", App, .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = output.Result;
        return (process.ExitCode, error);
    }
}

/// <summary>A tmpfs mounted for a test and unmounted afterwards.</summary>
internal sealed class Tmpfs : IDisposable
{
    private Tmpfs(string path) => Path = path;

    public string Path { get; }

    public static Tmpfs Mount(string path, string options)
    {
        Directory.CreateDirectory(path);
        Run("mount", "-t", "tmpfs", "-o", options, "tmpfs", path);
        return new Tmpfs(path);
    }

    public void Remount(string options) => Run("mount", "-o", "remount," + options, Path);

    public void Dispose()
    {
        try
        {
            Run("umount", "-l", Path);
        }
        catch (InvalidOperationException)
        {
            // Leave it: the temporary folder's removal reports nothing either.
        }
    }

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {error}");
        }
    }
}
