using System.Diagnostics;

namespace CommunitySafety.Web.Infrastructure.Rendering;

/// <summary>
/// Bounds report making (building a report is about a second of CPU; a PDF also starts a Chromium, seconds of CPU and
/// hundreds of MB): one at a time per instance, a short queue behind it (<c>Reports:Queue</c>, default 3), and beyond
/// that the request is refused at once, before any work, with <see cref="ReportBusyException"/> (answered 503 with
/// Retry-After), so a burst of anonymous requests for reports not yet in the cache cannot exhaust the machine or slow
/// the other pages. A request waits in the queue at most <see cref="MaxQueueWait"/>.
/// </summary>
public sealed class ReportGate
{
    /// <summary>The longest a queued request waits for its turn.</summary>
    public static readonly TimeSpan MaxQueueWait = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _one = new(1, 1);
    private int _inside;
    private long _lastMilliseconds = 5_000;

    /// <summary>Creates the gate.</summary>
    /// <param name="queueLength">How many may wait behind the one being made.</param>
    public ReportGate(int queueLength) => QueueLength = Math.Max(0, queueLength);

    /// <summary>How many may wait behind the one being made.</summary>
    public int QueueLength { get; }

    /// <summary>How many are being made or waiting now.</summary>
    public int Inside => Volatile.Read(ref _inside);

    /// <summary>How long a refused request should wait before trying again: the queue's length in recent makings, at least 5 seconds.</summary>
    public TimeSpan RetryAfter => TimeSpan.FromSeconds(Math.Max(5, Math.Ceiling(Interlocked.Read(ref _lastMilliseconds) / 1000.0 * (QueueLength + 1))));

    /// <summary>Makes a report when its turn comes, or refuses at once when the queue is full.</summary>
    /// <typeparam name="T">What the making returns.</typeparam>
    /// <param name="make">Makes the report.</param>
    /// <param name="cancellationToken">Gives up waiting (the request went away).</param>
    /// <returns>What <paramref name="make"/> returned.</returns>
    /// <exception cref="ReportBusyException">The queue was full, or the turn did not come within <see cref="MaxQueueWait"/>.</exception>
    public async Task<T> RunAsync<T>(Func<Task<T>> make, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(make);
        if (Interlocked.Increment(ref _inside) > 1 + QueueLength)
        {
            Interlocked.Decrement(ref _inside);
            throw new ReportBusyException(RetryAfter);
        }

        try
        {
            if (!await _one.WaitAsync(MaxQueueWait, cancellationToken).ConfigureAwait(false))
            {
                throw new ReportBusyException(RetryAfter);
            }

            try
            {
                var watch = Stopwatch.StartNew();
                var result = await make().ConfigureAwait(false);
                Interlocked.Exchange(ref _lastMilliseconds, watch.ElapsedMilliseconds);
                return result;
            }
            finally
            {
                _one.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }
}

/// <summary>Report making is at its limit on this instance: try again after <see cref="RetryAfter"/>.</summary>
public sealed class ReportBusyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="retryAfter">When to try again.</param>
    public ReportBusyException(TimeSpan retryAfter)
        : base($"Reports are being made for other people: try again in {(int)Math.Ceiling(retryAfter.TotalSeconds)} seconds.") => RetryAfter = retryAfter;

    /// <summary>Creates the exception.</summary>
    public ReportBusyException()
        : this(TimeSpan.FromSeconds(5))
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public ReportBusyException(string message)
        : base(message) => RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="inner">The cause.</param>
    public ReportBusyException(string message, Exception inner)
        : base(message, inner) => RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>When to try again.</summary>
    public TimeSpan RetryAfter { get; }
}
