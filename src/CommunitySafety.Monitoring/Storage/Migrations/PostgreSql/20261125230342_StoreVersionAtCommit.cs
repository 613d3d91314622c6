using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySafety.Monitoring.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class StoreVersionAtCommit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The change counter raised once per transaction, at commit (global::CommunitySafety.Monitoring.Storage.StoreVersion).
            foreach (var sql in global::CommunitySafety.Monitoring.Storage.StoreVersion.PostgreSqlAtCommit(global::CommunitySafety.Monitoring.Storage.StoreVersion.Tables))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in global::CommunitySafety.Monitoring.Storage.StoreVersion.PostgreSqlPerStatement(global::CommunitySafety.Monitoring.Storage.StoreVersion.Tables))
            {
                migrationBuilder.Sql(sql);
            }
        }
    }
}
