using CommunitySafety.Monitoring.Model;
using CommunitySafety.Periods;
using CommunitySafety.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommunitySafety.Monitoring.Storage;

/// <summary>
/// The application store of plans, monitoring frameworks, indicators, values and commentary.
/// Create one with <see cref="MonitoringDatabase"/>; the provider (SQLite or PostgreSQL) decides the concrete type.
/// </summary>
/// <remarks>
/// History is never lost: saving a changed <see cref="IndicatorValue"/> or <see cref="Commentary"/> writes its
/// previous version to <see cref="IndicatorValueRevisions"/> or <see cref="CommentaryRevisions"/> in the same
/// transaction, and deleting either is refused. Of two people changing the same value at once, the second save fails
/// with a <see cref="DbUpdateException"/> (the revision for that version already exists, or the <c>Version</c>
/// concurrency token no longer matches) instead of silently replacing a version they never saw.
/// </remarks>
public abstract class MonitoringDbContext : DbContext
{
    /// <summary>Creates the context; used by the provider-specific subclasses.</summary>
    /// <param name="options">The options, naming the provider and connection.</param>
    protected MonitoringDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The clock used to stamp revisions; inject a fake one in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Partnerships.</summary>
    public DbSet<Partnership> Partnerships => Set<Partnership>();

    /// <summary>Community safety plans.</summary>
    public DbSet<CommunitySafetyPlan> Plans => Set<CommunitySafetyPlan>();

    /// <summary>Priorities.</summary>
    public DbSet<Priority> Priorities => Set<Priority>();

    /// <summary>Strategies and delivery plans.</summary>
    public DbSet<Strategy> Strategies => Set<Strategy>();

    /// <summary>Monitoring frameworks.</summary>
    public DbSet<MonitoringFramework> Frameworks => Set<MonitoringFramework>();

    /// <summary>Objectives.</summary>
    public DbSet<Objective> Objectives => Set<Objective>();

    /// <summary>Actions.</summary>
    public DbSet<PlanAction> Actions => Set<PlanAction>();

    /// <summary>Updates on actions.</summary>
    public DbSet<ActionUpdate> ActionUpdates => Set<ActionUpdate>();

    /// <summary>Narrative sections of plans and priorities.</summary>
    public DbSet<NarrativeSection> NarrativeSections => Set<NarrativeSection>();

    /// <summary>Indicators.</summary>
    public DbSet<Indicator> Indicators => Set<Indicator>();

    /// <summary>Indicator targets.</summary>
    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();

    /// <summary>Current indicator values.</summary>
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    /// <summary>Earlier versions of indicator values.</summary>
    public DbSet<IndicatorValueRevision> IndicatorValueRevisions => Set<IndicatorValueRevision>();

    /// <summary>Current commentary.</summary>
    public DbSet<Commentary> Commentaries => Set<Commentary>();

    /// <summary>Earlier versions of commentary.</summary>
    public DbSet<CommentaryRevision> CommentaryRevisions => Set<CommentaryRevision>();

    /// <inheritdoc/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        KeepHistory();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc/>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        KeepHistory();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <inheritdoc/>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Enums are stored by name so the tables read well in any SQL client.
        configurationBuilder.Properties<PlanStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<StrategyStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ReportingFrequency>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<YearType>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<IndicatorValueType>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<BenchmarkKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ValueStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ActionStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Rag>().HaveConversion<string>().HaveMaxLength(8);
        configurationBuilder.Properties<NarrativeKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<PeriodKind>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<Polarity>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ReviewState>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<FinancialYear>().HaveConversion<FinancialYearConverter>();
    }

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Partnership>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.AreaCode).HasMaxLength(9);
            e.Property(p => p.AreaName).HasMaxLength(200);
            e.HasMany(p => p.Plans).WithOne(p => p.Partnership).HasForeignKey(p => p.PartnershipId);
        });

        modelBuilder.Entity<CommunitySafetyPlan>(e =>
        {
            e.ToTable("Plans");
            e.Property(p => p.Title).HasMaxLength(300);
            e.HasMany(p => p.Priorities).WithOne(p => p.Plan).HasForeignKey(p => p.PlanId);
            e.HasMany(p => p.Strategies).WithOne(s => s.Plan).HasForeignKey(s => s.PlanId);
            e.HasMany(p => p.Sections).WithOne().HasForeignKey(s => s.PlanId);
        });

        modelBuilder.Entity<Priority>(e =>
        {
            e.Property(p => p.Code).HasMaxLength(16);
            e.Property(p => p.Title).HasMaxLength(500);
            e.HasIndex(p => new { p.PlanId, p.Code }).IsUnique();
            e.HasMany(p => p.Sections).WithOne().HasForeignKey(s => s.PriorityId);
            e.HasMany(p => p.Strategies).WithMany(s => s.Priorities).UsingEntity("StrategyPriorities");
        });

        modelBuilder.Entity<Strategy>(e =>
        {
            e.Property(s => s.Name).HasMaxLength(300);
            e.Property(s => s.OwnerOrganisation).HasMaxLength(200);
            e.Property(s => s.GovernanceGroup).HasMaxLength(200);
            e.HasMany(s => s.Frameworks).WithOne(f => f.Strategy).HasForeignKey(f => f.StrategyId);
            e.HasMany(s => s.Actions).WithOne(a => a.Strategy).HasForeignKey(a => a.StrategyId);
        });

        modelBuilder.Entity<MonitoringFramework>(e =>
        {
            e.ToTable("Frameworks");
            e.Property(f => f.Code).HasMaxLength(32);
            e.Property(f => f.Name).HasMaxLength(300);
            e.HasIndex(f => f.Code).IsUnique();
            e.HasMany(f => f.Objectives).WithOne(o => o.Framework).HasForeignKey(o => o.FrameworkId);
            e.HasMany(f => f.Indicators).WithOne(i => i.Framework).HasForeignKey(i => i.FrameworkId);
        });

        modelBuilder.Entity<Objective>(e =>
        {
            e.Property(o => o.Code).HasMaxLength(16);
            e.Property(o => o.Title).HasMaxLength(500);
            e.HasIndex(o => new { o.FrameworkId, o.Code }).IsUnique();
            e.HasMany(o => o.Indicators).WithOne(i => i.Objective).HasForeignKey(i => i.ObjectiveId)
                .OnDelete(DeleteBehavior.Restrict);
            e.HasMany(o => o.Actions).WithOne(a => a.Objective).HasForeignKey(a => a.ObjectiveId)
                .OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<PlanAction>(e =>
        {
            e.ToTable("Actions");
            e.Property(a => a.Title).HasMaxLength(500);
            e.HasMany(a => a.Updates).WithOne(u => u.Action).HasForeignKey(u => u.ActionId);
        });

        modelBuilder.Entity<ActionUpdate>(e => e.Property(u => u.Author).HasMaxLength(200));

        modelBuilder.Entity<NarrativeSection>(e => e.Property(s => s.Heading).HasMaxLength(300));

        modelBuilder.Entity<Indicator>(e =>
        {
            e.Property(i => i.Code).HasMaxLength(64);
            e.Property(i => i.Title).HasMaxLength(500);
            e.Property(i => i.BenchmarkAreaCode).HasMaxLength(9);
            e.Property(i => i.ReportingAreaCode).HasMaxLength(9);
            e.Property(i => i.BaselinePeriod).HasMaxLength(32);
            e.HasIndex(i => i.Code).IsUnique();
            e.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.IndicatorId);
            e.HasMany(i => i.Values).WithOne(v => v.Indicator).HasForeignKey(v => v.IndicatorId)
                .OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<IndicatorTarget>(e => e.Property(t => t.Period).HasMaxLength(32));

        modelBuilder.Entity<IndicatorValue>(e =>
        {
            ValueFieldColumns(e);
            e.Property(v => v.ReviewedBy).HasMaxLength(200);

            // Two people changing the same value at once: the second save fails rather than overwrite unseen.
            e.Property(v => v.Version).IsConcurrencyToken();
            e.HasIndex(v => new { v.IndicatorId, v.AreaCode, v.PeriodKind, v.PeriodStart, v.CategoryType, v.Category })
                .IsUnique();
            e.HasMany(v => v.Revisions).WithOne().HasForeignKey(r => r.IndicatorValueId)
                .OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<IndicatorValueRevision>(e =>
        {
            ValueFieldColumns(e);
            e.Property(v => v.SupersededBy).HasMaxLength(200);
            e.HasIndex(v => new { v.IndicatorValueId, v.Version }).IsUnique();
        });

        modelBuilder.Entity<Commentary>(e =>
        {
            e.ToTable("Commentaries");
            e.Property(c => c.Period).HasMaxLength(32);
            e.Property(c => c.Author).HasMaxLength(200);
            e.Property(c => c.AuthorName).HasMaxLength(200);
            e.Property(c => c.AuthorOrganisation).HasMaxLength(200);
            e.Property(c => c.ReviewedBy).HasMaxLength(200);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasOne<Indicator>().WithMany().HasForeignKey(c => c.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Objective>().WithMany().HasForeignKey(c => c.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Priority>().WithMany().HasForeignKey(c => c.PriorityId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.IndicatorId, c.Period });
            e.HasMany(c => c.Revisions).WithOne().HasForeignKey(r => r.CommentaryId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CommentaryRevision>(e =>
        {
            e.Property(c => c.Author).HasMaxLength(200);
            e.Property(c => c.SupersededBy).HasMaxLength(200);
            e.HasIndex(c => new { c.CommentaryId, c.Version }).IsUnique();
        });
    }

    private void KeepHistory()
    {
        var now = TimeProvider.GetUtcNow();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            switch (entry)
            {
                case { State: EntityState.Deleted, Entity: IndicatorValue or Commentary or IndicatorValueRevision or CommentaryRevision }:
                    throw new InvalidOperationException(
                        $"{entry.Entity.GetType().Name} rows are never deleted: history is kept. " +
                        "Record a missing reason or a new version instead.");
                case { State: EntityState.Modified, Entity: IndicatorValue } when OnlyReviewChanged(entry):
                case { State: EntityState.Modified, Entity: Commentary } when OnlyReviewChanged(entry):
                    // Approving or withdrawing changes no figure or text: the audit trail records who did it, and the
                    // row keeps who and when (ReviewedBy, ReviewedAt); no new version is made.
                    break;
                case { State: EntityState.Modified, Entity: IndicatorValue value }:
                    KeepValueHistory(entry.OriginalValues, value, now);
                    break;
                case { State: EntityState.Modified, Entity: Commentary commentary }:
                    KeepCommentaryHistory(entry.OriginalValues, commentary, now);
                    break;
                case { State: EntityState.Modified, Entity: IndicatorValueRevision or CommentaryRevision }:
                    throw new InvalidOperationException("Revisions are history and cannot be changed.");
                default:
                    break;
            }
        }
    }

    /// <summary>The column widths of a value's fields, the same for the current row and its earlier versions.</summary>
    private static void ValueFieldColumns<T>(EntityTypeBuilder<T> e)
        where T : IndicatorValueFields
    {
        e.Property(v => v.AreaCode).HasMaxLength(9);
        e.Property(v => v.CategoryType).HasMaxLength(100);
        e.Property(v => v.Category).HasMaxLength(200);
        e.Property(v => v.EnteredBy).HasMaxLength(200);
    }

    private static readonly HashSet<string> ReviewProperties = [nameof(IndicatorValue.Review), nameof(IndicatorValue.ReviewedBy), nameof(IndicatorValue.ReviewedAt)];

    private static bool OnlyReviewChanged(EntityEntry entry) =>
        entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).All(p => ReviewProperties.Contains(p.Metadata.Name));

    private void KeepValueHistory(PropertyValues original, IndicatorValue value, DateTimeOffset now)
    {
        var enteredAt = original.GetValue<DateTimeOffset>(nameof(IndicatorValue.EnteredAt));
        if (value.EnteredAt == enteredAt)
        {
            value.EnteredAt = now;
        }

        var version = original.GetValue<int>(nameof(IndicatorValue.Version));
        Add(new IndicatorValueRevision
        {
            IndicatorValueId = value.Id,
            Version = version,
            AreaCode = original.GetValue<string>(nameof(IndicatorValue.AreaCode)),
            CategoryType = original.GetValue<string>(nameof(IndicatorValue.CategoryType)),
            Category = original.GetValue<string>(nameof(IndicatorValue.Category)),
            Count = original.GetValue<double?>(nameof(IndicatorValue.Count)),
            Denominator = original.GetValue<double?>(nameof(IndicatorValue.Denominator)),
            Value = original.GetValue<double?>(nameof(IndicatorValue.Value)),
            Lower95 = original.GetValue<double?>(nameof(IndicatorValue.Lower95)),
            Upper95 = original.GetValue<double?>(nameof(IndicatorValue.Upper95)),
            Lower998 = original.GetValue<double?>(nameof(IndicatorValue.Lower998)),
            Upper998 = original.GetValue<double?>(nameof(IndicatorValue.Upper998)),
            Status = original.GetValue<ValueStatus>(nameof(IndicatorValue.Status)),
            MissingReason = original.GetValue<string?>(nameof(IndicatorValue.MissingReason)),
            Note = original.GetValue<string?>(nameof(IndicatorValue.Note)),
            EnteredBy = original.GetValue<string>(nameof(IndicatorValue.EnteredBy)),
            EnteredAt = enteredAt,
            Review = original.GetValue<ReviewState>(nameof(IndicatorValue.Review)),
            SupersededBy = value.EnteredBy,
            SupersededAt = value.EnteredAt,
        });
        value.Version = version + 1;
    }

    private void KeepCommentaryHistory(PropertyValues original, Commentary commentary, DateTimeOffset now)
    {
        var writtenAt = original.GetValue<DateTimeOffset>(nameof(Commentary.WrittenAt));
        if (commentary.WrittenAt == writtenAt)
        {
            commentary.WrittenAt = now;
        }

        var version = original.GetValue<int>(nameof(Commentary.Version));
        Add(new CommentaryRevision
        {
            CommentaryId = commentary.Id,
            Version = version,
            Markdown = original.GetValue<string>(nameof(Commentary.Markdown)),
            Author = original.GetValue<string>(nameof(Commentary.Author)),
            WrittenAt = writtenAt,
            Review = original.GetValue<ReviewState>(nameof(Commentary.Review)),
            SupersededBy = commentary.Author,
            SupersededAt = commentary.WrittenAt,
        });
        commentary.Version = version + 1;
    }

    private sealed class FinancialYearConverter() : ValueConverter<FinancialYear, int>(
        year => year.StartYear,
        startYear => new FinancialYear(startYear));
}
