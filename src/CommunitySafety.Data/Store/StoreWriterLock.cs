namespace CommunitySafety.Data.Store;

/// <summary>
/// The one-writer lock of an analytical store: an exclusive lock on <c>&lt;store&gt;.lock</c>, held by the process that
/// imports into the store (in place or by publishing a snapshot) and released by the operating system when that process
/// ends, however it ends.
/// </summary>
/// <remarks>
/// .NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/> on Linux, so a second writer (another process or
/// the same one) fails at once; readers do not take it.
/// </remarks>
public sealed class StoreWriterLock : IDisposable
{
    private readonly FileStream _stream;

    private StoreWriterLock(FileStream stream) => _stream = stream;

    /// <summary>The lock file of the store at <paramref name="storePath"/>.</summary>
    public static string LockPath(string storePath) => Path.GetFullPath(storePath) + ".lock";

    /// <summary>Takes the writer lock of the store at <paramref name="storePath"/>.</summary>
    /// <exception cref="StoreBusyException">Another writer holds it.</exception>
    public static StoreWriterLock Acquire(string storePath)
    {
        var path = LockPath(storePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new StoreWriterLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (IsLockHeld(e))
        {
            throw StoreBusyException.WriterLockHeld(Path.GetFullPath(storePath), path, e);
        }
    }

    /// <summary>
    /// Whether opening the lock file failed because another writer holds it, and not for another reason (a read-only
    /// file system, a full disk, no permission), which must be reported as itself: a read-only mount used to be called
    /// "being written by another import". On Linux .NET gives the <c>errno</c> as the <see cref="Exception.HResult"/>
    /// (<c>EWOULDBLOCK</c> from <c>flock</c>); on Windows a sharing or lock violation.
    /// </summary>
    internal static bool IsLockHeld(IOException e) =>
        OperatingSystem.IsWindows() ? e.HResult is SharingViolation or LockViolation
        : e.HResult == (OperatingSystem.IsLinux() ? EWouldBlockLinux : EWouldBlockBsd);

    private const int EWouldBlockLinux = 11;
    private const int EWouldBlockBsd = 35;
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int LockViolation = unchecked((int)0x80070021);

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _stream.Dispose();
}
