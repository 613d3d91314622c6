namespace CommunitySafety.Data.Tests.Malformed;

/// <summary>One malformed input and what its importer must do with it (a row of tests/fixtures/malformed/README.md).</summary>
/// <param name="File">The path under tests/fixtures/malformed, with forward slashes.</param>
/// <param name="What">What is wrong with it.</param>
/// <param name="Rejected">True when it must be rejected; false when it must be imported.</param>
/// <param name="Imported">When imported, how many rows (areas, values) it gives.</param>
/// <param name="Line">When rejected, the line (workbook row) the error names; 0 for the whole file.</param>
/// <param name="Field">When rejected, the field the error names; null for none.</param>
/// <param name="Message">When rejected, a fragment of the error's message.</param>
public sealed record MalformedCase(string File, string What, bool Rejected, long Imported, int Line, string? Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => File;
}

/// <summary>Reads the table of cases from tests/fixtures/malformed/README.md, so the README and the tests cannot drift apart.</summary>
public static class MalformedCorpus
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "fixtures", "malformed");

    public static string PathOf(MalformedCase c) => Path.Combine(Root, c.File.Replace('/', Path.DirectorySeparatorChar));

    public static IReadOnlyList<MalformedCase> All { get; } = Read();

    /// <summary>The cases whose file is under one of <paramref name="folders"/>, as theory data (the file's path).</summary>
    public static TheoryData<string> Under(params string[] folders)
    {
        var data = new TheoryData<string>();
        foreach (var c in All.Where(c => folders.Any(f => c.File.StartsWith(f, StringComparison.Ordinal))))
        {
            data.Add(c.File);
        }

        return data;
    }

    public static MalformedCase Get(string file) => All.Single(c => c.File == file);

    private static List<MalformedCase> Read()
    {
        var cases = new List<MalformedCase>();
        foreach (var line in System.IO.File.ReadLines(Path.Combine(Root, "README.md")))
        {
            if (!line.StartsWith("| ", StringComparison.Ordinal) || line.StartsWith("| file ", StringComparison.Ordinal))
            {
                continue;
            }

            // "\|" is a literal bar inside a cell.
            var cells = line.Replace("\\|", "\u0001", StringComparison.Ordinal).Trim('|').Split('|')
                .Select(c => c.Trim().Replace('\u0001', '|')).ToArray();
            if (cells.Length != 6)
            {
                throw new InvalidDataException($"README.md: a case needs 6 cells: {line}");
            }

            var expected = cells[2];
            if (expected == "rejected")
            {
                cases.Add(new MalformedCase(cells[0], cells[1], true, 0, int.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture),
                    cells[4] == "-" ? null : cells[4], cells[5]));
            }
            else if (expected.StartsWith("imported ", StringComparison.Ordinal))
            {
                cases.Add(new MalformedCase(cells[0], cells[1], false, long.Parse(expected["imported ".Length..], System.Globalization.CultureInfo.InvariantCulture), 0, null, ""));
            }
            else
            {
                throw new InvalidDataException($"README.md: expected must be 'rejected' or 'imported N': {line}");
            }
        }

        return cases;
    }
}
