using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommunitySafety.Web.Infrastructure.Storage;

/// <summary>
/// The web application's own tables (accounts and roles, organisations, the audit trail, drafts, the Data Protection
/// keys every instance shares), kept in the same database as the monitoring store with a migrations history of their own.
/// </summary>
public abstract class WebDbContext(DbContextOptions options) : IdentityDbContext<WebUser>(options), IDataProtectionKeyContext
{
    /// <summary>The migrations history table of these tables (the monitoring store has its own).</summary>
    public const string HistoryTable = "__WebMigrationsHistory";

    /// <summary>The audit trail.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Drafts of data entry.</summary>
    public DbSet<EntryDraft> EntryDrafts => Set<EntryDraft>();

    /// <summary>Partner organisations.</summary>
    public DbSet<Organisation> Organisations => Set<Organisation>();

    /// <summary>
    /// The ASP.NET Core Data Protection key ring (sign-in cookies, anti-forgery tokens, two-factor cookies): one ring for
    /// every instance of the app on this database, so a request may land on any of them (see DataProtectionSetup).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("WebAuditEntries");
            e.Property(a => a.User).HasMaxLength(256);
            e.Property(a => a.Action).HasMaxLength(100);
            e.Property(a => a.Entity).HasMaxLength(100);
            e.Property(a => a.EntityKey).HasMaxLength(300);
        });
        builder.Entity<EntryDraft>(e =>
        {
            e.ToTable("WebEntryDrafts");
            e.HasIndex(d => new { d.UserId, d.FrameworkCode, d.Period }).IsUnique();
        });
        builder.Entity<Organisation>(e =>
        {
            e.ToTable("WebOrganisations");
            e.HasIndex(o => o.Name).IsUnique();
            e.Property(o => o.Name).HasMaxLength(200);
        });
        builder.Entity<DataProtectionKey>(e => e.ToTable("WebDataProtectionKeys"));
        builder.Entity<WebUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Organisation).HasMaxLength(200);
        });
    }
}

/// <summary>The web tables on SQLite; migrations in Infrastructure/Storage/Migrations/Sqlite.</summary>
public sealed class SqliteWebDbContext(DbContextOptions<SqliteWebDbContext> options) : WebDbContext(options);

/// <summary>The web tables on PostgreSQL; migrations in Infrastructure/Storage/Migrations/PostgreSql.</summary>
public sealed class PostgreSqlWebDbContext(DbContextOptions<PostgreSqlWebDbContext> options) : WebDbContext(options);

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteWebDbContext</c> create the context.</summary>
public sealed class SqliteWebDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWebDbContext>
{
    /// <inheritdoc/>
    public SqliteWebDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteWebDbContext>()
        .UseSqlite("Data Source=design-time.db", x => x.MigrationsHistoryTable(WebDbContext.HistoryTable)).Options);
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgreSqlWebDbContext</c> create the context.</summary>
public sealed class PostgreSqlWebDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlWebDbContext>
{
    /// <inheritdoc/>
    public PostgreSqlWebDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgreSqlWebDbContext>()
        .UseNpgsql("Host=127.0.0.1;Port=5432;Database=csp_design;Username=postgres;Password=postgres", x => x.MigrationsHistoryTable(WebDbContext.HistoryTable)).Options);
}
