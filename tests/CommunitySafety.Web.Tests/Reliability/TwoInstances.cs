namespace CommunitySafety.Web.Tests.Reliability;

/// <summary>
/// Two real instances on two loopback ports over one new PostgreSQL database, as behind a load balancer. The first
/// migrates, seeds the example plan and creates the Data Protection key ring; the second finds them.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private TwoInstances(PostgresDatabase database, WebInstance first, WebInstance second)
    {
        Database = database;
        First = first;
        Second = second;
    }

    /// <summary>The database both instances use.</summary>
    public PostgresDatabase Database { get; }

    /// <summary>The instance that seeded the database.</summary>
    public WebInstance First { get; }

    /// <summary>The other instance.</summary>
    public WebInstance Second { get; }

    /// <summary>Creates a database named from <paramref name="databasePrefix"/> and starts both instances over it.</summary>
    public static async Task<TwoInstances> StartAsync(string databasePrefix)
    {
        var database = await PostgresDatabase.CreateAsync(databasePrefix);
        WebInstance? first = null;
        try
        {
            first = await WebInstance.StartAsync("postgresql", database.ConnectionString, ("Demo:Seed", "true"), ("Demo:Password", WebFactory.Password));
            var second = await WebInstance.StartAsync("postgresql", database.ConnectionString);
            return new TwoInstances(database, first, second);
        }
        catch
        {
            if (first is not null)
            {
                await first.DisposeAsync();
            }

            await database.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
        await Database.DisposeAsync();
    }
}
