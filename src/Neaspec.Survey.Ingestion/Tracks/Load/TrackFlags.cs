using Neaspec.Survey.Ingestion.Import;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>Flag: the speed filter in the database (<see cref="TrackSql.SpeedFilter"/>), and the flags of an
/// import's fixes counted.</summary>
internal static class TrackFlags
{
    public static async Task RunSpeedFilterAsync(NpgsqlConnection conn, int[] individualIds, double limitKmh, long importId, CancellationToken ct)
    {
        await using var speed = new NpgsqlCommand(TrackSql.SpeedFilter, conn)
        {
            Parameters = { new() { Value = limitKmh }, new() { Value = individualIds }, new() { Value = importId } },
        };
        await speed.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The import's fixes with any flag, and with the speed flag.</summary>
    public static async Task<(long Flagged, long SpeedFlagged)> CountAsync(NpgsqlConnection conn, long importId, CancellationToken ct) =>
        (await Db.LongAsync(conn, TrackSql.Flagged, ct, importId), await Db.LongAsync(conn, TrackSql.SpeedFlagged, ct, importId));
}
