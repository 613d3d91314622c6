using CommunitySafety.Cli.Infrastructure;

namespace CommunitySafety.Cli.Tests.Commands;

/// <summary>Issue 16 at the command line: a --store that is not a store, and imports that find nothing.</summary>
public class ImportIntegrityCommandTests
{
    private static readonly string Bedfordshire = RawPoliceFile.Fixture("police/bedfordshire/2024-01-bedfordshire-street.csv");

    public static TheoryData<string, string> NotStores => new()
    {
        { "csv", "it is a text file (a CSV?)" },
        { "png", "it is a PNG image" },
        { "empty", "is an empty (0-byte) file" },
        { "folder", "is a folder, not a store" },
    };

    [Theory]
    [MemberData(nameof(NotStores))]
    public async Task Import_StoreNamingSomethingElse_ExitsNotAStore_TouchesNothing(string kind, string message)
    {
        using var temp = new TempFolder();
        var store = kind switch
        {
            "csv" => temp.File("mye24.csv"),
            "png" => temp.File("map.png"),
            "empty" => temp.File("empty.duckdb"),
            _ => temp.File("folder"),
        };
        switch (kind)
        {
            case "csv":
                File.Copy(RawPoliceFile.Fixture("population/mye24tablesew_MYE2_persons.csv"), store);
                break;
            case "png":
                File.WriteAllBytes(store, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R']);
                break;
            case "empty":
                File.WriteAllBytes(store, []);
                break;
            default:
                Directory.CreateDirectory(store);
                break;
        }

        var before = kind == "folder" ? null : File.ReadAllBytes(store);

        var result = await CliRunner.RunAsync(temp.Path, "import", "police", Bedfordshire, "--store", store);

        Assert.True(result.ExitCode == (int)ExitCode.NotAStore, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Contains(store, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Imported", result.Error + result.Out, StringComparison.Ordinal);
        if (before is not null)
        {
            Assert.Equal(before, File.ReadAllBytes(store));
        }

        Assert.False(File.Exists(store + ".lock"));
    }

    [Fact]
    public async Task Import_FolderWithNoCsv_ExitsNothingToImport_UnlessAllowEmpty()
    {
        using var temp = new TempFolder();
        var folder = temp.File("wrong-folder");
        Directory.CreateDirectory(folder);

        var result = await CliRunner.RunAsync(temp.Path, "import", "police", folder);

        Assert.True(result.ExitCode == (int)ExitCode.NothingToImport, result.ToString());
        Assert.Contains("nothing to import", result.Error, StringComparison.Ordinal);
        Assert.Contains(folder, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Imported 0 rows", result.Error + result.Out, StringComparison.Ordinal);

        var allowed = await CliRunner.RunAsync(temp.Path, "import", "police", folder, "--allow-empty");

        Assert.True(allowed.ExitCode == 0, allowed.ToString());
        Assert.Contains("Nothing to import (allowed by --allow-empty)", allowed.Error, StringComparison.Ordinal);
    }
}
