namespace CommunitySafety.Data.Store;

/// <summary>The DuckDB schema of the analytical store, and its migrations.</summary>
/// <remarks>
/// Dimensions are small dictionary tables keyed by compact integers; facts hold those keys.
/// <c>crime_monthly</c> holds counts by force × LSOA × crime type × month (LSOA null = no location) and is
/// rewritten with every import of a force-month, so queries never rescan <c>crime</c>.
/// No primary keys on tables that imports delete from and re-insert into in one transaction:
/// the importer owns the keys.
/// </remarks>
internal static class StoreSchema
{
    /// <summary>The schema version this code writes.</summary>
    public const int CurrentVersion = 3;

    public static readonly string[] Version1 =
    [
        "CREATE TABLE schema_info(version INTEGER NOT NULL)",
        "CREATE TABLE force(force_id SMALLINT NOT NULL, name VARCHAR NOT NULL, short_name VARCHAR NOT NULL, slug VARCHAR NOT NULL)",
        "CREATE TABLE crime_type(crime_type_id UTINYINT NOT NULL, name VARCHAR NOT NULL, slug VARCHAR NOT NULL, is_legacy BOOLEAN NOT NULL)",
        "CREATE TABLE month(month_idx INTEGER NOT NULL, month VARCHAR NOT NULL, financial_year VARCHAR NOT NULL, financial_quarter VARCHAR NOT NULL, calendar_year SMALLINT NOT NULL)",
        // lad_from_name/lad_key: the local authority the LSOA name names (as written / normalised); lad_code/lad_name: the resolved allocation.
        "CREATE TABLE lsoa(lsoa_id INTEGER NOT NULL, code VARCHAR NOT NULL, name VARCHAR, lad_from_name VARCHAR, lad_key VARCHAR, lad_code VARCHAR, lad_name VARCHAR)",
        "CREATE TABLE lsoa_lookup(lsoa_code VARCHAR NOT NULL, lsoa_name VARCHAR, lad_code VARCHAR NOT NULL, lad_name VARCHAR, lad_key VARCHAR, source VARCHAR)",
        "CREATE TABLE lad_lookup(lad_code VARCHAR NOT NULL, lad_name VARCHAR NOT NULL, lad_key VARCHAR NOT NULL, csp_code VARCHAR, csp_name VARCHAR, pfa_code VARCHAR, pfa_name VARCHAR, source VARCHAR)",
        "CREATE TABLE source_file(file_id INTEGER NOT NULL, path VARCHAR NOT NULL, kind UTINYINT NOT NULL, rows BIGINT NOT NULL, imported_at TIMESTAMP NOT NULL)",
        "CREATE TABLE loaded_month(kind UTINYINT NOT NULL, force_id SMALLINT NOT NULL, month_idx INTEGER NOT NULL, file_id INTEGER NOT NULL, rows BIGINT NOT NULL)",
        "CREATE TABLE crime(force_id SMALLINT NOT NULL, month_idx INTEGER NOT NULL, crime_type_id UTINYINT NOT NULL, lsoa_id INTEGER, longitude FLOAT, latitude FLOAT, crime_id VARCHAR, location VARCHAR, outcome VARCHAR, context VARCHAR, file_id INTEGER NOT NULL, line INTEGER NOT NULL)",
        "CREATE TABLE crime_monthly(force_id SMALLINT NOT NULL, lsoa_id INTEGER, crime_type_id UTINYINT NOT NULL, month_idx INTEGER NOT NULL, n INTEGER NOT NULL)",
        "CREATE TABLE outcome(force_id SMALLINT NOT NULL, month_idx INTEGER NOT NULL, crime_id VARCHAR, lsoa_id INTEGER, longitude FLOAT, latitude FLOAT, location VARCHAR, outcome_type VARCHAR NOT NULL, file_id INTEGER NOT NULL, line INTEGER NOT NULL)",
        "CREATE TABLE stop_search(force_id SMALLINT NOT NULL, month_idx INTEGER NOT NULL, search_type VARCHAR NOT NULL, occurred_at TIMESTAMP NOT NULL, part_of_operation BOOLEAN, operation VARCHAR, latitude FLOAT, longitude FLOAT, gender VARCHAR, age_range VARCHAR, self_defined_ethnicity VARCHAR, officer_defined_ethnicity VARCHAR, legislation VARCHAR, object_of_search VARCHAR, outcome VARCHAR, outcome_linked BOOLEAN, removal_of_more_than_outer_clothing BOOLEAN, file_id INTEGER NOT NULL, line INTEGER NOT NULL)",
        // age_to = -1: "and over"; all ages is 0 and over.
        "CREATE TABLE population(area_code VARCHAR NOT NULL, area_name VARCHAR, year SMALLINT NOT NULL, age_from SMALLINT NOT NULL, age_to SMALLINT NOT NULL, value DOUBLE NOT NULL, source VARCHAR)",
    ];

    /// <summary>
    /// Version 2: <c>loaded_month.counts_only</c> marks a street force-month imported with
    /// <c>PoliceImportOptions.CountsOnly</c> (monthly counts, no raw <c>crime</c> rows), so the parts that
    /// read raw rows can say so. Applied to a version 1 store when it is opened for writing; its months are all full.
    /// </summary>
    public static readonly string[] Version2 =
    [
        "ALTER TABLE loaded_month ADD COLUMN counts_only BOOLEAN DEFAULT false",
    ];

    /// <summary>
    /// Version 3, geography as it is now and deprivation: <c>lsoa_lookup</c> keeps the LSOA vintage (2011 or 2021) and
    /// the ward; <c>lsoa_change</c> is the ONS LSOA 2011 → LSOA 2021 lookup with its change code (U unchanged, S split,
    /// M merged, X redrawn); <c>lad_history</c> maps every district code used since 2016 to today's;
    /// <c>deprivation</c> holds an index of deprivation by LSOA (one row per LSOA per index); <c>population.file</c> is
    /// the file a figure came from, <c>population.source</c> its description ("ONS mid-2024 population estimates (MYE2),
    /// Local Authority, OGL v3").
    /// </summary>
    public static readonly string[] Version3 =
    [
        "ALTER TABLE lsoa_lookup ADD COLUMN lsoa_year SMALLINT",
        "ALTER TABLE lsoa_lookup ADD COLUMN ward_code VARCHAR",
        "ALTER TABLE lsoa_lookup ADD COLUMN ward_name VARCHAR",
        "CREATE TABLE lsoa_change(lsoa11_code VARCHAR NOT NULL, lsoa21_code VARCHAR NOT NULL, change_code VARCHAR NOT NULL, lsoa21_name VARCHAR, source VARCHAR)",
        "CREATE TABLE lad_history(old_code VARCHAR NOT NULL, old_name VARCHAR, new_code VARCHAR NOT NULL, new_name VARCHAR, source VARCHAR)",
        "CREATE TABLE deprivation(index_key VARCHAR NOT NULL, index_year SMALLINT NOT NULL, index_name VARCHAR NOT NULL, lsoa_year SMALLINT NOT NULL, lsoa_code VARCHAR NOT NULL, decile UTINYINT NOT NULL, rank INTEGER, score DOUBLE, source VARCHAR)",
        "ALTER TABLE population ADD COLUMN file VARCHAR",
    ];
}
