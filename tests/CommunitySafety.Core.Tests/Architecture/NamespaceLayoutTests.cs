using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommunitySafety.Tests;

namespace CommunitySafety.Core.Tests.Architecture;

/// <summary>
/// The solution's layout rule: a C# file's namespace is its project's root namespace followed by its folders, so
/// the folder a type lives in says where to find it and what it belongs to. Read from the source files themselves.
/// </summary>
public sealed partial class NamespaceLayoutTests
{
    [Fact]
    public void EveryFile_DeclaresTheNamespaceOfItsFolder()
    {
        var root = RepositoryFolders.Root;
        var wrong = new List<string>();
        var checkedFiles = 0;
        foreach (var project in Projects(root))
        {
            var rootNamespace = RootNamespace(project);
            var projectDir = Path.GetDirectoryName(project)!;
            foreach (var file in SourceFiles(projectDir))
            {
                var match = FileScopedNamespace().Match(File.ReadAllText(file));
                if (!match.Success || !match.Groups[1].Value.StartsWith("CommunitySafety", StringComparison.Ordinal))
                {
                    continue; // EF Core migrations (block-scoped) and compiler polyfills in System/Microsoft namespaces
                }

                checkedFiles++;
                var folder = Path.GetRelativePath(projectDir, Path.GetDirectoryName(file)!);
                var expected = folder == "." ? rootNamespace : rootNamespace + "." + folder.Replace(Path.DirectorySeparatorChar, '.');
                if (match.Groups[1].Value != expected)
                {
                    wrong.Add($"{Path.GetRelativePath(root, file)}: namespace {match.Groups[1].Value}, folder says {expected}");
                }
            }
        }

        Assert.True(checkedFiles > 500, $"only {checkedFiles} files were checked: is the repository root right?");
        Assert.True(wrong.Count == 0, "Namespaces that do not follow their folders:\n" + string.Join('\n', wrong));
    }

    [Fact]
    public void MigrationsToo_LiveInTheNamespaceOfTheirFolder()
    {
        var root = RepositoryFolders.Root;
        var migrations = Path.Combine(root, "src", "CommunitySafety.Monitoring", "Storage", "Migrations");
        var files = Directory.GetFiles(migrations, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            Assert.Contains("namespace CommunitySafety.Monitoring.Storage.Migrations." + folder, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> Projects(string root) =>
        new[] { "src", "tests", "bench" }
            .Select(d => Path.Combine(root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.csproj", SearchOption.AllDirectories))
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static string RootNamespace(string project)
    {
        var element = XDocument.Load(project).Descendants("RootNamespace").FirstOrDefault();
        return element?.Value ?? Path.GetFileNameWithoutExtension(project);
    }

    private static IEnumerable<string> SourceFiles(string projectDir)
    {
        var skip = new[] { "bin", "obj", "node_modules" };
        var pending = new Stack<string>([projectDir]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var file in Directory.GetFiles(dir, "*.cs"))
            {
                yield return file;
            }

            foreach (var sub in Directory.GetDirectories(dir).Where(s => !skip.Contains(Path.GetFileName(s))))
            {
                // A folder holding its own project is another project's.
                if (Directory.GetFiles(sub, "*.csproj").Length == 0)
                {
                    pending.Push(sub);
                }
            }
        }
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();
}
