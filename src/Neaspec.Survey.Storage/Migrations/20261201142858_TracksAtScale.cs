using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Neaspec.Survey.Storage.Migrations
{
    /// <summary>Fixes at 100 M scale (issue 15): <c>fixes</c> partitioned by month with a GiST index on the points
    /// (<see cref="FixMonthSql"/>), Movebank's numeric attributes in typed columns, and the track lines stored in
    /// tables kept current by the import (<see cref="TrackLineSql"/>) instead of views. The rows already stored
    /// move into their months, and their lines are built once.</summary>
    public partial class TracksAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // EF's own operations cannot partition a table: the SQL does it all; the model snapshot mirrors the result.
            migrationBuilder.Sql("drop view if exists track_seasons;\ndrop view if exists track_days;\n");
            migrationBuilder.Sql(FixMonthSql.Up);
            migrationBuilder.Sql(TrackLineSql.Up);
            migrationBuilder.Sql(TrackLineSql.Fill);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TrackLineSql.Down);
            migrationBuilder.Sql(FixMonthSql.Down);
            migrationBuilder.Sql(TrackViews.DaysView + SeasonSql.TrackSeasonsView);
        }
    }
}
