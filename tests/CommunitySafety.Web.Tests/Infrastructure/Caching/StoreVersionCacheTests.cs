using CommunitySafety.Web.Infrastructure.Caching;

namespace CommunitySafety.Web.Tests.Infrastructure.Caching;

/// <summary>The page cache's own rules: a value per key and stamp, and a bound on how many keys it keeps.</summary>
public sealed class StoreVersionCacheTests
{
    [Fact]
    public async Task Value_IsKeptWhileTheStampIsUnchanged_AndMadeAgainWhenItChanges()
    {
        var cache = new StoreVersionCache();
        var made = 0;
        Task<string> Make() => Task.FromResult("value " + Interlocked.Increment(ref made));

        Assert.Equal("value 1", await cache.GetOrMakeAsync("page", "1.1", Make));
        Assert.Equal("value 1", await cache.GetOrMakeAsync("page", "1.1", Make));
        Assert.Equal("value 2", await cache.GetOrMakeAsync("page", "1.2", Make));
        Assert.Equal(2, made);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task NewKeys_BeyondTheBound_AreServedButNotKept()
    {
        var cache = new StoreVersionCache(maxEntries: 2);
        var made = 0;
        Task<string> Make() => Task.FromResult("value " + Interlocked.Increment(ref made));

        await cache.GetOrMakeAsync("dashboard:a", "1.1", Make);
        await cache.GetOrMakeAsync("dashboard:b", "1.1", Make);
        Assert.Equal("value 3", await cache.GetOrMakeAsync("dashboard:made-up", "1.1", Make));
        Assert.Equal("value 4", await cache.GetOrMakeAsync("dashboard:made-up", "1.1", Make));
        Assert.Equal(2, cache.Count);

        // Keys already held are still kept, and refreshed when the store changes.
        Assert.Equal("value 1", await cache.GetOrMakeAsync("dashboard:a", "1.1", Make));
        Assert.Equal("value 5", await cache.GetOrMakeAsync("dashboard:b", "1.2", Make));
        Assert.Equal("value 5", await cache.GetOrMakeAsync("dashboard:b", "1.2", Make));
        Assert.Equal(2, cache.Count);
    }
}
