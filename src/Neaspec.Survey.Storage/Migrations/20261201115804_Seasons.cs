using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Neaspec.Survey.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Seasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "seasons",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    species = table.Column<string>(type: "text", nullable: true),
                    name = table.Column<string>(type: "text", nullable: false),
                    start_md = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: false),
                    end_md = table.Column<string>(type: "character(5)", fixedLength: true, maxLength: 5, nullable: false),
                    time_zone = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seasons", x => x.id);
                    table.CheckConstraint("ck_seasons_end_mm_dd", "end_md ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'");
                    table.CheckConstraint("ck_seasons_start_mm_dd", "start_md ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'");
                });

            migrationBuilder.CreateIndex(
                name: "ix_seasons_species_name",
                table: "seasons",
                columns: new[] { "species", "name" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            // track_seasons now derives from this table (through season_of) instead of a month CASE of its own.
            migrationBuilder.Sql(SeasonSql.Up);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SeasonSql.Down);

            migrationBuilder.DropTable(
                name: "seasons");
        }
    }
}
