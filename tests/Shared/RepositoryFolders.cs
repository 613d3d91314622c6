namespace CommunitySafety.Tests;

/// <summary>
/// The repository's folders as the tests find them: the nearest folder above the test assembly that holds
/// <c>CommunitySafety.slnx</c>. One copy, linked into each test project that reads repository files.
/// </summary>
internal static class RepositoryFolders
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The shipped sample data, <c>samples/</c>.</summary>
    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>The shared real-file fixtures, <c>tests/fixtures/</c>.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CommunitySafety.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (CommunitySafety.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
