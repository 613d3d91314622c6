namespace CommunitySafety.Cli.Commands.Backup;

/// <summary>Which store <c>--only</c> limits a backup or restore to.</summary>
public enum BackupPart
{
    /// <summary>The DuckDB analytical store (crime records, counts, population, lookups).</summary>
    Analytical,

    /// <summary>The application store (plans, indicators, values, users, audit): SQLite or PostgreSQL.</summary>
    Application,
}
