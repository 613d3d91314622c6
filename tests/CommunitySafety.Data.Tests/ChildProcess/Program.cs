using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Data.Tests.ChildProcess;

/// <summary>
/// Entry point used only by the killed-import and snapshot tests:
/// <c>dotnet CommunitySafety.Data.Tests.dll import &lt;store&gt; &lt;file&gt;… [--snapshot] [--wait]</c> imports the files as
/// <c>csp import police</c> does (through <see cref="AnalyticalStoreWriter"/>) and prints where it has got to, so a test
/// can kill it at a chosen stage.
/// </summary>
/// <remarks>
/// Lines on standard output, each flushed at once: <c>started</c>, <c>opened</c> (the store, or the new snapshot, is open),
/// <c>rows N</c> (rows read so far), <c>parsed</c> (every row read: flushing, replacing, allocating and committing follow),
/// <c>imported</c> (the import returned), <c>done</c> (the store is closed and, with <c>--snapshot</c>, the snapshot
/// published). With <c>--wait</c> it reads a line from standard input after <c>opened</c>, holding the store open until then.
/// </remarks>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length < 3 || args[0] != "import")
        {
            Console.Error.WriteLine("usage: import <store> <file>... [--snapshot] [--wait]");
            return 2;
        }

        Say("started");
        var files = args[2..].Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var snapshot = args.Contains("--snapshot");
        var wait = args.Contains("--wait");
        try
        {
            AnalyticalStoreWriter.Write(args[1], snapshot, store =>
            {
                Say("opened");
                if (wait)
                {
                    Console.In.ReadLine();
                }

                var progress = new SyncProgress(p =>
                {
                    Say($"rows {p.Rows}");
                    if (p.FileIndex == p.FileCount - 1 && p.BytesRead >= p.TotalBytes)
                    {
                        Say("parsed");
                    }
                });
                var summary = new PoliceImporter(store).Import(files, progress: progress);
                Say("imported");
                return summary;
            });
        }
        catch (StoreBusyException e)
        {
            Console.Error.WriteLine(e.Message);
            return 6;
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
