using System.Runtime.InteropServices;

namespace CommunitySafety.Data.Inputs;

/// <summary>
/// What a path given to an importer is, checked before anything opens it: only regular files and folders are read. A
/// named pipe (FIFO) would block the import forever waiting for a writer, a device could be read without end, and a
/// socket cannot be opened; each is refused with an error naming the path and what it is. Folders are walked with
/// symbolic links followed once: a link back to a folder being walked (a loop) is an error, not an endless walk.
/// </summary>
public static partial class InputPaths
{
    /// <summary>Why <paramref name="path"/> (an existing file) cannot be imported, or null when it is a regular file.</summary>
    /// <remarks>Linux (x64 and Arm64) only, through <c>stat(2)</c>; elsewhere every file passes.</remarks>
    public static string? NotRegularFile(string path) => FileType(path) switch
    {
        SIfIfo => "a named pipe (FIFO), not a file: an import does not read pipes (it would wait for a writer); save the data to a file and import that.",
        SIfChr => "a character device, not a file: an import reads regular files only.",
        SIfBlk => "a block device, not a file: an import reads regular files only.",
        SIfSock => "a socket, not a file: an import reads regular files only.",
        _ => null,
    };

    /// <summary>The files under <paramref name="folder"/> (with its sub-folders) that <paramref name="wanted"/> accepts, in ordinal order.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="wanted">Whether a file name is one to import (by its extension).</param>
    /// <param name="errors">Gets one error per symbolic-link loop and per wanted name that is not a regular file.</param>
    public static List<string> Walk(string folder, Func<string, bool> wanted, List<ImportError> errors)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(errors);
        var files = new List<string>();
        var root = Path.GetFullPath(folder);
        var seen = new HashSet<string>(StringComparer.Ordinal) { RealPath(root) };
        WalkInto(root, [RealPath(root)], seen, wanted, errors, files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void WalkInto(string folder, List<string> ancestors, HashSet<string> seen, Func<string, bool> wanted, List<ImportError> errors, List<string> files)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false };
        List<string> entries;
        try
        {
            entries = [.. Directory.EnumerateFileSystemEntries(folder, "*", options).Order(StringComparer.Ordinal)];
        }
        catch (UnauthorizedAccessException)
        {
            errors.Add(new ImportError(folder, 0, null, $"the folder cannot be read: permission denied (the user {Environment.UserName} cannot list it); nothing in it was imported."));
            return;
        }

        foreach (var entry in entries)
        {
            if (Directory.Exists(entry))
            {
                var real = RealPath(entry);
                if (ancestors.Contains(real, StringComparer.Ordinal))
                {
                    errors.Add(new ImportError(entry, 0, null,
                        $"a symbolic link loop: this folder is a link to {real}, which contains it, so walking it would never end. Nothing under the link was read; remove the link or import the folder it points to."));
                    continue;
                }

                if (!seen.Add(real))
                {
                    // Another link to a folder already walked in this call: its files are already listed.
                    continue;
                }

                WalkInto(entry, [.. ancestors, real], seen, wanted, errors, files);
            }
            else if (wanted(entry))
            {
                if (File.Exists(entry) && NotRegularFile(entry) is { } reason)
                {
                    errors.Add(new ImportError(entry, 0, null, reason));
                }
                else if (File.Exists(entry))
                {
                    files.Add(entry);
                }
                else
                {
                    errors.Add(new ImportError(entry, 0, null, "a symbolic link to nothing (its target is missing): nothing was read."));
                }
            }
        }
    }

    /// <summary>The folder's path with every symbolic link resolved, so two routes to one folder compare equal.</summary>
    private static string RealPath(string folder)
    {
        var full = Path.GetFullPath(folder);
        var parent = Path.GetDirectoryName(full);
        var resolvedParent = parent is null ? null : RealPath(parent);
        var here = resolvedParent is null ? full : Path.Combine(resolvedParent, Path.GetFileName(full));
        for (var hops = 0; hops < 40 && new DirectoryInfo(here).LinkTarget is { } target; hops++)
        {
            here = Path.GetFullPath(target, Path.GetDirectoryName(here) ?? "/");
            var p = Path.GetDirectoryName(here);
            here = p is null ? here : Path.Combine(RealPath(p), Path.GetFileName(here));
        }

        return here;
    }

    private const int SIfMt = 0xF000;
    private const int SIfIfo = 0x1000;
    private const int SIfChr = 0x2000;
    private const int SIfBlk = 0x6000;
    private const int SIfSock = 0xC000;

    /// <summary>The <c>S_IFMT</c> bits of <c>stat(2)</c>'s <c>st_mode</c> (links followed), or -1 when unknown.</summary>
    private static int FileType(string path)
    {
        var offset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (!OperatingSystem.IsLinux() || offset < 0)
        {
            return -1;
        }

        var buffer = new byte[256];
        return Stat(path, ref buffer[0]) == 0 ? BitConverter.ToInt32(buffer, offset) & SIfMt : -1;
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, ref byte buffer);
}
