using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Neaspec.Survey.Storage.Migrations
{
    /// <summary>Issue 14: the catalogue keeps a rank per taxon (Darwin Core taxonRank), a preferred Traditional Chinese
    /// name (zh-Hant) and any number of other names per language (species_names). Rows stored before get the rank
    /// their name's form implies (TaxonRank.FromForm); the catalogue seed fills in the seed species' zh-Hant names.</summary>
    public partial class SpeciesNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "name_zh_hant",
                table: "species",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "taxon_rank",
                table: "species",
                type: "text",
                nullable: false,
                defaultValue: "species");

            migrationBuilder.Sql(
                """
                update species set taxon_rank = case array_length(regexp_split_to_array(btrim(scientific_name), '\s+'), 1)
                    when 1 then 'genus' when 3 then 'subspecies' else 'species' end;
                """);

            migrationBuilder.CreateTable(
                name: "species_names",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    scientific_name = table.Column<string>(type: "text", nullable: false),
                    language = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    import_id = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_species_names", x => x.id);
                    table.CheckConstraint("ck_species_names_language", "language in ('en', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'ru', 'mn')");
                    table.ForeignKey(
                        name: "fk_species_names_imports_import_id",
                        column: x => x.import_id,
                        principalTable: "imports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_species_names_species_scientific_name",
                        column: x => x.scientific_name,
                        principalTable: "species",
                        principalColumn: "scientific_name",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_species_taxon_rank",
                table: "species",
                sql: "taxon_rank in ('order', 'family', 'genus', 'species', 'subspecies')");

            migrationBuilder.CreateIndex(
                name: "ix_species_names_import_id",
                table: "species_names",
                column: "import_id");

            migrationBuilder.CreateIndex(
                name: "ix_species_names_scientific_name_language_name",
                table: "species_names",
                columns: new[] { "scientific_name", "language", "name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "species_names");

            migrationBuilder.DropCheckConstraint(
                name: "ck_species_taxon_rank",
                table: "species");

            migrationBuilder.DropColumn(
                name: "name_zh_hant",
                table: "species");

            migrationBuilder.DropColumn(
                name: "taxon_rank",
                table: "species");
        }
    }
}
