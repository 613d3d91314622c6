using System.Collections.ObjectModel;
using CommunitySafety.Crime;

namespace CommunitySafety.Assessment.Tests;

public class AreaYearTests
{
    /// <summary>The totals as they were computed before the loop (LINQ over the counts).</summary>
    private static (long Recorded, long All) Before(IReadOnlyDictionary<CrimeType, long> counts) =>
        (counts.Where(p => p.Key != CrimeType.AntiSocialBehaviour).Sum(p => p.Value), counts.Sum(p => p.Value));

    [Fact]
    public void RecordedCrimeAndAllRecords_AnyDictionary_AreTheSumsBefore()
    {
        var random = new Random(3);
        for (var i = 0; i < 50; i++)
        {
            var counts = CrimeType.All.Where(_ => random.Next(4) > 0).ToDictionary(t => t, _ => (long)random.Next(0, 100_000));
            foreach (IReadOnlyDictionary<CrimeType, long> held in new IReadOnlyDictionary<CrimeType, long>[] { counts, new ReadOnlyDictionary<CrimeType, long>(counts), new SortedList<CrimeType, long>(counts, Comparer<CrimeType>.Create((a, b) => a.Id.CompareTo(b.Id))) })
            {
                var year = new AreaYear(TestData.Fy("2023/24"), 12, 1000, held);

                Assert.Equal(Before(held), (year.RecordedCrime, year.AllRecords));
            }
        }
    }

    [Fact]
    public void RecordedCrime_LeavesOutAntiSocialBehaviourOnly()
    {
        var year = new AreaYear(TestData.Fy("2023/24"), 12, 1000, new Dictionary<CrimeType, long> { [CrimeType.AntiSocialBehaviour] = 7, [CrimeType.Burglary] = 5, [CrimeType.Drugs] = 2 });

        Assert.Equal(7, year.RecordedCrime);
        Assert.Equal(14, year.AllRecords);
    }
}
