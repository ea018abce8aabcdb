using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Neaspec.Survey.Storage.Migrations
{
    /// <summary>Flyway population estimates and their 1 % thresholds (Ramsar criterion 6) for the trend report's site
    /// flags; the rows are seeded after the migrations from <see cref="PopulationEstimateCatalogue.Seed"/> (missing
    /// populations only, so an admin's figures stay), because the species they belong to are seeded then too.</summary>
    public partial class PopulationEstimates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "population_estimates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    species = table.Column<string>(type: "text", nullable: false),
                    population = table.Column<string>(type: "text", nullable: false),
                    estimate = table.Column<int>(type: "integer", nullable: false),
                    one_percent_threshold = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_by = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_population_estimates", x => x.id);
                    table.CheckConstraint("ck_population_estimates_estimate_positive", "estimate > 0");
                    table.CheckConstraint("ck_population_estimates_threshold_positive", "one_percent_threshold > 0");
                    table.CheckConstraint("ck_population_estimates_year", "year between 1900 and 2200");
                    table.ForeignKey(
                        name: "fk_population_estimates_species_species",
                        column: x => x.species,
                        principalTable: "species",
                        principalColumn: "scientific_name",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_population_estimates_species_population",
                table: "population_estimates",
                columns: new[] { "species", "population" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "population_estimates");
        }
    }
}
