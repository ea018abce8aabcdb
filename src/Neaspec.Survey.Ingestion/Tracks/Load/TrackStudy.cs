using Neaspec.Survey.Ingestion.Import;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>The study a load is for, locked for the load's transaction: one load of a study at a time, so
/// the duplicate checks see every committed fix.</summary>
internal sealed record TrackStudy(int Id, string Name, bool HasFixes)
{
    /// <summary>Begins the load: the session's settings, the study (created when new), its lock.</summary>
    public static async Task<TrackStudy> BeginAsync(NpgsqlConnection conn, string name, CancellationToken ct)
    {
        await Db.ExecuteAsync(conn, TrackSql.SessionSettings, ct);
        var id = (int)await Db.LongAsync(conn, TrackSql.UpsertStudy, ct, name);
        await Db.LongAsync(conn, TrackSql.LockStudy, ct, id);
        var hasFixes = await Db.LongAsync(conn, TrackSql.StudyHasFixes, ct, id) > 0;
        return new TrackStudy(id, name, hasFixes);
    }
}
