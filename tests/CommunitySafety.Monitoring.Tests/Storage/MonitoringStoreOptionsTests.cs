using CommunitySafety.Monitoring.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunitySafety.Monitoring.Tests.Storage;

public sealed class MonitoringStoreOptionsTests
{
    [Theory]
    [InlineData(null, MonitoringDatabaseProvider.Sqlite)]
    [InlineData("sqlite", MonitoringDatabaseProvider.Sqlite)]
    [InlineData("PostgreSQL", MonitoringDatabaseProvider.PostgreSql)]
    [InlineData("npgsql", MonitoringDatabaseProvider.PostgreSql)]
    public void FromConfiguration_ProviderName_ChoosesProvider(string? name, MonitoringDatabaseProvider expected)
    {
        var options = MonitoringStoreOptions.FromConfiguration(name, "Host=x;Data Source=y");

        Assert.Equal(expected, options.Provider);
    }

    [Fact]
    public void FromConfiguration_NothingConfigured_IsDefaultSqliteFile()
    {
        var options = MonitoringStoreOptions.FromConfiguration(null, null);

        Assert.Equal(MonitoringDatabaseProvider.Sqlite, options.Provider);
        Assert.Contains(MonitoringStoreOptions.DefaultSqliteFile, options.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_UnknownProvider_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => MonitoringStoreOptions.FromConfiguration("oracle", "x"));

        Assert.Contains("oracle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_PostgreSqlWithoutConnectionString_Throws()
    {
        Assert.Throws<ArgumentException>(() => MonitoringStoreOptions.FromConfiguration("postgresql", ""));
    }

    [Fact]
    public void CreateContext_EachProvider_GivesItsOwnContextType()
    {
        using var sqlite = MonitoringDatabase.CreateContext(MonitoringStoreOptions.Sqlite("x.db"));
        using var postgres = MonitoringDatabase.CreateContext(new MonitoringStoreOptions(MonitoringDatabaseProvider.PostgreSql, "Host=127.0.0.1"));

        Assert.IsType<SqliteMonitoringDbContext>(sqlite);
        Assert.IsType<PostgreSqlMonitoringDbContext>(postgres);
        Assert.NotEmpty(sqlite.Database.GetMigrations());
        Assert.NotEmpty(postgres.Database.GetMigrations());
    }
}
