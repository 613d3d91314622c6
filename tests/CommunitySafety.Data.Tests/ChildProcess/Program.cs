using CommunitySafety.Data.Import;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Store;

namespace CommunitySafety.Data.Tests.ChildProcess;

/// <summary>
/// Entry point used only by the killed-import test: <c>dotnet CommunitySafety.Data.Tests.dll import &lt;store&gt; &lt;file&gt;</c>
/// imports the file and prints <c>rows N</c> as it goes, so the test can kill it half-way.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 3 || args[0] != "import")
        {
            Console.Error.WriteLine("usage: import <store> <file>");
            return 2;
        }

        using var store = AnalyticalStore.Open(args[1]);
        var progress = new SyncProgress(p => Console.Out.WriteLine($"rows {p.Rows}"));
        new PoliceImporter(store).Import(args[2], progress: progress);
        Console.Out.WriteLine("done");
        return 0;
    }

    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            report(value);
            Console.Out.Flush();
        }
    }
}
