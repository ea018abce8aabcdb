using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Neaspec.Survey.Storage.Migrations
{
    /// <summary>Admins mark sites and species sensitive; shared exports generalise them (docs/sharing.md). The
    /// column default (false) stays in the database, so the importers' and the catalogue seed's inserts, which
    /// do not name the column, keep working.</summary>
    public partial class SensitiveFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_sensitive",
                table: "species",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "is_sensitive",
                table: "sites",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "is_sensitive",
                table: "species");

            migrationBuilder.DropColumn(
                name: "is_sensitive",
                table: "sites");
        }
    }
}
