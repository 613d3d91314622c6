using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CommunitySafety.Web.Infrastructure.Security;

/// <summary>
/// Slows password guessing by where it comes from, never by whose account is guessed, so that nobody elsewhere can shut a
/// partner out of their account (as a lockout after N failures would let them). Failed sign-ins are counted per client
/// network (an IPv4 address, or an IPv6 /64, which one household or office holds whole) and per network and name typed.
/// After <see cref="FreeFailuresPerName"/> failures for one name, or <see cref="FreeFailuresPerNetwork"/> for any names,
/// from one network, that network must wait before its next try: 1 second, then 2, 4, 8 … doubling with every further
/// failure, at most <see cref="MaxWait"/>. A network's failures are forgotten <see cref="Memory"/> after its last one; a
/// successful sign-in clears the count for that name (not the network's). The answer depends only on the network and the
/// name typed, so it is the same whether or not the account exists. Kept in this instance's memory (at most
/// <see cref="MaxNetworks"/> entries): behind a load balancer each instance slows guessing on its own.
/// </summary>
/// <param name="time">The clock.</param>
public sealed class SignInThrottle(TimeProvider time)
{
    /// <summary>Failures for one name from one network before the first wait.</summary>
    public const int FreeFailuresPerName = 3;

    /// <summary>Failures for any names from one network before the first wait (a shared office typing wrong passwords).</summary>
    public const int FreeFailuresPerNetwork = 20;

    /// <summary>The longest wait.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    /// <summary>How long a network's failures are remembered after its last one.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromMinutes(15);

    /// <summary>The most networks and names remembered; beyond it, stale entries are dropped first.</summary>
    public const int MaxNetworks = 100_000;

    private readonly ConcurrentDictionary<string, Record> _records = new(StringComparer.Ordinal);

    /// <summary>How long the network must still wait before it may try <paramref name="name"/> (zero: it may try now).</summary>
    /// <param name="address">The client's address (null when unknown: all unknown clients count as one network).</param>
    /// <param name="name">The account name typed.</param>
    /// <returns>The wait.</returns>
    public TimeSpan WaitBefore(IPAddress? address, string name)
    {
        var now = time.GetUtcNow();
        var network = Network(address);
        return Max(Remaining(network, now), Remaining(network + "|" + Normalise(name), now));
    }

    /// <summary>Counts a failed sign-in (wrong password, no such account, locked or disabled account alike).</summary>
    /// <param name="address">The client's address.</param>
    /// <param name="name">The account name typed.</param>
    public void Failed(IPAddress? address, string name)
    {
        var now = time.GetUtcNow();
        var network = Network(address);
        if (_records.Count >= MaxNetworks)
        {
            Prune(now);
        }

        Count(network, FreeFailuresPerNetwork, now);
        Count(network + "|" + Normalise(name), FreeFailuresPerName, now);
    }

    /// <summary>Forgets the failures for this name from this network after it signed in.</summary>
    /// <param name="address">The client's address.</param>
    /// <param name="name">The account name.</param>
    public void Succeeded(IPAddress? address, string name) => _records.TryRemove(Network(address) + "|" + Normalise(name), out _);

    /// <summary>The wait after <paramref name="failures"/> failures when <paramref name="free"/> are allowed: none, then 1 s doubling, at most <see cref="MaxWait"/>.</summary>
    /// <param name="failures">Failures so far.</param>
    /// <param name="free">Failures allowed without a wait.</param>
    /// <returns>The wait.</returns>
    public static TimeSpan WaitAfter(int failures, int free)
    {
        if (failures < free)
        {
            return TimeSpan.Zero;
        }

        var doublings = failures - free;
        return doublings >= 9 ? MaxWait : TimeSpan.FromSeconds(Math.Min(MaxWait.TotalSeconds, Math.Pow(2, doublings)));
    }

    /// <summary>The network an address belongs to: the IPv4 address itself, or the /64 of an IPv6 address.</summary>
    /// <param name="address">The address.</param>
    /// <returns>Its key.</returns>
    public static string Network(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }

    /// <summary>The wait in words, e.g. "8 seconds", "2 minutes".</summary>
    /// <param name="wait">The wait.</param>
    /// <returns>The words.</returns>
    public static string Words(TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        if (seconds < 60)
        {
            return seconds == 1 ? "1 second" : seconds.ToString(CultureInfo.InvariantCulture) + " seconds";
        }

        var minutes = (int)Math.Ceiling(seconds / 60.0);
        return minutes == 1 ? "1 minute" : minutes.ToString(CultureInfo.InvariantCulture) + " minutes";
    }

    private static string Normalise(string name) => name.Trim().ToUpperInvariant();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private TimeSpan Remaining(string key, DateTimeOffset now) =>
        _records.TryGetValue(key, out var r) && r.NextTry > now ? r.NextTry - now : TimeSpan.Zero;

    private void Count(string key, int free, DateTimeOffset now)
    {
        if (_records.Count >= MaxNetworks && !_records.ContainsKey(key))
        {
            // Full of fresh entries (guessing from very many networks): the new one is not remembered.
            return;
        }

        _records.AddOrUpdate(
            key,
            _ => Record.First(free, now),
            (_, old) => now - old.LastFailure > Memory ? Record.First(free, now) : old.Next(free, now));
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, record) in _records)
        {
            if (now - record.LastFailure > Memory)
            {
                _records.TryRemove(key, out _);
            }
        }
    }

    private sealed record Record(int Failures, DateTimeOffset LastFailure, DateTimeOffset NextTry)
    {
        public static Record First(int free, DateTimeOffset now) => new(1, now, now + WaitAfter(1, free));

        public Record Next(int free, DateTimeOffset now) => new(Failures + 1, now, now + WaitAfter(Failures + 1, free));
    }
}
