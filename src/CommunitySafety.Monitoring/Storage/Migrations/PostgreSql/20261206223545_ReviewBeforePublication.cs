using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunitySafety.Monitoring.Storage.Migrations.PostgreSql
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "IndicatorValues",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "IndicatorValues",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "IndicatorValueRevisions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "CommentaryRevisions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<string>(
                name: "AuthorName",
                table: "Commentaries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AuthorOrganisation",
                table: "Commentaries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Review",
                table: "Commentaries",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Approved");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "Commentaries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "Commentaries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Review",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Review",
                table: "IndicatorValueRevisions");

            migrationBuilder.DropColumn(
                name: "Review",
                table: "CommentaryRevisions");

            migrationBuilder.DropColumn(
                name: "AuthorName",
                table: "Commentaries");

            migrationBuilder.DropColumn(
                name: "AuthorOrganisation",
                table: "Commentaries");

            migrationBuilder.DropColumn(
                name: "Review",
                table: "Commentaries");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Commentaries");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "Commentaries");
        }
    }
}
