using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CommunitySafety.Monitoring.Tests;

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
        await migrator.MigrateAsync(migrations[review - 1]);

        // A commentary written before review existed (on nothing in particular: the table allows it).
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO \"Commentaries\" (\"Period\", \"Markdown\", \"Author\", \"WrittenAt\", \"Version\") VALUES ('Q4 2022/23', 'Old text', 'someone', '2024-01-01T00:00:00+00:00', 1)");
        await migrator.MigrateAsync();

        var old = await db.Commentaries.AsNoTracking().SingleAsync(c => c.Markdown == "Old text");
        Assert.Equal(ReviewState.Approved, old.Review);
        Assert.Single(await db.Commentaries.InScope(ValueScope.Published).Where(c => c.Markdown == "Old text").ToListAsync());

        var connection = db.Database.GetDbConnection();
        async Task<long> VersionAsync()
        {
            await using var command = connection.CreateCommand();
            command.CommandText = StoreVersion.SelectSql;
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return reader.GetInt64(1);
        }

        await db.Database.OpenConnectionAsync();
        var before = await VersionAsync();
        var tracked = await db.Commentaries.SingleAsync(c => c.Markdown == "Old text");
        tracked.Review = ReviewState.Withdrawn;
        await db.SaveChangesAsync();
        Assert.True(await VersionAsync() > before);
        await db.Database.CloseConnectionAsync();
    }
}
