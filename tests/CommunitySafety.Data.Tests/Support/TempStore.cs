using CommunitySafety.Data.Store;

namespace CommunitySafety.Data.Tests.Support;

/// <summary>A real DuckDB store in a fresh temporary folder, deleted afterwards.</summary>
public sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Folder = Path.Combine(Path.GetTempPath(), "csp-data-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        StorePath = Path.Combine(Folder, "store", "csp.duckdb");
        Store = AnalyticalStore.Open(StorePath);
    }

    public string Folder { get; }

    public string StorePath { get; }

    public AnalyticalStore Store { get; private set; }

    /// <summary>Closes and reopens the store, as a new process would.</summary>
    public void Reopen()
    {
        Store.Dispose();
        Store = AnalyticalStore.Open(StorePath);
    }

    /// <summary>Writes a file in the temp folder and returns its path.</summary>
    public string WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Folder, "input", relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public long Count(string sql) => Store.Scalar<long>(sql);

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
