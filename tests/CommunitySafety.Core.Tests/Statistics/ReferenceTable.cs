using System.Globalization;

namespace CommunitySafety.Core.Tests.Statistics;

/// <summary>Reads the CSV tables written by tests/reference/generate.py.</summary>
internal sealed class ReferenceTable
{
    public const double RelativeTolerance = 1e-9;

    private readonly Dictionary<string, int> _columns;

    private ReferenceTable(string[] header, List<string[]> rows)
    {
        _columns = header.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        Rows = rows;
    }

    public List<string[]> Rows { get; }

    public static ReferenceTable Load(string fileName)
    {
        var path = Find(fileName);
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        return new ReferenceTable(lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToList());
    }

    public string Text(string[] row, string column) => row[_columns[column]];

    public double Number(string[] row, string column) => double.Parse(Text(row, column), CultureInfo.InvariantCulture);

    public long Integer(string[] row, string column) => long.Parse(Text(row, column), CultureInfo.InvariantCulture);

    public double? Optional(string[] row, string column) => Text(row, column).Length == 0 ? null : Number(row, column);

    public static double[] Numbers(string text) =>
        text.Split(';').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>Collects every mismatch of a table so that one run shows them all.</summary>
    public sealed class Check
    {
        private readonly List<string> _failures = [];

        public void Close(double? expected, double? actual, string context, double relative = RelativeTolerance, double absolute = 1e-300)
        {
            try
            {
                AssertClose(expected, actual, context, relative, absolute);
            }
            catch (Xunit.Sdk.XunitException e)
            {
                _failures.Add(e.Message);
            }
        }

        public void Equal<T>(T expected, T actual, string context)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, actual))
            {
                _failures.Add($"{context}: expected {expected}, got {actual}");
            }
        }

        public void AssertAllPassed() =>
            Assert.True(_failures.Count == 0, $"{_failures.Count} mismatches:\n" + string.Join('\n', _failures.Take(30)));
    }

    /// <summary>Asserts |actual − expected| ≤ 1e-9 × |expected| (with an absolute floor for values near zero).</summary>
    public static void AssertClose(double? expected, double? actual, string context, double relative = RelativeTolerance, double absolute = 1e-300)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{context}: expected {expected?.ToString("R", CultureInfo.InvariantCulture) ?? "null"}, got {actual?.ToString("R", CultureInfo.InvariantCulture) ?? "null"}");
            return;
        }

        var e = expected.Value;
        var a = actual.Value;
        var ok = Math.Abs(a - e) <= Math.Max(relative * Math.Abs(e), absolute);
        Assert.True(ok, $"{context}: expected {e.ToString("R", CultureInfo.InvariantCulture)}, got {a.ToString("R", CultureInfo.InvariantCulture)} (relative error {Math.Abs(a - e) / Math.Abs(e):E2})");
    }

    // The tables live in tests/reference at the repository root; look for them there, or beside the test
    // assembly when a build copies them.
    private static string Find(string fileName)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "reference", fileName);
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "reference", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Reference table {fileName} not found; run /usr/bin/python3 tests/reference/generate.py.", fileName);
    }
}
