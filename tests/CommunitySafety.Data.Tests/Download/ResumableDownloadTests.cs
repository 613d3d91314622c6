using CommunitySafety.Data.Download;

namespace CommunitySafety.Data.Tests.Download;

/// <summary><see cref="ResumableDownload"/> against a real HTTP server on 127.0.0.1 that drops, stalls and refuses.</summary>
public sealed class ResumableDownloadTests : IDisposable
{
    private static readonly DownloadOptions Quick = new() { Attempts = 3, Silence = TimeSpan.FromSeconds(10), RetryDelay = TimeSpan.FromMilliseconds(10) };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "csp-data-tests", "download-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly byte[] _content = File.ReadAllBytes(Support.Fixtures.BedfordshireStreet);

    private string Target => Path.Combine(_folder, "2024-01.zip");

    public void Dispose()
    {
        _http.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Fetch_WritesTheFileWhole_AndLeavesNoPart()
    {
        await using var server = new LoopbackHttpServer((request, _, stream) => LoopbackHttpServer.ServeAsync(stream, request, _content));

        var bytes = await new ResumableDownload(_http, Quick).FetchAsync(new Uri(server.BaseUrl, "data/archive/2024-01.zip"), Target);

        Assert.Equal(_content.Length, bytes);
        Assert.Equal(_content, await File.ReadAllBytesAsync(Target));
        Assert.False(File.Exists(Target + ".part"));
        Assert.Equal("/data/archive/2024-01.zip", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Fetch_ConnectionDropsHalfway_ResumesFromTheBytesReceivedWithARangeRequest()
    {
        var half = _content.Length / 2;
        await using var server = new LoopbackHttpServer((request, n, stream) =>
            LoopbackHttpServer.ServeAsync(stream, request, _content, sendAtMost: n == 0 ? half : null));

        await new ResumableDownload(_http, Quick).FetchAsync(new Uri(server.BaseUrl, "a.zip"), Target);

        Assert.Equal(_content, await File.ReadAllBytesAsync(Target));
        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Null(requests[0].RangeFrom);
        Assert.Equal(half, requests[1].RangeFrom);
    }

    [Fact]
    public async Task Fetch_KeepsDropping_FailsInOneSentenceKeepingThePart_ThenANewRunResumesIt()
    {
        var stingy = true;
        await using var server = new LoopbackHttpServer((request, _, stream) =>
            LoopbackHttpServer.ServeAsync(stream, request, _content, sendAtMost: stingy ? 1000 : null));
        var url = new Uri(server.BaseUrl, "a.zip");

        var failure = await Assert.ThrowsAsync<DownloadException>(() => new ResumableDownload(_http, Quick).FetchAsync(url, Target));

        Assert.Equal(DownloadFailure.Network, failure.Failure);
        Assert.Contains("run the command again to resume", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.NewLine, failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Target));
        Assert.Equal(3000, new FileInfo(Target + ".part").Length); // three attempts of 1,000 bytes each, resumed each time

        stingy = false;
        await new ResumableDownload(_http, Quick).FetchAsync(url, Target);

        Assert.Equal(_content, await File.ReadAllBytesAsync(Target));
        Assert.Equal(3000, server.Requests.Last().RangeFrom);
    }

    [Fact]
    public async Task Fetch_ServerIgnoringRange_StartsAgainFromTheFirstByte()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllBytesAsync(Target + ".part", new byte[500]); // left by an earlier run, wrong bytes
        await using var server = new LoopbackHttpServer((request, _, stream) => LoopbackHttpServer.ServeAsync(stream, request, _content, honourRange: false));

        await new ResumableDownload(_http, Quick).FetchAsync(new Uri(server.BaseUrl, "a.zip"), Target);

        Assert.Equal(500, Assert.Single(server.Requests).RangeFrom);
        Assert.Equal(_content, await File.ReadAllBytesAsync(Target));
    }

    [Fact]
    public async Task Fetch_MonthNotPublished_SaysSoWithTheAddress_AndWritesNothing()
    {
        await using var server = new LoopbackHttpServer((_, _, stream) => LoopbackHttpServer.NotFoundAsync(stream));
        var url = new Uri(server.BaseUrl, "data/archive/2099-01.zip");

        var failure = await Assert.ThrowsAsync<DownloadException>(() => new ResumableDownload(_http, Quick).FetchAsync(url, Target));

        Assert.Equal(DownloadFailure.NotPublished, failure.Failure);
        Assert.Equal($"{url} is not published (404 Not Found).", failure.Message);
        Assert.Single(server.Requests); // not retried: it will not appear by asking again
        Assert.False(File.Exists(Target));
    }

    [Fact]
    public async Task Fetch_ServerStallsLongerThanAllowed_TimesOutSayingHowLong()
    {
        var options = Quick with { Attempts = 1, Silence = TimeSpan.FromMilliseconds(300) };
        await using var server = new LoopbackHttpServer((request, _, stream) =>
            LoopbackHttpServer.ServeAsync(stream, request, _content, stallBeforeBody: TimeSpan.FromSeconds(3)));

        var failure = await Assert.ThrowsAsync<DownloadException>(() => new ResumableDownload(_http, options).FetchAsync(new Uri(server.BaseUrl, "a.zip"), Target));

        Assert.Equal(DownloadFailure.TimedOut, failure.Failure);
        Assert.Contains("sent nothing for 300 ms", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_NothingListening_FailsInOneClearSentence()
    {
        var url = new Uri(LoopbackHttpServer.ClosedPort(), "a.zip");

        var failure = await Assert.ThrowsAsync<DownloadException>(() => new ResumableDownload(_http, Quick with { Attempts = 1 }).FetchAsync(url, Target));

        Assert.Equal(DownloadFailure.Network, failure.Failure);
        Assert.Equal($"Could not reach {url.GetLeftPart(UriPartial.Authority)}: the connection was refused. Check the connection, or give another address with --base-url.", failure.Message);
    }
}
