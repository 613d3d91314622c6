using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommunitySafety.Tests;

namespace CommunitySafety.Core.Tests.Architecture;

/// <summary>
/// The folders of every project under <c>src/</c> depend on each other one way, without cycles (in Data: import → store →
/// queries, never back; in the CLI: the root → Commands → Infrastructure), read from the source files themselves. A
/// project whose cycle is not broken yet is listed in <see cref="KnownCycles"/> with why and what would break it; the
/// list only shrinks: a listed project that no longer has a cycle fails the test until it is taken off.
/// </summary>
public sealed partial class FolderDependencyTests
{
    /// <summary>The projects that still have a folder cycle: why, and what would break it.</summary>
    private static readonly Dictionary<string, string> KnownCycles = new(StringComparer.Ordinal)
    {
        ["CommunitySafety.Assessment"] =
            "the root (StrategicAssessment, AreaAssessment) calls the step folders (Harm, Matrix, Peers, Trends, Store, …), which use the root's " +
            "AssessmentConfigurationException, AssessmentData, AssessmentResult, AssessmentSettings, Provenance and StrategicAssessment; moving those " +
            "shared inputs, settings and results into a folder below the steps (e.g. Model/) would break it.",
    };

    [Fact]
    public void EverySourceProject_HasNoFolderCycles_ExceptTheListedOnes()
    {
        var problems = new List<string>();
        var projects = SourceProjects().ToList();
        Assert.True(projects.Count >= 8, $"only {projects.Count} projects found under src/: is the repository root right?");
        foreach (var (name, folder, rootNamespace) in projects)
        {
            var tangles = FolderGraph.Of(folder, rootNamespace).Tangles();
            if (KnownCycles.ContainsKey(name))
            {
                if (tangles.Count == 0)
                {
                    problems.Add($"{name} has no folder cycle any more: take it off {nameof(KnownCycles)}.");
                }
            }
            else
            {
                problems.AddRange(tangles.Select(t =>
                    $"{name}: folders {string.Join(", ", t.Folders)} depend on each other in a cycle, e.g. {string.Join(" → ", t.Cycle)} " +
                    "(a folder may not depend, directly or through others, on a folder that depends on it)."));
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.All(KnownCycles.Keys, k => Assert.Contains(k, projects.Select(p => p.Name)));
    }

    [Fact]
    public void TheGraphSeesTheDependenciesItShould()
    {
        var data = Graph("CommunitySafety.Data");

        // By using (Police files use CommunitySafety.Data.Store) and the way back must not exist.
        Assert.Contains("Store", data.Edges["Police"]);
        Assert.DoesNotContain("Police", data.Edges["Store"]);
        Assert.Contains("Police", data.Edges["Queries"]);

        // The CLI's root registers the commands; the commands use Infrastructure (CliContext), which uses neither.
        var cli = Graph("CommunitySafety.Cli");
        Assert.Contains("Commands.Plan", cli.Edges[FolderGraph.Root]);
        Assert.Contains("Infrastructure", cli.Edges["Commands.Plan"]);
        Assert.DoesNotContain(FolderGraph.Root, cli.Edges["Infrastructure"]);

        // A subfolder naming a type of its parent folder without a using depends on it (C# finds it there).
        var web = Graph("CommunitySafety.Web");
        Assert.Contains(web.Edges.Keys, k => k.StartsWith("Infrastructure.", StringComparison.Ordinal) && web.Edges[k].Contains("Infrastructure"));
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
            Write(root, "D/Four.cs", "namespace Lib.D;\n// C.Three is named in this comment only, and B.Nothing is not a type of B.\n/// <summary>Not C.Three (prose).</summary>\npublic enum Four { B }\n");
            // The root's type and a parent folder's type named without a using, as C# finds them from a subfolder.
            Write(root, "Top.cs", "namespace Lib;\npublic sealed class Top { }\n");
            Write(root, "E/Five.cs", "namespace Lib.E;\npublic sealed record Five(Top T);\n");
            Write(root, "A/Sub/Six.cs", "namespace Lib.A.Sub;\npublic sealed record Six(One O);\n");

            var graph = FolderGraph.Of(root, "Lib");

            var tangle = Assert.Single(graph.Tangles());
            Assert.Equal(["A", "B", "C"], tangle.Folders);
            Assert.Equal(["A", "B", "C", "A"], tangle.Cycle);
            Assert.Empty(graph.Edges["D"]);
            Assert.Equal([FolderGraph.Root], graph.Edges["E"]);
            Assert.Equal(["A"], graph.Edges["A.Sub"]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static FolderGraph Graph(string project) =>
        FolderGraph.Of(Path.Combine(RepositoryFolders.Root, "src", project), project);

    private static IEnumerable<(string Name, string Folder, string RootNamespace)> SourceProjects() =>
        Directory.GetFiles(Path.Combine(RepositoryFolders.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => (
                Path.GetFileNameWithoutExtension(p),
                Path.GetDirectoryName(p)!,
                XDocument.Load(p).Descendants("RootNamespace").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(p)));

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>A set of folders that depend on each other in a cycle, and one such cycle through the least of them.</summary>
    /// <param name="Folders">The folders, in order.</param>
    /// <param name="Cycle">A shortest cycle from the first folder back to it, e.g. Store → Police → Store.</param>
    private sealed record Tangle(List<string> Folders, List<string> Cycle);

    /// <summary>
    /// The folder → folder dependencies of a project whose namespaces follow its folders: every folder holding C# files
    /// (at any depth, named as its namespace below the root, e.g. <c>Infrastructure.Audit</c>; the project folder itself
    /// is <see cref="Root"/>) is a node. Folder X depends on folder Y when a file of X has a <c>using Root.Y</c> (plain,
    /// static or alias) or names <c>Root.Y.Type</c> anywhere; names a type declared in Y as <c>Y.Type</c> (Y or the end
    /// of its name, e.g. <c>Import.ImportCommand</c> or <c>Commands.Import.ImportCommand</c>; in code or in a documentation
    /// <c>cref</c>, which is compiled too); or, when Y is a folder above X (the root included), names a type declared in Y
    /// at all, since C# finds it there without a using. Line comments and the prose of documentation comments are not read.
    /// </summary>
    private sealed partial class FolderGraph
    {
        /// <summary>The name of the project folder itself (the root namespace).</summary>
        public const string Root = "(root)";

        private static readonly IEqualityComparer<string[]> SegmentsComparer = EqualityComparer<string[]>.Create(
            (a, b) => a is not null && b is not null && a.SequenceEqual(b, StringComparer.Ordinal),
            a => string.Join('.', a).GetHashCode(StringComparison.Ordinal));

        private FolderGraph(SortedDictionary<string, SortedSet<string>> edges) => Edges = edges;

        public SortedDictionary<string, SortedSet<string>> Edges { get; }

        public static FolderGraph Of(string projectFolder, string rootNamespace)
        {
            var files = Files(projectFolder)
                .GroupBy(f => Node(projectFolder, f), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => WithoutLineComments(File.ReadAllText(p))).ToList(), StringComparer.Ordinal);
            var nodes = files.Keys.ToList();
            var types = nodes.ToDictionary(n => n, n => files[n]
                .SelectMany(t => TypeDeclaration().Matches(t).Select(m => m.Groups["name"].Value))
                .ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
            var qualified = new Regex($@"\b{Regex.Escape(rootNamespace)}\b(?:\.\w+)*");
            var edges = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var from in nodes)
            {
                var to = edges[from] = new SortedSet<string>(StringComparer.Ordinal);
                var text = string.Join('\n', files[from]);

                // Root.Y or Root.Y.Type: the longest folder the name starts with.
                foreach (Match m in qualified.Matches(text))
                {
                    var segments = m.Value[rootNamespace.Length..].Split('.', StringSplitOptions.RemoveEmptyEntries);
                    for (var k = segments.Length; k >= 0; k--)
                    {
                        var node = k == 0 ? Root : string.Join('.', segments[..k]);
                        if (types.TryGetValue(node, out var declared))
                        {
                            if (k == segments.Length || declared.Contains(segments[k]))
                            {
                                to.Add(node);
                            }

                            break;
                        }
                    }
                }

                // Y.Type (or the end of Y's name, e.g. Commands.Import.ImportCommand), relative to an enclosing namespace.
                foreach (var segments in DottedName().Matches(text).Select(m => m.Value.Split('.')).Distinct(SegmentsComparer))
                {
                    for (var i = 1; i < segments.Length; i++)
                    {
                        var prefix = string.Join('.', segments[..i]);
                        foreach (var node in nodes.Where(n => (n == prefix || n.EndsWith("." + prefix, StringComparison.Ordinal)) && types[n].Contains(segments[i])))
                        {
                            to.Add(node);
                        }
                    }
                }

                // A type of a folder above, named plainly (one declared here too is this folder's own).
                var names = Identifier().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
                foreach (var above in nodes.Where(n => IsAbove(n, from)))
                {
                    if (types[above].Any(t => names.Contains(t) && !types[from].Contains(t)))
                    {
                        to.Add(above);
                    }
                }

                to.Remove(from);
            }

            return new FolderGraph(edges);
        }

        /// <summary>The sets of folders in a cycle (strongly connected components of more than one folder), each once.</summary>
        public List<Tangle> Tangles()
        {
            var tangles = new List<Tangle>();
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (var start in Edges.Keys)
            {
                if (done.Contains(start))
                {
                    continue;
                }

                var component = Reachable(start).Where(n => Reachable(n).Contains(start)).Order(StringComparer.Ordinal).ToList();
                done.UnionWith(component);
                if (component.Count > 1)
                {
                    tangles.Add(new Tangle(component, ShortestCycle(component[0])));
                }
            }

            return tangles;
        }

        private HashSet<string> Reachable(string from)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { from };
            var pending = new Queue<string>([from]);
            while (pending.TryDequeue(out var at))
            {
                foreach (var next in Edges[at].Where(seen.Add))
                {
                    pending.Enqueue(next);
                }
            }

            return seen;
        }

        private List<string> ShortestCycle(string start)
        {
            var previous = new Dictionary<string, string>(StringComparer.Ordinal);
            var pending = new Queue<string>([start]);
            while (pending.TryDequeue(out var at))
            {
                foreach (var next in Edges[at])
                {
                    if (next == start)
                    {
                        var path = new List<string>();
                        for (var n = at; n != start; n = previous[n])
                        {
                            path.Insert(0, n);
                        }

                        return [start, .. path, start];
                    }

                    if (!previous.ContainsKey(next))
                    {
                        previous[next] = at;
                        pending.Enqueue(next);
                    }
                }
            }

            return [start];
        }

        private static IEnumerable<string> Files(string projectFolder)
        {
            var skip = new[] { "bin", "obj", "node_modules" };
            var pending = new Stack<string>([projectFolder]);
            while (pending.TryPop(out var dir))
            {
                foreach (var file in Directory.GetFiles(dir, "*.cs"))
                {
                    yield return file;
                }

                foreach (var sub in Directory.GetDirectories(dir).Where(s => !skip.Contains(Path.GetFileName(s))))
                {
                    pending.Push(sub);
                }
            }
        }

        private static string Node(string projectFolder, string file)
        {
            var folder = Path.GetRelativePath(projectFolder, Path.GetDirectoryName(file)!);
            return folder == "." ? Root : folder.Replace(Path.DirectorySeparatorChar, '.');
        }

        private static bool IsAbove(string node, string below) =>
            node != below && (node == Root || below.StartsWith(node + ".", StringComparison.Ordinal));

        /// <summary>The code, and of documentation comments only the <c>cref</c>s (which are compiled; the prose is not).</summary>
        private static string WithoutLineComments(string text) =>
            LineComment().Replace(DocumentationLine().Replace(text, m => string.Join(' ', Cref().Matches(m.Value).Select(c => c.Groups[1].Value))), string.Empty);

        [GeneratedRegex(@"^[ \t]*///.*$", RegexOptions.Multiline)]
        private static partial Regex DocumentationLine();

        [GeneratedRegex(@"cref=""([^""]*)""")]
        private static partial Regex Cref();

        [GeneratedRegex(@"(?<!/)//(?!/).*$", RegexOptions.Multiline)]
        private static partial Regex LineComment();

        [GeneratedRegex(@"\b(?:class|struct|record|interface|enum)\s+(?<name>[A-Z]\w*)")]
        private static partial Regex TypeDeclaration();

        [GeneratedRegex(@"(?<![\w.])[A-Z]\w*(?:\.[A-Z]\w*)+")]
        private static partial Regex DottedName();

        [GeneratedRegex(@"(?<![\w.])[A-Z]\w*\b")]
        private static partial Regex Identifier();
    }
}
