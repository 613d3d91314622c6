using CommunitySafety.Data.Police;
using CommunitySafety.Data.Queries;
using CommunitySafety.Data.Tests.Support;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Tests.Queries;

/// <summary>The raw-record queries behind the outcomes and stop-and-search analyses, against the fixture files.</summary>
public sealed class OutcomeAndStopSearchRecordsTests
{
    [Fact]
    public void OutcomeRecords_ForceMonth_CountsEachLastOutcomeCategoryAsTheRawFile()
    {
        using var temp = new TempStore();
        new PoliceImporter(temp.Store).Import(Fixtures.BedfordshireStreet);
        var records = new OutcomeRecordsQuery(temp.Store).For(new ResolvedArea(AreaKind.Force, "Bedfordshire Police", null), new YearMonth(2024, 1), new YearMonth(2024, 1));

        Assert.Equal([new YearMonth(2024, 1)], records.MonthsWithRecords);
        Assert.Equal(new YearMonth(2024, 1), records.OutcomesAsOf);
        var expected = PlainCsv.CountBy(Fixtures.BedfordshireStreet, "Last outcome category");
        var actual = records.Cells.GroupBy(c => c.Outcome).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        Assert.Equal(expected.OrderBy(k => k.Key, StringComparer.Ordinal), actual.OrderBy(k => k.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void OutcomeRecords_CountsOnlyMonth_HasNoRecordsAndSaysSo()
    {
        using var temp = new TempStore();
        new PoliceImporter(temp.Store).Import(Fixtures.BedfordshireStreet, new PoliceImportOptions { CountsOnly = true });

        var records = new OutcomeRecordsQuery(temp.Store).For(new ResolvedArea(AreaKind.Force, "Bedfordshire Police", null), new YearMonth(2024, 1), new YearMonth(2024, 1));

        Assert.Empty(records.MonthsWithRecords);
        Assert.Equal([new YearMonth(2024, 1)], records.CountsOnlyMonths);
        Assert.Empty(records.Cells);
    }

    [Fact]
    public void StopSearchRecords_Month_CountsByLegislationAndLinkAsTheRawFile()
    {
        using var temp = new TempStore();
        new PoliceImporter(temp.Store).Import(Fixtures.BedfordshireStopAndSearch);

        var query = new StopSearchRecordsQuery(temp.Store);
        var records = query.For(["Bedfordshire Police"], new YearMonth(2018, 3), new YearMonth(2018, 3));

        Assert.Equal(PlainCsv.Read(Fixtures.BedfordshireStopAndSearch).Count - 1, records.Total);
        Assert.Equal([new YearMonth(2018, 3)], query.MonthsLoaded(["Bedfordshire Police"]));
        var legislation = PlainCsv.CountBy(Fixtures.BedfordshireStopAndSearch, "Legislation");
        Assert.Equal(legislation.OrderBy(k => k.Key, StringComparer.Ordinal),
            records.Cells.GroupBy(c => c.Legislation).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)).OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.Equal(PlainCsv.CountBy(Fixtures.BedfordshireStopAndSearch, "Outcome linked to object of search").GetValueOrDefault("True"), records.Cells.Where(c => c.OutcomeLinked == true).Sum(c => c.Count));
        Assert.Empty(query.For(["Bedfordshire Police"], new YearMonth(2019, 1), new YearMonth(2019, 12)).Cells);
    }
}
