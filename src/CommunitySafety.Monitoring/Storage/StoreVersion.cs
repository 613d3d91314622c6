namespace CommunitySafety.Monitoring.Storage;

/// <summary>
/// The monitoring store's change counter: one row in the table <c>StoreVersion</c> whose <c>Version</c> database triggers
/// raise on every insert, update and delete (on PostgreSQL also truncate) of every monitoring table, inside the writing
/// transaction, so the new number is seen together with the change it counts, whichever program or SQL client made it.
/// <c>Epoch</c> is random per database, so two databases never share a stamp. Readers (the web app's page cache) compare
/// the pair read by <see cref="SelectSql"/> instead of looking at the tables themselves. Added by the migrations
/// <c>StoreVersion</c> of both providers (on PostgreSQL raised at commit since <c>StoreVersionAtCommit</c>); a table
/// added later needs its triggers in its own migration (<see cref="PostgreSqlAtCommit"/>, <see cref="SqliteTriggers"/>).
/// </summary>
public static class StoreVersion
{
    /// <summary>Reads the counter: one row of <c>Epoch</c> (text) and <c>Version</c> (a 64-bit integer).</summary>
    public const string SelectSql = "SELECT \"Epoch\", \"Version\" FROM \"StoreVersion\" WHERE \"Id\" = 1";

    /// <summary>The monitoring tables when the counter was added (the migrations <c>StoreVersion</c>).</summary>
    internal static IReadOnlyList<string> Tables { get; } =
    [
        "Partnerships", "Plans", "Priorities", "Strategies", "StrategyPriorities", "Frameworks", "Objectives", "Actions",
        "ActionUpdates", "NarrativeSections", "Indicators", "IndicatorTargets", "IndicatorValues", "IndicatorValueRevisions",
        "Commentaries", "CommentaryRevisions",
    ];

    /// <summary>PostgreSQL: the counter table and its row, and the function the triggers call.</summary>
    internal static IEnumerable<string> PostgreSqlCreate() =>
    [
        "CREATE TABLE \"StoreVersion\" (\"Id\" integer PRIMARY KEY CHECK (\"Id\" = 1), \"Epoch\" text NOT NULL, \"Version\" bigint NOT NULL)",
        "INSERT INTO \"StoreVersion\" VALUES (1, gen_random_uuid()::text, 0)",
        // Once per statement, before it: the row lock is taken before the statement's own row locks.
        "CREATE FUNCTION \"StoreVersionBump\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + "UPDATE \"StoreVersion\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1; RETURN NULL; END $$",
    ];

    /// <summary>PostgreSQL: the trigger of each table (one per statement, before it).</summary>
    /// <param name="tables">The tables.</param>
    internal static IEnumerable<string> PostgreSqlTriggers(IEnumerable<string> tables) => tables.Select(t =>
        $"CREATE TRIGGER \"StoreVersion_{t}\" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON \"{t}\" "
        + "FOR EACH STATEMENT EXECUTE FUNCTION \"StoreVersionBump\"()");

    /// <summary>PostgreSQL: removes the triggers, the function and the table.</summary>
    internal static IEnumerable<string> PostgreSqlDrop(IEnumerable<string> tables) =>
    [
        .. tables.Select(t => $"DROP TRIGGER IF EXISTS \"StoreVersion_{t}\" ON \"{t}\""),
        "DROP FUNCTION IF EXISTS \"StoreVersionBump\"()",
        "DROP TABLE IF EXISTS \"StoreVersion\"",
    ];

    /// <summary>
    /// PostgreSQL, since the migration <c>StoreVersionAtCommit</c>: the counter is raised once per transaction, at its
    /// commit (deferred constraint triggers, one per changed row, of which only the first updates the counter), so the
    /// counter's row lock is held for the commit alone rather than from a transaction's first write to its end: writers
    /// no longer wait on each other while the app between their statements is busy. Truncate still raises it at once.
    /// </summary>
    /// <param name="tables">The tables.</param>
    internal static IEnumerable<string> PostgreSqlAtCommit(IEnumerable<string> tables) =>
    [
        "CREATE OR REPLACE FUNCTION \"StoreVersionBump\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + "IF current_setting('csp.store_version_bumped', true) IS DISTINCT FROM txid_current()::text THEN "
            + "UPDATE \"StoreVersion\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1; "
            + "PERFORM set_config('csp.store_version_bumped', txid_current()::text, true); END IF; RETURN NULL; END $$",
        .. tables.SelectMany(t => new[]
        {
            $"DROP TRIGGER IF EXISTS \"StoreVersion_{t}\" ON \"{t}\"",
            $"CREATE CONSTRAINT TRIGGER \"StoreVersion_{t}\" AFTER INSERT OR UPDATE OR DELETE ON \"{t}\" "
                + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION \"StoreVersionBump\"()",
            $"CREATE TRIGGER \"StoreVersion_{t}_truncate\" BEFORE TRUNCATE ON \"{t}\" FOR EACH STATEMENT EXECUTE FUNCTION \"StoreVersionBump\"()",
        }),
    ];

    /// <summary>PostgreSQL: back from <see cref="PostgreSqlAtCommit"/> to <see cref="PostgreSqlTriggers"/>.</summary>
    /// <param name="tables">The tables.</param>
    internal static IEnumerable<string> PostgreSqlPerStatement(IEnumerable<string> tables) =>
    [
        .. tables.SelectMany(t => new[] { $"DROP TRIGGER IF EXISTS \"StoreVersion_{t}\" ON \"{t}\"", $"DROP TRIGGER IF EXISTS \"StoreVersion_{t}_truncate\" ON \"{t}\"" }),
        "CREATE OR REPLACE FUNCTION \"StoreVersionBump\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            + "UPDATE \"StoreVersion\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1; RETURN NULL; END $$",
        .. PostgreSqlTriggers(tables),
    ];

    /// <summary>SQLite: the counter table and its row.</summary>
    internal static IEnumerable<string> SqliteCreate() =>
    [
        "CREATE TABLE \"StoreVersion\" (\"Id\" INTEGER NOT NULL PRIMARY KEY CHECK (\"Id\" = 1), \"Epoch\" TEXT NOT NULL, \"Version\" INTEGER NOT NULL)",
        "INSERT INTO \"StoreVersion\" VALUES (1, lower(hex(randomblob(16))), 0)",
    ];

    /// <summary>SQLite: three triggers per table (SQLite's triggers are per row; SQLite has one writer at a time anyway).</summary>
    /// <param name="tables">The tables.</param>
    internal static IEnumerable<string> SqliteTriggers(IEnumerable<string> tables) =>
        from t in tables
        from action in new[] { "INSERT", "UPDATE", "DELETE" }
        select $"CREATE TRIGGER \"StoreVersion_{t}_{action.ToLowerInvariant()}\" AFTER {action} ON \"{t}\" "
            + "BEGIN UPDATE \"StoreVersion\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = 1; END";

    /// <summary>SQLite: removes the triggers and the table.</summary>
    internal static IEnumerable<string> SqliteDrop(IEnumerable<string> tables) =>
    [
        .. from t in tables from action in new[] { "insert", "update", "delete" } select $"DROP TRIGGER IF EXISTS \"StoreVersion_{t}_{action}\"",
        "DROP TABLE IF EXISTS \"StoreVersion\"",
    ];
}
