using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CommunitySafety.Data.Tests.Download;

/// <summary>One request the loopback server received.</summary>
/// <param name="Path">The path and query asked for.</param>
/// <param name="RangeFrom">The first byte of a <c>Range: bytes=N-</c> request, when there was one.</param>
internal sealed record LoopbackRequest(string Path, long? RangeFrom);

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 (a TCP listener writing responses by hand) for download tests: it can serve files
/// with or without honouring <c>Range</c>, drop the connection part way, stall, or answer 404 — what a flaky network or
/// a not-yet-published month does to a real download. One request per connection (<c>Connection: close</c>).
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<LoopbackRequest, int, Stream, Task> _handler;
    private readonly Task _loop;
    private int _count;

    /// <summary>Starts a server that answers request number n (from 0) with <paramref name="handler"/>.</summary>
    public LoopbackHttpServer(Func<LoopbackRequest, int, Stream, Task> handler)
    {
        _handler = handler;
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The server's address, ending in a slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The requests received, in order.</summary>
    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    /// <summary>A loopback address nothing listens on (a port just freed).</summary>
    public static Uri ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>
    /// Writes <paramref name="content"/> as the answer to <paramref name="request"/>: 206 from the range's first byte when
    /// <paramref name="honourRange"/>, else 200 with all of it; stops (closing the connection) after
    /// <paramref name="sendAtMost"/> body bytes, and waits <paramref name="stallBeforeBody"/> before the body.
    /// </summary>
    public static async Task ServeAsync(Stream stream, LoopbackRequest request, byte[] content, bool honourRange = true, long? sendAtMost = null, TimeSpan? stallBeforeBody = null)
    {
        var from = honourRange && request.RangeFrom is { } f && f < content.Length ? f : 0;
        var length = content.Length - from;
        var head = from > 0
            ? $"HTTP/1.1 206 Partial Content\r\nContent-Range: bytes {from}-{content.Length - 1}/{content.Length}\r\n"
            : "HTTP/1.1 200 OK\r\n";
        head += string.Create(CultureInfo.InvariantCulture, $"Content-Type: application/zip\r\nContent-Length: {length}\r\nAccept-Ranges: bytes\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.FlushAsync();
        if (stallBeforeBody is { } stall)
        {
            await Task.Delay(stall);
        }

        var send = (int)Math.Min(length, sendAtMost ?? length);
        await stream.WriteAsync(content.AsMemory((int)from, send));
        await stream.FlushAsync();
    }

    /// <summary>Answers 404 Not Found.</summary>
    public static Task NotFoundAsync(Stream stream) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")).AsTask();

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
                var line = await reader.ReadLineAsync() ?? string.Empty;
                var path = line.Split(' ') is { Length: >= 2 } parts ? parts[1] : "/";
                long? range = null;
                for (var header = await reader.ReadLineAsync(); !string.IsNullOrEmpty(header); header = await reader.ReadLineAsync())
                {
                    if (header.StartsWith("Range: bytes=", StringComparison.OrdinalIgnoreCase))
                    {
                        range = long.Parse(header["Range: bytes=".Length..].TrimEnd('-'), CultureInfo.InvariantCulture);
                    }
                }

                var request = new LoopbackRequest(path, range);
                Requests.Enqueue(request);
                await _handler(request, Interlocked.Increment(ref _count) - 1, stream);
            }
            catch (IOException)
            {
                // The client went away (e.g. gave up on a stalled answer).
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
