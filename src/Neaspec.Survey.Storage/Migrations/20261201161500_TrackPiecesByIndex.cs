using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Neaspec.Survey.Storage.Migrations
{
    /// <summary><c>refresh_track_lines</c> reads the fixes of the days it must read itself per range, through the
    /// (individual, time) index of each month (<see cref="TrackLineSql.Refresh"/>): as a join, the planner scanned
    /// every fix of the months the load had just attached (no statistics yet) to find none; 1 s of a 1 M-fix load
    /// (docs/tracks.md). The model does not change.</summary>
    [DbContext(typeof(SurveyDbContext))]
    [Migration("20261201161500_TrackPiecesByIndex")]
    public partial class TrackPiecesByIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(TrackLineSql.Refresh);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: the function returns the same lines either way, only its plan differs, and
            // TracksAtScale's Down drops it by its signature.
        }
    }
}
