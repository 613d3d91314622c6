using System.Diagnostics;
using System.Text;
using CommunitySafety.Data.Police;
using CommunitySafety.Data.Tests.Support;

namespace CommunitySafety.Data.Tests.Police;

public sealed class KilledImportTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Import_ChildProcessKilledHalfWay_StoreUnchanged()
    {
        new PoliceImporter(_temp.Store).Import(Fixtures.HampshireStreet);
        var before = (_temp.Count("SELECT count(*) FROM crime"), _temp.Count("SELECT sum(n) FROM crime_monthly"), _temp.Count("SELECT count(*) FROM source_file"));
        _temp.Store.Dispose();

        // A big file: Bedfordshire's January repeated (one month: a police.uk file holds one), so the import takes a few seconds.
        var big = Path.Combine(_temp.Folder, "big-street.csv");
        var lines = File.ReadAllLines(Fixtures.BedfordshireStreet);
        using (var w = new StreamWriter(big, false, new UTF8Encoding(false)))
        {
            w.Write(lines[0] + "\n");
            for (var copy = 0; copy < 120; copy++)
            {
                foreach (var row in lines.Skip(1))
                {
                    w.Write(row);
                    w.Write('\n');
                }
            }
        }

        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(ChildProcess.Program).Assembly.Location);
        start.ArgumentList.Add("import");
        start.ArgumentList.Add(_temp.StorePath);
        start.ArgumentList.Add(big);
        using var child = Process.Start(start)!;
        var killedAt = -1L;
        string? line;
        while ((line = child.StandardOutput.ReadLine()) is not null)
        {
            if (line.StartsWith("rows ", StringComparison.Ordinal) && long.Parse(line[5..], System.Globalization.CultureInfo.InvariantCulture) > 100_000)
            {
                killedAt = long.Parse(line[5..], System.Globalization.CultureInfo.InvariantCulture);
                child.Kill(entireProcessTree: true);
                break;
            }
        }

        child.WaitForExit();
        Assert.True(killedAt > 0, "the child finished before it could be killed: " + child.StandardError.ReadToEnd());

        _temp.Reopen();
        Assert.Equal(before, (_temp.Count("SELECT count(*) FROM crime"), _temp.Count("SELECT sum(n) FROM crime_monthly"), _temp.Count("SELECT count(*) FROM source_file")));

        // And the store still takes imports.
        var summary = new PoliceImporter(_temp.Store).Import(Fixtures.BedfordshireStreet);
        Assert.Equal(before.Item1 + summary.TotalRows, _temp.Count("SELECT count(*) FROM crime"));
    }
}
