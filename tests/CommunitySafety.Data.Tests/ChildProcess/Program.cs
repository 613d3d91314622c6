using CommunitySafety.Data.Import;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Data.Tests.ChildProcess;

/// <summary>
/// Entry point used only by the killed-import tests: <c>dotnet CommunitySafety.Data.Tests.dll import &lt;store&gt; &lt;file&gt;…</c>
/// imports the files as <c>csp import police</c> does and prints where it has got to, so a test can kill it at a chosen stage.
/// </summary>
/// <remarks>
/// Lines on standard output, each flushed at once: <c>started</c>, <c>opened</c> (the store is open), <c>rows N</c> (rows read so
/// far), <c>parsed</c> (every row read: flushing, replacing, allocating and committing follow), <c>imported</c> (the import
/// returned), <c>done</c> (the store is closed).
/// </remarks>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length < 3 || args[0] != "import")
        {
            Console.Error.WriteLine("usage: import <store> <file>...");
            return 2;
        }

        Say("started");
        var files = args[2..];
        using (var store = AnalyticalStore.Open(args[1]))
        {
            Say("opened");
            var progress = new SyncProgress(p =>
            {
                Say($"rows {p.Rows}");
                if (p.FileIndex == p.FileCount - 1 && p.BytesRead >= p.TotalBytes)
                {
                    Say("parsed");
                }
            });
            new PoliceImporter(store).Import(files, progress: progress);
            Say("imported");
        }

        Say("done");
        return 0;
    }

    private static void Say(string line)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }

    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
