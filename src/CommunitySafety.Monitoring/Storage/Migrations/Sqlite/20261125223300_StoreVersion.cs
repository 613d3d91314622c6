using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySafety.Monitoring.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoreVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The change counter and its triggers (global::CommunitySafety.Monitoring.Storage.StoreVersion).
            foreach (var sql in global::CommunitySafety.Monitoring.Storage.StoreVersion.SqliteCreate().Concat(global::CommunitySafety.Monitoring.Storage.StoreVersion.SqliteTriggers(global::CommunitySafety.Monitoring.Storage.StoreVersion.Tables)))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in global::CommunitySafety.Monitoring.Storage.StoreVersion.SqliteDrop(global::CommunitySafety.Monitoring.Storage.StoreVersion.Tables))
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
