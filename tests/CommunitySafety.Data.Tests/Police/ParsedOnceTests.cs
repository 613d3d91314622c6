using CommunitySafety.Data.Police;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Police;

/// <summary>
/// A counts-only import parses every file once, whatever its kind: an outcomes or stop-and-search file is read and checked
/// on a worker thread, and what the writer then stores comes from that parse, never from reading the file again.
/// </summary>
public sealed class ParsedOnceTests : IDisposable
{
    private readonly TempStore _full = new();
    private readonly TempStore _parsed = new();

    public void Dispose()
    {
        _full.Dispose();
        _parsed.Dispose();
    }

    public static TheoryData<string> Kinds => ["outcomes", "stop-and-search"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CountsOnlyParse_OtherKinds_WrittenFromTheOneParse_AsAFullImportWritesThem(string kind)
    {
        var path = kind == "outcomes" ? Fixtures.CityOfLondonOutcomes : Fixtures.BedfordshireStopAndSearch;
        var parsed = false;
        var source = new PoliceSource(path, Path.GetFileName(path), new FileInfo(path).Length, () =>
            parsed ? throw new InvalidOperationException($"{path} was opened again after it was parsed.") : File.OpenRead(path));
        var file = new PoliceFileParser(source, new PoliceImportOptions { CountsOnly = true }, (_, _) => { }, CancellationToken.None);

        file.Parse(new byte[PoliceFileParser.FastBufferBytes]);
        parsed = true;
        file.WriteParsed(PoliceImporter.WriterFor(_parsed.Store));

        Assert.True(file.IsRecords);
        Assert.Empty(file.Errors);
        Assert.True(file.Imported);
        var table = kind == "outcomes" ? "outcome" : "stop_search";
        Assert.True(file.Rows > 50, $"{file.Rows} rows");
        Assert.Equal(file.Rows, _parsed.Count($"SELECT count(*) FROM {table}"));
        var full = new PoliceImporter(_full.Store).Import(path);
        Assert.Equal(full.TotalRows, file.Rows);
        Assert.Equal(StoreComparison.Tables(_full.Store), StoreComparison.Tables(_parsed.Store));
        Assert.Equal(StoreComparison.Rows(_full.Store, $"SELECT * FROM {table} ORDER BY ALL"), StoreComparison.Rows(_parsed.Store, $"SELECT * FROM {table} ORDER BY ALL"));
    }
}
