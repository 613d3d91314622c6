using CommunitySafety.Data.Inputs;
using CommunitySafety.Data.Internals;

namespace CommunitySafety.Data.Store;

/// <summary>The writes of an import into an open store: every <c>DELETE</c>, <c>INSERT</c> and appender on its tables.</summary>
public sealed partial class AnalyticalStoreWriter
{
    /// <summary><c>month_replaced</c>, created when first written: one row per street-level force-month replaced by an import.</summary>
    internal const string MonthReplacedDdl = """
        CREATE TABLE IF NOT EXISTS month_replaced(kind UTINYINT NOT NULL, force_id SMALLINT NOT NULL, month_idx INTEGER NOT NULL,
            old_file VARCHAR, old_rows BIGINT NOT NULL, new_file_id INTEGER NOT NULL, replaced_at TIMESTAMP NOT NULL)
        """;

    private const string AcknowledgementDdl = """
        CREATE TABLE IF NOT EXISTS quality_acknowledgement(flag VARCHAR NOT NULL, reason VARCHAR NOT NULL,
            acknowledged_by VARCHAR NOT NULL, acknowledged_at TIMESTAMP NOT NULL)
        """;

    private readonly AnalyticalStore _store;
    private readonly Func<string, ForceNames> _describeForce;

    /// <summary>A writer over the open <paramref name="store"/>.</summary>
    /// <param name="store">The store, open for writing.</param>
    /// <param name="describeForce">
    /// The names of a force first met by its "Reported by" name, for writers of police.uk files (the importer names forces as
    /// police.uk does); the other writes meet no force.
    /// </param>
    internal AnalyticalStoreWriter(AnalyticalStore store, Func<string, ForceNames>? describeForce = null)
    {
        _store = store;
        _describeForce = describeForce ?? (name => throw new InvalidOperationException($"This writer cannot name the force '{name}': make it with a describeForce."));
    }

    /// <summary>The store written to.</summary>
    internal AnalyticalStore Store => _store;

    /// <summary>A transaction over several whole police.uk files (<see cref="ImportBatch"/>).</summary>
    internal ImportBatch BeginBatch() => new(_store);

    /// <summary>
    /// Starts writing a police.uk file of <paramref name="kind"/> whose rows follow: in <paramref name="batch"/>, or in a
    /// transaction of its own when null (then the source file is recorded at once).
    /// </summary>
    internal ForceMonthFile BeginFile(PoliceFileKind kind, string path, ImportBatch? batch) =>
        ForceMonthFile.Begin(_store, _describeForce, batch, kind, path);

    /// <summary>Starts writing a counts-only street file (<see cref="ForceMonthFile.Add(MonthlyCounts)"/>) into <paramref name="batch"/>.</summary>
    internal ForceMonthFile BeginCounts(string path, ImportBatch batch) => ForceMonthFile.BeginCounts(_store, _describeForce, batch, path);

    /// <summary>
    /// Replaces the population figures of every (area, year) in <paramref name="rows"/> by these, and adds their LSOAs to
    /// the dimension (allocated to districts), in one transaction.
    /// </summary>
    internal void ReplacePopulation(string file, IReadOnlyList<PopulationRow> rows, IReadOnlyList<(string Code, string? Name)> lsoas)
    {
        _store.InTransaction(() =>
        {
            _store.Execute("CREATE OR REPLACE TEMP TABLE population_keys(code VARCHAR, year SMALLINT)");
            using (var keys = _store.Connection.CreateAppender("population_keys"))
            {
                foreach (var (code, year) in rows.Select(r => (r.Code, r.Year)).Distinct())
                {
                    keys.CreateRow().AppendValue(code).AppendValue(year).EndRow();
                }
            }

            _store.Execute("DELETE FROM population USING population_keys k WHERE population.area_code = k.code AND population.year = k.year");
            _store.Execute("DROP TABLE population_keys");
            using (var appender = _store.Connection.CreateAppender("population"))
            {
                foreach (var r in rows)
                {
                    appender.CreateRow().AppendValue(r.Code).AppendValue(r.Name).AppendValue(r.Year)
                        .AppendValue(r.AgeFrom).AppendValue(r.AgeTo).AppendValue(r.Value).AppendValue(r.Source).AppendValue(file).EndRow();
                }
            }

            // LSOAs join the dimension so that they are allocated to districts and can be summed up.
            foreach (var (code, name) in lsoas)
            {
                _store.Dimensions.Lsoa(code, name);
            }

            if (_store.Dimensions.FlushNew())
            {
                _store.AllocateLsoas();
            }
        });
    }

    /// <summary>Replaces an index of deprivation (<paramref name="key"/>, e.g. england-2025) by <paramref name="rows"/>, in one transaction.</summary>
    internal void ReplaceDeprivation(string key, short year, string name, short lsoaYear, string source,
        IReadOnlyList<(string Code, byte Decile, int? Rank, double? Score)> rows)
    {
        _store.InTransaction(() =>
        {
            _store.Execute("DELETE FROM deprivation WHERE index_key = $1", key);
            using (var appender = _store.Connection.CreateAppender("deprivation"))
            {
                foreach (var (code, decile, rank, score) in rows)
                {
                    appender.CreateRow().AppendValue(key).AppendValue(year).AppendValue(name).AppendValue(lsoaYear)
                        .AppendValue(code).AppendValue(decile).AppendValue(rank).AppendValue(score).AppendValue(source).EndRow();
                }
            }

            // The LSOAs join the dimension so that each is allocated to its district and an area's LSOAs are known.
            foreach (var (code, _, _, _) in rows)
            {
                _store.Dimensions.Lsoa(code, ReadOnlySpan<char>.Empty);
            }

            if (_store.Dimensions.FlushNew())
            {
                _store.AllocateLsoas();
            }
        });
    }

    /// <summary>
    /// Replaces the LSOA → (ward →) district rows of the LSOAs in <paramref name="rows"/> (code, name, district code,
    /// district name, ward code, ward name) and adds the LSOAs to the dimension; then re-allocates every LSOA, in one transaction.
    /// </summary>
    internal void ReplaceLsoaLookup(string source, IReadOnlyList<string?[]> rows, short? lsoaYear) => InLookupTransaction(() =>
    {
        Keys(rows.Select(r => r[0]));
        _store.Execute("DELETE FROM lsoa_lookup WHERE lsoa_code IN (SELECT code FROM lookup_keys)");
        using (var appender = _store.Connection.CreateAppender("lsoa_lookup"))
        {
            foreach (var r in rows)
            {
                appender.CreateRow().AppendValue(r[0]).AppendValue(r[1]).AppendValue(r[2]).AppendValue(r[3])
                    .AppendValue(r[3] is null ? null : NameKey.For(r[3]!)).AppendValue(source)
                    .AppendValue(lsoaYear).AppendValue(r[4]).AppendValue(r[5]).EndRow();
            }
        }

        // The LSOAs join the dimension, so that an area's LSOAs are known even where no record lies.
        foreach (var r in rows)
        {
            _store.Dimensions.Lsoa(r[0], r[1]);
        }

        _store.Dimensions.FlushNew();
    });

    /// <summary>
    /// Replaces the district → CSP → police force area rows of the districts in <paramref name="rows"/> (district code and
    /// name, CSP code and name, force area code and name); then re-allocates every LSOA, in one transaction.
    /// </summary>
    internal void ReplaceDistrictLookup(string source, IReadOnlyList<string?[]> rows) => InLookupTransaction(() =>
    {
        Keys(rows.Select(r => r[0]));
        _store.Execute("DELETE FROM lad_lookup WHERE lad_code IN (SELECT code FROM lookup_keys)");
        using var appender = _store.Connection.CreateAppender("lad_lookup");
        foreach (var r in rows)
        {
            appender.CreateRow().AppendValue(r[0]).AppendValue(r[1] ?? r[0]).AppendValue(NameKey.For(r[1] ?? r[0]!))
                .AppendValue(r[2]).AppendValue(r[3]).AppendValue(r[4]).AppendValue(r[5]).AppendValue(source).EndRow();
        }
    });

    /// <summary>Replaces the LSOA 2011 → 2021 rows of the 2011 codes in <paramref name="rows"/>; then re-allocates every LSOA, in one transaction.</summary>
    internal void ReplaceLsoaChanges(string source, IReadOnlyList<string?[]> rows) => InLookupTransaction(() =>
    {
        Keys(rows.Select(r => r[0]));
        _store.Execute("DELETE FROM lsoa_change WHERE lsoa11_code IN (SELECT code FROM lookup_keys)");
        using var appender = _store.Connection.CreateAppender("lsoa_change");
        foreach (var r in rows)
        {
            appender.CreateRow().AppendValue(r[0]).AppendValue(r[1]).AppendValue(r[2]).AppendValue(r[3]).AppendValue(source).EndRow();
        }
    });

    /// <summary>Replaces the district code history of the old codes in <paramref name="pairs"/>; then re-allocates every LSOA, in one transaction.</summary>
    internal void ReplaceDistrictHistory(string source, IReadOnlyList<(string Old, string? OldName, string New, string? NewName)> pairs) => InLookupTransaction(() =>
    {
        Keys(pairs.Select(p => p.Old));
        _store.Execute("DELETE FROM lad_history WHERE old_code IN (SELECT code FROM lookup_keys)");
        using var appender = _store.Connection.CreateAppender("lad_history");
        foreach (var (old, oldName, @new, newName) in pairs)
        {
            appender.CreateRow().AppendValue(old).AppendValue(oldName).AppendValue(@new).AppendValue(newName).AppendValue(source).EndRow();
        }
    });

    private void Keys(IEnumerable<string?> codes)
    {
        _store.Execute("CREATE OR REPLACE TEMP TABLE lookup_keys(code VARCHAR)");
        using var keys = _store.Connection.CreateAppender("lookup_keys");
        foreach (var code in codes.Distinct())
        {
            keys.CreateRow().AppendValue(code).EndRow();
        }
    }

    /// <summary>Runs <paramref name="write"/> and re-allocates every LSOA in one transaction: the lookup lands whole or not at all.</summary>
    private void InLookupTransaction(Action write)
    {
        _store.InTransaction(() =>
        {
            write();
            _store.Execute("DROP TABLE IF EXISTS lookup_keys");
            _store.AllocateLsoas();
        });
    }

    /// <summary>Records that flag <paramref name="flagId"/> can stand, with why, who and when (kept: a later one supersedes, none is erased).</summary>
    internal void Acknowledge(string flagId, string reason, string by, DateTime at)
    {
        _store.InTransaction(() =>
        {
            _store.Execute(AcknowledgementDdl);
            _store.Execute("INSERT INTO quality_acknowledgement VALUES ($1, $2, $3, $4)", flagId, reason, by, at);
        });
    }
}

/// <summary>One population figure as the store keeps it: area, year, age band (<paramref name="AgeTo"/> -1: and over), value and its source.</summary>
internal readonly record struct PopulationRow(string Code, string? Name, short Year, short AgeFrom, short AgeTo, double Value, string Source);
