using System.IO.Compression;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Quality;
using CommunitySafety.Data.Tests.Support;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Tests.Quality;

/// <summary>
/// The data-quality checks (docs/bad-input.md) on Bedfordshire's real street-level months from samples/ (December 2023
/// to December 2025), with doctored copies of real months: violence doubled, the rows without a location removed, a
/// month left out.
/// </summary>
public sealed class QualityCheckerTests : IDisposable
{
    private readonly TempStore _temp = new();
    private readonly string _months;

    public QualityCheckerTests()
    {
        _months = Path.Combine(_temp.Folder, "bedfordshire");
        using var zip = ZipFile.OpenRead(Path.Combine(Fixtures.Samples, "police", "bedfordshire-2018-2025.zip"));
        foreach (var entry in zip.Entries.Where(e => e.Name.EndsWith("-street.csv", StringComparison.Ordinal)))
        {
            var path = Path.Combine(_months, entry.Name);
            Directory.CreateDirectory(_months);
            entry.ExtractToFile(path);
        }
    }

    public void Dispose() => _temp.Dispose();

    private string Month(string month) => Path.Combine(_months, $"{month}-bedfordshire-street.csv");

    private void Import(params string[] paths) => new PoliceImporter(_temp.Store).Import(paths, new PoliceImportOptions { CountsOnly = true });

    /// <summary>A copy of a real month in another folder, its rows changed by <paramref name="edit"/> (header kept).</summary>
    private string Doctored(string month, Func<string, IEnumerable<string>> edit)
    {
        var lines = File.ReadAllLines(Month(month));
        var path = Path.Combine(_temp.Folder, "doctored", Path.GetFileName(Month(month)));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, [lines[0], .. lines.Skip(1).SelectMany(edit)]);
        return path;
    }

    private static long Violence(string path) => File.ReadLines(path).Count(l => l.Contains(",Violence and sexual offences,", StringComparison.Ordinal));

    [Fact]
    public void RealMonths_NoCrimeTypeOrLocationFlags()
    {
        Import(_months);

        var flags = new QualityChecker(_temp.Store).Check();

        Assert.DoesNotContain(flags, f => f.Check is QualityCheck.CrimeType or QualityCheck.NoLocationMissing or QualityCheck.NoLocationShare or QualityCheck.MissingMonth);
    }

    [Fact]
    public void ViolenceDoubled_FlaggedAgainstTheForcesHistory_AndTheMonthIsRepublished()
    {
        Import(_months);
        var real = Violence(Month("2025-06"));
        var doctored = Doctored("2025-06", l => l.Contains(",Violence and sexual offences,", StringComparison.Ordinal) ? [l, l] : [l]);

        Import(doctored);
        var flags = new QualityChecker(_temp.Store).Check();

        var flag = Assert.Single(flags, f => f.Check == QualityCheck.CrimeType);
        Assert.Equal(("Bedfordshire Police", new YearMonth(2025, 6), "Violence and sexual offences"), (flag.Force, flag.Month, flag.Subject));
        Assert.Equal(2 * real, flag.Value);
        Assert.InRange(flag.Value!.Value / flag.Usual!.Value, 1.9, 2.4);
        Assert.True(flag.Score > 3.5);
        Assert.Equal("bedfordshire/2025-06/crime-type/violence-and-sexual-offences", flag.Id);
        Assert.Contains("Violence and sexual offences: ", flag.Detail, StringComparison.Ordinal);
        Assert.Contains("median of the previous 18 months", flag.Detail, StringComparison.Ordinal);

        var republished = Assert.Single(flags, f => f.Check == QualityCheck.Republished);
        var realRows = File.ReadLines(Month("2025-06")).Count() - 1;
        Assert.Equal((realRows + real, (double)realRows), (republished.Value!.Value, republished.Usual!.Value));
        Assert.Contains(doctored, republished.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void SameFileImportedAgain_NotRepublished()
    {
        Import(_months);
        Import(Month("2025-06"));

        Assert.DoesNotContain(new QualityChecker(_temp.Store).Check(), f => f.Check == QualityCheck.Republished);
    }

    [Fact]
    public void NoLocationRowsRemoved_Flagged()
    {
        var without = Doctored("2025-03", l => l.Contains(",No Location,", StringComparison.Ordinal) ? [] : [l]);
        Import([.. Directory.GetFiles(_months).Where(f => !f.Contains("2025-03", StringComparison.Ordinal)), without]);

        var flag = Assert.Single(new QualityChecker(_temp.Store).Check(), f => f.Check == QualityCheck.NoLocationMissing);

        Assert.Equal(new YearMonth(2025, 3), flag.Month);
        Assert.Contains("No records without a location", flag.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void MonthLeftOut_FlaggedAsMissing()
    {
        Import([.. Directory.GetFiles(_months).Where(f => !f.Contains("2024-10", StringComparison.Ordinal))]);

        var flag = Assert.Single(new QualityChecker(_temp.Store).Check(), f => f.Check == QualityCheck.MissingMonth);

        Assert.Equal((new YearMonth(2024, 10), (double?)null), (flag.Month, flag.Value));
        Assert.Contains("months before and after: counts and rates over a period holding it are too low", flag.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Acknowledged_KeepsTheFlag_WithReasonWhoAndWhen()
    {
        Import([.. Directory.GetFiles(_months).Where(f => !f.Contains("2024-10", StringComparison.Ordinal))]);
        var id = Assert.Single(new QualityChecker(_temp.Store).Check()).Id;
        var at = new DateTime(2026, 12, 6, 23, 0, 0, DateTimeKind.Utc);

        QualityStore.Acknowledge(_temp.Store, id, "police.uk has no file for October 2024 yet", "analyst", at);
        _temp.Reopen();

        var flag = Assert.Single(new QualityChecker(_temp.Store).Check());
        Assert.Equal(new QualityAcknowledgement("police.uk has no file for October 2024 yet", "analyst", at), flag.Acknowledged);
    }

    [Fact]
    public void CheckForOtherForceOrMonths_None()
    {
        Import([.. Directory.GetFiles(_months).Where(f => !f.Contains("2024-10", StringComparison.Ordinal))]);
        var checker = new QualityChecker(_temp.Store);

        Assert.Empty(checker.Check(["Hampshire Constabulary"], null));
        Assert.Empty(checker.Check(null, (new YearMonth(2025, 1), new YearMonth(2025, 12))));
        Assert.Single(checker.Check(["Bedfordshire Police"], (new YearMonth(2024, 10), new YearMonth(2024, 10))));
    }

    [Fact]
    public void CountScore_HandWorked()
    {
        // Median 100; the MAD of the logs (0.025) is below the Poisson floor 0.6745/√100, so
        // M = 0.6745 × (ln 200.5 − ln 100.5) / 0.06745 = 10 × ln(200.5 / 100.5) = 6.9066.
        double[] history = [100, 110, 90, 105, 95, 100, 102, 98, 100, 100, 97, 103];

        Assert.Equal(10 * Math.Log(200.5 / 100.5), QualityChecker.CountScore(200, history), 10);
        Assert.Equal(6.9066, QualityChecker.CountScore(200, history), 4);
        Assert.Equal(0, QualityChecker.CountScore(100, history), 10);
    }

    [Fact]
    public void Median_OddAndEven() =>
        Assert.Equal((3.0, 2.5, 0.0), (QualityChecker.Median([5, 1, 3]), QualityChecker.Median([4, 1, 3, 2]), QualityChecker.Median([])));
}
