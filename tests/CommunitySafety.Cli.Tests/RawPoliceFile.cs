using System.IO.Compression;
using Microsoft.VisualBasic.FileIO;

namespace CommunitySafety.Cli.Tests;

/// <summary>
/// Reads police.uk CSVs by a plain path of its own (the framework's TextFieldParser), so tests can check the
/// importer's counts against an independent count of the raw files.
/// </summary>
internal static class RawPoliceFile
{
    public static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "fixtures", relative);

    public static IEnumerable<Dictionary<string, string>> Rows(TextReader reader)
    {
        using var parser = new TextFieldParser(reader) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!.Select(h => h.Trim('\uFEFF')).ToArray();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            yield return header.Zip(fields).ToDictionary(p => p.First, p => p.Second);
        }
    }

    public static List<Dictionary<string, string>> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return [.. Rows(reader)];
    }

    /// <summary>Every street-level row of the zip archives whose month lies in [first, last] (yyyy-MM, compared as text).</summary>
    public static List<Dictionary<string, string>> ReadStreetRowsFromZips(IEnumerable<string> zips, string first, string last)
    {
        var rows = new List<Dictionary<string, string>>();
        foreach (var zip in zips)
        {
            using var archive = ZipFile.OpenRead(zip);
            foreach (var entry in archive.Entries.Where(e => e.Name.EndsWith("-street.csv", StringComparison.Ordinal)))
            {
                var month = entry.Name[..7];
                if (string.CompareOrdinal(month, first) < 0 || string.CompareOrdinal(month, last) > 0)
                {
                    continue;
                }

                using var reader = new StreamReader(entry.Open());
                rows.AddRange(Rows(reader));
            }
        }

        return rows;
    }
}
