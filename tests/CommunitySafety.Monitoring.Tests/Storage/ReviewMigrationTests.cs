using CommunitySafety.Monitoring.Model;
using CommunitySafety.Monitoring.Storage;
using CommunitySafety.Monitoring.Values;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommunitySafety.Monitoring.Tests.Storage;

public sealed class SqliteReviewMigrationTests(SqliteFixture fixture)
    : ReviewMigrationTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgreSqlReviewMigrationTests(PostgreSqlFixture fixture)
    : ReviewMigrationTests<PostgreSqlFixture>(fixture), IClassFixture<PostgreSqlFixture>;

/// <summary>The migration <c>ReviewBeforePublication</c> on a store made before it: what was there counts as approved.</summary>
public abstract class ReviewMigrationTests<TFixture>(TFixture fixture)
    where TFixture : DatabaseFixture
{
    [Fact]
    public async Task ExistingCommentary_CountsAsApproved_AndTheStoreVersionStillRisesOnWrites()
    {
        var options = await fixture.NewDatabaseAsync();
        await using var db = MonitoringDatabase.CreateContext(options, fixture.Clock);
        var migrations = db.Database.GetMigrations().ToList();
        var review = migrations.FindIndex(m => m.EndsWith("_ReviewBeforePublication", StringComparison.Ordinal));
        Assert.True(review > 0);
        var migrator = db.GetService<IMigrator>();
        // Back to the schema before review existed (on SQLite this rebuilds the tables: their triggers must survive).
        await migrator.MigrateAsync(migrations[review - 1]);

        // A commentary written before review existed (on nothing in particular: the table allows it).
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Commentaries\" (\"Period\", \"Markdown\", \"Author\", \"WrittenAt\", \"Version\") VALUES ('Q4 2022/23', 'Old text', 'someone', '2024-01-01T00:00:00+00:00', 1)");
        await migrator.MigrateAsync();

        var old = await db.Commentaries.AsNoTracking().SingleAsync(c => c.Markdown == "Old text");
        Assert.Equal(ReviewState.Approved, old.Review);
        Assert.Single(await db.Commentaries.InScope(ValueScope.Published).Where(c => c.Markdown == "Old text").ToListAsync());

        async Task<long> VersionAsync()
        {
            await using var read = MonitoringDatabase.CreateContext(options, fixture.Clock);
            return await read.Database.SqlQueryRaw<long>("SELECT \"Version\" AS \"Value\" FROM \"StoreVersion\" WHERE \"Id\" = 1").SingleAsync();
        }

        var before = await VersionAsync();
        await using (var write = MonitoringDatabase.CreateContext(options, fixture.Clock))
        {
            var tracked = await write.Commentaries.SingleAsync(c => c.Markdown == "Old text");
            tracked.Review = ReviewState.Withdrawn;
            await write.SaveChangesAsync();
        }

        Assert.True(await VersionAsync() > before);
    }
}
