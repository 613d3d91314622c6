using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySafety.Monitoring.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewBeforePublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Review before publication. Values and commentary already in a store were published under the old rules,
            // so they count as approved (and the earlier versions were approved when replaced); from now on a partner's
            // entry is a draft until an analyst approves it. Adding columns keeps the tables and their StoreVersion triggers.
            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "IndicatorValues",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "IndicatorValues",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "IndicatorValues",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "IndicatorValueRevisions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "CommentaryRevisions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<string>(
                name: "AuthorName",
                table: "Commentaries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AuthorOrganisation",
                table: "Commentaries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "Commentaries",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "Commentaries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "Commentaries",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite's own DROP COLUMN (3.35 and later), not EF's table rebuild: a rebuilt table loses its StoreVersion triggers.
            migrationBuilder.Sql("ALTER TABLE \"IndicatorValues\" DROP COLUMN \"Review\"");
            migrationBuilder.Sql("ALTER TABLE \"IndicatorValues\" DROP COLUMN \"ReviewedAt\"");
            migrationBuilder.Sql("ALTER TABLE \"IndicatorValues\" DROP COLUMN \"ReviewedBy\"");
            migrationBuilder.Sql("ALTER TABLE \"IndicatorValueRevisions\" DROP COLUMN \"Review\"");
            migrationBuilder.Sql("ALTER TABLE \"CommentaryRevisions\" DROP COLUMN \"Review\"");
            migrationBuilder.Sql("ALTER TABLE \"Commentaries\" DROP COLUMN \"AuthorName\"");
            migrationBuilder.Sql("ALTER TABLE \"Commentaries\" DROP COLUMN \"AuthorOrganisation\"");
            migrationBuilder.Sql("ALTER TABLE \"Commentaries\" DROP COLUMN \"Review\"");
            migrationBuilder.Sql("ALTER TABLE \"Commentaries\" DROP COLUMN \"ReviewedAt\"");
            migrationBuilder.Sql("ALTER TABLE \"Commentaries\" DROP COLUMN \"ReviewedBy\"");
        }
    }
}
