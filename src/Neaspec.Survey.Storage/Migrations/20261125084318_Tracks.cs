using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Neaspec.Survey.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Tracks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fixes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    study_id = table.Column<int>(type: "integer", nullable: false),
                    individual_id = table.Column<int>(type: "integer", nullable: false),
                    tag_id = table.Column<int>(type: "integer", nullable: true),
                    event_id = table.Column<long>(type: "bigint", nullable: true),
                    observed_at = table.Column<DateTime>(type: "timestamp(3) with time zone", nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    visible = table.Column<bool>(type: "boolean", nullable: false),
                    marked_outlier = table.Column<bool>(type: "boolean", nullable: false),
                    speed_outlier = table.Column<bool>(type: "boolean", nullable: false),
                    hdop = table.Column<float>(type: "real", nullable: true),
                    satellite_count = table.Column<short>(type: "smallint", nullable: true),
                    attributes = table.Column<string>(type: "jsonb", nullable: true),
                    import_id = table.Column<long>(type: "bigint", nullable: false),
                    source_line = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fixes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "studies",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_studies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "track_sources",
                columns: table => new
                {
                    import_id = table.Column<long>(type: "bigint", nullable: false),
                    header = table.Column<List<string>>(type: "text[]", nullable: false),
                    attribute_columns = table.Column<List<string>>(type: "text[]", nullable: false),
                    rows_without_location = table.Column<long>(type: "bigint", nullable: false),
                    non_location_rows = table.Column<long>(type: "bigint", nullable: false),
                    speed_flagged = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_track_sources", x => x.import_id);
                    table.ForeignKey(
                        name: "fk_track_sources_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "individuals",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    study_id = table.Column<int>(type: "integer", nullable: false),
                    local_identifier = table.Column<string>(type: "text", nullable: false),
                    taxon = table.Column<string>(type: "text", nullable: true),
                    species_name = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_individuals", x => x.id);
                    table.ForeignKey(
                        name: "fk_individuals_species_species_name",
                        column: x => x.species_name,
                        principalTable: "species",
                        principalColumn: "scientific_name",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_individuals_studies_study_id",
                        column: x => x.study_id,
                        principalTable: "studies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tags",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    study_id = table.Column<int>(type: "integer", nullable: false),
                    local_identifier = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tags", x => x.id);
                    table.ForeignKey(
                        name: "fk_tags_studies_study_id",
                        column: x => x.study_id,
                        principalTable: "studies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "deployments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tag_id = table.Column<int>(type: "integer", nullable: false),
                    individual_id = table.Column<int>(type: "integer", nullable: false),
                    deploy_on = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    deploy_off = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    import_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deployments", x => x.id);
                    table.ForeignKey(
                        name: "fk_deployments_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deployments_individuals_individual_id",
                        column: x => x.individual_id,
                        principalTable: "individuals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_deployments_tags_tag_id",
                        column: x => x.tag_id,
                        principalTable: "tags",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deployments_import_id",
                table: "deployments",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_deployments_individual_id",
                table: "deployments",
                column: "individual_id");

            migrationBuilder.CreateIndex(
                name: "ix_deployments_tag_id_individual_id_deploy_on",
                table: "deployments",
                columns: new[] { "tag_id", "individual_id", "deploy_on" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_fixes_import_id",
                table: "fixes",
                column: "import_id")
                .Annotation("Npgsql:IndexMethod", "brin");

            migrationBuilder.CreateIndex(
                name: "ix_fixes_location",
                table: "fixes",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "brin");

            migrationBuilder.CreateIndex(
                name: "ux_fixes_individual_time",
                table: "fixes",
                columns: new[] { "individual_id", "observed_at", "event_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ux_fixes_study_event",
                table: "fixes",
                columns: new[] { "study_id", "event_id" },
                unique: true,
                filter: "event_id is not null");

            migrationBuilder.CreateIndex(
                name: "ix_individuals_species_name",
                table: "individuals",
                column: "species_name");

            migrationBuilder.CreateIndex(
                name: "ix_individuals_study_id_local_identifier",
                table: "individuals",
                columns: new[] { "study_id", "local_identifier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_studies_name",
                table: "studies",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tags_study_id_local_identifier",
                table: "tags",
                columns: new[] { "study_id", "local_identifier" },
                unique: true);

            migrationBuilder.Sql(TrackViews.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TrackViews.Drop);

            migrationBuilder.DropTable(
                name: "deployments");

            migrationBuilder.DropTable(
                name: "fixes");

            migrationBuilder.DropTable(
                name: "track_sources");

            migrationBuilder.DropTable(
                name: "individuals");

            migrationBuilder.DropTable(
                name: "tags");

            migrationBuilder.DropTable(
                name: "studies");
        }
    }
}
