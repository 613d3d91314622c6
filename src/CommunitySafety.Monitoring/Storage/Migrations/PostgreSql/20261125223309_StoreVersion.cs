using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySafety.Monitoring.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StoreVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The change counter and its triggers (global::CommunitySafety.Monitoring.Storage.StoreVersion).
            foreach (var sql in global::CommunitySafety.Monitoring.Storage.StoreVersion.PostgreSqlCreate().Concat(global::CommunitySafety.Monitoring.Storage.StoreVersion.PostgreSqlTriggers(global::CommunitySafety.Monitoring.Storage.StoreVersion.Tables)))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in global::CommunitySafety.Monitoring.Storage.StoreVersion.PostgreSqlDrop(global::CommunitySafety.Monitoring.Storage.StoreVersion.Tables))
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
