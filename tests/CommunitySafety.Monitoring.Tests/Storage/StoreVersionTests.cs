using System.Data.Common;
using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using CommunitySafety.Periods;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Tests.Storage;

public sealed class SqliteStoreVersionTests(SqliteFixture fixture)
    : StoreVersionTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgreSqlStoreVersionTests(PostgreSqlFixture fixture)
    : StoreVersionTests<PostgreSqlFixture>(fixture), IClassFixture<PostgreSqlFixture>;

/// <summary>
/// The change counter (<see cref="StoreVersion"/>): raised by the database's triggers on every insert, update and delete,
/// by the app or by plain SQL, and left alone by reads; each database has its own epoch. Run on each provider.
/// </summary>
public abstract class StoreVersionTests<TFixture>(TFixture fixture)
    where TFixture : DatabaseFixture
{
    protected TFixture Fixture { get; } = fixture;

    [Fact]
    public async Task Counter_RisesOnEveryKindOfWrite_AndNotOnReads()
    {
        await using var db = Fixture.NewContext();
        var code = "SV" + Fixture.ProviderName[..2];
        var start = await ReadAsync(db);

        var framework = await TestPlans.AddFrameworkAsync(db, code);
        var afterInsert = await ReadAsync(db);
        Assert.Equal(start.Epoch, afterInsert.Epoch);
        Assert.True(afterInsert.Version > start.Version);

        _ = await db.Indicators.AsNoTracking().Where(i => i.FrameworkId == framework.Id).ToListAsync();
        Assert.Equal(afterInsert, await ReadAsync(db));

        // An edit in place by SQL, adding no row: a target's figure.
        var indicator = framework.Indicators.Single(i => i.Code == code + "-RATE");
        db.IndicatorTargets.Add(new IndicatorTarget { IndicatorId = indicator.Id, Upper = 10 });
        await db.SaveChangesAsync();
        var beforeEdit = await ReadAsync(db);
        var changed = await db.Database.ExecuteSqlRawAsync("UPDATE \"IndicatorTargets\" SET \"Upper\" = 9 WHERE \"IndicatorId\" = {0}", indicator.Id);
        Assert.Equal(1, changed);
        var afterEdit = await ReadAsync(db);
        Assert.True(afterEdit.Version > beforeEdit.Version);

        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"IndicatorTargets\" WHERE \"IndicatorId\" = {0}", indicator.Id);
        Assert.True((await ReadAsync(db)).Version > afterEdit.Version);

        // A value recorded through the store, and a link between a strategy and a priority.
        var beforeValue = await ReadAsync(db);
        await new IndicatorValueStore(db).RecordAsync(new IndicatorValueInput(code + "-COUNT", ReportingPeriod.Parse("Q1 2022/23"), TestPlans.Area) { Count = 10 }, "a");
        var afterValue = await ReadAsync(db);
        Assert.True(afterValue.Version > beforeValue.Version);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"StrategyPriorities\" WHERE \"StrategiesId\" = {0}", framework.StrategyId);
        Assert.True((await ReadAsync(db)).Version > afterValue.Version);
    }

    [Fact]
    public async Task Epoch_DiffersBetweenDatabases()
    {
        await using var db = Fixture.NewContext();
        await using var other = MonitoringDatabase.CreateContext(await Fixture.NewDatabaseAsync());

        Assert.NotEqual((await ReadAsync(db)).Epoch, (await ReadAsync(other)).Epoch);
        Assert.False(string.IsNullOrEmpty((await ReadAsync(other)).Epoch));
    }

    private static async Task<(string Epoch, long Version)> ReadAsync(MonitoringDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = StoreVersion.SelectSql;
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return (reader.GetString(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
