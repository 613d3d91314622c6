using System.Text.RegularExpressions;

namespace CommunitySafety.Data.Tests;

/// <summary>
/// The folders of CommunitySafety.Data depend on each other without cycles (import → store → queries, never back), read
/// from the source files themselves.
/// </summary>
public sealed partial class FolderDependencyTests
{
    [Fact]
    public void DataFoldersHaveNoCycles()
    {
        var graph = FolderGraph.Of(Path.Combine(RepositoryRoot(), "src", "CommunitySafety.Data"), "CommunitySafety.Data");

        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0,
            "Folder cycles in CommunitySafety.Data (a folder may not depend, directly or through others, on a folder that depends on it): " +
            string.Join("; ", cycles.Select(c => string.Join(" → ", c))));
    }

    [Fact]
    public void TheGraphSeesTheDependenciesItShould()
    {
        var graph = FolderGraph.Of(Path.Combine(RepositoryRoot(), "src", "CommunitySafety.Data"), "CommunitySafety.Data");

        // By using (Police files use CommunitySafety.Data.Store) and the way back must not exist.
        Assert.Contains("Store", graph.Edges["Police"]);
        Assert.DoesNotContain("Police", graph.Edges["Store"]);
        Assert.Contains("Police", graph.Edges["Queries"]);
    }

    [Fact]
    public void ACycleIsFoundAndNamed()
    {
        var root = Path.Combine(Path.GetTempPath(), "csp-folder-graph-" + Guid.NewGuid().ToString("N"));
        try
        {
            Write(root, "A/One.cs", "using Lib.B;\nnamespace Lib.A;\npublic sealed class One { }\n");
            // A qualified name relative to the parent namespace, in a doc comment: a reference all the same.
            Write(root, "B/Two.cs", "namespace Lib.B;\n/// <see cref=\"C.Three\"/>\npublic sealed class Two { }\n");
            Write(root, "C/Three.cs", "namespace Lib.C;\npublic sealed record Three(Lib.A.One X);\n");
            Write(root, "D/Four.cs", "namespace Lib.D;\n// C.Three is named in this comment only, and B.Nothing is not a type of B.\npublic enum Four { B }\n");

            var graph = FolderGraph.Of(root, "Lib");

            var cycle = Assert.Single(graph.Cycles());
            Assert.Equal(["A", "B", "C", "A"], cycle);
            Assert.Empty(graph.Edges["D"]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "CommunitySafety.slnx")))
            {
                return d.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository (CommunitySafety.slnx) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// The folder → folder dependencies of a project whose namespaces follow its folders (<c>Root.Folder</c>): folder X
    /// depends on folder Y when a file of X has a <c>using Root.Y</c> (plain, static or alias), names <c>Root.Y.</c>
    /// anywhere, or names a type declared in Y as <c>Y.Type</c> (code or documentation: a <c>cref</c> is compiled too).
    /// Line comments are not read.
    /// </summary>
    private sealed partial class FolderGraph
    {
        private FolderGraph(SortedDictionary<string, SortedSet<string>> edges) => Edges = edges;

        public SortedDictionary<string, SortedSet<string>> Edges { get; }

        public static FolderGraph Of(string projectFolder, string rootNamespace)
        {
            var folders = Directory.GetDirectories(projectFolder)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(f => f is not ("bin" or "obj"))
                .ToList();
            var texts = folders.ToDictionary(f => f, f => Directory
                .EnumerateFiles(Path.Combine(projectFolder, f), "*.cs", SearchOption.AllDirectories)
                .Select(p => WithoutLineComments(File.ReadAllText(p)))
                .ToList());
            var types = folders.ToDictionary(f => f, f => texts[f]
                .SelectMany(t => TypeDeclaration().Matches(t).Select(m => m.Groups["name"].Value))
                .ToHashSet(StringComparer.Ordinal));
            var edges = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var from in folders)
            {
                edges[from] = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var to in folders.Where(t => t != from))
                {
                    var full = new Regex($@"\b{Regex.Escape(rootNamespace)}\.{Regex.Escape(to)}\b");
                    var relative = new Regex($@"(?<![\w.]){Regex.Escape(to)}\.(?<type>[A-Z]\w*)");
                    if (texts[from].Any(t => full.IsMatch(t) || relative.Matches(t).Any(m => types[to].Contains(m.Groups["type"].Value))))
                    {
                        edges[from].Add(to);
                    }
                }
            }

            return new FolderGraph(edges);
        }

        /// <summary>Each cycle once, as the folders along it, the first repeated at the end (e.g. Store → Police → Store).</summary>
        public List<List<string>> Cycles()
        {
            var cycles = new List<List<string>>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var start in Edges.Keys)
            {
                // Cycles through start whose other folders all sort after it: each cycle is found once, from its least folder.
                Walk(start, start, [start]);
            }

            return cycles;

            void Walk(string start, string at, List<string> path)
            {
                foreach (var next in Edges[at])
                {
                    if (next == start)
                    {
                        var cycle = new List<string>(path) { start };
                        if (seen.Add(string.Join('>', cycle)))
                        {
                            cycles.Add(cycle);
                        }
                    }
                    else if (string.CompareOrdinal(next, start) > 0 && !path.Contains(next))
                    {
                        path.Add(next);
                        Walk(start, next, path);
                        path.RemoveAt(path.Count - 1);
                    }
                }
            }
        }

        private static string WithoutLineComments(string text) => LineComment().Replace(text, string.Empty);

        [GeneratedRegex(@"(?<!/)//(?!/).*$", RegexOptions.Multiline)]
        private static partial Regex LineComment();

        [GeneratedRegex(@"\b(?:class|struct|record|interface|enum)\s+(?<name>[A-Z]\w*)")]
        private static partial Regex TypeDeclaration();
    }
}
