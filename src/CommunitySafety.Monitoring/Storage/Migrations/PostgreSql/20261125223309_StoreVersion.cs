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
            // The change counter and its triggers (global::CommunitySafety.Monitoring.StoreVersion).
            foreach (var sql in global::CommunitySafety.Monitoring.StoreVersion.PostgreSqlCreate().Concat(global::CommunitySafety.Monitoring.StoreVersion.PostgreSqlTriggers(global::CommunitySafety.Monitoring.StoreVersion.Tables)))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in global::CommunitySafety.Monitoring.StoreVersion.PostgreSqlDrop(global::CommunitySafety.Monitoring.StoreVersion.Tables))
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
