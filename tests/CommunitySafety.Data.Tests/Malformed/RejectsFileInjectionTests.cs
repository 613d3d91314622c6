using CommunitySafety.Data.Police;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Malformed;

/// <summary>The rejects file holds untrusted rows and is opened in spreadsheets: formula-like text gets an apostrophe.</summary>
public sealed class RejectsFileInjectionTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Import_SkipBadRows_RejectsFileNeutralisesFormulaText()
    {
        var file = _temp.WriteFile("2024-01-bedfordshire-street.csv", Fixtures.StreetHeader + "\n" +
            "abc,2024-01,Bedfordshire Police,Bedfordshire Police,-0.4,52.1,On or near High Street,E01017541,Bedford 001B,Burglary,,\n" +
            "def,2024-01,Bedfordshire Police,Bedfordshire Police,-0.4,52.1,On or near High Street,E01017541,Bedford 001B,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,\n" +
            "@SUM(1+1),2024-13,Bedfordshire Police,Bedfordshire Police,-0.4,52.1,x,E01017541,Bedford 001B,Burglary,,\n");
        var rejects = Path.Combine(_temp.Folder, "rejects.csv");

        var summary = new PoliceImporter(_temp.Store).Import(file, new PoliceImportOptions { SkipBadRows = true, RejectsPath = rejects });

        Assert.Equal(1, summary.TotalRows);
        var lines = File.ReadAllLines(rejects);
        Assert.Equal(3, lines.Length);
        Assert.Contains(",Crime type,\"unknown crime type '=HYPERLINK(", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",\"'@SUM(1+1),2024-13,Bedfordshire Police,Bedfordshire Police,-0.4,52.1,x,E01017541,Bedford 001B,Burglary,,\"", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(lines.SelectMany(l => l.Split(',')), f => f.Length > 0 && "=+@".Contains(f[0], StringComparison.Ordinal));
    }
}
