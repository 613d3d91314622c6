using System.Globalization;
using System.Text.RegularExpressions;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Synthetic;
using CommunitySafety.Data.Tests.Support;
using CommunitySafety.Periods;
using nietras.SeparatedValues;

namespace CommunitySafety.Data.Tests.Synthetic;

public sealed partial class NationalArchiveGeneratorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csp-generator-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The repository's samples/lookups (the full ONS lookups), found above the test binaries.</summary>
    internal static string SampleLookups
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            {
                var candidate = Path.Combine(d.FullName, "samples", "lookups");
                if (File.Exists(Path.Combine(candidate, "LSOA11_WD20_LAD20_lookup.csv")))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("samples/lookups not found above " + AppContext.BaseDirectory);
        }
    }

    internal static NationalArchiveOptions Options(string folder) => new()
    {
        OutputFolder = folder,
        LsoaLookupPath = Path.Combine(SampleLookups, "LSOA11_WD20_LAD20_lookup.csv"),
        LocalAuthorityLookupPath = Path.Combine(SampleLookups, "LAD17_CSP17_PFA17_lookup.csv"),
        Start = new YearMonth(2024, 1),
        Months = 1,
        Scale = 0.02,
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-[a-z-]+-(street|outcomes|stop-and-search)\.csv$")]
    private static partial Regex PoliceFileName();

    [Fact]
    public void Generate_OneMonth_WritesEveryForceInThePoliceUkLayoutMarkedSynthetic()
    {
        var archive = NationalArchiveGenerator.Generate(Options(_folder));

        Assert.Equal(43 * 3, archive.Files);
        var files = Directory.GetFiles(Path.Combine(_folder, "2024-01"), "*.csv");
        Assert.Equal(43 * 3, files.Length);
        Assert.All(files, f => Assert.Matches(PoliceFileName(), Path.GetFileName(f)));
        foreach (var force in PoliceForces.Known.Where(f => f.IsTerritorialEnglandAndWales))
        {
            Assert.True(File.Exists(Path.Combine(_folder, "2024-01", $"2024-01-{force.Slug}-street.csv")), force.Slug);
        }

        Assert.Contains("SYNTHETIC DATA", File.ReadAllText(Path.Combine(_folder, NationalArchiveGenerator.MarkerFileName)));
        Assert.Contains("SYNTHETIC DATA", File.ReadAllText(Path.Combine(_folder, "2024-01", NationalArchiveGenerator.MarkerFileName)));
        Assert.Equal(Fixtures.StreetHeader, File.ReadLines(files.First(f => f.EndsWith("-street.csv", StringComparison.Ordinal))).First());
        // 2% of a national month: about 6.5M / 12 × 0.02 × January's seasonal factor.
        Assert.InRange(archive.StreetRows, 9_000, 11_500);
        Assert.Empty(Directory.GetFiles(_folder, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public void Generate_SameSeed_WritesIdenticalFilesWhateverTheThreads()
    {
        var a = Path.Combine(_folder, "a");
        var b = Path.Combine(_folder, "b");
        var c = Path.Combine(_folder, "c");
        NationalArchiveGenerator.Generate(Options(a) with { Seed = 7, MaxDegreeOfParallelism = 1, Forces = ["bedfordshire", "dorset"] });
        NationalArchiveGenerator.Generate(Options(b) with { Seed = 7, MaxDegreeOfParallelism = 4, Forces = ["bedfordshire", "dorset"] });
        NationalArchiveGenerator.Generate(Options(c) with { Seed = 8, Forces = ["bedfordshire", "dorset"] });

        foreach (var file in Directory.GetFiles(a, "*.csv", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(a, file);
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(b, relative)));
            Assert.NotEqual(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(c, relative)));
        }
    }

    [Fact]
    public void Generate_StreetRows_FollowTheCalibration()
    {
        var archive = NationalArchiveGenerator.Generate(Options(_folder) with { Scale = 0.1, Kinds = SyntheticFileKinds.Street });
        var lookupCodes = File.ReadLines(Path.Combine(SampleLookups, "LSOA11_WD20_LAD20_lookup.csv")).Skip(1).Select(l => l.Split(',')[1]).ToHashSet();

        long rows = 0, asb = 0, asbWithId = 0, noLocation = 0, violence = 0, quotedNames = 0;
        foreach (var file in Directory.GetFiles(_folder, "*-street.csv", SearchOption.AllDirectories))
        {
            using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(file);
            foreach (var row in reader)
            {
                rows++;
                var id = row["Crime ID"].ToString();
                var type = row["Crime type"].ToString();
                if (type == "Anti-social behaviour")
                {
                    asb++;
                    asbWithId += id.Length > 0 ? 1 : 0;
                    Assert.Equal(string.Empty, row["Last outcome category"].ToString());
                }
                else
                {
                    Assert.Matches("^[0-9a-f]{64}$", id);
                }

                violence += type == "Violence and sexual offences" ? 1 : 0;
                var code = row["LSOA code"].ToString();
                if (code.Length == 0)
                {
                    noLocation++;
                    Assert.Equal("No Location", row["Location"].ToString());
                    Assert.Equal(string.Empty, row["Longitude"].ToString());
                }
                else
                {
                    Assert.Contains(code, lookupCodes);
                    var longitude = double.Parse(row["Longitude"].Span, CultureInfo.InvariantCulture);
                    var latitude = double.Parse(row["Latitude"].Span, CultureInfo.InvariantCulture);
                    Assert.InRange(longitude, -6.5, 2.0);
                    Assert.InRange(latitude, 49.8, 55.9);
                    quotedNames += row["LSOA name"].Span.Contains(',') ? 1 : 0;
                }
            }
        }

        Assert.Equal(archive.StreetRows, rows);
        Assert.Equal(0, asbWithId);
        Assert.InRange(asb / (double)rows, 0.15, 0.17);
        Assert.InRange(violence / (double)rows, 0.325, 0.35);
        Assert.InRange(noLocation / (double)rows, 0.035, 0.044);
        // From 2023-10 police.uk names LSOAs after the 2020 districts: "Bournemouth, Christchurch and Poole 001A" is quoted.
        Assert.True(quotedNames > 0);
    }

    [Fact]
    public void Generate_AYearOfOneForce_HasTheSeasonsAndASkewAcrossLsoas()
    {
        NationalArchiveGenerator.Generate(Options(_folder) with
        {
            Months = 12, Scale = 1, Forces = ["bedfordshire"], Kinds = SyntheticFileKinds.Street,
        });
        int Rows(string month) => File.ReadLines(Path.Combine(_folder, month, $"{month}-bedfordshire-street.csv")).Count() - 1;
        // Real Bedfordshire, mean of 2024 and 2025: May 5,839 rows, February 4,648.
        Assert.True(Rows("2024-05") > Rows("2024-02") * 1.12, $"May {Rows("2024-05")}, February {Rows("2024-02")}");

        var byLsoa = Directory.GetFiles(_folder, "*-street.csv", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadLines(f).Skip(1))
            .Select(l => l.Split(','))
            // Own LSOAs only, as measured on the real files (boundary rows fall in the neighbouring force's LSOAs).
            .Where(f => f[7].Length > 0 && (f[8].StartsWith("Bedford", StringComparison.Ordinal) || f[8].StartsWith("Luton", StringComparison.Ordinal)
                || f[8].StartsWith("Central Bedfordshire", StringComparison.Ordinal)))
            .Select(f => f[7])
            .GroupBy(c => c)
            .Select(g => g.Count())
            .OrderDescending()
            .ToList();
        var topTenth = byLsoa.Take(byLsoa.Count / 10).Sum() / (double)byLsoa.Sum();
        // Real: the busiest 10% of a force's LSOAs hold 34% of its rows (Bedfordshire and Hampshire).
        Assert.InRange(topTenth, 0.25, 0.45);
    }

    [Fact]
    public void Generate_UnknownForce_SaysWhichNamesWork()
    {
        var e = Assert.Throws<ArgumentException>(() => NationalArchiveGenerator.Generate(Options(_folder) with { Forces = ["atlantis"] }));
        Assert.Contains("atlantis", e.Message, StringComparison.Ordinal);
        Assert.Contains("avon-and-somerset", e.Message, StringComparison.Ordinal);
    }
}
