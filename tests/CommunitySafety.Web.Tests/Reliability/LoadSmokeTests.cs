using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CommunitySafety.Tests;
using Npgsql;

namespace CommunitySafety.Web.Tests.Reliability;

/// <summary>
/// The load test (bench/load.sh) in small: wrk with the same script (bench/load/mixed.lua) against two instances over
/// one PostgreSQL database for a few seconds, reads and writes mixed. No request fails, and every write the server
/// acknowledged is in the database. The full 50-connection, 60-second run is bench/load.sh (docs/benchmarks.md).
/// </summary>
public sealed partial class LoadSmokeTests : IAsyncLifetime
{
    private const int Seconds = 5;
    private PostgresDatabase _database = null!;
    private WebInstance[] _instances = [];

    public async Task InitializeAsync()
    {
        _database = await PostgresDatabase.CreateAsync("csp_load_smoke");
        _instances =
        [
            await WebInstance.StartAsync("postgresql", _database.ConnectionString, ("Demo:Seed", "true"), ("Demo:Password", WebFactory.Password)),
            await WebInstance.StartAsync("postgresql", _database.ConnectionString),
        ];
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Wrk_ReadsAndWritesOnTwoInstances_NoErrorsAndNoAcknowledgedWriteLost()
    {
        var cookies = new CookieContainer();
        using (var first = _instances[0].Client(cookies))
        using (var signIn = await Forms.PostAsync(first, "account/sign-in", [new("email", "analyst@example.org"), new("password", WebFactory.Password)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        string token;
        using (var second = _instances[1].Client(cookies))
        {
            token = await Forms.TokenAsync(second, "entry/form?framework=DAMF&period=" + Uri.EscapeDataString("Q1 1000/01"));
        }

        var cookie = cookies.GetCookieHeader(_instances[0].BaseAddress);
        var ackFile = Path.Combine(Path.GetTempPath(), "csp-load-smoke-" + Guid.NewGuid().ToString("N"));
        try
        {
            var runs = await Task.WhenAll(_instances.Select((instance, i) => WrkAsync(instance.BaseAddress, i, cookie, token, ackFile)));
            foreach (var output in runs)
            {
                Assert.True(Value(output, "csp-requests") > 0, output);
                Assert.True(Value(output, "csp-socket-errors") == 0, output);
                Assert.True(Value(output, "csp-app-errors") == 0, output);
                Assert.DoesNotContain("Non-2xx or 3xx responses", output, StringComparison.Ordinal);
            }

            var sent = runs.Sum(o => Value(o, "csp-writes-sent"));
            var acknowledged = Directory.GetFiles(Path.GetDirectoryName(ackFile)!, Path.GetFileName(ackFile) + ".*")
                .SelectMany(File.ReadAllLines).Where(l => l.Length > 0).Select(l => long.Parse(l, CultureInfo.InvariantCulture)).ToHashSet();
            Assert.Equal(runs.Sum(o => Value(o, "csp-writes-acknowledged")), acknowledged.Count);
            Assert.NotEmpty(acknowledged);

            var stored = await StoredWritesAsync();
            Assert.Empty(acknowledged.Except(stored)); // no acknowledged write lost
            Assert.InRange(stored.Count, acknowledged.Count, sent); // the rest were in flight when wrk stopped
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(ackFile)!, Path.GetFileName(ackFile) + ".*"))
            {
                File.Delete(file);
            }
        }
    }

    private static async Task<string> WrkAsync(Uri target, int instance, string cookie, string token, string ackFile)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-t1", "-c2", $"-d{Seconds}s", "--timeout", "60s", "--latency", "-s", Path.Combine(RepositoryFolders.Root, "bench", "load", "mixed.lua"), target.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["CSP_COOKIE"] = cookie;
        start.Environment["CSP_TOKEN"] = token;
        start.Environment["CSP_INSTANCE"] = instance.ToString(CultureInfo.InvariantCulture);
        start.Environment["CSP_INSTANCES"] = "2";
        start.Environment["CSP_THREADS"] = "1";
        start.Environment["CSP_WRITE_EVERY"] = "2";
        start.Environment["CSP_ACK_FILE"] = ackFile;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("wrk is not installed: run scripts/install-prerequisites.sh (Debian package wrk)", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, await output + await error);
            return await output;
        }
    }

    private async Task<HashSet<long>> StoredWritesAsync()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (v."PeriodStart" - 12003) / 3 FROM "IndicatorValues" v JOIN "Indicators" i ON i."Id" = v."IndicatorId"
            WHERE i."Code" = 'DA-C2' AND v."PeriodKind" = 'FinancialQuarter' AND v."PeriodStart" >= 12003 AND v."PeriodStart" < 24003
            """, connection);
        var stored = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored.Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return stored;
    }

    private static long Value(string output, string name) =>
        ValueLine().Matches(output).FirstOrDefault(m => m.Groups[1].Value == name) is { } m
            ? long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"wrk printed no {name}: {output}");

    [GeneratedRegex(@"^(csp-[a-z-]+) (\d+)", RegexOptions.Multiline)]
    private static partial Regex ValueLine();
}
