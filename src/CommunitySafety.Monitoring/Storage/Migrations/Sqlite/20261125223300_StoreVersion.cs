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
            // The change counter and its triggers (global::CommunitySafety.Monitoring.StoreVersion).
            foreach (var sql in global::CommunitySafety.Monitoring.StoreVersion.SqliteCreate().Concat(global::CommunitySafety.Monitoring.StoreVersion.SqliteTriggers(global::CommunitySafety.Monitoring.StoreVersion.Tables)))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in global::CommunitySafety.Monitoring.StoreVersion.SqliteDrop(global::CommunitySafety.Monitoring.StoreVersion.Tables))
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
