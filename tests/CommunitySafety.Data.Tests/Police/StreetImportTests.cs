using CommunitySafety.Data.Police;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Police;

public sealed class StreetImportTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private Dictionary<string, long> StoreCounts(string table = "crime_monthly", string count = "sum(n)") =>
        _temp.Store.Query(
            $"""
            SELECT f.name || '|' || m.month || '|' || t.name, ({count})::BIGINT
            FROM {table} c JOIN force f USING (force_id) JOIN crime_type t USING (crime_type_id) JOIN month m USING (month_idx)
            GROUP BY ALL
            """,
            r => (r.GetString(0), r.GetInt64(1)))
        .ToDictionary(p => p.Item1, p => p.Item2);

    [Theory]
    [InlineData("bedfordshire")]
    [InlineData("hampshire")]
    public void Import_RealFile_CountsPerForceMonthTypeEqualIndependentCount(string force)
    {
        var path = force == "bedfordshire" ? Fixtures.BedfordshireStreet : Fixtures.HampshireStreet;
        var expected = PlainCsv.CountBy(path, "Reported by", "Month", "Crime type");

        var summary = new PoliceImporter(_temp.Store).Import(path);

        Assert.Equal(expected.OrderBy(p => p.Key), StoreCounts().OrderBy(p => p.Key));
        Assert.Equal(expected.OrderBy(p => p.Key), StoreCounts("crime", "count(*)").OrderBy(p => p.Key));
        Assert.Equal(expected.Values.Sum(), summary.TotalRows);
        Assert.Empty(summary.Rejected);
    }

    [Fact]
    public void Import_SameFileTwice_CountsOnceAndReportsReplacement()
    {
        var importer = new PoliceImporter(_temp.Store);
        var first = importer.Import(Fixtures.BedfordshireStreet);
        var second = importer.Import(Fixtures.BedfordshireStreet);

        Assert.Equal(first.TotalRows, _temp.Count("SELECT count(*) FROM crime"));
        Assert.Equal(first.TotalRows, _temp.Count("SELECT sum(n) FROM crime_monthly"));
        Assert.Empty(first.FilesReplaced);
        Assert.Equal([Fixtures.BedfordshireStreet], second.FilesReplaced);
        Assert.Equal(1, second.ForceMonthsReplaced);
        Assert.Equal(1, _temp.Count("SELECT count(*) FROM source_file"));
    }
}
