using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Neaspec.Survey.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ReportTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReportTableDdl.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ReportTableDdl.Drop);
        }
    }
}
