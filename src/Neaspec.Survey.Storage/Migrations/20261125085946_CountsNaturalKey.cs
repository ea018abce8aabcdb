using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Neaspec.Survey.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CountsNaturalKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_counts_imports_import_id",
                table: "counts");

            migrationBuilder.DropForeignKey(
                name: "fk_counts_species_species_name",
                table: "counts");

            migrationBuilder.DropForeignKey(
                name: "fk_counts_surveys_survey_id",
                table: "counts");

            migrationBuilder.DropPrimaryKey(
                name: "pk_counts",
                table: "counts");

            migrationBuilder.DropIndex(
                name: "ix_counts_species_name",
                table: "counts");

            migrationBuilder.DropIndex(
                name: "ix_counts_survey_id_species_name",
                table: "counts");

            migrationBuilder.DropColumn(
                name: "id",
                table: "counts");

            migrationBuilder.AddPrimaryKey(
                name: "pk_counts",
                table: "counts",
                columns: new[] { "survey_id", "species_name" });

            migrationBuilder.Sql(CountGuards.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CountGuards.Drop);

            migrationBuilder.DropPrimaryKey(
                name: "pk_counts",
                table: "counts");

            migrationBuilder.AddColumn<long>(
                name: "id",
                table: "counts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.AddPrimaryKey(
                name: "pk_counts",
                table: "counts",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_counts_species_name",
                table: "counts",
                column: "species_name");

            migrationBuilder.CreateIndex(
                name: "ix_counts_survey_id_species_name",
                table: "counts",
                columns: new[] { "survey_id", "species_name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_counts_imports_import_id",
                table: "counts",
                column: "import_id",
                principalTable: "imports",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_counts_species_species_name",
                table: "counts",
                column: "species_name",
                principalTable: "species",
                principalColumn: "scientific_name",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_counts_surveys_survey_id",
                table: "counts",
                column: "survey_id",
                principalTable: "surveys",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
