using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace CommunitySafety.Data.Download;

/// <summary>How a download is going: bytes so far out of the total (when the server said it).</summary>
/// <param name="Url">What is being fetched.</param>
/// <param name="Bytes">Bytes on disk so far (including those kept from an earlier, interrupted attempt).</param>
/// <param name="Total">The file's length, when known.</param>
public sealed record DownloadProgress(Uri Url, long Bytes, long? Total)
{
    /// <summary>The share done, 0 when the length is unknown.</summary>
    public double Fraction => Total is > 0 ? Math.Min(1, (double)Bytes / Total.Value) : 0;
}

/// <summary>Limits of a download.</summary>
public sealed record DownloadOptions
{
    /// <summary>The default: 5 attempts, 60 seconds of silence allowed.</summary>
    public static DownloadOptions Default { get; } = new();

    /// <summary>Attempts in all (a dropped connection is resumed where it stopped, up to this many times).</summary>
    public int Attempts { get; init; } = 5;

    /// <summary>How long the server may send nothing (no answer, or no bytes) before the attempt is given up.</summary>
    public TimeSpan Silence { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Pause before trying again after a dropped connection.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Downloads one file over HTTP(S) to disk so that an interruption loses nothing: bytes go to <c>&lt;file&gt;.part</c>,
/// a dropped connection (or a new run after one) resumes with an HTTP <c>Range</c> request from the bytes already there,
/// and the file gets its final name only when its length is the one the server announced. A server that ignores
/// <c>Range</c> (answers 200) is read again from the start.
/// </summary>
public sealed class ResumableDownload(HttpClient http, DownloadOptions? options = null)
{
    private readonly DownloadOptions _options = options ?? DownloadOptions.Default;

    /// <summary>Fetches <paramref name="url"/> to <paramref name="path"/>, resuming a <c>.part</c> file left by an earlier run.</summary>
    /// <returns>The file's length.</returns>
    /// <exception cref="DownloadException">Not published (404), unreachable, timed out, kept dropping, or the wrong length.</exception>
    public async Task<long> FetchAsync(Uri url, string path, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var part = path + ".part";
        Exception? last = null;
        for (var attempt = 1; attempt <= _options.Attempts; attempt++)
        {
            try
            {
                var length = await AttemptAsync(url, part, progress, cancellationToken).ConfigureAwait(false);
                File.Move(part, path, overwrite: true);
                return length;
            }
            catch (DownloadException e) when (e.Failure is DownloadFailure.Network or DownloadFailure.TimedOut && attempt < _options.Attempts)
            {
                last = e;
                await Task.Delay(_options.RetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }

        throw last as DownloadException ?? new DownloadException($"{url}: the download failed.", DownloadFailure.Network, last);
    }

    private async Task<long> AttemptAsync(Uri url, string part, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var have = File.Exists(part) ? new FileInfo(part).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (have > 0)
        {
            request.Headers.Range = new RangeHeaderValue(have, null);
        }

        using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        silence.CancelAfter(_options.Silence);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, silence.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DownloadException($"{url}: the server did not answer within {Seconds(_options.Silence)}; try again later.", DownloadFailure.TimedOut);
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(url, e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && have > 0)
            {
                // The part is as long as the file or longer (the file changed): start again.
                File.Delete(part);
                throw new DownloadException($"{url}: the file changed on the server while it was being downloaded; starting again.", DownloadFailure.Network);
            }

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new DownloadException($"{url} is not published (404 Not Found).", DownloadFailure.NotPublished);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new DownloadException($"{url}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}; try again later.", DownloadFailure.ServerError);
            }

            var append = response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange is { From: { } from } && from == have;
            if (!append)
            {
                have = 0;
            }

            long? total = response.Content.Headers.ContentRange?.Length
                ?? (response.Content.Headers.ContentLength is { } n ? have + n : null);
            await using var file = new FileStream(part, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[1 << 16];
            var bytes = have;
            var reported = DateTime.MinValue;
            try
            {
                while (true)
                {
                    silence.CancelAfter(_options.Silence);
                    var read = await body.ReadAsync(buffer, silence.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    bytes += read;
                    if (progress is not null && DateTime.UtcNow - reported > TimeSpan.FromMilliseconds(200))
                    {
                        reported = DateTime.UtcNow;
                        progress.Report(new DownloadProgress(url, bytes, total));
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DownloadException($"{url}: the server sent nothing for {Seconds(_options.Silence)} after {bytes:N0} bytes; run the command again to resume.", DownloadFailure.TimedOut);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                throw new DownloadException($"{url}: the connection dropped after {bytes:N0} of {(total is { } t ? t.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) : "?")} bytes; run the command again to resume.", DownloadFailure.Network, e);
            }

            if (total is { } expected && bytes != expected)
            {
                var dropped = bytes < expected;
                if (!dropped)
                {
                    File.Delete(part);
                }

                throw new DownloadException(
                    dropped
                        ? $"{url}: the connection ended after {bytes:N0} of {expected:N0} bytes; run the command again to resume."
                        : $"{url}: received {bytes:N0} bytes, more than the {expected:N0} announced; the copy was discarded.",
                    dropped ? DownloadFailure.Network : DownloadFailure.Damaged);
            }

            progress?.Report(new DownloadProgress(url, bytes, total ?? bytes));
            return bytes;
        }
    }

    private static DownloadException Unreachable(Uri url, HttpRequestException e)
    {
        var reason = e.InnerException is SocketException s
            ? s.SocketErrorCode switch
            {
                SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "the name could not be looked up (offline?)",
                SocketError.ConnectionRefused => "the connection was refused",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => "the network is unreachable (offline?)",
                _ => s.Message,
            }
            : e.Message;
        return new DownloadException($"Could not reach {url.GetLeftPart(UriPartial.Authority)}: {reason}. Check the connection, or give another address with --base-url.", DownloadFailure.Network, e);
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds >= 1
        ? $"{span.TotalSeconds:0} s"
        : $"{span.TotalMilliseconds:0} ms";
}
