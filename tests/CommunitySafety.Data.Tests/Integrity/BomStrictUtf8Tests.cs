using System.Text;
using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Lookups;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Population;
using CommunitySafety.Data.Tests.Support;
using CommunitySafety.SafeReading;

namespace CommunitySafety.Data.Tests.Integrity;

/// <summary>
/// A UTF-8 byte-order mark does not switch off the strict UTF-8 check: a real file with a mark and one Latin-1 byte
/// (0xE9, "é") on its third line is rejected naming the file and that line, for every importer.
/// </summary>
public sealed class BomStrictUtf8Tests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The real file with a UTF-8 mark (added when it has none) and the first lower-case letter after line 3's first comma made Latin-1's 0xE9.</summary>
    private string WithBomAndLatin1(string source, string name)
    {
        var bytes = File.ReadAllBytes(source).ToList();
        if (!(bytes.Count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF))
        {
            bytes.InsertRange(0, [0xEF, 0xBB, 0xBF]);
        }

        var line3 = bytes.IndexOf((byte)'\n', bytes.IndexOf((byte)'\n') + 1) + 1;
        var at = bytes.FindIndex(bytes.IndexOf((byte)',', line3), b => b is >= (byte)'a' and <= (byte)'z');
        Assert.True(at > line3 && bytes.IndexOf((byte)'\n', line3) > at, "line 3 has a lower-case letter after its first comma");
        bytes[at] = 0xE9;
        var path = Path.Combine(_temp.Folder, name);
        File.WriteAllBytes(path, [.. bytes]);
        return path;
    }

    private static void AssertLatin1Named(ImportRejectedException ex, string path)
    {
        var error = Assert.Single(ex.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains("byte 0xE9", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Police_BomThenLatin1_RejectedNamingLine(bool countsOnly)
    {
        var path = WithBomAndLatin1(Fixtures.BedfordshireStreet, "2024-01-bedfordshire-street.csv");

        var ex = Assert.Throws<ImportRejectedException>(() => new PoliceImporter(_temp.Store).Import(path, new PoliceImportOptions { CountsOnly = countsOnly }));

        AssertLatin1Named(ex, path);
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM crime_monthly"));
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM crime WHERE location LIKE '%\uFFFD%'"));
    }

    [Fact]
    public void Population_BomThenLatin1_RejectedNamingLine()
    {
        var path = WithBomAndLatin1(Fixtures.LsoaPopulation, "population.csv");

        var ex = Assert.Throws<ImportRejectedException>(() => new PopulationImporter(_temp.Store).Import(path));

        AssertLatin1Named(ex, path);
        Assert.Equal(0, _temp.Count("SELECT count(*) FROM population"));
    }

    [Fact]
    public void Lookup_BomThenLatin1_RejectedNamingLine()
    {
        var path = WithBomAndLatin1(Fixtures.LadCspPfaLookup, "LAD17_CSP17_PFA17_lookup.csv");

        var ex = Assert.Throws<ImportRejectedException>(() => new LookupImporter(_temp.Store).Import(path));

        AssertLatin1Named(ex, path);
    }

    [Fact]
    public void StrictText_BomThenGoodUtf8_ReadWithoutTheMark_Utf16WithMarkStillRead()
    {
        using (var reader = StrictText.Open(new MemoryStream([0xEF, 0xBB, 0xBF, .. "Caf\u00e9,x"u8])))
        {
            Assert.Equal("Caf\u00e9,x", reader.ReadToEnd());
        }

        using (var reader = StrictText.Open(new MemoryStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Caf\u00e9")])))
        {
            Assert.Equal("Caf\u00e9", reader.ReadToEnd());
        }

        using var bad = StrictText.Open(new MemoryStream([0xEF, 0xBB, 0xBF, (byte)'C', 0xE9, (byte)'\n']));
        Assert.Throws<DecoderFallbackException>(() => bad.ReadToEnd());
    }
}
