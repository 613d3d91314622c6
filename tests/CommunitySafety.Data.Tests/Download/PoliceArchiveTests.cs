using System.IO.Compression;
using CommunitySafety.Data.Download;
using CommunitySafety.Periods;

namespace CommunitySafety.Data.Tests.Download;

public sealed class PoliceArchiveTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csp-data-tests", "archive-" + Guid.NewGuid().ToString("N"));

    public PoliceArchiveTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Plan_FourYears_TakesTheArchiveOfTheLastMonthAndOneOlder_EachForItsOwnMonths()
    {
        var plan = PoliceArchive.Plan(YearMonth.Parse("2021-05"), YearMonth.Parse("2025-03"));

        Assert.Equal(
            [new ArchivePart(YearMonth.Parse("2025-03"), YearMonth.Parse("2022-04"), YearMonth.Parse("2025-03")),
             new ArchivePart(YearMonth.Parse("2022-03"), YearMonth.Parse("2021-05"), YearMonth.Parse("2022-03"))],
            plan);
        Assert.Equal(new Uri("https://data.police.uk/data/archive/2025-03.zip"), PoliceArchive.Url(new Uri("https://data.police.uk"), plan[0].Month));
    }

    [Fact]
    public void Extract_TakesOnlyTheForcesMonthsAndKindsAsked_AndNamesWhatIsMissing()
    {
        var zip = Archive(("2024-01/2024-01-bedfordshire-street.csv", File.ReadAllBytes(Support.Fixtures.BedfordshireStreet)),
                          ("2024-01/2024-01-hampshire-street.csv", File.ReadAllBytes(Support.Fixtures.HampshireStreet)),
                          ("2024-01/2024-01-bedfordshire-outcomes.csv", "x"u8.ToArray()),
                          ("2023-12/2023-12-bedfordshire-street.csv", "x"u8.ToArray()));
        var month = YearMonth.Parse("2024-01");
        var part = new ArchivePart(YearMonth.Parse("2024-02"), month, YearMonth.Parse("2024-02"));

        var taken = PoliceArchive.Extract(zip, part, new HashSet<string> { "bedfordshire" }, new HashSet<string> { "street" }, Path.Combine(_folder, "out"));

        var file = Assert.Single(taken.Files);
        Assert.Equal(Path.Combine(_folder, "out", "2024-01", "2024-01-bedfordshire-street.csv"), file);
        Assert.Equal(File.ReadAllBytes(Support.Fixtures.BedfordshireStreet), File.ReadAllBytes(file));
        Assert.Equal(["2024-02 bedfordshire street"], taken.Missing);
    }

    [Fact]
    public void Extract_DamagedEntry_IsRefusedNamingIt()
    {
        var zip = Archive(("2024-01/2024-01-bedfordshire-street.csv", File.ReadAllBytes(Support.Fixtures.BedfordshireStreet)));
        var bytes = File.ReadAllBytes(zip);
        bytes[bytes.Length / 2] ^= 0x5A; // inside the compressed data
        File.WriteAllBytes(zip, bytes);

        var failure = Assert.Throws<DownloadException>(() => PoliceArchive.Extract(zip, new ArchivePart(YearMonth.Parse("2024-01"), YearMonth.Parse("2024-01"), YearMonth.Parse("2024-01")), null, new HashSet<string> { "street" }, Path.Combine(_folder, "out")));

        Assert.Equal(DownloadFailure.Damaged, failure.Failure);
        Assert.Contains("2024-01/2024-01-bedfordshire-street.csv", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TruncatedArchive_IsNotAReadableZip()
    {
        var zip = Archive(("2024-01/2024-01-bedfordshire-street.csv", File.ReadAllBytes(Support.Fixtures.BedfordshireStreet)));
        var bytes = File.ReadAllBytes(zip);
        File.WriteAllBytes(zip, bytes[..(bytes.Length / 2)]);

        var failure = Assert.Throws<DownloadException>(() => PoliceArchive.Extract(zip, new ArchivePart(YearMonth.Parse("2024-01"), YearMonth.Parse("2024-01"), YearMonth.Parse("2024-01")), null, new HashSet<string> { "street" }, Path.Combine(_folder, "out")));

        Assert.Equal(DownloadFailure.Damaged, failure.Failure);
        Assert.Contains("is not a readable zip archive", failure.Message, StringComparison.Ordinal);
    }

    private string Archive(params (string Name, byte[] Content)[] entries)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content) in entries)
        {
            using var stream = zip.CreateEntry(name).Open();
            stream.Write(content);
        }

        return path;
    }
}
